package org.tongxin.procuratorial.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procuratorial.OpinionKind;
import org.tongxin.procuratorial.OpinionStatus;
import org.tongxin.procuratorial.ProcuratorialSupervision;
import org.tongxin.procuratorial.ProcuratorialSupervision.NewOpinion;
import org.tongxin.procuratorial.ProcuratorialSupervision.OpinionView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageCommands;

/**
 * The case's procuratorial supervision page (CCL art. 62): the correction opinions and procuratorial suggestions of the
 * case with their written replies (their words for the procuratorate and the addressed unit alone, as in the API); the
 * copied procuratorate's prosecutors issue one about a step of the case to one of its agencies, and the addressed unit
 * replies, adopted or not with the reasons, by its deadline.
 */
@Controller
class ProcuratorialPages {

    private final ProcuratorialSupervision supervision;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final PageCommands commands;

    ProcuratorialPages(
            ProcuratorialSupervision supervision,
            CaseDirectory cases,
            AgencyDirectory agencies,
            ObligationLedger ledger,
            CurrentUser currentUser,
            PageCommands commands) {
        this.supervision = supervision;
        this.cases = cases;
        this.agencies = agencies;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.commands = commands;
    }

    /** The written reply's answer as the form offers it. */
    public enum Answer {
        ADOPTED,
        NOT_ADOPTED
    }

    /** An option of a select: its value and what the reader sees. */
    public record Option(String value, String label) {}

    /** The issuing form's values as typed. */
    public record IssueForm(String kind, String addressedAgencyId, String stepId, String content) {}

    /** An opinion as the page lists it: the names of its agencies and step, and whether the reader replies to it. */
    public record Line(OpinionView opinion, String addressedName, String stepName, boolean mayReply) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/opinions")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), new IssueForm(null, null, null, null), model);
    }

    @PreAuthorize("hasRole('PROSECUTOR')")
    @PostMapping("/cases/{id}/opinions")
    String issue(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String addressedAgencyId,
            @RequestParam(required = false) String stepId,
            @RequestParam(required = false) String content,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        IssueForm form = new IssueForm(kind, addressedAgencyId, stepId, content);
        return commands.run(() -> supervision.issue(
                        caseId,
                        new NewOpinion(kind(kind), agency(addressedAgencyId), blankToNull(stepId), null, content)))
                .notice("procuratorial.issuedNotice")
                .form("issue")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + id + "/opinions", model, redirect, () -> view(caseId, form, model));
    }

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/cases/{id}/opinions/{opinionId}/reply")
    String reply(
            @PathVariable UUID id,
            @PathVariable UUID opinionId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String adopted,
            @RequestParam(required = false) String reasons,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        return commands.run(() ->
                        supervision.reply(caseId, opinionId, version == null ? -1 : version, adopted(adopted), reasons))
                .notice("procuratorial.repliedNotice")
                .form("reply-" + opinionId)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(
                        "/cases/" + id + "/opinions",
                        model,
                        redirect,
                        () -> view(caseId, new IssueForm(null, null, null, null), model));
    }

    private String view(CaseId caseId, IssueForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Locale locale = LocaleContextHolder.getLocale();
        AgencyId mine = currentUser.get().agency();
        List<OpinionView> opinions = supervision.ofCase(caseId);
        List<ObligationView> steps = ledger.forCase(caseId);
        Map<String, String> stepNames = new LinkedHashMap<>();
        for (ObligationView o : steps) {
            stepNames.putIfAbsent(o.stepId(), ledger.step(o).name(locale));
        }
        List<AgencyId> parties =
                cases.parties(caseId).stream().map(p -> p.agency()).distinct().toList();
        List<AgencyId> named = new ArrayList<>(parties);
        opinions.forEach(o -> named.add(o.addressedAgencyId()));
        Map<AgencyId, AgencyView> found = agencies.findAll(named);
        List<Line> lines = opinions.stream()
                .map(o -> new Line(
                        o,
                        name(found.get(o.addressedAgencyId()), locale),
                        o.stepId() == null ? null : stepNames.getOrDefault(o.stepId(), null),
                        o.status() == OpinionStatus.AWAITING_REPLY
                                && o.addressedAgencyId().equals(mine)))
                .toList();
        boolean prosecutor = access.holds(Participation.COPIED_PROCURATORATE)
                && currentUser.get().has(Role.PROSECUTOR);
        List<Option> addressees = new ArrayList<>();
        parties.stream()
                .filter(a -> !a.equals(mine))
                .forEach(a -> addressees.add(new Option(a.value().toString(), name(found.get(a), locale))));
        List<Option> stepOptions = stepNames.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()))
                .toList();
        model.addAttribute("caseId", caseId.value());
        model.addAttribute("caseNumber", facts.caseNumber());
        model.addAttribute("lines", lines);
        model.addAttribute("mayIssue", prosecutor);
        model.addAttribute("kinds", OpinionKind.values());
        model.addAttribute("answers", Answer.values());
        model.addAttribute("addressees", addressees);
        model.addAttribute("stepOptions", stepOptions);
        model.addAttribute("form", form);
        return "procuratorial/opinions";
    }

    private static String name(AgencyView agency, Locale locale) {
        return agency == null ? "" : agency.name(locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The kind chosen, or null (the service then says which fields are missing, all at once). */
    private static OpinionKind kind(String value) {
        for (OpinionKind k : OpinionKind.values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }

    /** The addressed agency chosen, or null; one that is not a party of the case the service refuses. */
    private static AgencyId agency(String value) {
        try {
            return value == null || value.isBlank() ? null : AgencyId.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean adopted(String value) {
        return Answer.ADOPTED.name().equals(value)
                ? Boolean.TRUE
                : Answer.NOT_ADOPTED.name().equals(value) ? Boolean.FALSE : null;
    }
}
