package org.tongxin.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** What the assessment module shows and takes. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    /** A commendation, reprimand or warning the county agency asks for: reasons, facts found, evidence, days out of contact. */
    public record NewDecision(ResponseKind kind, List<ReasonCode> reasons, String facts, String evidence, Integer outOfContactDays) {
    }

    /** A proposal to another organ; {@code arrestReason} is required with {@code withArrest} (flight risk or danger). */
    public record NewProposal(ResponseKind kind, List<ReasonCode> reasons, String facts, String evidence, Integer outOfContactDays,
            boolean withArrest, String arrestReason) {
    }

    public record DecisionView(DecisionId id, CaseId caseId, ResponseKind kind, List<ReasonCode> reasons, Integer outOfContactDays,
            String facts, String evidence, Instant decidedAt, String approverName) {
    }

    public record ProposalView(ProposalId id, CaseId caseId, ResponseKind kind, ProposalStatus status, ArrestStatus arrest,
            List<ReasonCode> reasons, Integer outOfContactDays, String facts, String evidence, String arrestReason,
            AgencyId sender, AgencyId receiver, UUID handoverId, Instant submittedAt, String approverName,
            Instant arrestDecidedAt, Instant arrestedAt, Instant releasedAt, LocalDate ruledOn, String rulingNote,
            Instant committedAt, AgencyId institution, int version) {
    }

    /** A case's assessment: what the engine allows on its facts, and its decisions and proposals, oldest first. */
    public record CaseAssessment(CaseId caseId, ResponseRules.Facts facts, ResponseRules.Thresholds thresholds,
            List<ResponseRules.Option> options, List<DecisionView> decisions, List<ProposalView> proposals) {
    }

    /** A fact another module reported (by event): a missed contact, an overdue return from leave, contact lost or restored. */
    public enum FactKind {
        CONTACT_MISSED, LEAVE_RETURN_OVERDUE, CONTACT_LOST, CONTACT_RESTORED
    }
}
