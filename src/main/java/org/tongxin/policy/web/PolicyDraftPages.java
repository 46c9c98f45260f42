package org.tongxin.policy.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DraftSettings;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicyDraft;
import org.tongxin.policy.PolicyDrafting;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicyVersionRef;
import org.tongxin.policy.ProcedureStages;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.StepDraft;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageCommands;

/**
 * Drafting a new version of a region's model (its city coordinators; the national baseline: national policy editors;
 * {@link PolicyDrafting} decides which model each may edit): the draft's workspace with its difference
 * from the catalogue in force, the step form, settings and note, publication with an effective date, discarding.
 * A refused change re-renders the page with the reason next to the field.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_COORDINATOR', 'NATIONAL_POLICY_EDITOR')")
class PolicyDraftPages {

    /** A draft that is gone or already published: the error page, not the form. */
    private static final Predicate<TongxinException> GONE =
            e -> e.status().value() == 404 || "POLICY_VERSION_PUBLISHED".equals(e.code());

    private final PolicyDrafting drafting;
    private final PolicyModels models;
    private final PolicyViews views;
    private final FormFeedback feedback;
    private final PageCommands commands;
    private final Formats formats;

    PolicyDraftPages(
            PolicyDrafting drafting,
            PolicyModels models,
            PolicyViews views,
            FormFeedback feedback,
            PageCommands commands,
            Formats formats) {
        this.drafting = drafting;
        this.models = models;
        this.views = views;
        this.feedback = feedback;
        this.commands = commands;
        this.formats = formats;
    }

    @PostMapping("/policy/{region}/drafts")
    String create(@PathVariable String region, RedirectAttributes redirect) {
        views.model(region);
        try {
            PolicyModels.VersionView draft = drafting.createDraft(region);
            redirect.addFlashAttribute("notice", feedback.message("policy.draft.created", draft.number()));
            return "redirect:/policy/drafts/" + draft.id();
        } catch (TongxinException e) {
            if (!"POLICY_DRAFT_EXISTS".equals(e.code())) {
                throw e;
            }
            PolicyModels.VersionView open = models.draft(region).orElseThrow(() -> e);
            redirect.addFlashAttribute("notice", feedback.message("policy.draft.alreadyOpen", open.number()));
            return "redirect:/policy/drafts/" + open.id();
        }
    }

    @GetMapping("/policy/drafts/{id}")
    String draft(@PathVariable UUID id, Model model) {
        PolicyDraft draft = drafting.draft(id);
        model.addAttribute("draft", draft);
        model.addAttribute("diff", drafting.diff(id));
        model.addAttribute("tomorrow", views.today().plusDays(1));
        model.addAttribute("today", views.today());
        if (!model.containsAttribute("settingsForm")) {
            DraftSettings own = draft.own();
            Map<String, String> form = new HashMap<>();
            form.put("warningWorkingDays", text(own.warningWorkingDays()));
            form.put("promptAlertHours", text(own.promptAlertHours()));
            form.put("immediateAlertHours", text(own.immediateAlertHours()));
            form.put("escalationWorkingDays", text(own.escalationWorkingDays()));
            form.put("noteZh", own.noteZh());
            form.put("noteEn", own.noteEn());
            // The baseline inherits nothing: its form starts from the values that apply (a version older than a setting
            // has
            // no row for it yet).
            for (PolicySetting setting : PolicySetting.values()) {
                Integer value = own.rules().get(setting);
                form.put(
                        setting.key(),
                        value != null
                                ? value.toString()
                                : draft.variant()
                                        ? null
                                        : Integer.toString(
                                                draft.policy().settings().value(setting)));
            }
            model.addAttribute("settingsForm", form);
        }
        if (!model.containsAttribute("effectiveFrom")) {
            model.addAttribute("effectiveFrom", views.today().plusDays(1));
        }
        return "policy/draft";
    }

    @GetMapping("/policy/drafts/{id}/steps/new")
    String newStep(@PathVariable UUID id, @RequestParam(required = false) String stage, Model model) {
        PolicyDraft draft = drafting.draft(id);
        StepForm form = new StepForm();
        form.setVersion(draft.version().version());
        form.setGroup(ProcedureStages.known(stage) ? stage : null);
        form.setConfidence("R");
        return stepForm(draft, form, null, model);
    }

    @PostMapping("/policy/drafts/{id}/steps")
    String addStep(
            @PathVariable UUID id,
            @ModelAttribute("form") StepForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> {
                    bindingProblems(binding);
                    drafting.addStep(id, version(form.getVersion()), form.draft());
                })
                .notice("policy.step.added", form.getId())
                .passOn(GONE)
                .redirectOr(
                        done -> "/policy/drafts/" + id, model, redirect, e -> stepRejected(id, form, null, e, model));
    }

    @GetMapping("/policy/drafts/{id}/steps/{stepId}")
    String editStep(@PathVariable UUID id, @PathVariable String stepId, Model model) {
        PolicyDraft draft = drafting.draft(id);
        ProcedureStep step = draft.policy().step(stepId).orElseThrow(TongxinException::notFound);
        return stepForm(draft, StepForm.of(StepDraft.of(step), draft.version().version()), step, model);
    }

    @PostMapping("/policy/drafts/{id}/steps/{stepId}")
    String saveStep(
            @PathVariable UUID id,
            @PathVariable String stepId,
            @ModelAttribute("form") StepForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> {
                    bindingProblems(binding);
                    drafting.saveStep(id, version(form.getVersion()), stepId, form.draft());
                })
                .notice("policy.step.saved", stepId)
                .passOn(GONE)
                .redirectOr(done -> "/policy/drafts/" + id, model, redirect, e -> {
                    form.setId(stepId);
                    return stepRejected(id, form, stepId, e, model);
                });
    }

    @PostMapping("/policy/drafts/{id}/steps/{stepId}/remove")
    String removeStep(
            @PathVariable UUID id,
            @PathVariable String stepId,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return workspace(
                commands.run(() -> drafting.removeStep(id, version(version), stepId))
                        .notice("policy.step.removed", stepId),
                "/policy/drafts/" + id,
                id,
                model,
                redirect);
    }

    @PostMapping("/policy/drafts/{id}/steps/{stepId}/revert")
    String revertStep(
            @PathVariable UUID id,
            @PathVariable String stepId,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return workspace(
                commands.run(() -> drafting.revertStep(id, version(version), stepId))
                        .notice("policy.step.reverted", stepId),
                "/policy/drafts/" + id,
                id,
                model,
                redirect);
    }

    @PostMapping("/policy/drafts/{id}/settings")
    String settings(
            @PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return commands.run(() -> {
                    FieldProblems problems = new FieldProblems();
                    Integer version = number(problems, "version", params.get("version"));
                    Map<PolicySetting, Integer> rules = new EnumMap<>(PolicySetting.class);
                    for (PolicySetting setting : PolicySetting.values()) {
                        Integer value = number(problems, setting.key(), params.get(setting.key()));
                        if (value != null) {
                            rules.put(setting, value);
                        }
                    }
                    DraftSettings settings = new DraftSettings(
                            number(problems, "warningWorkingDays", params.get("warningWorkingDays")),
                            number(problems, "promptAlertHours", params.get("promptAlertHours")),
                            number(problems, "immediateAlertHours", params.get("immediateAlertHours")),
                            number(problems, "escalationWorkingDays", params.get("escalationWorkingDays")),
                            params.get("noteZh"),
                            params.get("noteEn"),
                            rules);
                    problems.throwIfAny();
                    drafting.updateSettings(id, version(version), settings);
                })
                .notice("policy.settings.saved")
                .passOn(GONE)
                .redirectOr("/policy/drafts/" + id, model, redirect, () -> {
                    model.addAttribute("settingsForm", settingsForm(params));
                    return draft(id, model);
                });
    }

    @PostMapping("/policy/drafts/{id}/publish")
    String publish(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            Model model,
            RedirectAttributes redirect) {
        try {
            PolicyVersionRef published = drafting.publish(id, version(version), effectiveFrom);
            redirect.addFlashAttribute(
                    "notice",
                    feedback.message("policy.published", published.number(), formats.date(published.effectiveFrom())));
            return "redirect:/policy/" + published.region() + "/versions";
        } catch (TongxinException e) {
            if (GONE.test(e)) {
                throw e;
            }
            feedback.apply(e, model);
            model.addAttribute("effectiveFrom", effectiveFrom);
            return draft(id, model);
        }
    }

    @PostMapping("/policy/drafts/{id}/discard")
    String discard(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        String region =
                models.versionInfo(id).orElseThrow(TongxinException::notFound).region();
        return workspace(
                commands.run(() -> drafting.discard(id, version(version))).notice("policy.draft.discarded"),
                "/policy/" + region + "/versions",
                id,
                model,
                redirect);
    }

    private String stepForm(PolicyDraft draft, StepForm form, ProcedureStep step, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute(
                "parentStep",
                draft.parent() == null || step == null
                        ? null
                        : draft.parent().step(step.id()).orElse(null));
        model.addAttribute("organs", Organ.values());
        model.addAttribute("kinds", DeadlineKind.values());
        model.addAttribute("stages", ProcedureStages.ORDER);
        return "policy/step-form";
    }

    /** A refused step: the form again with the reasons (a draft that is gone or published is an error page). */
    private String stepRejected(UUID id, StepForm form, String stepId, TongxinException e, Model model) {
        PolicyDraft draft = drafting.draft(id);
        ProcedureStep step = stepId == null ? null : draft.policy().step(stepId).orElse(null);
        if (!"STALE_VERSION".equals(e.code())) {
            return stepForm(draft, form, step, model);
        }
        // Someone changed the draft meanwhile: keep what this person typed, against the current lock.
        form.setVersion(draft.version().version());
        return stepForm(draft, form, step, model);
    }

    /** A command on the draft's page: refused, the page again with the reasons. */
    private String workspace(
            PageCommands.PageCommand<?> command, String path, UUID id, Model model, RedirectAttributes redirect) {
        return command.passOn(GONE).redirectOr(path, model, redirect, () -> draft(id, model));
    }

    private static void bindingProblems(BindingResult binding) {
        if (binding.hasErrors()) {
            List<FieldProblem> problems = binding.getFieldErrors().stream()
                    .map(f -> new FieldProblem(f.getField(), "type"))
                    .toList();
            throw TongxinException.invalid(problems);
        }
    }

    private static int version(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }

    private static Integer number(FieldProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "type");
            return null;
        }
    }

    /** The settings form's values as typed (a refused number stays as the person typed it). */
    private static Map<String, String> settingsForm(Map<String, String> params) {
        Map<String, String> form = new HashMap<>();
        for (String key : List.of(
                "warningWorkingDays",
                "promptAlertHours",
                "immediateAlertHours",
                "escalationWorkingDays",
                "noteZh",
                "noteEn")) {
            form.put(key, params.get(key));
        }
        for (PolicySetting setting : PolicySetting.values()) {
            String value = params.get(setting.key());
            form.put(setting.key(), value == null || value.isBlank() ? null : value.strip());
        }
        return form;
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
