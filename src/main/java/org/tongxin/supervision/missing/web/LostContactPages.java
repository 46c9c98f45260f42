package org.tongxin.supervision.missing.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.supervision.missing.LostContacts;
import org.tongxin.supervision.missing.LostContacts.LostContactView;
import org.tongxin.supervision.web.StepLine;

/**
 * The case's lost-contact page (失去联系, CCL art. 30): each loss of contact with the search on the ledger (who owes it,
 * by when), the police's request for assistance and the notice to the decision organ (handovers the police and the
 * court receipt on their handover pages), and the outcome; the executing county agency's forms to report a loss and to
 * record that the subject was found. The circumstances are read by the executing agency and its office only.
 */
@Controller
class LostContactPages {

    private final LostContacts lostContacts;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final PageCommands commands;
    private final java.time.Clock clock;

    LostContactPages(
            LostContacts lostContacts,
            CaseDirectory cases,
            AgencyDirectory agencies,
            ObligationLedger ledger,
            CurrentUser currentUser,
            PageCommands commands,
            java.time.Clock clock) {
        this.lostContacts = lostContacts;
        this.cases = cases;
        this.agencies = agencies;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.commands = commands;
        this.clock = clock;
    }

    /** A loss of contact as the page shows it, with the search's step on the ledger. */
    public record LostContactLine(LostContactView record, StepLine search) {}

    /** The report form's values as typed. */
    public record ReportForm(String lostSince, String circumstances) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/lost-contacts")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), null, model);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/lost-contacts")
    String report(
            @PathVariable UUID id,
            @RequestParam(required = false) String lostSince,
            @RequestParam(required = false) String circumstances,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        return commands.run(() -> lostContacts.report(caseId, instant("lostSince", lostSince), circumstances))
                .notice("missing.reportedNotice")
                .form("report")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(
                        "/cases/" + id + "/lost-contacts",
                        model,
                        redirect,
                        () -> view(caseId, new ReportForm(lostSince, circumstances), model));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/lost-contacts/{id}/found")
    String found(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String foundAt,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = lostContacts.caseOf(id);
        return commands.run(
                        () -> lostContacts.found(id, version == null ? -1 : version, instant("foundAt", foundAt), note))
                .notice("missing.foundNotice")
                .form("found-" + id)
                .stale("missing.stale")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + caseId + "/lost-contacts", model, redirect, () -> view(caseId, null, model));
    }

    private String view(CaseId caseId, ReportForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        List<LostContactView> records = lostContacts.ofCase(caseId);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Locale locale = LocaleContextHolder.getLocale();
        boolean county = access.holds(Participation.EXECUTING_AGENCY)
                && currentUser.get().roles().stream().anyMatch(Role.COUNTY::contains);
        List<LostContactLine> lines = new ArrayList<>();
        List<AgencyId> named = new ArrayList<>();
        for (LostContactView r : records) {
            StepLine search = ledger.find(caseId, LostContacts.SEARCH_STEP, r.id().toString())
                    .map(o -> StepLine.of(o, ledger.step(o).name(locale)))
                    .orElse(null);
            if (search != null) {
                named.add(search.obligation().owingAgencyId());
                if (search.obligation().counterpartyAgencyId() != null) {
                    named.add(search.obligation().counterpartyAgencyId());
                }
            }
            lines.add(new LostContactLine(r, search));
        }
        lines.sort(Comparator.comparing((LostContactLine l) -> l.record().lostSince())
                .reversed());
        Map<UUID, String> names = agencies.findAll(named).values().stream()
                .collect(Collectors.toMap(a -> a.id().value(), (AgencyView a) -> a.name(locale), (a, b) -> a));
        boolean searching = records.stream().anyMatch(r -> r.state().name().equals("SEARCHING"));
        model.addAttribute("caseId", caseId.value());
        model.addAttribute("caseNumber", facts.caseNumber());
        model.addAttribute("status", facts.status());
        model.addAttribute("lines", lines);
        model.addAttribute("names", names);
        model.addAttribute("county", county);
        model.addAttribute("mayReport", county && !searching && facts.status() == CaseStatus.UNDER_CORRECTION);
        model.addAttribute("form", form != null ? form : new ReportForm(null, null));
        model.addAttribute(
                "now",
                LocalDateTime.ofInstant(clock.instant(), LegalTime.ZONE)
                        .withSecond(0)
                        .withNano(0)
                        .toString());
        return "supervision/lost-contacts";
    }

    /** A local date and time (the browser's datetime-local) read in China's legal time. */
    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(LegalTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid(field, "pattern");
        }
    }
}
