package org.tongxin.supervision.minors.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import java.util.ArrayList;
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
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Languages;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.supervision.minors.MinorsSteps;
import org.tongxin.supervision.minors.MinorsSteps.MinorStepView;
import org.tongxin.supervision.web.StepLine;

/**
 * The case's minors' steps page (CCL ch. 7): each step with the law's words, the organ that owes it and by when, what was
 * found and what was done (the minor's own team only); the executing county agency's forms to open a step whose trigger
 * it found and to record that a step was done.
 */
@Controller
class MinorStepPages {

    private final MinorsSteps minors;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final CurrentUser currentUser;
    private final PageCommands commands;
    private final java.time.Clock clock;

    MinorStepPages(
            MinorsSteps minors,
            CaseDirectory cases,
            AgencyDirectory agencies,
            ObligationLedger ledger,
            PolicyModels policies,
            CurrentUser currentUser,
            PageCommands commands,
            java.time.Clock clock) {
        this.minors = minors;
        this.cases = cases;
        this.agencies = agencies;
        this.ledger = ledger;
        this.policies = policies;
        this.currentUser = currentUser;
        this.commands = commands;
        this.clock = clock;
    }

    /** A minors' step as the page shows it: the record, its obligation, and the law's words of the step. */
    public record MinorLine(MinorStepView record, StepLine step, String name, String note, String basis) {}

    /** A step the county agency may open, by the policy's name. */
    public record StepOption(String id, String name) {}

    /** The opening form's values as typed. */
    public record OpenForm(String step, String circumstances) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/minors")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), null, model);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/minors")
    String open(
            @PathVariable UUID id,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String circumstances,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        return commands.run(() -> minors.open(caseId, step, circumstances))
                .notice("minors.openedNotice")
                .form("open")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(
                        "/cases/" + id + "/minors",
                        model,
                        redirect,
                        () -> view(caseId, new OpenForm(step, circumstances), model));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/minor-steps/{id}/fulfil")
    String fulfil(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = minors.caseOf(id);
        return commands.run(() -> minors.fulfil(id, version == null ? -1 : version, note))
                .notice("minors.doneNotice")
                .form("fulfil-" + id)
                .stale("minors.stale")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + caseId + "/minors", model, redirect, () -> view(caseId, null, model));
    }

    /** A step's id the catalogue's note refers to, in brackets: "随矫正方案制定（plan.make）". */
    private static final java.util.regex.Pattern STEP_REFERENCE =
            java.util.regex.Pattern.compile("\\s?[（(]([a-z_]+(?:\\.[a-z_]+)+)[）)]");

    /**
     * The note in the law's words: a step the note refers to by its id is named by the policy's name for it ("随矫正方案制定
     * （制定矫正方案）"), or left out when the policy has no such step. Users never see step ids.
     */
    static String lawWords(String note, ResolvedPolicy policy, Locale locale) {
        if (note == null) {
            return null;
        }
        java.util.regex.Matcher m = STEP_REFERENCE.matcher(note);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean english = Languages.english(locale);
            String name = policy.step(m.group(1))
                    .map(s -> english ? " (" + s.name(locale) + ")" : "（" + s.name(locale) + "）")
                    .orElse("");
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String view(CaseId caseId, OpenForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        List<MinorStepView> records = minors.ofCase(caseId);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Locale locale = LocaleContextHolder.getLocale();
        boolean county = access.holds(Participation.EXECUTING_AGENCY)
                && currentUser.get().roles().stream().anyMatch(Role.COUNTY::contains);
        ResolvedPolicy inForce = policies.inForce(facts.policyRegion(), LegalTime.dateOf(clock.instant()));
        List<MinorLine> lines = new ArrayList<>();
        List<AgencyId> named = new ArrayList<>();
        for (MinorStepView r : records) {
            StepLine line = ledger.find(caseId, r.stepId(), r.id().toString())
                    .map(o -> StepLine.of(o, ledger.step(o).name(locale)))
                    .orElse(null);
            ProcedureStep step = line != null
                    ? ledger.step(line.obligation())
                    : inForce.step(r.stepId()).orElse(null);
            if (line != null) {
                named.add(line.obligation().owingAgencyId());
                if (line.obligation().counterpartyAgencyId() != null) {
                    named.add(line.obligation().counterpartyAgencyId());
                }
            }
            lines.add(new MinorLine(
                    r,
                    line,
                    step == null ? r.stepId() : step.name(locale),
                    step == null ? null : lawWords(step.note(locale), inForce, locale),
                    step == null ? null : step.legalBasis()));
        }
        List<StepOption> options = MinorsSteps.triggeredSteps().stream()
                .map(s -> inForce.step(s)
                        .map(p -> new StepOption(s, p.name(locale)))
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, String> names = agencies.findAll(named).values().stream()
                .collect(Collectors.toMap(a -> a.id().value(), (AgencyView a) -> a.name(locale), (a, b) -> a));
        boolean running = facts.status() == CaseStatus.UNDER_CORRECTION || facts.status() == CaseStatus.IN_CUSTODY;
        model.addAttribute("caseId", caseId.value());
        model.addAttribute("caseNumber", facts.caseNumber());
        model.addAttribute("minor", facts.minorAtOffence());
        model.addAttribute("lines", lines);
        model.addAttribute("names", names);
        model.addAttribute("county", county && running);
        model.addAttribute("mayOpen", county && running && facts.minorAtOffence() && !options.isEmpty());
        model.addAttribute("options", options);
        model.addAttribute("form", form != null ? form : new OpenForm(null, null));
        return "supervision/minors";
    }
}
