package org.tongxin.supervision.move.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.supervision.move.PlaceChanges;
import org.tongxin.supervision.move.PlaceChanges.PlaceChangeView;

/**
 * The case's change of the place of execution page (变更执行地): each change with its state, dates and reasons, and the
 * step the reader's agency may take now — the application (executing county agency or office), the consultation,
 * decision and transfer (current county agency), the reply, receipt and report (new county agency).
 */
@Controller
class PlaceChangePages {

    /** China's legal time, in which the report's local date and time are read. */
    private static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");

    private final PlaceChanges changes;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final PageCommands commands;

    PlaceChangePages(
            PlaceChanges changes,
            CaseDirectory cases,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            PageCommands commands) {
        this.changes = changes;
        this.cases = cases;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.commands = commands;
    }

    /** The application form's values as typed. */
    public record ApplicationForm(UUID newCountyAgencyId, String intendedMoveOn, String reason) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/place-change")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), new ApplicationForm(null, null, null), model);
    }

    @PreAuthorize(PlaceChangeApi.APPLICANTS)
    @PostMapping("/cases/{id}/place-change")
    String apply(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID newCountyAgencyId,
            @RequestParam(required = false) String intendedMoveOn,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        ApplicationForm form = new ApplicationForm(newCountyAgencyId, intendedMoveOn, reason);
        return commands.run(() -> changes.apply(CaseId.of(id), newCountyAgencyId, date(intendedMoveOn), reason))
                .notice("move.appliedNotice")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + id + "/place-change", model, redirect, () -> view(CaseId.of(id), form, model));
    }

    /** One step on a change: consultation, reply, decision, transfer, receipt, forwarding or report. */
    @PreAuthorize(COUNTY)
    @PostMapping("/place-changes/{id}/steps")
    String step(
            @PathVariable UUID id,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Boolean yes,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String reportedAt,
            Model model,
            RedirectAttributes redirect) {
        PlaceChangeView change = changes.find(id);
        int v = version == null ? -1 : version;
        return commands.run(() -> {
                    switch (step == null ? "" : step) {
                        case "consultation" -> changes.consult(id, v);
                        case "reply" -> changes.reply(id, v, yes, reason);
                        case "decision" -> changes.decide(id, v, yes, reason);
                        case "transfer" -> changes.transfer(id, v);
                        case "receipt" -> changes.receive(id, v);
                        case "forwarding" -> changes.forward(id, v);
                        case "report" -> changes.reported(id, v, instant(reportedAt));
                        default ->
                            throw TongxinException.invalid(
                                    "step",
                                    "oneOf",
                                    "consultation, reply, decision, transfer, receipt, forwarding, report");
                    }
                })
                .notice("move.doneNotice." + step)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(
                        done -> cases.decision(change.caseId()).visible()
                                ? "/cases/" + change.caseId() + "/place-change"
                                : "/inbox",
                        model,
                        redirect,
                        () -> view(change.caseId(), new ApplicationForm(null, null, null), model));
    }

    private String view(CaseId caseId, ApplicationForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        List<PlaceChangeView> list = changes.ofCase(caseId);
        Locale locale = LocaleContextHolder.getLocale();
        AgencyId mine = currentUser.get().agency();
        List<AgencyView> counties = agencies.listActive().stream()
                .filter(a -> a.type() == AgencyType.CORRECTION_AGENCY && a.level() == AgencyLevel.COUNTY)
                .sorted(Comparator.comparing(AgencyView::code))
                .toList();
        List<AgencyId> named = new ArrayList<>();
        list.forEach(c -> {
            named.add(c.formerCountyAgencyId());
            named.add(c.newCountyAgencyId());
        });
        Map<UUID, String> names = agencies.findAll(named).values().stream()
                .collect(Collectors.toMap(a -> a.id().value(), a -> a.name(locale), (a, b) -> a));
        boolean executing =
                access.holdsAny(java.util.EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE));
        model.addAttribute("caseId", caseId.value());
        model.addAttribute(
                "caseNumber", cases.facts(caseId).map(f -> f.caseNumber()).orElse(null));
        model.addAttribute("changes", list);
        model.addAttribute("names", names);
        model.addAttribute("mine", mine == null ? null : mine.value());
        model.addAttribute(
                "counties",
                counties.stream()
                        .filter(a -> !a.id().equals(mine))
                        .collect(Collectors.toMap(
                                a -> a.id().value(), a -> a.name(locale), (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute(
                "mayApply", executing && list.stream().noneMatch(c -> c.state().open()));
        model.addAttribute("form", form);
        return "supervision/place-change";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid("intendedMoveOn", "pattern");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(LEGAL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid("reportedAt", "pattern");
        }
    }
}
