package org.tongxin.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** What the joint-meeting façade takes and returns. */
public final class MeetingViews {

    private MeetingViews() {}

    /** What an agenda item is about. REVIEW items are added by the application: earlier decisions to review. */
    public enum AgendaKind {
        TOPIC,
        CASE,
        CONFLICT,
        REVIEW
    }

    /** An agenda item as the convenor gives it: a topic, a case (with a note) or a conflict from the register. */
    public record AgendaInput(AgendaKind kind, String topic, UUID caseId, UUID conflictId) {}

    /** A meeting to convene: title, local date and time (China Standard Time), place, attending agencies, agenda. */
    public record NewMeeting(
            String title, LocalDateTime scheduledAt, String place, List<UUID> attendees, List<AgendaInput> agenda) {}

    /** A decision to record: what, the agency named, optionally a case, and a due date (null: the policy's default). */
    public record NewDecision(String text, UUID agencyId, UUID caseId, LocalDate dueDate) {}

    public record AgendaItem(
            int position, AgendaKind kind, String topic, CaseId caseId, ConflictId conflictId, DecisionId decisionId) {}

    public record DecisionView(
            DecisionId id,
            MeetingId meetingId,
            int position,
            String text,
            AgencyId owingAgency,
            CaseId caseId,
            LocalDate dueDate,
            boolean tracked,
            boolean done,
            Instant doneAt,
            UUID doneBy,
            String doneNote,
            Boolean late,
            Instant createdAt,
            int version) {}

    public record MeetingSummary(
            MeetingId id,
            AgencyId convenor,
            String title,
            Instant scheduledAt,
            String place,
            MeetingStatus status,
            int attendees,
            int decisions,
            int openDecisions) {}

    public record MeetingView(
            MeetingId id,
            AgencyId convenor,
            String policyRegion,
            String title,
            Instant scheduledAt,
            String place,
            MeetingStatus status,
            String minutes,
            Instant heldAt,
            Instant closedAt,
            Instant cancelledAt,
            String cancelReason,
            UUID createdBy,
            Instant createdAt,
            int version,
            List<AgencyId> attendees,
            List<AgendaItem> agenda,
            List<DecisionView> decisions) {

        /**
         * Its convenor, the attending agencies and the agencies its decisions name see a meeting; nobody else (the rule
         * row-level security repeats).
         */
        public boolean seenBy(AgencyId agency) {
            return agency != null
                    && (agency.equals(convenor)
                            || attendees.contains(agency)
                            || decisions.stream().anyMatch(d -> agency.equals(d.owingAgency())));
        }
    }
}
