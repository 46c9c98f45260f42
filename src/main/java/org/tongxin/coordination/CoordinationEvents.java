package org.tongxin.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of joint meetings and the conflict register. {@code caseId} is null for a decision or conflict about a
 * procedure or topic rather than one case. The components are a contract that the statistics read models rely on.
 * The events about a case are {@link TimelineEntry timeline entries} — the conflict points and decisions are marked on
 * the case's timeline — for every party but the assisting departments (doc/security-requirements.md S8); without a case (null) the
 * timeline ignores them.
 */
public final class CoordinationEvents {

    private CoordinationEvents() {}

    static final Set<Participation> AUDIENCE =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Participation.ASSISTING)));

    /** An event of the register on a case's timeline: seen by every party but the assisting departments. */
    public interface CoordinationEntry extends TimelineEntry {

        @Override
        default Set<Participation> audience() {
            return AUDIENCE;
        }
    }

    /** An event about a conflict point whose timeline line names its type in both languages. */
    public interface ConflictEntry extends CoordinationEntry {

        ConflictType type();

        @Override
        default Map<String, String> timelineArgs() {
            return Map.of("type", type().nameZh(), "typeEn", type().nameEn());
        }
    }

    /** A coordinator convened a meeting (notice sent to the attending agencies). */
    public record MeetingConvened(
            UUID eventId,
            MeetingId meetingId,
            AgencyId convenor,
            Instant scheduledAt,
            List<AgencyId> attendees,
            Instant occurredAt,
            ActorRef actor) {}

    /**
     * The meeting took place and its minutes were recorded; {@code decisions}: those recorded with the minutes (each
     * decision, with them or later, also publishes {@link DecisionRecorded}).
     */
    public record MeetingHeld(
            UUID eventId,
            MeetingId meetingId,
            AgencyId convenor,
            Instant heldAt,
            int decisions,
            Instant occurredAt,
            ActorRef actor) {}

    /** A decision of a meeting became an obligation of {@code owingAgency}, due by {@code dueDate}. */
    public record DecisionRecorded(
            UUID eventId,
            DecisionId decisionId,
            MeetingId meetingId,
            CaseId caseId,
            AgencyId owingAgency,
            LocalDate dueDate,
            Instant occurredAt,
            ActorRef actor)
            implements CoordinationEntry {
        public String timelineKind() {
            return "coordination.decision-recorded";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("due", dueDate.toString());
        }
    }

    /** The agency reported the decision carried out; {@code late} when after its due date. */
    public record DecisionDone(
            UUID eventId,
            DecisionId decisionId,
            MeetingId meetingId,
            CaseId caseId,
            AgencyId owingAgency,
            boolean late,
            Instant occurredAt,
            ActorRef actor)
            implements CoordinationEntry {
        public String timelineKind() {
            return late ? "coordination.decision-done-late" : "coordination.decision-done";
        }
    }

    /** A conflict point was raised (on the case's timeline when it is about a case). */
    public record ConflictRaised(
            UUID eventId,
            ConflictId conflictId,
            CaseId caseId,
            ConflictType type,
            AgencyId raisedBy,
            List<AgencyId> parties,
            String stepId,
            Instant occurredAt,
            ActorRef actor)
            implements ConflictEntry {
        public String timelineKind() {
            return "coordination.conflict-raised";
        }
    }

    /** The conflict was taken to the coordination office {@code to}. */
    public record ConflictEscalated(
            UUID eventId, ConflictId conflictId, CaseId caseId, AgencyId to, Instant occurredAt, ActorRef actor)
            implements CoordinationEntry {
        public String timelineKind() {
            return "coordination.conflict-escalated";
        }
    }

    public record ConflictResolved(
            UUID eventId,
            ConflictId conflictId,
            CaseId caseId,
            ConflictType type,
            AgencyId raisedBy,
            Instant occurredAt,
            ActorRef actor)
            implements ConflictEntry {
        public String timelineKind() {
            return "coordination.conflict-resolved";
        }
    }
}
