package org.tongxin.supervision.move.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.VersionRequest;
import org.tongxin.supervision.move.PlaceChanges;
import org.tongxin.supervision.move.PlaceChanges.PlaceChangeView;

/**
 * REST API of the change of the place of execution (CCL art. 27): the application, the consultation, the new county
 * agency's reply, the decision, the file's transfer and receipt (which moves the case), the forwarding at the new place and the subject's report.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "place-changes",
        description = "Change of the place of execution: application, consultation, reply, decision, transfer, report")
class PlaceChangeApi {

    static final String COUNTY = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD')";
    static final String APPLICANTS = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'OFFICE_OFFICER', 'OFFICE_HEAD')";

    private final PlaceChanges changes;
    private final ApiCommands commands;

    PlaceChangeApi(PlaceChanges changes, ApiCommands commands) {
        this.changes = changes;
        this.commands = commands;
    }

    /** The subject's application: the county agency of the new place, when the subject means to move, and why. */
    record ApplicationRequest(UUID newCountyAgencyId, LocalDate intendedMoveOn, String reason) {}

    /** An answer: accepted (or approved) true or false; reasons required for a refusal. */
    record ReplyRequest(Integer version, Boolean accepted, String reason) {}

    record PlaceChangeDecisionRequest(Integer version, Boolean approved, String reason) {}

    record ReportRequest(Integer version, Instant reportedAt) {}

    @PreAuthorize(APPLICANTS)
    @PostMapping("/cases/{id}/place-changes")
    @Operation(
            operationId = "applyForPlaceChange",
            summary = "Record the subject's application to change the place of execution (executing county agency or"
                    + " office)")
    ResponseEntity<PlaceChangeView> apply(@PathVariable UUID id, @RequestBody ApplicationRequest body) {
        return commands.created(
                changes.apply(CaseId.of(id), body.newCountyAgencyId(), body.intendedMoveOn(), body.reason()),
                view -> "/api/v1/place-changes/" + view.id());
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/place-changes")
    @Operation(operationId = "listPlaceChanges", summary = "A case's changes of the place of execution")
    List<PlaceChangeView> list(@PathVariable UUID id) {
        return changes.ofCase(CaseId.of(id));
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/place-changes/{id}")
    @Operation(operationId = "getPlaceChange", summary = "One change of the place of execution")
    PlaceChangeView get(@PathVariable UUID id) {
        return changes.find(id);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/consultation")
    @Operation(
            operationId = "consultNewCountyAgency",
            summary = "Ask the new county agency's opinion (it owes its reply, move.reply)")
    PlaceChangeView consult(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(changes.consult(id, LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/reply")
    @Operation(
            operationId = "replyToPlaceChangeConsultation",
            summary = "The new county agency accepts the subject or refuses with reasons")
    PlaceChangeView reply(
            @PathVariable UUID id,
            @RequestBody ReplyRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(
                changes.reply(id, LockVersions.required(body.version(), ifMatch), body.accepted(), body.reason()));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/decision")
    @Operation(
            operationId = "decidePlaceChange",
            summary = "The executing county agency approves or refuses the change (CCL art. 27)")
    PlaceChangeView decide(
            @PathVariable UUID id,
            @RequestBody PlaceChangeDecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(
                changes.decide(id, LockVersions.required(body.version(), ifMatch), body.approved(), body.reason()));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/transfer")
    @Operation(
            operationId = "transferPlaceChangeFile",
            summary = "Deliver the decision, legal documents and file to the new county agency")
    PlaceChangeView transfer(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(changes.transfer(id, LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/receipt")
    @Operation(
            operationId = "receivePlaceChangeFile",
            summary = "The new county agency receipts the file: the case moves to it")
    PlaceChangeView receive(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(changes.receive(id, LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/forwarding")
    @Operation(
            operationId = "forwardPlaceChangeDocuments",
            summary = "The new county agency forwards the legal documents to its procuratorate, copy to its police")
    PlaceChangeView forward(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(changes.forward(id, LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/report")
    @Operation(
            operationId = "recordReportAtNewPlace",
            summary = "The new county agency records the subject's report at the new place")
    PlaceChangeView report(
            @PathVariable UUID id,
            @RequestBody ReportRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(
                changes.reported(id, LockVersions.required(body.version(), ifMatch), body.reportedAt()));
    }
}
