package org.tongxin.policy.web;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.policy.StepDraft;

/** The step form as the drafting page posts it (and as it is prefilled with the step's resolved values). */
public class StepForm {

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
    private boolean pausable;
    private String group;
    private String noteZh;
    private String noteEn;
    private Integer version;

    static StepForm of(StepDraft d, int version) {
        StepForm f = new StepForm();
        f.id = d.id();
        f.nameZh = d.nameZh();
        f.nameEn = d.nameEn();
        f.triggerZh = d.triggerZh();
        f.triggerEn = d.triggerEn();
        f.owes = d.owes();
        f.counterparty = d.counterparty();
        f.copies = new ArrayList<>(d.copies());
        f.watcher = d.watcher();
        f.deadlineKind = d.deadlineKind();
        f.deadlineAmount = d.deadlineAmount();
        f.deadlineExpedited = d.deadlineExpedited();
        f.documentsZh = d.documentsZh();
        f.documentsEn = d.documentsEn();
        f.legalBasis = d.legalBasis();
        f.confidence = d.confidence();
        f.pausable = Boolean.TRUE.equals(d.pausable());
        f.group = d.group();
        f.noteZh = d.noteZh();
        f.noteEn = d.noteEn();
        f.version = version;
        return f;
    }

    StepDraft draft() {
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

    public boolean isPausable() {
        return pausable;
    }

    public void setPausable(boolean pausable) {
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

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
