package org.tongxin.coordination.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictSearch;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.ConflictViews.Evidence;
import org.tongxin.coordination.ConflictViews.NewConflict;
import org.tongxin.coordination.Conflicts;
import org.tongxin.coordination.MeetingId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * REST API of the conflict register: raising a conflict (any case staff), the register as far as the caller's agency
 * takes part (a POSTed search, since a query may hold personal data), one conflict, and the coordination office's
 * response, escalation to a joint meeting and resolution. Non-parties get 404. Commands carry the version they read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "conflicts",
        description = "Conflict register: raise, search, respond, escalate to a joint meeting, resolve")
class ConflictApi {

    private static final String COORDINATOR = "hasRole('CITY_COORDINATOR')";

    private final Conflicts conflicts;
    private final CoordinationPresentation presentation;

    ConflictApi(Conflicts conflicts, CoordinationPresentation presentation) {
        this.conflicts = conflicts;
        this.presentation = presentation;
    }

    record ConflictResponse(
            ConflictId id,
            CaseId caseId,
            String caseNumber,
            ConflictType type,
            String typeName,
            ConflictState state,
            AgencyName raisedBy,
            AgencyName office,
            List<AgencyName> parties,
            String point,
            String stepId,
            String legalBasis,
            String response,
            Instant respondedAt,
            Instant escalatedAt,
            String escalationNote,
            MeetingId meetingId,
            String resolution,
            String lessons,
            Instant resolvedAt,
            Instant raisedAt,
            List<Evidence> evidence,
            ObligationStatus responseObligation,
            int version) {}

    /** A conflict to raise: on a case (caseId) or a procedure (no caseId); parties are the other agencies in it. */
    record RaiseRequest(
            UUID caseId,
            ConflictType type,
            List<UUID> parties,
            String point,
            String stepId,
            List<UUID> handoverIds,
            List<UUID> obligationIds) {}

    /** Search of the register: every filter optional; paging and sort (raised, type, state; '-' for descending). */
    record SearchRequest(
            String text,
            ConflictType type,
            ConflictState state,
            UUID agencyId,
            String caseNumber,
            Integer page,
            Integer size,
            String sort) {}

    record ResponseRequest(Integer version, String response) {}

    record EscalationRequest(Integer version, String note, UUID meetingId) {}

    record ResolutionRequest(Integer version, String resolution, String lessons) {}

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/conflicts")
    @Operation(
            operationId = "raiseConflict",
            summary = "Raise a conflict on a case or a procedure step (opens conflict.respond for the coordination"
                    + " office)")
    ResponseEntity<ConflictResponse> raise(@RequestBody RaiseRequest body, @Parameter(hidden = true) Locale locale) {
        ConflictId id = conflicts.raise(new NewConflict(
                body.caseId(),
                body.type(),
                body.parties(),
                body.point(),
                body.stepId(),
                body.handoverIds(),
                body.obligationIds()));
        ConflictResponse response = response(conflicts.view(id, "api.raiseConflict"), locale);
        return ResponseEntity.created(URI.create("/api/v1/conflicts/" + id))
                .eTag(LockVersions.etag(response.version()))
                .body(response);
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/conflicts")
    @Operation(
            operationId = "listConflicts",
            summary = "The register as far as the caller's agency takes part, newest first",
            description = "Filters without personal data: type, state. For text or case numbers use POST"
                    + " /api/v1/conflicts/search.")
    PageResult<ConflictResponse> list(
            @RequestParam(required = false) ConflictType type,
            @RequestParam(required = false) ConflictState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @Parameter(hidden = true) Locale locale) {
        return responses(
                conflicts.search(
                        new ConflictSearch(null, type, state, null, null),
                        PageQuery.of(page, size, sort, Conflicts.SORTABLE, "-raised"),
                        "api.listConflicts"),
                locale);
    }

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/conflicts/search")
    @Operation(
            operationId = "searchConflicts",
            summary = "Search the register by text, type, state, agency and case number (POST: the query may hold"
                    + " personal data)")
    PageResult<ConflictResponse> search(@RequestBody SearchRequest body, @Parameter(hidden = true) Locale locale) {
        return responses(
                conflicts.search(
                        new ConflictSearch(body.text(), body.type(), body.state(), body.agencyId(), body.caseNumber()),
                        PageQuery.of(body.page(), body.size(), body.sort(), Conflicts.SORTABLE, "-raised"),
                        "api.searchConflicts"),
                locale);
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/conflicts/{id}")
    @Operation(
            operationId = "getConflict",
            summary = "One conflict, for its parties and coordination office (ETag = version)")
    ResponseEntity<ConflictResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        ConflictResponse response = response(conflicts.view(ConflictId.of(id), "api.getConflict"), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/response")
    @Operation(
            operationId = "respondToConflict",
            summary = "The coordination office's first response (fulfils conflict.respond)")
    ConflictResponse respond(
            @PathVariable UUID id,
            @RequestBody ResponseRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        conflicts.respond(ConflictId.of(id), LockVersions.required(body.version(), ifMatch), body.response());
        return response(conflicts.view(ConflictId.of(id), "api.respondToConflict"), locale);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/escalation")
    @Operation(
            operationId = "escalateConflict",
            summary = "Take the conflict to a joint meeting (optionally onto a convened meeting's agenda)")
    ConflictResponse escalate(
            @PathVariable UUID id,
            @RequestBody EscalationRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        conflicts.escalate(
                ConflictId.of(id),
                LockVersions.required(body.version(), ifMatch),
                body.note(),
                body.meetingId() == null ? null : MeetingId.of(body.meetingId()));
        return response(conflicts.view(ConflictId.of(id), "api.escalateConflict"), locale);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/resolution")
    @Operation(
            operationId = "resolveConflict",
            summary = "Resolve the conflict with the resolution and the lessons learned")
    ConflictResponse resolve(
            @PathVariable UUID id,
            @RequestBody ResolutionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        conflicts.resolve(
                ConflictId.of(id), LockVersions.required(body.version(), ifMatch), body.resolution(), body.lessons());
        return response(conflicts.view(ConflictId.of(id), "api.resolveConflict"), locale);
    }

    /** A page of the register, the names of all its agencies read at once. */
    private PageResult<ConflictResponse> responses(PageResult<ConflictView> found, Locale locale) {
        Map<AgencyId, AgencyName> names = presentation.conflictAgencies(found.items(), locale);
        return found.map(c -> response(c, names, locale));
    }

    private ConflictResponse response(ConflictView c, Locale locale) {
        return response(c, presentation.conflictAgencies(List.of(c), locale), locale);
    }

    private ConflictResponse response(ConflictView c, Map<AgencyId, AgencyName> names, Locale locale) {
        ObligationStatus obligation =
                conflicts.responseObligation(c).map(ObligationView::status).orElse(null);
        return new ConflictResponse(
                c.id(),
                c.caseId(),
                c.caseNumber(),
                c.type(),
                presentation.typeName(c.type(), locale),
                c.state(),
                names.get(c.raisedBy()),
                names.get(c.office()),
                c.parties().stream().map(names::get).toList(),
                c.point(),
                c.stepId(),
                c.legalBasis(),
                c.response(),
                c.respondedAt(),
                c.escalatedAt(),
                c.escalationNote(),
                c.meetingId(),
                c.resolution(),
                c.lessons(),
                c.resolvedAt(),
                c.raisedAt(),
                c.evidence(),
                obligation,
                c.version());
    }
}
