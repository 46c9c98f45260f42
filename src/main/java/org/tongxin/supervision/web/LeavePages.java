package org.tongxin.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.supervision.ContactKind;
import org.tongxin.supervision.Contacts;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveViews.LeaveView;
import org.tongxin.supervision.LeaveViews.NewLeave;
import org.tongxin.supervision.LeaveViews.Notice;
import org.tongxin.supervision.Leaves;

/**
 * The leave pages: a case's supervision section (its leave and the form to record an application), one leave with the
 * actions the reader may take (approve or refuse what is pending; record the return or an extension), and the list of
 * applications awaiting the reader's agency. Refusals come back on the same page with the law's words, never codes.
 */
@Controller
class LeavePages {

    private final Leaves leaves;
    private final Contacts contacts;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final PageCommands commands;
    private final java.time.Clock clock;
    private final org.tongxin.identity.CurrentUser currentUser;

    LeavePages(
            Leaves leaves,
            Contacts contacts,
            CaseDirectory cases,
            AgencyDirectory agencies,
            PageCommands commands,
            java.time.Clock clock,
            org.tongxin.identity.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.leaves = leaves;
        this.contacts = contacts;
        this.cases = cases;
        this.agencies = agencies;
        this.commands = commands;
        this.clock = clock;
    }

    /** What the application form shows again after a refusal. */
    public record LeaveForm(String kind, String destination, String reason, String departOn, String returnOn) {}

    @CaseUser
    @GetMapping("/cases/{caseId}/supervision")
    String ofCase(@PathVariable UUID caseId, Model model) {
        fillCase(CaseId.of(caseId), model, new LeaveForm("SINGLE", null, null, null, null));
        return "supervision/case";
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/leaves")
    String request(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String departOn,
            @RequestParam(required = false) String returnOn,
            Model model,
            RedirectAttributes redirect) {
        CaseId id = CaseId.of(caseId);
        return refusing(
                        commands.make(() -> leaves.request(
                                        id,
                                        new NewLeave(
                                                kind == null || kind.isBlank() ? null : kind(kind),
                                                destination,
                                                reason,
                                                date("departOn", departOn),
                                                date("returnOn", returnOn))))
                                .notice("leave.done.request"),
                        null)
                .redirectOr(made -> "/leaves/" + made, model, redirect, () -> {
                    fillCase(id, model, new LeaveForm(kind, destination, reason, departOn, returnOn));
                    return "supervision/case";
                });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/contacts")
    String recordContact(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        CaseId id = CaseId.of(caseId);
        return refusing(
                        commands.run(() -> contacts.record(id, contactKind(kind), date("on", on), note))
                                .notice("contact.done"),
                        "contact")
                .redirectOr("/cases/" + caseId + "/supervision#contacts", model, redirect, () -> {
                    fillCase(id, model, new LeaveForm("SINGLE", null, null, null, null));
                    return "supervision/case";
                });
    }

    @CaseUser
    @GetMapping("/leaves")
    String awaiting(Model model) {
        List<LeaveView> list = leaves.awaitingMyDecision("page.leaves");
        model.addAttribute("leaves", list);
        model.addAttribute(
                "subjects",
                cases.summaries(list.stream().map(LeaveView::caseId).distinct().toList(), "page.leaves"));
        return "supervision/leaves";
    }

    @CaseUser
    @GetMapping("/leaves/{id}")
    String detail(@PathVariable UUID id, Model model) {
        fillDetail(LeaveId.of(id), model);
        return "supervision/leave";
    }

    @CaseUser
    @GetMapping("/leaves/{id}/notice")
    ResponseEntity<byte[]> notice(@PathVariable UUID id) {
        Notice notice = leaves.notice(LeaveId.of(id));
        return Downloads.attachment(notice.fileName(), "application/pdf", notice.content());
    }

    @CaseUser
    @PostMapping("/leaves/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "approve",
                "leave.done.approve",
                model,
                redirect,
                () -> leaves.approve(LeaveId.of(id), required(version)));
    }

    @CaseUser
    @PostMapping("/leaves/{id}/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "refuse",
                "leave.done.refuse",
                model,
                redirect,
                () -> leaves.refuse(LeaveId.of(id), required(version), reason));
    }

    @CaseUser
    @PostMapping("/leaves/{id}/return")
    String recordReturn(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String returnedOn,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "return",
                "leave.done.return",
                model,
                redirect,
                () -> leaves.recordReturn(LeaveId.of(id), required(version), date("returnedOn", returnedOn)));
    }

    @CaseUser
    @PostMapping("/leaves/{id}/extend")
    String extend(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String returnOn,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "extend",
                "leave.done.extend",
                model,
                redirect,
                () -> leaves.requestExtension(LeaveId.of(id), required(version), date("returnOn", returnOn), reason));
    }

    // Helpers

    private String act(
            UUID id, String action, String done, Model model, RedirectAttributes redirect, Runnable command) {
        return refusing(commands.run(command).notice(done), action).redirectOr("/leaves/" + id, model, redirect, () -> {
            fillDetail(LeaveId.of(id), model);
            return "supervision/leave";
        });
    }

    /** A refusal shows in the form that was sent; refusals of access go to the error page. */
    private static <T> PageCommands.PageCommand<T> refusing(PageCommands.PageCommand<T> command, String formKey) {
        return command.form(formKey).stale("leave.stale").passOn(PageCommands.ACCESS);
    }

    private static ContactKind contactKind(String kind) {
        try {
            return kind == null || kind.isBlank() ? null : ContactKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("kind", "invalid");
        }
    }

    private void fillCase(CaseId caseId, Model model, LeaveForm form) {
        List<LeaveView> list = leaves.ofCase(caseId, "page.caseLeaves");
        model.addAttribute("caseId", caseId);
        model.addAttribute(
                "caseSummary",
                cases.summaries(List.of(caseId), "page.caseLeaves").get(caseId));
        model.addAttribute("leaves", list);
        model.addAttribute(
                "names", names(list.stream().map(LeaveView::approvingAgency).toList()));
        model.addAttribute("mayRecord", leaves.mayRecord(caseId));
        model.addAttribute("kinds", LeaveKind.values());
        model.addAttribute("form", form);
        model.addAttribute("contacts", contacts.ofCase(caseId, "page.caseContacts"));
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("today", org.tongxin.shared.time.LegalTime.today(clock));
        // The rest of the case's supervision; electronic monitoring only for the county agency and the bureau's head.
        model.addAttribute(
                "caseStatus", cases.facts(caseId).map(f -> f.status()).orElse(null));
        model.addAttribute(
                "minorsCase", cases.facts(caseId).map(f -> f.minorAtOffence()).orElse(false));
        model.addAttribute(
                "monitoringReader",
                currentUser.get().roles().stream().anyMatch(r -> Role.COUNTY.contains(r) || r == Role.BUREAU_HEAD));
    }

    private void fillDetail(LeaveId id, Model model) {
        LeaveView l = leaves.view(id, "page.leave");
        model.addAttribute("l", l);
        model.addAttribute(
                "caseSummary",
                cases.summaries(List.of(l.caseId()), "page.leave").get(l.caseId()));
        model.addAttribute("names", names(List.of(l.approvingAgency())));
    }

    private Map<AgencyId, String> names(Collection<AgencyId> ids) {
        return agencies.names(ids, LocaleContextHolder.getLocale()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    }

    private static LeaveKind kind(String value) {
        try {
            return LeaveKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("kind", "invalid");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid(field, "invalid");
        }
    }

    private static int required(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }
}
