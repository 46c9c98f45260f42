package org.tongxin.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.AssessmentViews.NewPeriodicAssessment;
import org.tongxin.assessment.AssessmentViews.PeriodicAssessmentView;
import org.tongxin.assessment.PeriodicAssessments;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageCommands;

/**
 * The case's periodic assessment and classified management page: the current supervision level, the assessments and the
 * level's changes with their reasons, and for the executing county agency's officers the form that records an assessment
 * (with a level change and a revised plan).
 */
@Controller
class PeriodicAssessmentPages {

    private final PeriodicAssessments assessments;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final PageCommands commands;
    private final Clock clock;

    PeriodicAssessmentPages(
            PeriodicAssessments assessments,
            CaseDirectory cases,
            CaseManagement caseManagement,
            PageCommands commands,
            Clock clock) {
        this.assessments = assessments;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.commands = commands;
        this.clock = clock;
    }

    @CaseUser
    @GetMapping("/cases/{caseId}/assessment/periodic")
    String page(@PathVariable UUID caseId, Model model, Locale locale) {
        fill(CaseId.of(caseId), model);
        return "assessment/periodic";
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/periodic")
    String record(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String periodFrom,
            @RequestParam(required = false) String periodTo,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String factsConsidered,
            @RequestParam(required = false) String newLevel,
            @RequestParam(required = false) String levelReason,
            @RequestParam(required = false) String levelReasonText,
            @RequestParam(required = false) String revisedPlan,
            Model model,
            RedirectAttributes redirect) {
        CaseId id = CaseId.of(caseId);
        return commands.run(() -> assessments.record(
                        id,
                        new NewPeriodicAssessment(
                                date(periodFrom, "periodFrom"),
                                date(periodTo, "periodTo"),
                                choice(AssessmentResult.class, result, "result"),
                                factsConsidered,
                                choice(SupervisionLevel.class, newLevel, "newLevel"),
                                newLevel == null || newLevel.isBlank()
                                        ? null
                                        : choice(LevelChangeReason.class, levelReason, "levelReason"),
                                levelReasonText,
                                revisedPlan)))
                .notice("periodic.done")
                .passOn(PageCommands.ACCESS)
                .redirectOr("/cases/" + caseId + "/assessment/periodic", model, redirect, () -> {
                    fill(id, model);
                    return "assessment/periodic";
                });
    }

    private void fill(CaseId caseId, Model model) {
        List<PeriodicAssessmentView> list = assessments.ofCase(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("assessments", list);
        model.addAttribute("levelChanges", caseManagement.levelChanges(caseId));
        model.addAttribute(
                "level",
                cases.facts(caseId).orElseThrow(TongxinException::notFound).supervisionLevel());
        model.addAttribute("mayRecord", assessments.mayRecord(caseId));
        LocalDate today = LegalTime.today(clock);
        LocalDate from = list.isEmpty()
                ? today.minusMonths(1).withDayOfMonth(1)
                : list.get(0).periodTo().plusDays(1);
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        model.addAttribute("defaultFrom", from.isAfter(today) ? today : from);
        model.addAttribute("defaultTo", to.isBefore(from) ? today : to);
        model.addAttribute("today", today);
        model.addAttribute("results", AssessmentResult.values());
        model.addAttribute("levels", SupervisionLevel.values());
        model.addAttribute(
                "reasons",
                List.of(
                        LevelChangeReason.PERIODIC_ASSESSMENT,
                        LevelChangeReason.VIOLATION,
                        LevelChangeReason.GOOD_CONDUCT,
                        LevelChangeReason.OTHER));
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw TongxinException.invalid(field, "type");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw TongxinException.invalid(field, "type");
    }
}
