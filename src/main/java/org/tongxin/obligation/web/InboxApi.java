package org.tongxin.obligation.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.HEADS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
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
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.Standing;
import org.tongxin.obligation.WaitReason;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * REST API of the obligation ledger as people work it: the caller's agency's inbox (open obligations, overdue first,
 * then by due time) and personal inbox, the counts for the navigation, the obligations of a case, the obligations
 * escalated to the caller's agency, taking one into one's own inbox and waiving one (heads of the owing agency). Each
 * obligation names its step in the caller's language with its legal basis and the legal due date.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "obligations", description = "Obligation ledger: inboxes, counts, escalations, taking and waiving")
class InboxApi {

    private final Inboxes inboxes;
    private final ObligationLedger ledger;
    private final ObligationLines lines;
    private final Clock clock;

    InboxApi(Inboxes inboxes, ObligationLedger ledger, ObligationLines lines, Clock clock) {
        this.inboxes = inboxes;
        this.ledger = ledger;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * An obligation for its reader: the step's name (Accept-Language) and legal basis, the legal due date
     * ({@code dueDate}, China Standard Time) and exact due time, whether it is only an alert ("immediately",
     * "promptly"), provisional (counted on a calendar year whose notice is not out yet), owed by the subject (watched
     * by the owing agency), and the case it belongs to when the reader may see it — or, for an obligation without a
     * case, the matter it is about ({@code matterKind} MEETING_DECISION or CONFLICT, {@code matterId}). Whose move it
     * is (ADR 0039): {@code actionable} (the owing agency can act now), {@code standing} (TO_DO, WAITING_FOR_ORGAN,
     * WAITING_FOR_SUBJECT, NOT_STARTED) and, for a line that waits, {@code waitingFor}.
     */
    record ObligationResponse(
            ObligationId id,
            CaseId caseId,
            String caseNumber,
            String subjectName,
            boolean subjectMasked,
            String stepId,
            String stepName,
            String legalBasis,
            DeadlineKind deadlineKind,
            Integer deadlineAmount,
            ObligationStatus status,
            LocalDate dueDate,
            Instant dueAt,
            boolean alertOnly,
            boolean provisional,
            boolean dueSoon,
            boolean owedBySubject,
            AgencyName owingAgency,
            AgencyName counterpartyAgency,
            Instant startedAt,
            Instant pausedAt,
            String pauseReason,
            Instant previousDueAt,
            int escalationLevel,
            boolean assignedToMe,
            UUID assigneeUserId,
            Instant fulfilledAt,
            Instant waivedAt,
            String waiverReason,
            int version,
            ObligationMatter.Kind matterKind,
            UUID matterId,
            boolean actionable,
            Standing standing,
            WaitingFor waitingFor) {}

    /**
     * What a line waits for: the organ whose move it is (null for the subject, or for the owing agency's own earlier
     * step), the reason (a stable code) and the words in the caller's language, since when.
     */
    record WaitingFor(AgencyName agency, WaitReason reason, String text, Instant since) {}

    /*
     * The reads below run in one transaction each: the inbox, the names, the case summaries and the audit record of
     * the read take one connection and one commit, not one per façade call (doc/performance.md).
     */

    @AnyAuthenticatedUser
    @Transactional
    @GetMapping("/inbox")
    @Operation(
            operationId = "getInbox",
            summary = "The caller's agency's open obligations, overdue first, then by due time (mine=true: the caller's"
                    + " own)",
            description = "Filters: caseId, step (a step id such as docs.receipt), counterparty (an agency id), mine,"
                    + " overdue, show (todo: what the agency can act on now; waiting: what waits for another"
                    + " organ, the subject or its trigger; all, the default). Each line says whether it is"
                    + " actionable and, if not, what it waits for (waitingFor). Paging: page, size (1-100).")
    PageResult<ObligationResponse> inbox(
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) UUID counterparty,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean overdue,
            @Parameter(description = "todo, waiting or all (default)") @RequestParam(required = false) String show,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Locale locale) {
        if (step != null && step.length() > 60) {
            throw TongxinException.invalid("step", "maxLength", 60);
        }
        PageResult<ObligationView> found = inboxes.inbox(
                new Inboxes.InboxFilter(
                        caseId == null ? null : CaseId.of(caseId),
                        step,
                        counterparty == null ? null : AgencyId.of(counterparty),
                        mine,
                        overdue,
                        Inboxes.InboxView.parse(show)),
                page(page, size));
        return paged(found, "api.getInbox", locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/inbox/counts")
    @Operation(
            operationId = "getInboxCounts",
            summary = "How many obligations the caller's agency has pending, overdue and due soon, and how many the"
                    + " caller took",
            description =
                    "overdue and dueSoon count only what the agency can act on: never the subject's own steps, never a"
                        + " step waiting for another organ. toDo: what it can act on now; waiting: what waits for"
                        + " another organ or for its trigger; awaitingSubject: the subject's steps it watches (pending"
                        + " = toDo + waiting + awaitingSubject).")
    Inboxes.InboxCounts counts() {
        return inboxes.counts();
    }

    @AnyAuthenticatedUser
    @Transactional
    @GetMapping("/cases/{caseId}/obligations")
    @Operation(
            operationId = "listCaseObligations",
            summary = "Every obligation of a case, open and closed, for its parties")
    List<ObligationResponse> ofCase(@PathVariable UUID caseId, @Parameter(hidden = true) Locale locale) {
        return responses(inboxes.ofCase(CaseId.of(caseId)), "api.listCaseObligations", locale);
    }

    @AnyAuthenticatedUser
    @Transactional
    @GetMapping("/escalations")
    @Operation(
            operationId = "listEscalations",
            summary = "Overdue obligations of other agencies escalated to the caller's agency, by due time")
    PageResult<ObligationResponse> escalations(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Locale locale) {
        return paged(inboxes.escalatedToMe(page(page, size)), "api.listEscalations", locale);
    }

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/obligations/{id}/take")
    @Operation(
            operationId = "takeObligation",
            summary = "Take an open obligation of one's own agency into one's personal inbox")
    ObligationResponse take(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        ledger.take(ObligationId.of(id));
        return one(ObligationId.of(id), locale);
    }

    /** A waiver: the reason (5 to 500 characters) and the obligation's version the caller read (or If-Match). */
    record WaiverRequest(Integer version, String reason) {}

    @PreAuthorize(HEADS)
    @PostMapping("/obligations/{id}/waiver")
    @Operation(
            operationId = "waiveObligation",
            summary = "Waive an obligation that no longer applies, with the reason (head of the owing agency; audited)")
    ObligationResponse waive(
            @PathVariable UUID id,
            @RequestBody WaiverRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        ledger.waive(ObligationId.of(id), LockVersions.required(body.version(), ifMatch), body.reason());
        return one(ObligationId.of(id), locale);
    }

    // Helpers

    private ObligationResponse one(ObligationId id, Locale locale) {
        ObligationView o = ledger.find(id).orElseThrow(TongxinException::notFound);
        return responses(List.of(o), "api.obligation", locale).getFirst();
    }

    private static PageQuery page(Integer page, Integer size) {
        return PageQuery.of(page, size, null, Set.of("due"), "due");
    }

    private PageResult<ObligationResponse> paged(PageResult<ObligationView> found, String purpose, Locale locale) {
        return new PageResult<>(responses(found.items(), purpose, locale), found.page(), found.size(), found.total());
    }

    private List<ObligationResponse> responses(List<ObligationView> obligations, String purpose, Locale locale) {
        ObligationLines.Batch batch = lines.read(obligations, purpose, false, locale);
        Instant now = clock.instant();
        return obligations.stream()
                .map(o -> response(lines.line(o, batch), now, locale))
                .toList();
    }

    static ObligationResponse response(InboxLine line, Instant now, Locale locale) {
        ObligationView o = line.obligation();
        CaseSummary c = line.caseSummary();
        return new ObligationResponse(
                o.id(),
                o.caseId(),
                c == null ? null : c.caseNumber(),
                c == null ? null : c.subjectName(),
                c != null && c.masked(),
                o.stepId(),
                line.step().name(locale),
                line.step().legalBasis(),
                o.deadlineKind(),
                o.deadlineAmount(),
                o.status(),
                o.dueDate(),
                o.dueAt(),
                o.alertOnly(),
                o.provisional(),
                o.dueSoon(now),
                o.owedBySubject(),
                line.owing(),
                line.counterparty(),
                o.startedAt(),
                o.pausedAt(),
                o.pauseReason(),
                o.previousDueAt(),
                o.escalationLevel(),
                line.mine(),
                o.assigneeUserId(),
                o.fulfilledAt(),
                o.waivedAt(),
                o.waiverReason(),
                o.version(),
                o.matter() == null ? null : o.matter().kind(),
                o.matter() == null ? null : o.matter().id(),
                o.actionable(),
                o.standing(),
                o.waitReason()
                        .map(r -> new WaitingFor(line.waitingFor(), r, line.waitingText(), o.waitingSince()))
                        .orElse(null));
    }
}
