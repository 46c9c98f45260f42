package org.tongxin.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of the assessment module: ids and non-personal facts (kinds, reason codes, dates) only; the facts, evidence
 * and notes stay with the decision or proposal, encrypted. Each is on the case timeline for the case's parties, text
 * {@code timeline.<kind>} in {@code i18n/assessment.properties}; argument {0} is the response in Chinese, {1} in English.
 */
public final class AssessmentEvents {

    private AssessmentEvents() {}

    /** The county agency commended, reprimanded or warned the subject. */
    public record ResponseDecided(
            UUID eventId,
            DecisionId decisionId,
            CaseId caseId,
            ResponseKind kind,
            String reasons,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.decided." + kind.name();
        }
    }

    /** A proposal was delivered to {@code receiver} (with an arrest request when {@code arrestRequested}). */
    public record ProposalSubmitted(
            UUID eventId,
            ProposalId proposalId,
            CaseId caseId,
            ResponseKind kind,
            boolean arrestRequested,
            AgencyId receiver,
            String reasons,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.proposed." + kind.name() + (arrestRequested ? ".arrest" : "");
        }
    }

    /** The court decided on the arrest request (CCL art. 47). */
    public record ArrestDecided(
            UUID eventId, ProposalId proposalId, CaseId caseId, boolean arrest, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return arrest ? "assessment.arrest.approved" : "assessment.arrest.refused";
        }
    }

    /** The police executed the arrest: the case is IN_CUSTODY. */
    public record ArrestExecuted(
            UUID eventId, ProposalId proposalId, CaseId caseId, Instant arrestedAt, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.arrest.executed";
        }
    }

    /** The receiver ruled or decided: granted (revoked, custody, penalty) or refused. */
    public record ProposalRuled(
            UUID eventId,
            ProposalId proposalId,
            CaseId caseId,
            ResponseKind kind,
            boolean granted,
            LocalDate ruledOn,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.ruled." + kind.name() + (granted ? ".granted" : ".refused");
        }
    }

    /** An arrested subject was released because the 30 days of CCL art. 47 ran out before the ruling. */
    public record ReleasedAtCustodyLimit(
            UUID eventId, ProposalId proposalId, CaseId caseId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.arrest.limit";
        }
    }

    /** The police delivered the revoked subject to prison or the detention centre (CCL art. 48). */
    public record SubjectCommitted(
            UUID eventId,
            ProposalId proposalId,
            CaseId caseId,
            AgencyId institution,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.committed";
        }
    }

    /** The county agency recorded a periodic assessment (定期考核) of {@code periodFrom}–{@code periodTo} with its result. */
    public record PeriodicAssessmentRecorded(
            UUID eventId,
            PeriodicAssessmentId assessmentId,
            CaseId caseId,
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentResult result,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "assessment.periodic." + result.name();
        }

        public Map<String, String> timelineArgs() {
            return Map.of("from", periodFrom.toString(), "to", periodTo.toString());
        }
    }

    /**
     * On a periodic assessment, the correction plan was revised (its version {@code planNumber}, CCL art. 24). Not a
     * timeline entry: the case file's own {@code PlanMade} records the new version once (entries of the kind
     * {@code assessment.plan.revised} written before keep their wording).
     */
    public record CorrectionPlanRevised(
            UUID eventId,
            PeriodicAssessmentId assessmentId,
            CaseId caseId,
            int planNumber,
            Instant occurredAt,
            ActorRef actor) {}
}
