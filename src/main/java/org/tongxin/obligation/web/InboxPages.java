package org.tongxin.obligation.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.Inboxes.InboxFilter;
import org.tongxin.obligation.Inboxes.InboxView;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The inbox: what the user's agency owes, overdue first and then by due time, the steps the subject owes that it
 * watches ("awaiting the subject"), filters by case, step, counterparty and "taken by me", taking an item into one's
 * own inbox, and the overdue items of other agencies escalated to this one.
 */
@Controller
@CaseUser
class InboxPages {

    private final Inboxes inboxes;
    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final PolicyModels policies;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;
    private final ObligationLines lines;
    private final Clock clock;

    InboxPages(
            Inboxes inboxes,
            ObligationLedger ledger,
            CaseDirectory cases,
            AgencyDirectory agencies,
            PolicyModels policies,
            CurrentUser currentUser,
            FormFeedback feedback,
            ObligationLines lines,
            Clock clock) {
        this.lines = lines;
        this.inboxes = inboxes;
        this.ledger = ledger;
        this.cases = cases;
        this.agencies = agencies;
        this.policies = policies;
        this.currentUser = currentUser;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** A choice in a filter list. */
    public record Choice(String value, String label, long count) {}

    /** One transaction for the page's reads and the audit record of the cases it shows (doc/performance.md). */
    @Transactional
    @GetMapping("/inbox")
    String inbox(
            @RequestParam(name = "case", required = false) UUID caseId,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) UUID counterparty,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String show,
            @RequestParam(required = false) Integer page,
            Model model) {
        if (step != null && step.length() > 40) {
            throw TongxinException.invalid("step", "maxLength", 40);
        }
        PageQuery query = PageQuery.of(page, null, null, Set.of("due"), "due");
        // The page opens on what the agency can act on; "waiting for others" is one tab away (ADR 0039).
        InboxView view = show == null || show.isBlank() ? InboxView.TODO : Inboxes.InboxView.parse(show);
        InboxFilter filter = new InboxFilter(
                caseId == null ? null : CaseId.of(caseId),
                blankToNull(step),
                counterparty == null ? null : AgencyId.of(counterparty),
                Boolean.TRUE.equals(mine),
                Boolean.TRUE.equals(overdue),
                view);
        PageResult<ObligationView> result = inboxes.inbox(filter, query);
        PageResult<ObligationView> escalated =
                inboxes.escalatedToMe(new PageQuery(0, PageQuery.MAX_SIZE, "due", false));
        List<ObligationView> all = new java.util.ArrayList<>(result.items());
        all.addAll(escalated.items());
        ObligationLines.Batch batch = lines.read(all, "inbox", true, LocaleContextHolder.getLocale());

        model.addAttribute("page", result.map(o -> lines.line(o, batch)));
        model.addAttribute(
                "escalated",
                escalated.items().stream()
                        .filter(batch::caseVisible)
                        .map(o -> lines.line(o, batch))
                        .toList());
        model.addAttribute("escalatedTotal", escalated.total());
        model.addAttribute("counts", inboxes.counts());
        model.addAttribute("show", view.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute(
                "todoUrl",
                url(new InboxFilter(
                        filter.caseId(),
                        filter.stepId(),
                        filter.counterparty(),
                        filter.mine(),
                        filter.overdueOnly(),
                        InboxView.TODO)));
        model.addAttribute(
                "waitingUrl",
                url(new InboxFilter(
                        filter.caseId(),
                        filter.stepId(),
                        filter.counterparty(),
                        filter.mine(),
                        filter.overdueOnly(),
                        InboxView.WAITING)));
        model.addAttribute(
                "allUrl",
                url(new InboxFilter(
                        filter.caseId(),
                        filter.stepId(),
                        filter.counterparty(),
                        filter.mine(),
                        filter.overdueOnly(),
                        InboxView.ALL)));
        model.addAttribute("now", clock.instant());
        filters(model, filter, batch.summaries());
        model.addAttribute(
                "allCasesUrl",
                url(new InboxFilter(
                        null,
                        filter.stepId(),
                        filter.counterparty(),
                        filter.mine(),
                        filter.overdueOnly(),
                        filter.show())));
        model.addAttribute("pageUrl", url(filter) + (url(filter).contains("?") ? "&" : "?"));
        model.addAttribute(
                "returnTo",
                url(filter)
                        + (page == null || page == 0 ? "" : (url(filter).contains("?") ? "&" : "?") + "page=" + page));
        return "obligation/inbox";
    }

    @PostMapping("/inbox/{id}/take")
    String take(@PathVariable UUID id, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        ledger.take(ObligationId.of(id));
        redirect.addFlashAttribute("notice", feedback.message("inbox.taken"));
        return "redirect:" + safeReturn(returnTo);
    }

    private void filters(Model model, InboxFilter filter, Map<CaseId, CaseSummary> summaries) {
        List<Inboxes.InboxFacet> facets = inboxes.facets();
        Map<String, Long> steps = new LinkedHashMap<>();
        Map<AgencyId, Long> counterparties = new LinkedHashMap<>();
        for (Inboxes.InboxFacet f : facets) {
            steps.merge(f.stepId(), f.count(), Long::sum);
            if (f.counterparty() != null) {
                counterparties.merge(f.counterparty(), f.count(), Long::sum);
            }
        }
        if (filter.stepId() != null) {
            steps.putIfAbsent(filter.stepId(), 0L);
        }
        if (filter.counterparty() != null) {
            counterparties.putIfAbsent(filter.counterparty(), 0L);
        }
        Optional<ResolvedPolicy> policy = myPolicy();
        model.addAttribute(
                "stepChoices",
                steps.entrySet().stream()
                        .map(e -> new Choice(
                                e.getKey(),
                                policy.flatMap(p -> p.step(e.getKey()))
                                        .map(s -> s.name(LocaleContextHolder.getLocale()))
                                        .orElse(e.getKey()),
                                e.getValue()))
                        .toList());
        Map<AgencyId, AgencyView> names = agencies.findAll(counterparties.keySet());
        model.addAttribute(
                "counterpartyChoices",
                counterparties.entrySet().stream()
                        .map(e -> new Choice(e.getKey().toString(), name(names.get(e.getKey())), e.getValue()))
                        .toList());
        model.addAttribute("filter", filter);
        CaseSummary filteredCase = filter.caseId() == null ? null : summaries.get(filter.caseId());
        if (filter.caseId() != null && filteredCase == null) {
            filteredCase = cases.summaries(List.of(filter.caseId()), "inbox").get(filter.caseId());
        }
        model.addAttribute("filteredCase", filteredCase);
        model.addAttribute(
                "filtered",
                filter.caseId() != null
                        || filter.stepId() != null
                        || filter.counterparty() != null
                        || filter.mine()
                        || filter.overdueOnly());
    }

    /** The policy of the reader's own place, to name the steps in the filter list. */
    private Optional<ResolvedPolicy> myPolicy() {
        return agencies.find(currentUser.get().agency())
                .flatMap(a -> policies.findInForce(policies.regionFor(a.divisionCode()), LegalTime.today(clock)))
                .or(() -> policies.findInForce(PolicyModels.NATIONAL, LegalTime.today(clock)));
    }

    private static String url(InboxFilter f) {
        return UriComponentsBuilder.fromPath("/inbox")
                .queryParamIfPresent("case", Optional.ofNullable(f.caseId()).map(CaseId::value))
                .queryParamIfPresent("step", Optional.ofNullable(f.stepId()))
                .queryParamIfPresent(
                        "counterparty", Optional.ofNullable(f.counterparty()).map(AgencyId::value))
                .queryParamIfPresent("mine", f.mine() ? Optional.of(true) : Optional.empty())
                .queryParamIfPresent("overdue", f.overdueOnly() ? Optional.of(true) : Optional.empty())
                .queryParamIfPresent(
                        "show",
                        f.show() == InboxView.TODO
                                ? Optional.empty()
                                : Optional.of(f.show().name().toLowerCase(java.util.Locale.ROOT)))
                .build()
                .encode()
                .toUriString();
    }

    /** Only back to the inbox itself: never an address from elsewhere. */
    private static String safeReturn(String returnTo) {
        if (returnTo == null
                || !returnTo.startsWith("/inbox")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")) {
            return "/inbox";
        }
        return returnTo;
    }

    private static String name(AgencyView a) {
        return a == null ? "—" : a.localName();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
