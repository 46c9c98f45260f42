package org.tongxin.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** What the assessment module shows and takes. */
public final class AssessmentViews {

    private AssessmentViews() {}

    /** A commendation, reprimand or warning the county agency asks for: reasons, facts found, evidence, days out of contact. */
    public record NewDecision(
            ResponseKind kind, List<ReasonCode> reasons, String facts, String evidence, Integer outOfContactDays) {}

    /** A proposal to another organ; {@code arrestReason} is required with {@code withArrest} (flight risk or danger). */
    public record NewProposal(
            ResponseKind kind,
            List<ReasonCode> reasons,
            String facts,
            String evidence,
            Integer outOfContactDays,
            boolean withArrest,
            String arrestReason) {}

    public record DecisionView(
            DecisionId id,
            CaseId caseId,
            ResponseKind kind,
            List<ReasonCode> reasons,
            Integer outOfContactDays,
            String facts,
            String evidence,
            Instant decidedAt,
            String approverName) {}

    public record ProposalView(
            ProposalId id,
            CaseId caseId,
            ResponseKind kind,
            ProposalStatus status,
            ArrestStatus arrest,
            List<ReasonCode> reasons,
            Integer outOfContactDays,
            String facts,
            String evidence,
            String arrestReason,
            AgencyId sender,
            AgencyId receiver,
            UUID handoverId,
            Instant submittedAt,
            String approverName,
            Instant arrestDecidedAt,
            Instant arrestedAt,
            Instant releasedAt,
            LocalDate ruledOn,
            String rulingNote,
            Instant committedAt,
            AgencyId institution,
            int version,
            LocalDate newTermEnd) {}

    /** A case's assessment: what the engine allows on its facts, and its decisions and proposals, oldest first. */
    public record CaseAssessment(
            CaseId caseId,
            ResponseRules.Facts facts,
            ResponseRules.Thresholds thresholds,
            List<ResponseRules.Option> options,
            List<DecisionView> decisions,
            List<ProposalView> proposals) {}

    /**
     * A periodic assessment the county agency records: the period, the result, the facts it considered; optionally a new
     * supervision level with its reason (code and words), and the revised correction plan's text.
     */
    public record NewPeriodicAssessment(
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentResult result,
            String factsConsidered,
            org.tongxin.policy.SupervisionLevel newLevel,
            org.tongxin.casefile.LevelChangeReason levelReason,
            String levelReasonText,
            String revisedPlan) {}

    /** A periodic assessment as the case's parties see it, with the level change and plan revision made on it. */
    public record PeriodicAssessmentView(
            PeriodicAssessmentId id,
            CaseId caseId,
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentResult result,
            String factsConsidered,
            org.tongxin.policy.SupervisionLevel levelFrom,
            org.tongxin.policy.SupervisionLevel levelTo,
            org.tongxin.casefile.LevelChangeReason levelReason,
            Integer planNumber,
            Instant recordedAt,
            String recorderName) {}

    /** A fact another module reported (by event): a missed contact, an overdue return from leave, contact lost or restored. */
    public enum FactKind {
        CONTACT_MISSED,
        LEAVE_RETURN_OVERDUE,
        CONTACT_LOST,
        CONTACT_RESTORED
    }
}
