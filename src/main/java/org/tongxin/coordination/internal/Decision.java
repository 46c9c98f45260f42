package org.tongxin.coordination.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.CoordinationEvents.DecisionDone;
import org.tongxin.coordination.CoordinationEvents.DecisionRecorded;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A decision of a joint meeting: recorded by the held meeting ({@link Meeting#decide}), then open until the agency it
 * names reports it done — an aggregate of its own, because that report comes after the meeting was closed, from another
 * agency, under the decision's own version. {@link MeetingRepository#insert(Decision)} and
 * {@link MeetingRepository#save(Decision)} write it; the façade publishes {@link #pullEvents()}. A refusal is a
 * {@link TongxinException} with a code (409): the decision is then unchanged.
 */
public final class Decision extends AggregateRoot {

    final DecisionId id;
    final MeetingId meetingId;
    final String text;
    final AgencyId owingAgency;
    final CaseId caseId;
    final LocalDate dueDate;
    final boolean tracked;
    final Instant createdAt;
    final int version;
    boolean done;
    Instant doneAt;
    UUID doneBy;
    String doneNote;
    Boolean late;

    private Decision(
            DecisionId id,
            MeetingId meetingId,
            String text,
            AgencyId owingAgency,
            CaseId caseId,
            LocalDate dueDate,
            boolean tracked,
            Instant createdAt,
            int version,
            boolean done) {
        this.id = id;
        this.meetingId = meetingId;
        this.text = text;
        this.owingAgency = owingAgency;
        this.caseId = caseId;
        this.dueDate = dueDate;
        this.tracked = tracked;
        this.createdAt = createdAt;
        this.version = version;
        this.done = done;
    }

    /** A decision the meeting just took (only through {@link Meeting#decide}, which guards the meeting's status). */
    static Decision record(
            DecisionId id,
            MeetingId meeting,
            String text,
            AgencyId owing,
            CaseId caseId,
            LocalDate due,
            boolean tracked,
            Instant now,
            ActorRef actor) {
        Decision d = new Decision(id, meeting, text, owing, caseId, due, tracked, now, 0, false);
        d.register(new DecisionRecorded(UUID.randomUUID(), id, meeting, caseId, owing, due, now, actor));
        return d;
    }

    /** The decision as stored, to change it. */
    public static Decision of(DecisionView v) {
        Decision d = new Decision(
                v.id(),
                v.meetingId(),
                v.text(),
                v.owingAgency(),
                v.caseId(),
                v.dueDate(),
                v.tracked(),
                v.createdAt(),
                v.version(),
                v.done());
        d.doneAt = v.doneAt();
        d.doneBy = v.doneBy();
        d.doneNote = v.doneNote();
        d.late = v.late();
        return d;
    }

    /**
     * OPEN → DONE: the named agency reports it carried out, with a note; {@code lateness} as the ledger judged it (or,
     * untracked, after the due date).
     */
    public void reportDone(String note, boolean lateness, Instant now, UUID by, ActorRef actor) {
        requireOpen();
        done = true;
        doneAt = now;
        doneBy = by;
        doneNote = note;
        late = lateness;
        register(new DecisionDone(UUID.randomUUID(), id, meetingId, caseId, owingAgency, lateness, now, actor));
    }

    /** The guard of {@link #reportDone}; the façade asks it first, before it reads the note or asks the ledger. */
    public void requireOpen() {
        if (done) {
            throw TongxinException.conflict("DECISION_DONE");
        }
    }

    public DecisionId id() {
        return id;
    }

    public int version() {
        return version;
    }
}
