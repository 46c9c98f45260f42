package org.tongxin.assistance.web;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.Capacities;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralStatus;
import org.tongxin.assistance.ReferralViews.CapacityChange;
import org.tongxin.assistance.ReferralViews.CapacityLine;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.ReferralViews.Note;
import org.tongxin.assistance.ReferralViews.ReferralSummary;
import org.tongxin.assistance.ReferralViews.ReferralView;
import org.tongxin.assistance.Referrals;
import org.tongxin.assistance.SharedField;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of assistance referrals: the county agency or judicial office refers (and may withdraw before an answer),
 * the department or social organisation accepts or declines with a reason, records the first contact, progress notes
 * and the outcome; both read the referral, its letter and its deadlines. The receiving agency's answer carries only
 * the subject's fields its service needs ({@code sharedFields}, {@code sharedSubject}). Departments declare their
 * places per service. Commands carry the referral's {@code version} (body or If-Match); a stale one is 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "assistance",
        description = "Assistance referrals to education, civil affairs, HRSS and social organisations; capacity")
class ReferralApi {

    static final String CASEWORKERS = "hasAnyRole('ASSISTANCE_CASEWORKER', 'SOCIAL_WORKER')";

    private final Referrals referrals;
    private final Capacities capacities;
    private final ReferralPresentation presentation;
    private final ApiCommands commands;

    ReferralApi(Referrals referrals, Capacities capacities, ReferralPresentation presentation, ApiCommands commands) {
        this.referrals = referrals;
        this.capacities = capacities;
        this.presentation = presentation;
        this.commands = commands;
    }

    /** A referral for one reader, agencies named in the reader's language. */
    record ReferralResponse(
            ReferralId id,
            CaseId caseId,
            String caseNumber,
            AssistanceService service,
            String serviceName,
            AgencyName fromAgency,
            AgencyName toAgency,
            ReferralStatus status,
            String note,
            UUID letterDocumentId,
            Instant madeAt,
            String madeByName,
            Instant answeredAt,
            String answeredByName,
            String declineReason,
            Instant waitingSince,
            Integer waitingPosition,
            Instant placedAt,
            Instant firstContactAt,
            int progressNotes,
            Instant closedAt,
            Boolean delivered,
            String outcomeNote,
            String withdrawalReason,
            int version,
            List<String> sharedFields,
            Map<String, Object> sharedSubject,
            List<Note> notes,
            List<DeadlineResponse> deadlines) {}

    /** An obligation of the referral on the ledger. */
    record DeadlineResponse(
            String stepId,
            String instance,
            String status,
            AgencyId owingAgencyId,
            Instant dueAt,
            LocalDate dueDate,
            Instant fulfilledAt) {}

    record SummaryResponse(
            ReferralId id,
            CaseId caseId,
            String caseNumber,
            AssistanceService service,
            String serviceName,
            AgencyName fromAgency,
            AgencyName toAgency,
            ReferralStatus status,
            Instant madeAt,
            Instant answeredAt,
            Instant updatedAt,
            int version) {}

    /** A new referral: the service, the receiving agency and what the subject needs (10 to 1000 characters). */
    record ReferralRequest(AssistanceService service, UUID toAgencyId, String note) {}

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/cases/{caseId}/referrals")
    @Operation(
            operationId = "referSubject",
            summary =
                    "Refer the case's subject to a department or social organisation (county agency or judicial office"
                            + " of the case)",
            description = "The receiving agency must be of the service's provider type and serve the case's district. A"
                    + " referral letter is generated; the receiving agency's answer is due by the policy (City A:"
                    + " 5 working days).")
    ResponseEntity<ReferralResponse> refer(
            @PathVariable UUID caseId,
            @RequestBody(required = false) ReferralRequest body,
            @Parameter(hidden = true) Locale locale) {
        ReferralRequest request = body == null ? new ReferralRequest(null, null, null) : body;
        return commands.created(
                () -> referrals.refer(
                        CaseId.of(caseId),
                        new NewReferral(
                                request.service(),
                                request.toAgencyId() == null ? null : AgencyId.of(request.toAgencyId()),
                                request.note())),
                id -> "/api/v1/referrals/" + id,
                id -> response(referrals.view(id), locale));
    }

    @AnyAuthenticatedUser
    @GetMapping("/cases/{caseId}/referrals")
    @Operation(
            operationId = "listCaseReferrals",
            summary = "The referrals of a case the caller's agency may see, oldest first")
    List<SummaryResponse> ofCase(@PathVariable UUID caseId, @Parameter(hidden = true) Locale locale) {
        return summaries(referrals.ofCase(CaseId.of(caseId)), locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/referrals")
    @Operation(
            operationId = "listReferrals",
            summary = "Referrals to the caller's agency (direction=incoming, the default) or made by it (outgoing)",
            description =
                    "Filter by status and service; sort by made, updated, status or service (prefix - for descending; "
                            + "default -made).")
    PageResult<SummaryResponse> list(
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) AssistanceService service,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @Parameter(hidden = true) Locale locale) {
        boolean incoming = direction(direction);
        PageResult<ReferralSummary> found = referrals.list(
                incoming, status, service, PageQuery.of(page, size, sort, ReferralPages.SORTABLE, "-made"));
        List<SummaryResponse> items = summaries(found.items(), locale);
        return new PageResult<>(items, found.page(), found.size(), found.total());
    }

    @AnyAuthenticatedUser
    @GetMapping("/referrals/{id}")
    @Operation(
            operationId = "getReferral",
            summary = "One referral with its notes, deadlines and the subject's fields shared for its service (ETag ="
                    + " version)")
    ResponseEntity<ReferralResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        ReferralResponse response = response(referrals.view(ReferralId.of(id)), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @AnyAuthenticatedUser
    @GetMapping("/referrals/{id}/letter")
    @Operation(
            operationId = "downloadReferralLetter",
            summary = "The referral letter PDF (parties of the referral; audited)")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        Referrals.Letter letter = referrals.letter(ReferralId.of(id));
        return Downloads.attachment(letter.fileName(), letter.contentType(), letter.content());
    }

    /** A command with a reason (10 to 500 characters). */
    record ReasonRequest(Integer version, String reason) implements LockVersions.Versioned {}

    /** A contact or progress note: the day (today when left out, never in the future) and the text. */
    record NoteRequest(Integer version, LocalDate on, String note) implements LockVersions.Versioned {}

    /** The outcome: whether the service was delivered, and a note (10 to 1000 characters). */
    record CompletionRequest(Integer version, Boolean delivered, String note) implements LockVersions.Versioned {}

    @PreAuthorize(CASEWORKERS)
    @PostMapping("/referrals/{id}/acceptance")
    @Operation(
            operationId = "acceptReferral",
            summary = "Accept a referral (receiving agency): a place, or the waiting list when the declared places are"
                    + " taken")
    ReferralResponse accept(
            @PathVariable UUID id,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        referrals.accept(referralId, LockVersions.required(body, ifMatch));
        return afterCommand(referralId, locale);
    }

    @PreAuthorize(CASEWORKERS)
    @PostMapping("/referrals/{id}/decline")
    @Operation(
            operationId = "declineReferral",
            summary = "Decline a referral with the reason (receiving agency; reason required, at least 10 characters)")
    ReferralResponse decline(
            @PathVariable UUID id,
            @RequestBody(required = false) ReasonRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        referrals.decline(referralId, LockVersions.required(body, ifMatch), body == null ? null : body.reason());
        return afterCommand(referralId, locale);
    }

    @PreAuthorize(CASEWORKERS)
    @PostMapping("/referrals/{id}/contact")
    @Operation(
            operationId = "recordReferralContact",
            summary = "Record the first contact with the subject (receiving agency): the assistance is in progress")
    ReferralResponse contact(
            @PathVariable UUID id,
            @RequestBody(required = false) NoteRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        NoteRequest request = body == null ? new NoteRequest(null, null, null) : body;
        referrals.recordContact(
                referralId, LockVersions.required(request.version(), ifMatch), request.on(), request.note());
        return afterCommand(referralId, locale);
    }

    @PreAuthorize(CASEWORKERS)
    @PostMapping("/referrals/{id}/progress-notes")
    @Operation(
            operationId = "addReferralProgressNote",
            summary = "Report progress (receiving agency; at least monthly while the assistance runs)")
    ReferralResponse progress(
            @PathVariable UUID id,
            @RequestBody(required = false) NoteRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        NoteRequest request = body == null ? new NoteRequest(null, null, null) : body;
        referrals.addProgressNote(
                referralId, LockVersions.required(request.version(), ifMatch), request.on(), request.note());
        return afterCommand(referralId, locale);
    }

    @PreAuthorize(CASEWORKERS)
    @PostMapping("/referrals/{id}/completion")
    @Operation(
            operationId = "completeReferral",
            summary = "Record the outcome (delivered or not, with a note): the referral is completed and its place goes"
                    + " to the next one waiting")
    ReferralResponse complete(
            @PathVariable UUID id,
            @RequestBody(required = false) CompletionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        CompletionRequest request = body == null ? new CompletionRequest(null, null, null) : body;
        referrals.complete(
                referralId, LockVersions.required(request.version(), ifMatch), request.delivered(), request.note());
        return afterCommand(referralId, locale);
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/referrals/{id}/withdrawal")
    @Operation(
            operationId = "withdrawReferral",
            summary = "Withdraw a referral before it is answered (referring agency, with a reason)")
    ReferralResponse withdraw(
            @PathVariable UUID id,
            @RequestBody(required = false) ReasonRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ReferralId referralId = ReferralId.of(id);
        referrals.withdraw(referralId, LockVersions.required(body, ifMatch), body == null ? null : body.reason());
        return afterCommand(referralId, locale);
    }

    /** The places and staff of the caller's agency per service it offers. */
    record CapacityResponse(List<CapacityLine> lines) {}

    /** New places and staff per service, each line with the version read (0 for a service not declared yet). */
    record CapacityRequest(List<CapacityChange> lines) {}

    @PreAuthorize(CASEWORKERS)
    @GetMapping("/assistance/capacity")
    @Operation(
            operationId = "getAssistanceCapacity",
            summary = "The caller's agency's places and staff per service, with the places taken and the waiting list")
    CapacityResponse capacity() {
        return new CapacityResponse(capacities.capacity());
    }

    @PreAuthorize(CASEWORKERS)
    @PutMapping("/assistance/capacity")
    @Operation(
            operationId = "declareAssistanceCapacity",
            summary = "Declare places and staff per service (the caller's agency); freed places go to those waiting,"
                    + " first come first placed")
    CapacityResponse declare(@RequestBody(required = false) CapacityRequest body) {
        List<CapacityLine> lines = capacities.declareCapacity(body == null ? null : body.lines());
        return commands.answer(() -> new CapacityResponse(lines));
    }

    // Helpers

    static boolean direction(String direction) {
        if (direction == null || direction.isBlank() || direction.equals("incoming")) {
            return true;
        }
        if (direction.equals("outgoing")) {
            return false;
        }
        throw TongxinException.invalid("direction", "oneOf", "incoming, outgoing");
    }

    private ReferralResponse afterCommand(ReferralId id, Locale locale) {
        return commands.answer(() -> response(referrals.view(id), locale));
    }

    private ReferralResponse response(ReferralView v, Locale locale) {
        Map<AgencyId, AgencyName> names = presentation.names(v, locale);
        return new ReferralResponse(
                v.id(),
                v.caseId(),
                v.caseNumber(),
                v.service(),
                presentation.serviceName(v.service(), locale),
                names.get(v.fromAgencyId()),
                names.get(v.toAgencyId()),
                v.status(),
                v.note(),
                v.letterDocumentId(),
                v.madeAt(),
                v.madeByName(),
                v.answeredAt(),
                v.answeredByName(),
                v.declineReason(),
                v.waitingSince(),
                v.waitingPosition(),
                v.placedAt(),
                v.firstContactAt(),
                v.progressNotes(),
                v.closedAt(),
                v.delivered(),
                v.outcomeNote(),
                v.withdrawalReason(),
                v.version(),
                v.sharedFields().stream().map(SharedField::key).toList(),
                v.sharedSubject(),
                v.notes(),
                v.deadlines().stream()
                        .map(o -> new DeadlineResponse(
                                o.stepId(),
                                o.instance(),
                                o.status().name(),
                                o.owingAgencyId(),
                                o.dueAt(),
                                o.dueDate(),
                                o.fulfilledAt()))
                        .toList());
    }

    private List<SummaryResponse> summaries(List<ReferralSummary> list, Locale locale) {
        Map<AgencyId, AgencyName> names = presentation.names(list, locale);
        return list.stream()
                .map(s -> new SummaryResponse(
                        s.id(),
                        s.caseId(),
                        s.caseNumber(),
                        s.service(),
                        presentation.serviceName(s.service(), locale),
                        names.get(s.fromAgencyId()),
                        names.get(s.toAgencyId()),
                        s.status(),
                        s.madeAt(),
                        s.answeredAt(),
                        s.updatedAt(),
                        s.version()))
                .toList();
    }
}
