package org.tongxin.procedure.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.CASE_TEAM;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.procedure.Termination;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageCommands;

/**
 * The end of correction in the pages (CCL arts. 44, 45; IM arts. 53–56), as {@code TerminationApi} offers it: the
 * case's term and how it ended; for the county agency or the office it assigned, the expiry warning a month before the
 * term ends and the termination announcement on expiry or pardon; for the county agency, the subject's death, then the
 * certificate with the notice to the decision organ (or the death notice), copies to the procuratorate and police. Ending
 * a case asks for confirmation first.
 */
@Controller
class TerminationPages {

    private final Termination termination;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final PageCommands commands;
    private final java.time.Clock clock;

    TerminationPages(
            Termination termination,
            CaseDirectory cases,
            CurrentUser currentUser,
            PageCommands commands,
            java.time.Clock clock) {
        this.termination = termination;
        this.cases = cases;
        this.currentUser = currentUser;
        this.commands = commands;
        this.clock = clock;
    }

    /** The forms' values as typed. */
    public record EndingForm(String reason, String endedOn, String diedOn) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/ending")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), new EndingForm(null, null, null), model);
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/cases/{id}/ending/warning")
    String warn(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return run(
                id,
                "warning",
                new EndingForm(null, null, null),
                () -> termination.warnExpiry(CaseId.of(id)),
                "ending.warnedNotice",
                model,
                redirect);
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/cases/{id}/ending/termination")
    String terminate(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String endedOn,
            Model model,
            RedirectAttributes redirect) {
        EndingForm form = new EndingForm(reason, endedOn, null);
        return run(
                id,
                "terminate",
                form,
                () -> termination.terminate(
                        CaseId.of(id), version == null ? -1 : version, reason(reason), date("endedOn", endedOn)),
                "ending.terminatedNotice",
                model,
                redirect);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/ending/certificate")
    String certify(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return run(
                id,
                "certify",
                new EndingForm(null, null, null),
                () -> termination.certify(CaseId.of(id)),
                "ending.certifiedNotice",
                model,
                redirect);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/ending/death")
    String death(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String diedOn,
            Model model,
            RedirectAttributes redirect) {
        EndingForm form = new EndingForm(null, null, diedOn);
        return run(
                id,
                "death",
                form,
                () -> termination.recordDeath(CaseId.of(id), version == null ? -1 : version, date("diedOn", diedOn)),
                "ending.deathNotice",
                model,
                redirect);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/ending/death-notice")
    String notifyDeath(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return run(
                id,
                "notify",
                new EndingForm(null, null, null),
                () -> termination.notifyDeath(CaseId.of(id)),
                "ending.deathNotifiedNotice",
                model,
                redirect);
    }

    private String run(
            UUID id,
            String formKey,
            EndingForm form,
            Runnable command,
            String notice,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(command)
                .notice(notice)
                .form(formKey)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + id + "/ending", model, redirect, () -> view(CaseId.of(id), form, model));
    }

    private String view(CaseId id, EndingForm form, Model model) {
        CaseAccessDecision access = cases.access(id);
        CaseFacts c = cases.facts(id).orElseThrow(TongxinException::notFound);
        boolean running = c.status() == CaseStatus.UNDER_CORRECTION || c.status() == CaseStatus.IN_CUSTODY;
        boolean team = access.holdsAny(EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE))
                && currentUser.get().roles().stream()
                        .anyMatch(r -> r == Role.COUNTY_OFFICER
                                || r == Role.COUNTY_HEAD
                                || r == Role.OFFICE_OFFICER
                                || r == Role.OFFICE_HEAD);
        boolean county = access.holds(Participation.EXECUTING_AGENCY)
                && currentUser.get().roles().stream().anyMatch(r -> r == Role.COUNTY_OFFICER || r == Role.COUNTY_HEAD);
        Termination.EndingView ending = termination.ending(id).orElse(null);
        boolean notified = ending != null && ending.notifiedAt() != null;
        model.addAttribute("caseId", id.value());
        model.addAttribute("caseNumber", c.caseNumber());
        model.addAttribute("facts", c);
        model.addAttribute("ending", ending);
        model.addAttribute("running", running);
        model.addAttribute("mayEnd", team && running);
        model.addAttribute("mayRecordDeath", county && running);
        model.addAttribute("mayCertify", county && c.status() == CaseStatus.TERMINATED && !notified);
        model.addAttribute("mayNotifyDeath", county && c.status() == CaseStatus.DECEASED && !notified);
        model.addAttribute("version", cases.version(id));
        model.addAttribute("reasons", TerminationReason.values());
        model.addAttribute("today", LegalTime.today(clock).toString());
        model.addAttribute("form", form);
        return "procedure/ending";
    }

    /** The reason chosen, or null (the case file then says it is required). */
    private static TerminationReason reason(String value) {
        for (TerminationReason r : TerminationReason.values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid(field, "pattern");
        }
    }
}
