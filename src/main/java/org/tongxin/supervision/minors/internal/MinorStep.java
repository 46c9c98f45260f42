package org.tongxin.supervision.minors.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.minors.MinorsEvents.MinorStepFulfilled;
import org.tongxin.supervision.minors.MinorsEvents.MinorStepOpened;

/**
 * One of the minors' steps of a minor's case (CCL ch. 7, arts. 52–55): the measures fitted to the minor and the team
 * fitted to minors, opened when the case is registered; urging the guardian, compulsory education and vocational
 * training, opened when the county agency finds their trigger. OPEN → DONE with a record of what was done. Its clock is the
 * step's obligation on the ledger (instance = this record's id).
 */
public final class MinorStep extends AggregateRoot {

    public enum State {
        OPEN,
        DONE
    }

    /** How the step came about: the minor's registration, or a fact the county agency found later. */
    public enum Trigger {
        REGISTRATION,
        FOUND
    }

    /** Measures fitted to the minor (CCL art. 52). */
    public static final String MEASURES = "minors.measures";
    /** The team includes people who know minors; corrected apart from adults (CCL art. 52). */
    public static final String TEAM = "minors.team";
    /** Urge and educate a guardian who neglects duties; notify the competent department of one who refuses (CCL art. 53). */
    public static final String GUARDIAN = "minors.guardian";
    /** Compulsory education not complete: notify and work with the education department (CCL art. 55). */
    public static final String EDUCATION = "minors.education";
    /** Aged 16 or over and wishing to work: vocational training and job guidance (CCL art. 55). */
    public static final String EMPLOYMENT = "minors.employment";

    /** The steps every minor's registration opens, in the order the page shows them. */
    public static final List<String> AT_REGISTRATION = List.of(MEASURES, TEAM);
    /** The steps the county agency opens when it finds their trigger. */
    public static final List<String> ON_TRIGGER = List.of(GUARDIAN, EDUCATION, EMPLOYMENT);

    public static final int MAX_TEXT = 3000;

    final UUID id;
    final CaseId caseId;
    final String stepId;
    final Trigger trigger;
    State state;
    final String circumstances;
    final Instant openedAt;
    Instant doneAt;
    String doneNote;
    int version;

    MinorStep(
            UUID id,
            CaseId caseId,
            String stepId,
            Trigger trigger,
            State state,
            String circumstances,
            Instant openedAt,
            Instant doneAt,
            String doneNote,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.stepId = stepId;
        this.trigger = trigger;
        this.state = state;
        this.circumstances = circumstances;
        this.openedAt = openedAt;
        this.doneAt = doneAt;
        this.doneNote = doneNote;
        this.version = version;
    }

    /** A step the registration of a minor opens (measures, team); refuses any other step (a programming error). */
    public static MinorStep atRegistration(CaseId caseId, String stepId, Instant registeredAt) {
        if (!AT_REGISTRATION.contains(stepId)) {
            throw new IllegalArgumentException("not opened on registration: " + stepId);
        }
        MinorStep s = new MinorStep(
                UUID.randomUUID(), caseId, stepId, Trigger.REGISTRATION, State.OPEN, null, registeredAt, null, null, 0);
        s.register(new MinorStepOpened(UUID.randomUUID(), caseId, s.id, stepId, registeredAt, ActorRef.SYSTEM));
        return s;
    }

    /**
     * The county agency found a step's trigger (a guardian neglecting duties, compulsory education not complete, a wish to
     * work): 400 {@code step} required / notATriggeredStep, {@code circumstances} required / maxLength.
     */
    public static MinorStep found(CaseId caseId, String stepId, String circumstances, Instant now, ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (stepId == null || stepId.isBlank()) {
            problems.add("step", "required");
        } else if (!ON_TRIGGER.contains(stepId)) {
            problems.add("step", "notATriggeredStep");
        }
        String text = text(circumstances, "circumstances", problems);
        problems.throwIfAny();
        MinorStep s =
                new MinorStep(UUID.randomUUID(), caseId, stepId, Trigger.FOUND, State.OPEN, text, now, null, null, 0);
        s.register(new MinorStepOpened(UUID.randomUUID(), caseId, s.id, stepId, now, actor));
        return s;
    }

    /** Done, with what was done (OPEN → DONE; 409 MINORS_STEP_ALREADY_DONE; 400 {@code note} required / maxLength). */
    public void fulfil(String note, Instant now, ActorRef actor) {
        if (state != State.OPEN) {
            throw TongxinException.conflict("MINORS_STEP_ALREADY_DONE");
        }
        FieldProblems problems = new FieldProblems();
        String text = text(note, "note", problems);
        problems.throwIfAny();
        state = State.DONE;
        doneAt = now;
        doneNote = text;
        register(new MinorStepFulfilled(UUID.randomUUID(), caseId, id, stepId, now, actor));
    }

    private static String text(String value, String field, FieldProblems problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(field, "required");
        } else if (text.length() > MAX_TEXT) {
            problems.add(field, "maxLength", MAX_TEXT);
        }
        return text;
    }

    /** Whether {@code stepId} is one of the minors' steps kept here. */
    public static boolean known(String stepId) {
        return Set.copyOf(AT_REGISTRATION).contains(stepId) || ON_TRIGGER.contains(stepId);
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public String stepId() {
        return stepId;
    }

    public Trigger trigger() {
        return trigger;
    }

    public State state() {
        return state;
    }

    public String circumstances() {
        return circumstances;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public String doneNote() {
        return doneNote;
    }

    public int version() {
        return version;
    }
}
