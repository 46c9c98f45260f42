package org.tongxin.obligation;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of the ledger: ids and non-personal facts only (a pause's or waiver's reason stays on the ledger). Timeline
 * arguments: the step's Chinese and English names ({0}, {1}).
 */
public final class ObligationEvents {

    private ObligationEvents() {}

    /** Parties that follow the ledger of a case on its timeline. */
    static final Set<Participation> LEDGER_AUDIENCE = Collections.unmodifiableSet(EnumSet.of(
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.DECISION_ORGAN,
            Participation.COPIED_PROCURATORATE,
            Participation.COPIED_POLICE,
            Participation.HANDOVER_INSTITUTION,
            Participation.ESCALATION,
            Participation.COORDINATION));

    /**
     * What every ledger event shows on the timeline: the step's names in both languages, to the parties that follow
     * the ledger ({@link #LEDGER_AUDIENCE}). A record names only its kind.
     */
    public interface LedgerEntry extends TimelineEntry {

        ObligationId obligationId();

        String stepId();

        String stepZh();

        String stepEn();

        @Override
        default Map<String, String> timelineArgs() {
            return Map.of("step", stepZh(), "stepEn", stepEn());
        }

        @Override
        default Set<Participation> audience() {
            return LEDGER_AUDIENCE;
        }
    }

    public record ObligationOpened(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            AgencyId owingAgency,
            Instant dueAt,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.opened";
        }
    }

    public record ObligationFulfilled(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            AgencyId owingAgency,
            boolean late,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return late ? "obligation.fulfilled-late" : "obligation.fulfilled";
        }
    }

    public record ObligationOverdue(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            AgencyId owingAgency,
            Instant dueAt,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.overdue";
        }
    }

    /** Level 1: the organ one level up; level 2: the coordination office. */
    public record ObligationEscalated(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            AgencyId owingAgency,
            int level,
            AgencyId escalatedTo,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.escalated";
        }
    }

    public record ObligationDueSoon(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            AgencyId owingAgency,
            Instant dueAt,
            Instant occurredAt) {}

    /** The clock stopped; why is kept on the ledger, not in the event (events carry no free text). */
    public record ObligationPaused(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.paused";
        }
    }

    public record ObligationResumed(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            Instant dueAt,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.resumed";
        }
    }

    /** Waived; the reason is kept on the ledger, not in the event. */
    public record ObligationWaived(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            String stepZh,
            String stepEn,
            Instant occurredAt,
            ActorRef actor)
            implements LedgerEntry {
        public String timelineKind() {
            return "obligation.waived";
        }
    }

    /** The due time moved (an official calendar year replaced a provisional one); shown to the owner in the inbox. */
    public record ObligationDueChanged(
            UUID eventId,
            ObligationId obligationId,
            CaseId caseId,
            String stepId,
            AgencyId owingAgency,
            Instant previousDueAt,
            Instant dueAt,
            Instant occurredAt) {}
}
