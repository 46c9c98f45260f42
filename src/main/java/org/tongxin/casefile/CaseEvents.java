package org.tongxin.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.shared.security.ActorRef;

/** The events of a case's own state machine, published with each change (past tense, ids and the facts consumers need). */
public final class CaseEvents {

    private CaseEvents() {}

    /** A decision organ entrusted an investigation assessment to an agency (CCL art. 18); the case is ASSESSING. */
    public record AssessmentEntrusted(
            UUID eventId,
            CaseId caseId,
            AgencyId entrustingOrganId,
            AgencyId assessingAgencyId,
            boolean expedited,
            String policyRegion,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.entrusted";
        }
    }

    /**
     * Community correction was decided (or an approved temporary execution recorded): the case is in INTAKE. The
     * periods of notification, delivery and reporting run from {@code effectiveDate}.
     */
    public record CaseDecided(
            UUID eventId,
            CaseId caseId,
            CorrectionType correctionType,
            LocalDate effectiveDate,
            AgencyId decisionOrganId,
            AgencyId countyAgencyId,
            AgencyId procuratorateId,
            AgencyId policeId,
            AgencyId handoverInstitutionId,
            boolean inCustody,
            String policyRegion,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.decided";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("type", correctionType.name(), "effective", effectiveDate.toString());
        }
    }

    /** The organ decided not to apply community correction after the assessment. */
    public record CaseWithdrawn(UUID eventId, CaseId caseId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.withdrawn";
        }
    }

    /** The subject reported in, or was handed over, at the executing agency (CCL art. 21). */
    public record SubjectArrived(
            UUID eventId, CaseId caseId, boolean handedOver, Instant arrivedAt, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return handedOver ? "subject.transferred" : "subject.reported";
        }
    }

    /** The county agency checked the documents, verified the identity and registered the subject (CCL art. 22). */
    public record CaseRegistered(
            UUID eventId, CaseId caseId, AgencyId countyAgencyId, Instant occurredAt, ActorRef actor)
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
    public record TeamFormed(UUID eventId, CaseId caseId, int members, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "team.formed";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("members", Integer.toString(members));
        }
    }

    /**
     * An individual correction plan was made (CCL art. 24): the first version, or a later one (revised, e.g. on a
     * periodic assessment). The one timeline entry of the fact, whichever module asked for the new version.
     */
    public record PlanMade(UUID eventId, CaseId caseId, int number, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return number <= 1 ? "plan.made" : "plan.revised";
        }

        public Map<String, String> timelineArgs() {
            return number <= 1 ? Map.of() : Map.of("number", Integer.toString(number));
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
    public record DocumentsStateChanged(
            UUID eventId, CaseId caseId, DocumentsState state, Instant occurredAt, ActorRef actor) {}

    // After intake (ADR 0021): the processes of supervision, assessment and termination move the case.

    /**
     * The subject was detained during correction (CCL art. 32) or arrested pending a revocation ruling (art. 47): the case
     * is IN_CUSTODY. {@code detainingOrganId} decided it (and owes the county agency the custody notice).
     */
    public record SubjectDetained(
            UUID eventId,
            CaseId caseId,
            CustodyKind kind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "custody.began." + kind.name();
        }
    }

    /** The subject was released from the custody {@code kind}: the case is UNDER_CORRECTION again. */
    public record SubjectReleased(
            UUID eventId,
            CaseId caseId,
            CustodyKind kind,
            AgencyId detainingOrganId,
            Instant releasedAt,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "custody.ended";
        }
    }

    /** Probation or parole was revoked, or a temporary-execution subject taken into custody: the case is REVOKED. */
    public record CaseRevoked(
            UUID eventId,
            CaseId caseId,
            RevocationKind kind,
            AgencyId rulingOrganId,
            LocalDate ruledOn,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.revoked." + kind.name();
        }
    }

    /** Correction ended on expiry of the term or by pardon (CCL art. 44): the case is TERMINATED. */
    public record CaseTerminated(
            UUID eventId,
            CaseId caseId,
            TerminationReason reason,
            LocalDate endedOn,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.terminated." + reason.name();
        }
    }

    /** The subject died (CCL art. 45): the case is DECEASED. {@code previousStatus} says whether intake was complete. */
    public record SubjectDied(
            UUID eventId, CaseId caseId, CaseStatus previousStatus, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.deceased";
        }
    }

    /**
     * The place of execution changed (CCL art. 27): the case's county agency, judicial office (null until the new county
     * assigns one), procuratorate, police and policy region are now the {@code to…} ones. The former county agency and
     * office keep read access to the case's state and to what they produced (FORMER_EXECUTING_AGENCY,
     * FORMER_ASSIGNED_OFFICE), and see this entry.
     */
    public record ExecutionPlaceChanged(
            UUID eventId,
            CaseId caseId,
            AgencyId fromCountyAgencyId,
            AgencyId toCountyAgencyId,
            AgencyId fromOfficeId,
            AgencyId toOfficeId,
            AgencyId fromProcuratorateId,
            AgencyId toProcuratorateId,
            AgencyId fromPoliceId,
            AgencyId toPoliceId,
            String fromPolicyRegion,
            String toPolicyRegion,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "case.place.changed";
        }

        public java.util.Set<org.tongxin.identity.Participation> audience() {
            java.util.Set<org.tongxin.identity.Participation> audience =
                    java.util.EnumSet.copyOf(TimelineEntry.CASE_PARTIES);
            audience.add(org.tongxin.identity.Participation.FORMER_EXECUTING_AGENCY);
            audience.add(org.tongxin.identity.Participation.FORMER_ASSIGNED_OFFICE);
            return audience;
        }
    }

    /** The subject's supervision level (分类管理) was set or changed, for {@code reason} (the words stay in the case file). */
    public record SupervisionLevelChanged(
            UUID eventId,
            CaseId caseId,
            org.tongxin.policy.SupervisionLevel from,
            org.tongxin.policy.SupervisionLevel to,
            LevelChangeReason reason,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "supervision.level." + to.name();
        }
    }

    /** A commutation ruling (CCL art. 33) of {@code rulingCourtId} moved the term's last day from {@code from} to {@code to}. */
    public record TermEndChanged(
            UUID eventId,
            CaseId caseId,
            LocalDate from,
            LocalDate to,
            AgencyId rulingCourtId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "term.end.changed";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("from", String.valueOf(from), "to", to.toString());
        }
    }

    /** A minor's terminated case was sealed (CPL art. 286): it is read only under the access rules for sealed records. */
    public record CaseSealed(UUID eventId, CaseId caseId, Instant occurredAt, ActorRef actor) implements TimelineEntry {
        public String timelineKind() {
            return "case.sealed";
        }
    }
}
