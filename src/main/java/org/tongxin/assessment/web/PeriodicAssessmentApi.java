package org.tongxin.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.AssessmentViews.NewPeriodicAssessment;
import org.tongxin.assessment.AssessmentViews.PeriodicAssessmentView;
import org.tongxin.assessment.PeriodicAssessments;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;

/**
 * REST API of periodic assessment and classified management (定期考核, 分类管理; CCL art. 24): the case's parties read the
 * assessments; the executing county agency records one, with a change of supervision level and a revised plan.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/periodic-assessments")
@Tag(
        name = "assessment",
        description =
                "Graduated responses: commendations, reprimands, warnings; revocation, custody and penalty proposals")
class PeriodicAssessmentApi {

    private final PeriodicAssessments assessments;
    private final ApiCommands commands;

    PeriodicAssessmentApi(PeriodicAssessments assessments, ApiCommands commands) {
        this.assessments = assessments;
        this.commands = commands;
    }

    record PeriodicAssessmentRequest(
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentResult result,
            String factsConsidered,
            SupervisionLevel newLevel,
            LevelChangeReason levelReason,
            String levelReasonText,
            String revisedPlan) {}

    record PeriodicAssessmentCreated(UUID id) {}

    @AnyAuthenticatedUser
    @GetMapping
    @Operation(
            operationId = "listPeriodicAssessments",
            summary = "The case's periodic assessments, latest period first, with the level changes and plan revisions"
                    + " made on them")
    List<PeriodicAssessmentView> list(@PathVariable UUID caseId) {
        return assessments.ofCase(CaseId.of(caseId));
    }

    @PreAuthorize(AssessmentApi.COUNTY)
    @PostMapping
    @Operation(
            operationId = "recordPeriodicAssessment",
            summary =
                    "Record a periodic assessment (executing county agency), optionally changing the supervision level"
                            + " and revising the correction plan")
    ResponseEntity<PeriodicAssessmentCreated> record(
            @PathVariable UUID caseId, @RequestBody(required = false) PeriodicAssessmentRequest body) {
        PeriodicAssessmentRequest r =
                body == null ? new PeriodicAssessmentRequest(null, null, null, null, null, null, null, null) : body;
        return commands.created(
                () -> assessments.record(
                        CaseId.of(caseId),
                        new NewPeriodicAssessment(
                                r.periodFrom(),
                                r.periodTo(),
                                r.result(),
                                r.factsConsidered(),
                                r.newLevel(),
                                r.levelReason(),
                                r.levelReasonText(),
                                r.revisedPlan())),
                id -> "/api/v1/cases/" + caseId + "/periodic-assessments",
                id -> new PeriodicAssessmentCreated(id.value()));
    }
}
