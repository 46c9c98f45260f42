package org.tongxin.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a {@link StepDraft} one by one, to be set: what the drafting page's step form binds (its names are the
 * form's field names) and where a draft is copied with one thing changed. {@link #draft()} is the draft they make.
 */
public class StepFields {

    private String id;
    private String nameZh;
    private String nameEn;
    private String triggerZh;
    private String triggerEn;
    private String owes;
    private String counterparty;
    private List<String> copies = new ArrayList<>();
    private String watcher;
    private String deadlineKind;
    private Integer deadlineAmount;
    private Integer deadlineExpedited;
    private String documentsZh;
    private String documentsEn;
    private String legalBasis;
    private String confidence;
    private Boolean pausable;
    private String group;
    private String noteZh;
    private String noteEn;

    /** Takes every field of {@code d}. */
    protected void fill(StepDraft d) {
        this.id = d.id();
        this.nameZh = d.nameZh();
        this.nameEn = d.nameEn();
        this.triggerZh = d.triggerZh();
        this.triggerEn = d.triggerEn();
        this.owes = d.owes();
        this.counterparty = d.counterparty();
        this.copies = new ArrayList<>(d.copies());
        this.watcher = d.watcher();
        this.deadlineKind = d.deadlineKind();
        this.deadlineAmount = d.deadlineAmount();
        this.deadlineExpedited = d.deadlineExpedited();
        this.documentsZh = d.documentsZh();
        this.documentsEn = d.documentsEn();
        this.legalBasis = d.legalBasis();
        this.confidence = d.confidence();
        this.pausable = d.pausable();
        this.group = d.group();
        this.noteZh = d.noteZh();
        this.noteEn = d.noteEn();
    }

    /** The draft these fields make. */
    public StepDraft draft() {
        return new StepDraft(
                id,
                nameZh,
                nameEn,
                triggerZh,
                triggerEn,
                owes,
                counterparty,
                copies,
                watcher,
                deadlineKind,
                deadlineAmount,
                deadlineExpedited,
                documentsZh,
                documentsEn,
                legalBasis,
                confidence,
                pausable,
                group,
                noteZh,
                noteEn);
    }

    /** The fields of {@code d}, to be changed before {@link #draft()}. */
    static StepFields of(StepDraft d) {
        StepFields f = new StepFields();
        f.fill(d);
        return f;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getTriggerZh() {
        return triggerZh;
    }

    public void setTriggerZh(String triggerZh) {
        this.triggerZh = triggerZh;
    }

    public String getTriggerEn() {
        return triggerEn;
    }

    public void setTriggerEn(String triggerEn) {
        this.triggerEn = triggerEn;
    }

    public String getOwes() {
        return owes;
    }

    public void setOwes(String owes) {
        this.owes = owes;
    }

    public String getCounterparty() {
        return counterparty;
    }

    public void setCounterparty(String counterparty) {
        this.counterparty = counterparty;
    }

    public List<String> getCopies() {
        return copies;
    }

    public void setCopies(List<String> copies) {
        this.copies = copies == null ? new ArrayList<>() : copies;
    }

    public String getWatcher() {
        return watcher;
    }

    public void setWatcher(String watcher) {
        this.watcher = watcher;
    }

    public String getDeadlineKind() {
        return deadlineKind;
    }

    public void setDeadlineKind(String deadlineKind) {
        this.deadlineKind = deadlineKind;
    }

    public Integer getDeadlineAmount() {
        return deadlineAmount;
    }

    public void setDeadlineAmount(Integer deadlineAmount) {
        this.deadlineAmount = deadlineAmount;
    }

    public Integer getDeadlineExpedited() {
        return deadlineExpedited;
    }

    public void setDeadlineExpedited(Integer deadlineExpedited) {
        this.deadlineExpedited = deadlineExpedited;
    }

    public String getDocumentsZh() {
        return documentsZh;
    }

    public void setDocumentsZh(String documentsZh) {
        this.documentsZh = documentsZh;
    }

    public String getDocumentsEn() {
        return documentsEn;
    }

    public void setDocumentsEn(String documentsEn) {
        this.documentsEn = documentsEn;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getConfidence() {
        return confidence;
    }

    public void setConfidence(String confidence) {
        this.confidence = confidence;
    }

    public Boolean getPausable() {
        return pausable;
    }

    public void setPausable(Boolean pausable) {
        this.pausable = pausable;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getNoteZh() {
        return noteZh;
    }

    public void setNoteZh(String noteZh) {
        this.noteZh = noteZh;
    }

    public String getNoteEn() {
        return noteEn;
    }

    public void setNoteEn(String noteEn) {
        this.noteEn = noteEn;
    }
}
