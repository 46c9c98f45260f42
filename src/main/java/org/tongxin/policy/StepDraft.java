package org.tongxin.policy;

import java.util.List;

/**
 * A step as a coordinator writes it into a draft, before it is checked: organs and the deadline kind as the names of
 * {@link Organ} and {@link DeadlineKind} (so that a wrong value is a field problem with a clear message, not a
 * parse error). A variant's step is always given in full; the draft stores only what differs from the parent.
 */
public record StepDraft(
        String id,
        String nameZh,
        String nameEn,
        String triggerZh,
        String triggerEn,
        String owes,
        String counterparty,
        List<String> copies,
        String watcher,
        String deadlineKind,
        Integer deadlineAmount,
        Integer deadlineExpedited,
        String documentsZh,
        String documentsEn,
        String legalBasis,
        String confidence,
        Boolean pausable,
        String group,
        String noteZh,
        String noteEn) {

    public StepDraft {
        copies = copies == null ? List.of() : List.copyOf(copies);
    }

    /** The draft of a step exactly as it applies now (the starting point of an edit form). */
    public static StepDraft of(ProcedureStep s) {
        DeadlineRule d = s.deadline();
        return new StepDraft(
                s.id(),
                s.nameZh(),
                s.nameEn(),
                s.triggerZh(),
                s.triggerEn(),
                name(s.owes()),
                name(s.counterparty()),
                s.copies().stream().map(Enum::name).toList(),
                name(s.watcher()),
                d == null ? null : d.kind().name(),
                d == null ? null : d.amount(),
                d == null ? null : d.expeditedAmount(),
                s.documentsZh(),
                s.documentsEn(),
                s.legalBasis(),
                s.confidence(),
                s.pausable(),
                s.group(),
                s.noteZh(),
                s.noteEn());
    }

    /** The same draft under another id (a step's id never changes once it exists; this is for forms and tests). */
    public StepDraft withId(String value) {
        StepFields f = StepFields.of(this);
        f.setId(value);
        return f.draft();
    }

    /** The same draft with another deadline. */
    public StepDraft withDeadline(String kind, Integer amount, Integer expedited) {
        StepFields f = StepFields.of(this);
        f.setDeadlineKind(kind);
        f.setDeadlineAmount(amount);
        f.setDeadlineExpedited(expedited);
        return f.draft();
    }

    /** The same draft with another legal basis and confidence. */
    public StepDraft withLegalBasis(String basis, String confidenceValue) {
        StepFields f = StepFields.of(this);
        f.setLegalBasis(basis);
        f.setConfidence(confidenceValue);
        return f.draft();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
