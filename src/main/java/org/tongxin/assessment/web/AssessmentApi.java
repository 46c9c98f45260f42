package org.tongxin.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyId;
import org.tongxin.assessment.AssessmentViews.CaseAssessment;
import org.tongxin.assessment.AssessmentViews.NewDecision;
import org.tongxin.assessment.AssessmentViews.NewProposal;
import org.tongxin.assessment.AssessmentViews.ProposalView;
import org.tongxin.assessment.Assessments;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;

/**
 * REST API of rewards, sanctions and proposals (CCL arts. 28, 46–49): the county agency decides and proposes, the court
 * (or decision organ, or police for a penalty) addressed decides the arrest and rules, the police of the case execute
 * the arrest and deliver a revoked subject to prison. Commands on a proposal carry its {@code version}; a stale one is 409.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
@Tag(
        name = "assessment",
        description =
                "Graduated responses: commendations, reprimands, warnings; revocation, custody and penalty proposals")
class AssessmentApi {

    static final String COUNTY = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD')";
    static final String RECEIVERS = "hasAnyRole('JUDGE', 'COURT_CLERK', 'POLICE_OFFICER')";
    static final String POLICE = "hasRole('POLICE_OFFICER')";

    private final Assessments assessments;
    private final ApiCommands commands;

    AssessmentApi(Assessments assessments, ApiCommands commands) {
        this.assessments = assessments;
        this.commands = commands;
    }

    record SanctionRequest(
            ResponseKind kind, List<ReasonCode> reasons, String facts, String evidence, Integer outOfContactDays) {}

    record ProposalRequest(
            ResponseKind kind,
            List<ReasonCode> reasons,
            String facts,
            String evidence,
            Integer outOfContactDays,
            Boolean withArrest,
            String arrestReason) {}

    record ArrestDecisionRequest(Integer version, Boolean arrest) {}

    record ArrestRequest(Integer version, Instant arrestedAt) {}

    /** {@code termEnd}: on a sentence reduction granted, the term's new last day. */
    record RulingRequest(Integer version, Boolean granted, LocalDate ruledOn, String note, LocalDate termEnd) {}

    record CommitmentRequest(Integer version, UUID institutionId, Instant deliveredAt) {}

    record Created(UUID id) {}

    @AnyAuthenticatedUser
    @GetMapping("/assessment")
    @Operation(
            operationId = "getCaseAssessment",
            summary = "The responses the facts of a case allow under its policy, with its decisions and proposals")
    CaseAssessment view(@PathVariable UUID caseId) {
        return assessments.view(CaseId.of(caseId));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/sanctions")
    @Operation(
            operationId = "decideResponse",
            summary = "Commend, reprimand or warn the subject (executing county agency), on grounds the engine allows")
    ResponseEntity<Created> decide(@PathVariable UUID caseId, @RequestBody(required = false) SanctionRequest body) {
        SanctionRequest r = body == null ? new SanctionRequest(null, null, null, null, null) : body;
        return commands.created(
                () -> assessments.decide(
                        CaseId.of(caseId),
                        new NewDecision(r.kind(), r.reasons(), r.facts(), r.evidence(), r.outOfContactDays())),
                id -> "/api/v1/cases/" + caseId + "/assessment",
                id -> new Created(id.value()));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/proposals")
    @Operation(
            operationId = "submitProposal",
            summary =
                    "Propose a sentence reduction, revocation (optionally with an arrest request), custody or a police"
                            + " penalty; delivered by handover")
    ResponseEntity<Created> propose(@PathVariable UUID caseId, @RequestBody(required = false) ProposalRequest body) {
        ProposalRequest r = body == null ? new ProposalRequest(null, null, null, null, null, null, null) : body;
        return commands.created(
                () -> assessments.propose(
                        CaseId.of(caseId),
                        new NewProposal(
                                r.kind(),
                                r.reasons(),
                                r.facts(),
                                r.evidence(),
                                r.outOfContactDays(),
                                Boolean.TRUE.equals(r.withArrest()),
                                r.arrestReason())),
                id -> "/api/v1/cases/" + caseId + "/proposals/" + id,
                id -> new Created(id.value()));
    }

    @AnyAuthenticatedUser
    @GetMapping("/proposals/{id}")
    @Operation(operationId = "getProposal", summary = "One proposal of the case with the receiver's decisions")
    ProposalView proposal(@PathVariable UUID caseId, @PathVariable("id") UUID proposalId) {
        return ofCase(caseId, proposalId);
    }

    @PreAuthorize(RECEIVERS)
    @PostMapping("/proposals/{id}/arrest-decision")
    @Operation(
            operationId = "decideArrest",
            summary = "The court addressed decides on the arrest request (48 hours, CCL art. 47)")
    ProposalView decideArrest(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestBody(required = false) ArrestDecisionRequest body) {
        ProposalView p = ofCase(caseId, proposalId);
        if (body == null || body.arrest() == null) {
            throw TongxinException.invalid("arrest", "required");
        }
        return commands.run(
                () -> assessments.decideArrest(p.id(), version(body.version()), body.arrest()),
                () -> ofCase(caseId, proposalId));
    }

    @PreAuthorize(POLICE)
    @PostMapping("/proposals/{id}/arrest")
    @Operation(
            operationId = "recordArrest",
            summary = "The police of the case record the arrest executed (the case is in custody)")
    ProposalView arrest(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestBody(required = false) ArrestRequest body) {
        ProposalView p = ofCase(caseId, proposalId);
        ArrestRequest r = body == null ? new ArrestRequest(null, null) : body;
        return commands.run(
                () -> assessments.executeArrest(p.id(), version(r.version()), r.arrestedAt()),
                () -> ofCase(caseId, proposalId));
    }

    @PreAuthorize(RECEIVERS)
    @PostMapping("/proposals/{id}/ruling")
    @Operation(
            operationId = "recordRuling",
            summary = "The organ addressed records its ruling or decision (30 days); revocation ends the case, a"
                    + " sentence reduction moves the term's end")
    ProposalView rule(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestBody(required = false) RulingRequest body) {
        ProposalView p = ofCase(caseId, proposalId);
        if (body == null || body.granted() == null) {
            throw TongxinException.invalid("granted", "required");
        }
        return commands.run(
                () -> assessments.rule(
                        p.id(), version(body.version()), body.granted(), body.ruledOn(), body.note(), body.termEnd()),
                () -> ofCase(caseId, proposalId));
    }

    @PreAuthorize(POLICE)
    @PostMapping("/proposals/{id}/commitment")
    @Operation(
            operationId = "recordCommitment",
            summary = "The police record the revoked subject's delivery to prison or the detention centre")
    ProposalView commit(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestBody(required = false) CommitmentRequest body) {
        ProposalView p = ofCase(caseId, proposalId);
        CommitmentRequest r = body == null ? new CommitmentRequest(null, null, null) : body;
        return commands.run(
                () -> assessments.commit(
                        p.id(),
                        version(r.version()),
                        r.institutionId() == null ? null : AgencyId.of(r.institutionId()),
                        r.deliveredAt()),
                () -> ofCase(caseId, proposalId));
    }

    private ProposalView ofCase(UUID caseId, UUID proposalId) {
        ProposalView p = assessments.proposal(ProposalId.of(proposalId));
        if (!p.caseId().value().equals(caseId)) {
            throw TongxinException.notFound();
        }
        return p;
    }

    private static int version(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }
}
