package org.tongxin.policy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserId;
import org.tongxin.identity.UserView;
import org.tongxin.policy.LegalSource;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStages;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.policy.ResponsibilityMatrix;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.Formats;

/**
 * The policy models for every logged-in user: the responsibility matrix (who owes what, by when, under which
 * article), one step in detail, the difference between two catalogues, and a region's versions.
 */
@Controller
class PolicyPages {

    private final PolicyModels models;
    private final PolicyViews views;
    private final UserDirectory users;
    private final FormFeedback feedback;
    private final Formats formats;

    PolicyPages(PolicyModels models, PolicyViews views, UserDirectory users, FormFeedback feedback, Formats formats) {
        this.models = models;
        this.views = views;
        this.users = users;
        this.feedback = feedback;
        this.formats = formats;
    }

    /** The texts whose articles the matrix's search box finds. */
    static final java.util.List<String> SEARCHABLE_LAWS = java.util.List.of("CCL", "IM", "CPL");

    @AnyAuthenticatedUser
    @GetMapping("/policy")
    String matrix(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Organ organ,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String law,
            @RequestParam(required = false) String article,
            Model model) {
        String selected = region == null || region.isBlank() ? views.defaultRegion() : region;
        PolicyModels.ModelView regionModel = views.model(selected);
        LocalDate day = date != null ? date : views.today();
        String stageFilter = ProcedureStages.known(stage) ? stage : null;
        model.addAttribute("regionModel", regionModel);
        model.addAttribute("region", selected);
        model.addAttribute("date", day);
        model.addAttribute("organ", organ);
        model.addAttribute("stage", stageFilter);
        model.addAttribute("models", views.models());
        model.addAttribute("organs", Organ.values());
        model.addAttribute("stages", ProcedureStages.ORDER);
        model.addAttribute("parts", ResponsibilityMatrix.Part.values());
        boolean mayEdit = views.mayEdit(selected);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("draft", mayEdit ? models.draft(selected).orElse(null) : null);
        Optional<ResolvedPolicy> policy = models.findInForce(selected, day);
        if (policy.isEmpty()) {
            model.addAttribute(
                    "notInForce",
                    feedback.message(
                            "error.POLICY_NOT_IN_FORCE",
                            regionModel.name(LocaleContextHolder.getLocale()),
                            formats.date(day)));
            return "policy/matrix";
        }
        model.addAttribute("policy", policy.get());
        model.addAttribute("laws", SEARCHABLE_LAWS);
        ResolvedPolicy shown = policy.get();
        String lawFilter = law != null && SEARCHABLE_LAWS.contains(law) ? law : null;
        Integer articleFilter =
                article == null || !article.strip().matches("\\d{1,3}") ? null : Integer.valueOf(article.strip());
        model.addAttribute("law", lawFilter);
        model.addAttribute("article", articleFilter);
        if (lawFilter != null && articleFilter != null) {
            // The search box: only the steps resting on the article (issue 11).
            shown = new ResolvedPolicy(
                    shown.region(),
                    shown.nameZh(),
                    shown.nameEn(),
                    shown.version(),
                    shown.parentVersion(),
                    shown.settings(),
                    shown.steps().stream()
                            .filter(s -> s.cites(lawFilter, articleFilter))
                            .toList(),
                    shown.settingOrigins());
            model.addAttribute(
                    "articleCitation",
                    new LegalSource(
                                    lawFilter,
                                    lawFilter + " " + articleFilter,
                                    java.util.List.of(articleFilter),
                                    false,
                                    "V",
                                    null)
                            .citation(LocaleContextHolder.getLocale()));
        }
        model.addAttribute("matrix", ResponsibilityMatrix.of(shown, organ, stageFilter));
        return "policy/matrix";
    }

    @AnyAuthenticatedUser
    @GetMapping("/policy/{region}/steps/{stepId}")
    String step(
            @PathVariable String region,
            @PathVariable String stepId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date != null ? date : views.today();
        ResolvedPolicy policy = views.inForce(region, day);
        ProcedureStep step = policy.step(stepId).orElseThrow(TongxinException::notFound);
        ResolvedPolicy parent = policy.parentVersion() == null
                ? null
                : models.findInForce(policy.parentVersion().region(), day).orElse(null);
        ProcedureStep parentStep = parent == null ? null : parent.step(stepId).orElse(null);
        model.addAttribute("policy", policy);
        model.addAttribute("step", step);
        model.addAttribute("date", day);
        model.addAttribute("parent", parent);
        model.addAttribute("parentStep", parentStep);
        model.addAttribute(
                "overrides",
                parentStep != null && step.origin() == ProcedureStep.Origin.OVERRIDDEN
                        ? PolicyModels.differences(parentStep, step)
                        : List.of());
        Map<PolicyModels.ModelView, ProcedureStep> elsewhere = new LinkedHashMap<>();
        for (PolicyModels.ModelView m : views.models()) {
            if (!m.region().equals(region)) {
                elsewhere.put(
                        m,
                        models.findInForce(m.region(), day)
                                .flatMap(p -> p.step(stepId))
                                .orElse(null));
            }
        }
        model.addAttribute("elsewhere", elsewhere);
        return "policy/step";
    }

    @AnyAuthenticatedUser
    @GetMapping("/policy/diff")
    String diff(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID fromVersion,
            @RequestParam(required = false) UUID toVersion,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
            Model model) {
        LocalDate day = date != null ? date : views.today();
        String fromRegion = blank(from) ? PolicyModels.NATIONAL : from;
        String toRegion = blank(to) ? views.defaultRegion() : to;
        model.addAttribute("from", fromRegion);
        model.addAttribute("to", toRegion);
        model.addAttribute("date", day);
        model.addAttribute("models", views.models());
        try {
            ResolvedPolicy a = fromVersion != null
                    ? views.version(fromVersion)
                    : views.inForce(fromRegion, fromDate != null ? fromDate : day);
            ResolvedPolicy b = toVersion != null
                    ? views.version(toVersion)
                    : views.inForce(toRegion, toDate != null ? toDate : day);
            model.addAttribute("diff", models.diff(a, b));
        } catch (TongxinException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            feedback.apply(e, model);
        }
        return "policy/diff";
    }

    @AnyAuthenticatedUser
    @GetMapping("/policy/{region}/versions")
    String versions(@PathVariable String region, Model model) {
        PolicyModels.ModelView regionModel = views.model(region);
        List<PolicyModels.VersionEntry> history = views.history(region);
        List<UserId> ids = history.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.createdBy(), e.publishedBy()))
                .filter(Objects::nonNull)
                .distinct()
                .map(UserId::of)
                .toList();
        Map<UUID, String> names = users.findAll(ids).stream()
                .collect(Collectors.toMap(u -> u.id().value(), UserView::displayName, (a, b) -> a));
        UUID inForce = models.findInForce(region, views.today())
                .map(p -> p.version().versionId())
                .orElse(null);
        // Each published version next to the one before it, for "what changed".
        Map<UUID, UUID> previous = new LinkedHashMap<>();
        List<PolicyModels.VersionEntry> published = new ArrayList<>(
                history.stream().filter(e -> e.version().published()).toList());
        for (int i = 0; i + 1 < published.size(); i++) {
            previous.put(
                    published.get(i).version().id(),
                    published.get(i + 1).version().id());
        }
        model.addAttribute("regionModel", regionModel);
        model.addAttribute("history", history);
        model.addAttribute("names", names);
        model.addAttribute("inForce", inForce);
        model.addAttribute("previous", previous);
        model.addAttribute(
                "hasDraft", history.stream().anyMatch(e -> !e.version().published()));
        model.addAttribute("mayEdit", views.mayEdit(region));
        model.addAttribute("today", views.today());
        return "policy/versions";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
