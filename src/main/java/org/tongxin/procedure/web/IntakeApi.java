package org.tongxin.procedure.web;

import static org.tongxin.identity.CaseRoleRules.COUNTY;
import static org.tongxin.identity.CaseRoleRules.DECIDERS;
import static org.tongxin.identity.CaseRoleRules.INSTITUTION;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of the intake steps that span modules: each one changes the case, generates its legal document where the
 * step has one and delivers the bundle to the receiving organ (with the copies the law names), in one transaction.
 * The answer names the case and the handover; read them at {@code /api/v1/cases/{caseId}} and
 * {@code /api/v1/handovers/{id}}. The answer waits briefly for the obligations the step opens or fulfils, so the
 * inboxes read right after it are current.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "intake",
        description =
                "Intake procedure: entrustment, assessment opinion, notification, delivery, transfer, missing notice")
class IntakeApi {

    private final Intake intake;
    private final Handovers handovers;
    private final ApiCommands commands;

    IntakeApi(Intake intake, Handovers handovers, ApiCommands commands) {
        this.intake = intake;
        this.handovers = handovers;
        this.commands = commands;
    }

    /** What a step created: the case, and the handover that carries it (null when none). */
    record StepDone(CaseId caseId, HandoverId handoverId) {}

    @PreAuthorize(DECIDERS)
    @PostMapping("/assessments")
    @Operation(
            operationId = "entrustAssessment",
            summary = "Entrust a pre-sentence investigation assessment (decision organ; CCL art. 18)",
            description =
                    "Opens the case (ASSESSING), generates the entrustment letter with its legal due date (10 working"
                        + " days, 5 for expedited cases) and delivers it with the materials to the assessing agency"
                        + " (null assessingAgencyId: the county agency of the residence). The flag expedited (速裁) is"
                        + " always sent, true or false. 201 with the case's address in Location.")
    ResponseEntity<StepDone> entrust(@RequestBody Entrustment body) {
        return commands.created(
                () -> intake.entrust(body),
                caseId -> "/api/v1/cases/" + caseId,
                caseId -> new StepDone(
                        caseId,
                        handovers.ofCase(caseId).stream()
                                .findFirst()
                                .map(HandoverView::id)
                                .orElse(null)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{caseId}/assessment-opinion")
    @Operation(
            operationId = "submitAssessmentOpinion",
            summary = "Submit the assessment opinion to the entrusting organ, copy to the procuratorate (assessing"
                    + " agency; IM art. 14)")
    ResponseEntity<StepDone> opinion(@PathVariable UUID caseId, @RequestBody Opinion body) {
        return created(CaseId.of(caseId), intake.submitOpinion(CaseId.of(caseId), body));
    }

    @PreAuthorize(DECIDERS)
    @PostMapping("/cases/{caseId}/execution-notice")
    @Operation(
            operationId = "notifyCountyAgency",
            summary = "Notify the executing county agency of the decision (decision organ; CCL art. 20, 5 days)",
            description = "Items default to the execution notice on paper.")
    ResponseEntity<StepDone> notifyCounty(@PathVariable UUID caseId, @RequestBody(required = false) Delivery body) {
        return created(CaseId.of(caseId), intake.notifyCounty(CaseId.of(caseId), body));
    }

    @PreAuthorize(DECIDERS)
    @PostMapping("/cases/{caseId}/legal-documents")
    @Operation(
            operationId = "deliverLegalDocuments",
            summary = "Deliver the legal documents to the county agency, copies to procuratorate and police (decision"
                    + " organ; CCL art. 20, 10 days)",
            description =
                    "A complete bundle holds the judgment, ruling or decision and the execution notice; attach files "
                            + "uploaded with POST /api/v1/cases/{caseId}/attachments by their documentId.")
    ResponseEntity<StepDone> deliverDocuments(@PathVariable UUID caseId, @RequestBody Delivery body) {
        return created(CaseId.of(caseId), intake.deliverDocuments(CaseId.of(caseId), body));
    }

    @PreAuthorize(INSTITUTION)
    @PostMapping("/cases/{caseId}/transfer")
    @Operation(
            operationId = "transferSubject",
            summary =
                    "Hand a temporary-execution subject over to the county agency (prison, detention centre or police;"
                            + " CCL art. 21)")
    ResponseEntity<StepDone> transfer(@PathVariable UUID caseId, @RequestBody Delivery body) {
        return created(CaseId.of(caseId), intake.transferSubject(CaseId.of(caseId), body));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/handovers/{id}/transfer-receipt")
    @Operation(
            operationId = "receiveTransfer",
            summary = "Receipt a subject handed over: the receipt is the subject's arrival (county agency)")
    StepDone receiveTransfer(
            @PathVariable UUID id,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        HandoverId handoverId = HandoverId.of(id);
        return commands.run(
                () -> intake.receiveTransfer(handoverId, LockVersions.required(body, ifMatch)),
                () -> new StepDone(handovers.view(handoverId).caseId(), handoverId));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{caseId}/missing-notice")
    @Operation(
            operationId = "notifyMissingSubject",
            summary = "Report the search for a subject who did not report in to the decision organ, copy to the"
                    + " procuratorate (county agency; IM art. 17)")
    ResponseEntity<StepDone> missing(@PathVariable UUID caseId, @RequestBody MissingNotice body) {
        return created(CaseId.of(caseId), intake.notifyMissing(CaseId.of(caseId), body));
    }

    private ResponseEntity<StepDone> created(CaseId caseId, HandoverId handover) {
        return commands.answer(() -> ResponseEntity.created(URI.create("/api/v1/handovers/" + handover))
                .body(new StepDone(caseId, handover)));
    }
}
