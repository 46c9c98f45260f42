package org.tongxin.coordination.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingDecisions;
import org.tongxin.coordination.MeetingDocuments;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.coordination.Meetings;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of joint meetings: the meetings the caller's agency convened, attends or owes a decision of; convening
 * (city coordinators of a coordination office), the notice and minutes as PDFs, recording the minutes, decisions,
 * closing and cancelling; the decisions and the named agency's report that one is done. Commands carry the version
 * they read (body or If-Match); a stale one is 409. Meetings others may not see are 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "meetings",
        description = "Joint meetings (联席会议): agenda, attendees, notice, minutes, decisions and their follow-up")
class MeetingApi {

    private static final String COORDINATOR = "hasRole('CITY_COORDINATOR')";

    private final Meetings meetings;
    private final MeetingDecisions decisions;
    private final MeetingDocuments documents;
    private final AgencyDirectory agencies;
    private final CoordinationPresentation presentation;

    MeetingApi(
            Meetings meetings,
            MeetingDecisions decisions,
            MeetingDocuments documents,
            AgencyDirectory agencies,
            CoordinationPresentation presentation) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.documents = documents;
        this.agencies = agencies;
        this.presentation = presentation;
    }

    /** A decision with the agency named in the reader's language and the state of its obligation in the ledger. */
    record DecisionResponse(
            DecisionId id,
            MeetingId meetingId,
            int position,
            String text,
            AgencyName owingAgency,
            CaseId caseId,
            LocalDate dueDate,
            boolean tracked,
            boolean done,
            Instant doneAt,
            String doneNote,
            Boolean late,
            ObligationStatus obligationStatus,
            int version) {}

    record AgendaItemResponse(
            int position, AgendaKind kind, String topic, CaseId caseId, ConflictId conflictId, DecisionId decisionId) {}

    record MeetingResponse(
            MeetingId id,
            AgencyName convenor,
            String title,
            Instant scheduledAt,
            String place,
            MeetingStatus status,
            String minutes,
            Instant heldAt,
            Instant closedAt,
            Instant cancelledAt,
            String cancelReason,
            List<AgencyName> attendees,
            List<AgendaItemResponse> agenda,
            List<DecisionResponse> decisions,
            int version) {}

    record MeetingSummaryResponse(
            MeetingId id,
            AgencyName convenor,
            String title,
            Instant scheduledAt,
            String place,
            MeetingStatus status,
            int attendees,
            int decisions,
            int openDecisions) {}

    /** A meeting to convene; {@code scheduledAt} is local time in China (e.g. 2025-10-20T09:30). */
    record ConveneRequest(
            String title, LocalDateTime scheduledAt, String place, List<UUID> attendees, List<AgendaInput> agenda) {}

    /** The minutes, and optionally the decisions taken (recorded together, all or nothing). */
    record MinutesRequest(Integer version, String minutes, List<MinutesDecision> decisions) {}

    /** A decision recorded with the minutes: text, the agency named, optionally a case and a due date. */
    record MinutesDecision(String text, UUID agencyId, UUID caseId, LocalDate dueDate) {}

    /** A decision: text, the agency named, optionally a case, and a due date (default: the policy's period). */
    record MeetingDecisionRequest(Integer version, String text, UUID agencyId, UUID caseId, LocalDate dueDate) {}

    record CancelRequest(Integer version, String reason) {}

    record DoneRequest(Integer version, String note) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/meetings")
    @Operation(
            operationId = "listMeetings",
            summary = "Meetings the caller's agency convened, attends or owes a decision of",
            description = "Filter: status. Paging: page, size (1-100); sort: scheduled (default, newest first), title,"
                    + " status.")
    PageResult<MeetingSummaryResponse> list(
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @Parameter(hidden = true) Locale locale) {
        PageResult<MeetingSummary> found = meetings.list(
                status,
                PageQuery.of(
                        page,
                        size,
                        sort == null ? "-scheduled" : sort,
                        Set.of("scheduled", "title", "status"),
                        "-scheduled"));
        Map<AgencyId, AgencyName> names = agencies.names(
                found.items().stream().map(MeetingSummary::convenor).toList(), locale);
        return found.map(m -> new MeetingSummaryResponse(
                m.id(),
                names.get(m.convenor()),
                m.title(),
                m.scheduledAt(),
                m.place(),
                m.status(),
                m.attendees(),
                m.decisions(),
                m.openDecisions()));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings")
    @Operation(
            operationId = "conveneMeeting",
            summary = "Convene a joint meeting (city coordinator of a coordination office)",
            description = "Agenda items: TOPIC (topic), CASE (caseId, optional topic), CONFLICT (conflictId, from the"
                    + " register; its parties are invited and it counts as escalated). Open and recently done"
                    + " decisions of earlier meetings are added for review.")
    ResponseEntity<MeetingResponse> convene(@RequestBody ConveneRequest body, @Parameter(hidden = true) Locale locale) {
        MeetingId id = meetings.convene(
                new NewMeeting(body.title(), body.scheduledAt(), body.place(), body.attendees(), body.agenda()));
        MeetingResponse response = response(meetings.view(id), locale);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id))
                .eTag(LockVersions.etag(response.version()))
                .body(response);
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/meetings/{id}")
    @Operation(
            operationId = "getMeeting",
            summary = "One meeting with its agenda, attendees, minutes and decisions (ETag = version)")
    ResponseEntity<MeetingResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        MeetingResponse response = response(meetings.view(MeetingId.of(id)), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/meetings/{id}/notice")
    @Operation(operationId = "getMeetingNotice", summary = "The meeting's notice (联席会议通知) as a Chinese PDF")
    ResponseEntity<byte[]> notice(@PathVariable UUID id) {
        MeetingDocuments.Pdf pdf = documents.notice(MeetingId.of(id));
        return Downloads.attachment(pdf.fileName(), "application/pdf", pdf.content());
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/meetings/{id}/minutes")
    @Operation(
            operationId = "getMeetingMinutes",
            summary = "The meeting's minutes (联席会议纪要) with its decisions as a Chinese PDF")
    ResponseEntity<byte[]> minutesPdf(@PathVariable UUID id) {
        MeetingDocuments.Pdf pdf = documents.minutes(MeetingId.of(id));
        return Downloads.attachment(pdf.fileName(), "application/pdf", pdf.content());
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/minutes")
    @Operation(
            operationId = "recordMeetingMinutes",
            summary = "Record the minutes of a held meeting with its decisions (or amend the minutes before it is"
                    + " closed)",
            description = "Each decision opens meeting.decision for the agency named; a problem with any of them saves"
                    + " nothing (fields decisions[i].text, .agencyId, .caseId, .dueDate).")
    MeetingResponse minutes(
            @PathVariable UUID id,
            @RequestBody MinutesRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        List<NewDecision> decisions = body.decisions() == null
                ? List.of()
                : body.decisions().stream()
                        .map(d -> d == null ? null : new NewDecision(d.text(), d.agencyId(), d.caseId(), d.dueDate()))
                        .toList();
        meetings.recordMinutes(
                MeetingId.of(id), LockVersions.required(body.version(), ifMatch), body.minutes(), decisions);
        return response(meetings.view(MeetingId.of(id)), locale);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/decisions")
    @Operation(
            operationId = "recordMeetingDecision",
            summary = "Record a decision of a held meeting: it opens meeting.decision for the agency named")
    ResponseEntity<DecisionResponse> decision(
            @PathVariable UUID id,
            @RequestBody MeetingDecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        DecisionId decisionId = decisions.record(
                MeetingId.of(id),
                LockVersions.required(body.version(), ifMatch),
                new NewDecision(body.text(), body.agencyId(), body.caseId(), body.dueDate()));
        DecisionResponse response = decision(decisions.decision(decisionId), locale);
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decisionId))
                .body(response);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/closure")
    @Operation(operationId = "closeMeeting", summary = "Close a held meeting (no more decisions; they stay tracked)")
    MeetingResponse close(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        meetings.close(MeetingId.of(id), LockVersions.required(body.version(), ifMatch));
        return response(meetings.view(MeetingId.of(id)), locale);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/cancellation")
    @Operation(operationId = "cancelMeeting", summary = "Cancel a meeting not yet held, with the reason")
    MeetingResponse cancel(
            @PathVariable UUID id,
            @RequestBody CancelRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        meetings.cancel(MeetingId.of(id), LockVersions.required(body.version(), ifMatch), body.reason());
        return response(meetings.view(MeetingId.of(id)), locale);
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/decisions/{id}")
    @Operation(
            operationId = "getDecision",
            summary = "One decision of a meeting the caller sees, with its obligation's state")
    DecisionResponse getDecision(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        return decision(decisions.decision(DecisionId.of(id)), locale);
    }

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/decisions/{id}/done")
    @Operation(
            operationId = "reportDecisionDone",
            summary = "The agency named reports the decision carried out, with a note (fulfils its obligation)")
    DecisionResponse done(
            @PathVariable UUID id,
            @RequestBody DoneRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        decisions.reportDone(DecisionId.of(id), LockVersions.required(body.version(), ifMatch), body.note());
        return decision(decisions.decision(DecisionId.of(id)), locale);
    }

    private MeetingResponse response(MeetingView m, Locale locale) {
        Map<AgencyId, AgencyName> names = presentation.meetingAgencies(m, m.decisions(), locale);
        return new MeetingResponse(
                m.id(),
                names.get(m.convenor()),
                m.title(),
                m.scheduledAt(),
                m.place(),
                m.status(),
                m.minutes(),
                m.heldAt(),
                m.closedAt(),
                m.cancelledAt(),
                m.cancelReason(),
                m.attendees().stream().map(names::get).toList(),
                m.agenda().stream()
                        .map(i -> new AgendaItemResponse(
                                i.position(), i.kind(), i.topic(), i.caseId(), i.conflictId(), i.decisionId()))
                        .toList(),
                m.decisions().stream().map(d -> decision(d, names)).toList(),
                m.version());
    }

    private DecisionResponse decision(DecisionView d, Locale locale) {
        return decision(d, agencies.names(List.of(d.owingAgency()), locale));
    }

    private DecisionResponse decision(DecisionView d, Map<AgencyId, AgencyName> names) {
        AgencyName owing = names.get(d.owingAgency());
        ObligationStatus status =
                decisions.obligation(d).map(ObligationView::status).orElse(null);
        return new DecisionResponse(
                d.id(),
                d.meetingId(),
                d.position(),
                d.text(),
                owing,
                d.caseId(),
                d.dueDate(),
                d.tracked(),
                d.done(),
                d.doneAt(),
                d.doneNote(),
                d.late(),
                status,
                d.version());
    }
}
