package org.tongxin.coordination.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.ConflictViews.Evidence;
import org.tongxin.coordination.CoordinationEvents.ConflictEscalated;
import org.tongxin.coordination.CoordinationEvents.ConflictRaised;
import org.tongxin.coordination.CoordinationEvents.ConflictResolved;
import org.tongxin.coordination.MeetingId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A conflict in the register and its state machine, like the case's (doc/style.md 7): raised → responded → taken to a
 * joint meeting (escalated, possibly again) → resolved, every open state may be resolved directly. One method per
 * transition, each guarded by the state, each recording the event it causes; {@link ConflictRepository#save} writes it
 * under its version and the façade publishes {@link #pullEvents()}. A refusal is a {@link TongxinException} with a code
 * (409): the conflict is then unchanged. Validation of the texts is the façade's (field problems, 400).
 */
public final class Conflict extends AggregateRoot {

    final ConflictId id;
    final CaseId caseId;
    final String caseNumber;
    final ConflictType type;
    final AgencyId raisedBy;
    final UUID raisedByUser;
    final AgencyId office;
    final List<AgencyId> parties;
    final String point;
    final String stepId;
    final String legalBasis;
    final String policyRegion;
    final List<Evidence> evidence;
    final Instant raisedAt;
    final int version;
    ConflictState state;
    String response;
    Instant respondedAt;
    String escalationNote;
    MeetingId meetingId;
    Instant escalatedAt;
    String resolution;
    String lessons;
    Instant resolvedAt;
    Instant updatedAt;

    private Conflict(
            ConflictId id,
            CaseId caseId,
            String caseNumber,
            ConflictType type,
            AgencyId raisedBy,
            UUID raisedByUser,
            AgencyId office,
            List<AgencyId> parties,
            String point,
            String stepId,
            String legalBasis,
            String policyRegion,
            List<Evidence> evidence,
            Instant raisedAt,
            int version,
            ConflictState state) {
        this.id = id;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.type = type;
        this.raisedBy = raisedBy;
        this.raisedByUser = raisedByUser;
        this.office = office;
        this.parties = List.copyOf(parties);
        this.point = point;
        this.stepId = stepId;
        this.legalBasis = legalBasis;
        this.policyRegion = policyRegion;
        this.evidence = List.copyOf(evidence);
        this.raisedAt = raisedAt;
        this.version = version;
        this.state = state;
        this.updatedAt = raisedAt;
    }

    /**
     * Raises a conflict: the raising agency is one of its {@code parties} (the façade checked them, the step and the
     * evidence); the coordination {@code office} owes the first response.
     */
    public static Conflict raise(
            ConflictId id,
            CaseId caseId,
            String caseNumber,
            ConflictType type,
            AgencyId raisedBy,
            UUID raisedByUser,
            AgencyId office,
            List<AgencyId> parties,
            String point,
            String stepId,
            String legalBasis,
            String policyRegion,
            List<Evidence> evidence,
            Instant now,
            ActorRef actor) {
        if (!parties.contains(raisedBy) || parties.size() < 2) {
            throw TongxinException.rule("CONFLICT_NEEDS_TWO_PARTIES");
        }
        Conflict c = new Conflict(
                id,
                caseId,
                caseNumber,
                type,
                raisedBy,
                raisedByUser,
                office,
                parties,
                point,
                stepId,
                legalBasis,
                policyRegion,
                evidence,
                now,
                0,
                ConflictState.RAISED);
        c.register(new ConflictRaised(
                UUID.randomUUID(), id, caseId, type, raisedBy, List.copyOf(parties), stepId, now, actor));
        return c;
    }

    /** The conflict as stored, to change it. */
    public static Conflict of(ConflictView v) {
        Conflict c = new Conflict(
                v.id(),
                v.caseId(),
                v.caseNumber(),
                v.type(),
                v.raisedBy(),
                v.raisedByUser(),
                v.office(),
                v.parties(),
                v.point(),
                v.stepId(),
                v.legalBasis(),
                v.policyRegion(),
                v.evidence(),
                v.raisedAt(),
                v.version(),
                v.state());
        c.response = v.response();
        c.respondedAt = v.respondedAt();
        c.escalationNote = v.escalationNote();
        c.meetingId = v.meetingId();
        c.escalatedAt = v.escalatedAt();
        c.resolution = v.resolution();
        c.lessons = v.lessons();
        c.resolvedAt = v.resolvedAt();
        c.updatedAt = v.updatedAt();
        return c;
    }

    /** The coordination office's first response; only once, before anything else happened to the conflict. */
    public void respond(String text, Instant now) {
        if (state != ConflictState.RAISED) {
            throw TongxinException.conflict("CONFLICT_ALREADY_ANSWERED");
        }
        state = ConflictState.RESPONDED;
        response = text;
        respondedAt = now;
        updatedAt = now;
    }

    /**
     * Takes the conflict to a joint meeting of its office: with a note why ({@code null} keeps the earlier note, as when a
     * meeting's agenda takes it) and the meeting ({@code null}: not yet on an agenda; keeps an earlier one). Again while
     * escalated, never once resolved.
     */
    public void escalate(String note, MeetingId meeting, Instant now, ActorRef actor) {
        requireOpen();
        state = ConflictState.ESCALATED;
        if (note != null) {
            escalationNote = note;
        }
        if (meeting != null) {
            meetingId = meeting;
        }
        escalatedAt = now;
        updatedAt = now;
        register(new ConflictEscalated(UUID.randomUUID(), id, caseId, office, now, actor));
    }

    /** Resolves it with the resolution and the lessons learned; from any open state. */
    public void resolve(String resolutionText, String lessonsText, Instant now, ActorRef actor) {
        requireOpen();
        state = ConflictState.RESOLVED;
        resolution = resolutionText;
        lessons = lessonsText;
        resolvedAt = now;
        updatedAt = now;
        register(new ConflictResolved(UUID.randomUUID(), id, caseId, type, raisedBy, now, actor));
    }

    /** The guard of escalating and resolving; the façade asks it first, before it reads what was typed. */
    public void requireOpen() {
        if (!state.open()) {
            throw TongxinException.conflict("CONFLICT_RESOLVED");
        }
    }

    public ConflictId id() {
        return id;
    }

    public ConflictState state() {
        return state;
    }

    public int version() {
        return version;
    }
}
