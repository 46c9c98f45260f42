package org.tongxin.supervision.web;

import static org.tongxin.identity.CaseRoleRules.CASE_TEAM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.VersionRequest;
import org.tongxin.supervision.LeaveApprover;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveStatus;
import org.tongxin.supervision.LeaveViews.LeaveView;
import org.tongxin.supervision.LeaveViews.NewLeave;
import org.tongxin.supervision.LeaveViews.Notice;
import org.tongxin.supervision.Leaves;

/**
 * REST API of leave (请假, CCL art. 27; IM arts. 26-28): the executing agency or the assigned judicial office records a
 * subject's application, the return and an extension asked before the last day; the approver the policy names by the
 * length approves or refuses. Commands carry the {@code version} read (body or {@code If-Match}); a stale one is 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "supervision", description = "Daily supervision: leave, contacts and visits")
class LeaveApi {

    static final String APPROVERS =
            "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'OFFICE_OFFICER', 'OFFICE_HEAD', 'CITY_COORDINATOR')";

    private final Leaves leaves;
    private final AgencyDirectory agencies;
    private final ApiCommands commands;

    LeaveApi(Leaves leaves, AgencyDirectory agencies, ApiCommands commands) {
        this.leaves = leaves;
        this.agencies = agencies;
        this.commands = commands;
    }

    /** An application: SINGLE or FREQUENT, where to and why (2 to 200 / 500 characters), first and last day away. */
    record LeaveRequestBody(
            LeaveKind kind, String destination, String reason, LocalDate departOn, LocalDate returnOn) {}

    /** A refusal: the version and the reason (5 to 500 characters). */
    record ReasonRequest(Integer version, String reason) implements LockVersions.Versioned {}

    /** The return: the version and the day the subject reported back (not in the future). */
    record ReturnRequest(Integer version, LocalDate returnedOn) implements LockVersions.Versioned {}

    /** An extension: the version, the new last day and why. */
    record ExtensionRequest(Integer version, LocalDate returnOn, String reason) implements LockVersions.Versioned {}

    /** A leave as the caller may see it; {@code pendingApprover} decides what awaits a decision. */
    record LeaveResponse(
            LeaveId id,
            CaseId caseId,
            String caseNumber,
            LeaveKind kind,
            String destination,
            String reason,
            LocalDate departOn,
            LocalDate returnOn,
            int days,
            LeaveApprover approver,
            AgencyName approvingAgency,
            boolean lateApplication,
            LeaveStatus status,
            Instant requestedAt,
            Instant decidedAt,
            String decidedByName,
            String refusalReason,
            LocalDate extensionReturnOn,
            LeaveApprover extensionApprover,
            String extensionReason,
            int extensions,
            LocalDate returnedOn,
            boolean notice,
            int version,
            boolean mayDecide,
            boolean mayRecord) {}

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/cases/{caseId}/leaves")
    @Operation(
            operationId = "requestLeave",
            summary =
                    "Record a subject's application to leave the city or county (executing agency or assigned judicial"
                            + " office)",
            description = "Normally 3 days ahead (policy setting; a later application is marked late, not refused). The"
                    + " approver follows from the length: the judicial office where entrusted (up to 7 days), the"
                    + " county agency, or the agency one level up beyond 30 days at once or in total within 2"
                    + " months (City A and baseline settings).")
    ResponseEntity<LeaveResponse> request(
            @PathVariable UUID caseId,
            @RequestBody(required = false) LeaveRequestBody body,
            @Parameter(hidden = true) Locale locale) {
        LeaveRequestBody b = body == null ? new LeaveRequestBody(null, null, null, null, null) : body;
        return commands.created(
                () -> leaves.request(
                        CaseId.of(caseId),
                        new NewLeave(b.kind(), b.destination(), b.reason(), b.departOn(), b.returnOn())),
                id -> "/api/v1/leaves/" + id,
                id -> response(leaves.view(id, "api.requestLeave"), locale));
    }

    @AnyAuthenticatedUser
    @GetMapping("/cases/{caseId}/leaves")
    @Operation(
            operationId = "listCaseLeaves",
            summary = "The leave of a case, newest first (parties supervising the case; audited)")
    List<LeaveResponse> ofCase(@PathVariable UUID caseId, @Parameter(hidden = true) Locale locale) {
        return leaves.ofCase(CaseId.of(caseId), "api.listCaseLeaves").stream()
                .map(v -> response(v, locale))
                .toList();
    }

    @AnyAuthenticatedUser
    @GetMapping("/leaves")
    @Operation(
            operationId = "listLeavesAwaitingDecision",
            summary = "Applications and extensions awaiting the caller's decision, oldest first (audited)")
    List<LeaveResponse> awaiting(@Parameter(hidden = true) Locale locale) {
        return leaves.awaitingMyDecision("api.listLeavesAwaitingDecision").stream()
                .map(v -> response(v, locale))
                .toList();
    }

    @AnyAuthenticatedUser
    @GetMapping("/leaves/{id}")
    @Operation(operationId = "getLeave", summary = "One leave (ETag = version; audited)")
    ResponseEntity<LeaveResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        LeaveResponse response = response(leaves.view(LeaveId.of(id), "api.getLeave"), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @PreAuthorize(APPROVERS)
    @PostMapping("/leaves/{id}/approval")
    @Operation(
            operationId = "approveLeave",
            summary =
                    "Approve the pending application or extension (its approver); the approval notice PDF is generated")
    LeaveResponse approve(
            @PathVariable UUID id,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        LeaveId leaveId = LeaveId.of(id);
        return commands.run(
                () -> leaves.approve(leaveId, LockVersions.required(body, ifMatch)),
                () -> response(leaves.view(leaveId, "api.approveLeave"), locale));
    }

    @PreAuthorize(APPROVERS)
    @PostMapping("/leaves/{id}/refusal")
    @Operation(
            operationId = "refuseLeave",
            summary = "Refuse the pending application or extension with the reason (its approver)")
    LeaveResponse refuse(
            @PathVariable UUID id,
            @RequestBody(required = false) ReasonRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        LeaveId leaveId = LeaveId.of(id);
        return commands.run(
                () -> leaves.refuse(leaveId, LockVersions.required(body, ifMatch), body == null ? null : body.reason()),
                () -> response(leaves.view(leaveId, "api.refuseLeave"), locale));
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/leaves/{id}/return")
    @Operation(
            operationId = "recordLeaveReturn",
            summary = "Record that the subject reported back (late when after the last day)")
    LeaveResponse recordReturn(
            @PathVariable UUID id,
            @RequestBody(required = false) ReturnRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        LeaveId leaveId = LeaveId.of(id);
        return commands.run(
                () -> leaves.recordReturn(
                        leaveId, LockVersions.required(body, ifMatch), body == null ? null : body.returnedOn()),
                () -> response(leaves.view(leaveId, "api.recordLeaveReturn"), locale));
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/leaves/{id}/extension")
    @Operation(
            operationId = "requestLeaveExtension",
            summary = "Record an extension asked before the last day; decided at the level the new length needs")
    LeaveResponse extend(
            @PathVariable UUID id,
            @RequestBody(required = false) ExtensionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        LeaveId leaveId = LeaveId.of(id);
        return commands.run(
                () -> leaves.requestExtension(
                        leaveId,
                        LockVersions.required(body, ifMatch),
                        body == null ? null : body.returnOn(),
                        body == null ? null : body.reason()),
                () -> response(leaves.view(leaveId, "api.requestLeaveExtension"), locale));
    }

    @AnyAuthenticatedUser
    @GetMapping("/leaves/{id}/notice")
    @Operation(operationId = "downloadLeaveNotice", summary = "The leave approval notice PDF (社区矫正对象外出审批通知书; audited)")
    ResponseEntity<byte[]> notice(@PathVariable UUID id) {
        Notice notice = leaves.notice(LeaveId.of(id));
        return Downloads.attachment(notice.fileName(), "application/pdf", notice.content());
    }

    private LeaveResponse response(LeaveView v, Locale locale) {
        Map<AgencyId, AgencyName> names = agencies.names(List.of(v.approvingAgency()), locale);
        return new LeaveResponse(
                v.id(),
                v.caseId(),
                v.caseNumber(),
                v.kind(),
                v.destination(),
                v.reason(),
                v.departOn(),
                v.returnOn(),
                v.days(),
                v.approver(),
                names.getOrDefault(v.approvingAgency(), new AgencyName(v.approvingAgency(), null)),
                v.lateApplication(),
                v.status(),
                v.requestedAt(),
                v.decidedAt(),
                v.decidedByName(),
                v.refusalReason(),
                v.extensionReturnOn(),
                v.extensionApprover(),
                v.extensionReason(),
                v.extensions(),
                v.returnedOn(),
                v.noticeDocumentId() != null,
                v.version(),
                v.mayDecide(),
                v.mayRecord());
    }
}
