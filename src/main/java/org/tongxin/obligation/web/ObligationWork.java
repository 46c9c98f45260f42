package org.tongxin.obligation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.WaitingWords;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.WorkSection;

/**
 * The ledger's part of the work page: what the reader's agency owes (overdue and due today counted, the five most urgent
 * with the way to the step's form), the overdue work of others escalated to it, and what it waits for (steps another organ
 * owes to it, and its own steps that wait for another organ, the subject or a trigger). Everything is read through {@link Inboxes}, the inbox's rules; the
 * cases are named as {@link CaseDirectory#summaries} lets the reader see them (masked where it must), with one audit
 * record for the section's cases. It follows the inbox's split (doc/adr/0039): "to do" is what the agency can act on now,
 * "waiting" names what each line waits for in the ledger's words.
 */
@Component
class ObligationWork implements WorkSection {

    private static final int FETCH = Part.MAX_ITEMS;
    private static final String REFERRAL_STEPS = "assist.";
    /** The coordination office's response to a conflict (its instance on a case is the conflict's id). */
    private static final String CONFLICT_STEP = "conflict.respond";

    private final Inboxes inboxes;
    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Formats formats;
    private final WaitingWords waitingWords;
    private final Clock clock;

    ObligationWork(
            Inboxes inboxes,
            ObligationLedger ledger,
            CaseDirectory cases,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            MessageSource messages,
            Formats formats,
            WaitingWords waitingWords,
            Clock clock) {
        this.waitingWords = waitingWords;
        this.inboxes = inboxes;
        this.ledger = ledger;
        this.cases = cases;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Part> sections() {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant endOfToday =
                LegalTime.today(clock).plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant();
        Inboxes.WorkCounts counts = inboxes.workCounts(endOfToday);
        List<ObligationView> own = inboxes.mostUrgent(FETCH);
        PageResult<ObligationView> escalated = inboxes.escalatedToMe(new PageQuery(0, FETCH, "due", false));
        PageResult<ObligationView> waiting = inboxes.waitingForOthers(new PageQuery(0, FETCH, "due", false));

        List<ObligationView> all = Stream.of(own, escalated.items(), waiting.items())
                .flatMap(List::stream)
                .toList();
        List<CaseId> caseIds = all.stream()
                .map(ObligationView::caseId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<CaseId, CaseSummary> summaries = caseIds.isEmpty() ? Map.of() : cases.summaries(caseIds, "home");
        Map<AgencyId, AgencyView> names = agencies.findAll(all.stream()
                .flatMap(o -> Stream.of(o.owingAgencyId(), o.counterpartyAgencyId(), o.waitingForAgencyId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Locale locale = LocaleContextHolder.getLocale();

        List<Part> parts = new ArrayList<>();
        parts.add(new Part(
                "todo",
                Kind.TO_DO,
                text("work.todo.title"),
                text("work.todo.intro"),
                counts.pending(),
                counts.overdue(),
                counts.dueToday(),
                items(own, summaries, names, now, endOfToday, locale, false),
                "/inbox",
                text("work.todo.all", counts.pending()),
                text("work.todo.none")));
        if (escalated.total() > 0) {
            long escalatedOverdue = inboxes.counts().escalatedOverdue();
            parts.add(new Part(
                    "escalated",
                    Kind.OVERSIGHT,
                    text("work.escalated.title"),
                    text("work.escalated.intro"),
                    escalated.total(),
                    escalatedOverdue,
                    0,
                    items(escalated.items(), summaries, names, now, endOfToday, locale, true),
                    "/inbox#escalated",
                    text("work.escalated.all", escalated.total()),
                    null));
        }
        parts.add(new Part(
                "waiting",
                Kind.WAITING,
                text("work.waiting.title"),
                text("work.waiting.intro"),
                waiting.total(),
                0,
                0,
                waitingItems(waiting.items(), summaries, names, now, locale),
                null,
                null,
                text("work.waiting.none")));
        return parts;
    }

    private List<Item> items(
            List<ObligationView> obligations,
            Map<CaseId, CaseSummary> summaries,
            Map<AgencyId, AgencyView> names,
            Instant now,
            Instant endOfToday,
            Locale locale,
            boolean others) {
        List<Item> items = new ArrayList<>();
        for (ObligationView o : obligations) {
            String context = context(o, summaries);
            if (context == null) {
                continue;
            }
            Urgency urgency = urgency(o, now, endOfToday);
            String state = text("work.state." + urgency.name());
            if (o.status() == ObligationStatus.PAUSED) {
                state = text("obligation.status.PAUSED");
            }
            if (others) {
                state = state + " · " + text("work.owedBy", name(names.get(o.owingAgencyId()), locale));
            }
            items.add(new Item(
                    ledger.step(o).name(locale),
                    context,
                    o.dueAt(),
                    due(o),
                    urgency,
                    state,
                    actionPath(o),
                    text(others ? "work.action.look" : "work.action.do")));
        }
        return items;
    }

    private List<Item> waitingItems(
            List<ObligationView> obligations,
            Map<CaseId, CaseSummary> summaries,
            Map<AgencyId, AgencyView> names,
            Instant now,
            Locale locale) {
        List<Item> items = new ArrayList<>();
        for (ObligationView o : obligations) {
            String context = context(o, summaries);
            if (context == null) {
                continue;
            }
            // The ledger's own words when the step waits (for the court's correction, for a trigger); else whose step
            // it is.
            Map<AgencyId, AgencyName> waitingFor = new java.util.HashMap<>();
            if (o.waitingForAgencyId() != null && names.containsKey(o.waitingForAgencyId())) {
                waitingFor.put(o.waitingForAgencyId(), AgencyName.of(names.get(o.waitingForAgencyId()), locale));
            }
            String whom = waitingWords
                    .text(o, waitingFor, locale)
                    .orElseGet(() -> o.owedBySubject()
                            ? text("work.waiting.subject")
                            : text("work.waiting.organ", name(names.get(o.owingAgencyId()), locale)));
            if (o.status() == ObligationStatus.OVERDUE) {
                whom = whom + " · " + text("work.state.OVERDUE");
            }
            items.add(new Item(
                    ledger.step(o).name(locale),
                    context,
                    o.dueAt(),
                    due(o),
                    Urgency.WAITING,
                    whom,
                    casePath(o),
                    text("work.action.look")));
        }
        return items;
    }

    /** Overdue; open and due before the end of today; warned; else open (a paused clock counts as open). */
    static Urgency urgency(ObligationView o, Instant now, Instant endOfToday) {
        if (o.status() == ObligationStatus.OVERDUE) {
            return Urgency.OVERDUE;
        }
        if (o.status() == ObligationStatus.OPEN
                && o.dueAt() != null
                && o.dueAt().isBefore(endOfToday)) {
            return Urgency.DUE_TODAY;
        }
        return o.dueSoon(now) ? Urgency.DUE_SOON : Urgency.OPEN;
    }

    /**
     * The way to the step's form: a referral's page for the steps of a referral (their instance is the referral, see
     * assistance.AssistanceProcedure), a conflict's page for the response to a conflict raised on a case, else the case
     * page's actions, or the matter's page (a meeting decision, a conflict).
     */
    static String actionPath(ObligationView o) {
        if (o.caseId() != null
                && o.stepId().startsWith(REFERRAL_STEPS)
                && o.instance() != null
                && !o.instance().isBlank()) {
            String referral = o.instance().contains("/")
                    ? o.instance().substring(0, o.instance().indexOf('/'))
                    : o.instance();
            return "/referrals/" + referral;
        }
        if (o.caseId() != null && CONFLICT_STEP.equals(o.stepId()) && o.instance() != null) {
            // A conflict raised on a case: its instance is the conflict, answered on the conflict's page.
            try {
                return org.tongxin.obligation.ObligationMatter.conflict(java.util.UUID.fromString(o.instance()))
                        .path();
            } catch (IllegalArgumentException notAConflictId) {
                // Falls through to the case's page.
            }
        }
        return o.caseId() != null
                ? "/cases/" + o.caseId() + "/steps/" + o.stepId()
                : o.matter().path();
    }

    private static String casePath(ObligationView o) {
        return o.caseId() != null
                ? "/cases/" + o.caseId() + "#obligations"
                : o.matter().path();
    }

    /** The case as the reader may see it (number and subject's name, masked where it must be); null if they may not. */
    private String context(ObligationView o, Map<CaseId, CaseSummary> summaries) {
        if (o.caseId() == null) {
            return text("inbox.matter." + o.matter().kind());
        }
        CaseSummary s = summaries.get(o.caseId());
        if (s == null) {
            return null;
        }
        return (s.caseNumber() == null ? text("case.noNumber") : s.caseNumber()) + " · " + s.subjectName();
    }

    private String due(ObligationView o) {
        if (o.alertOnly()) {
            return text(
                    "work.due", text("obligation.deadline." + o.deadlineKind().name()));
        }
        if (o.dueAt() == null) {
            return null;
        }
        return text(
                "work.due",
                o.deadlineKind() == DeadlineKind.HOURS || o.dueDate() == null
                        ? formats.dateTime(o.dueAt())
                        : formats.date(o.dueDate()));
    }

    private static String name(AgencyView agency, Locale locale) {
        return agency == null ? "—" : agency.name(locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
