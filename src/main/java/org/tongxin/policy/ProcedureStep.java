package org.tongxin.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.tongxin.shared.web.Languages;

/**
 * One step of the catalogue as it applies in a region: who owes it ({@code owes}) to whom ({@code counterparty}),
 * who gets copies, who watches it when the subject owes it, its deadline rule, documents and legal basis.
 * {@code origin} says where the region got it from.
 */
public record ProcedureStep(
        String id,
        String nameZh,
        String nameEn,
        String triggerZh,
        String triggerEn,
        Organ owes,
        Organ counterparty,
        List<Organ> copies,
        Organ watcher,
        DeadlineRule deadline,
        String documentsZh,
        String documentsEn,
        String legalBasis,
        String confidence,
        boolean pausable,
        String group,
        String noteZh,
        String noteEn,
        Origin origin) {

    /** Where a region's step comes from. */
    public enum Origin {
        BASELINE,
        INHERITED,
        OVERRIDDEN,
        ADDED
    }

    public ProcedureStep {
        copies = copies == null ? List.of() : List.copyOf(copies);
    }

    public String name(Locale locale) {
        return Languages.pickOrChinese(locale, nameZh, nameEn);
    }

    public String trigger(Locale locale) {
        return Languages.pickOrChinese(locale, triggerZh, triggerEn);
    }

    public String documents(Locale locale) {
        return Languages.pickOrChinese(locale, documentsZh, documentsEn);
    }

    public String note(Locale locale) {
        return Languages.pickOrChinese(locale, noteZh, noteEn);
    }

    /** The step's sources with their own confidence and, per cited article, its citation and text ({@link LegalSource}). */
    @JsonProperty("sources")
    public List<LegalSource> sources() {
        return LegalSource.parse(legalBasis, confidence);
    }

    /** Whether the step rests on {@code article} of the instrument {@code code} (CCL, CPL, IM, …). */
    public boolean cites(String code, int article) {
        return sources().stream().anyMatch(s -> s.cites(code, article));
    }

    /** The organ responsible for watching this step: the watcher when the subject owes it, else the one who owes it. */
    public Organ responsible() {
        return owes == Organ.SUBJECT && watcher != null ? watcher : owes;
    }

    /** The same step with another origin (resolution marks inherited steps). */
    public ProcedureStep withOrigin(Origin value) {
        return new ProcedureStep(
                id,
                nameZh,
                nameEn,
                triggerZh,
                triggerEn,
                owes,
                counterparty,
                copies,
                watcher,
                deadline,
                documentsZh,
                documentsEn,
                legalBasis,
                confidence,
                pausable,
                group,
                noteZh,
                noteEn,
                value);
    }
}
