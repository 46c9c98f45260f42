package org.tongxin.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of joint meetings and the conflict register. {@code caseId} is null for a decision or conflict about a
 * procedure or topic rather than one case. The components are a contract that the statistics read models rely on.
 */
public final class CoordinationEvents {

    private CoordinationEvents() {
    }

    /** A coordinator convened a meeting (notice sent to the attending agencies). */
    public record MeetingConvened(UUID eventId, MeetingId meetingId, AgencyId convenor, Instant scheduledAt,
            List<AgencyId> attendees, Instant occurredAt, ActorRef actor) {
    }

    /** The meeting took place and its minutes were recorded. */
    public record MeetingHeld(UUID eventId, MeetingId meetingId, AgencyId convenor, Instant heldAt, int decisions,
            Instant occurredAt, ActorRef actor) {
    }

    /** A decision of a meeting became an obligation of {@code owingAgency}, due by {@code dueDate}. */
    public record DecisionRecorded(UUID eventId, DecisionId decisionId, MeetingId meetingId, CaseId caseId,
            AgencyId owingAgency, LocalDate dueDate, Instant occurredAt, ActorRef actor) {
    }

    /** The agency reported the decision carried out; {@code late} when after its due date. */
    public record DecisionDone(UUID eventId, DecisionId decisionId, MeetingId meetingId, CaseId caseId,
            AgencyId owingAgency, boolean late, Instant occurredAt, ActorRef actor) {
    }

    public record ConflictRaised(UUID eventId, ConflictId conflictId, CaseId caseId, ConflictType type,
            AgencyId raisedBy, List<AgencyId> parties, String stepId, Instant occurredAt, ActorRef actor) {
    }

    /** The conflict was taken to the coordination office {@code to}. */
    public record ConflictEscalated(UUID eventId, ConflictId conflictId, CaseId caseId, AgencyId to,
            Instant occurredAt, ActorRef actor) {
    }

    public record ConflictResolved(UUID eventId, ConflictId conflictId, CaseId caseId, ConflictType type,
            AgencyId raisedBy, Instant occurredAt, ActorRef actor) {
    }
}
