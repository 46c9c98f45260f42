package org.tongxin.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.tongxin.agency.AgencyId;
import org.tongxin.shared.security.ActorRef;

/** The events of a case's own state machine, published with each change (past tense, ids and the facts consumers need). */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A decision organ entrusted an investigation assessment to an agency (CCL art. 18); the case is ASSESSING. */
    public record AssessmentEntrusted(UUID eventId, CaseId caseId, AgencyId entrustingOrganId, AgencyId assessingAgencyId,
            boolean expedited, String policyRegion, Instant occurredAt, ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return "assessment.entrusted";
        }
    }

    /**
     * Community correction was decided (or an approved temporary execution recorded): the case is in INTAKE. The
     * periods of notification, delivery and reporting run from {@code effectiveDate}.
     */
    public record CaseDecided(UUID eventId, CaseId caseId, CorrectionType correctionType, LocalDate effectiveDate,
            AgencyId decisionOrganId, AgencyId countyAgencyId, AgencyId procuratorateId, AgencyId policeId,
            AgencyId handoverInstitutionId, boolean inCustody, String policyRegion, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.decided";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("type", correctionType.name(), "effective", effectiveDate.toString());
        }
    }

    /** The organ decided not to apply community correction after the assessment. */
    public record CaseWithdrawn(UUID eventId, CaseId caseId, Instant occurredAt, ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return "case.withdrawn";
        }
    }

    /** The subject reported in, or was handed over, at the executing agency (CCL art. 21). */
    public record SubjectArrived(UUID eventId, CaseId caseId, boolean handedOver, Instant arrivedAt, Instant occurredAt,
            ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return handedOver ? "subject.transferred" : "subject.reported";
        }
    }

    /** The county agency checked the documents, verified the identity and registered the subject (CCL art. 22). */
    public record CaseRegistered(UUID eventId, CaseId caseId, AgencyId countyAgencyId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.registered";
        }
    }

    /** The county agency assigned the case to a judicial office. */
    public record OfficeAssigned(UUID eventId, CaseId caseId, AgencyId officeId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "office.assigned";
        }
    }

    /** The correction team was formed (CCL art. 25). */
    public record TeamFormed(UUID eventId, CaseId caseId, int members, Instant occurredAt, ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return "team.formed";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("members", Integer.toString(members));
        }
    }

    /** An individual correction plan was made (CCL art. 24). */
    public record PlanMade(UUID eventId, CaseId caseId, int number, Instant occurredAt, ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return "plan.made";
        }
    }

    /** The entry announcement was held (CCL art. 22; IM art. 19). */
    public record EntryAnnounced(UUID eventId, CaseId caseId, Instant heldAt, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "entry.announced";
        }
    }

    /** The legal documents' state changed (delivered, rejected, receipted), as the exchange of documents reports it. */
    public record DocumentsStateChanged(UUID eventId, CaseId caseId, DocumentsState state, Instant occurredAt, ActorRef actor) {
    }
}
