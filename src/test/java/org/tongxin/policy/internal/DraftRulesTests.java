package org.tongxin.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.DraftSettings;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.StepDraft;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;

/** What a coordinator may write into a draft: each rule refuses with the field at fault and a stable code. */
class DraftRulesTests {

    static final StepDraft RECEIPT = new StepDraft(
            "docs.receipt",
            "送达回执",
            "Return the receipt",
            "收到法律文书",
            "Receipt of the documents",
            "COUNTY_AGENCY",
            "DECISION_ORGAN",
            List.of(),
            null,
            "CALENDAR_DAYS",
            5,
            null,
            "回执",
            "Receipt",
            "IM 16 [R]",
            "R",
            true,
            "documents",
            null,
            null);

    static Map<String, String> problems(StepDraft draft) {
        TongxinException e = catchThrowableOfType(TongxinException.class, () -> DraftRules.check(draft));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status().value()).isEqualTo(400);
        return e.fieldProblems().stream()
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::code, (a, b) -> a));
    }

    @Test
    void aCompleteStepBecomesACatalogueStepWithBlankTextsDropped() {
        ProcedureStep step = DraftRules.check(new StepDraft(
                " docs.receipt ",
                " 送达回执 ",
                "Return the receipt",
                "  ",
                null,
                "COUNTY_AGENCY",
                "",
                List.of("PROCURATORATE", "POLICE"),
                "",
                "WORKING_DAYS",
                10,
                5,
                null,
                null,
                "CCL 20 [V step, organ]; IM 16 [R deadline]",
                "V/R",
                null,
                "documents",
                "",
                null));
        assertThat(step.id()).isEqualTo("docs.receipt");
        assertThat(step.nameZh()).isEqualTo("送达回执");
        assertThat(step.triggerZh()).isNull();
        assertThat(step.counterparty()).isNull();
        assertThat(step.copies()).containsExactly(Organ.PROCURATORATE, Organ.POLICE);
        assertThat(step.deadline()).isEqualTo(new DeadlineRule(DeadlineKind.WORKING_DAYS, 10, 5));
        assertThat(step.pausable()).isFalse();
        assertThat(step.noteZh()).isNull();
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({
        "Docs.receipt",
        "docs",
        "docs.",
        ".receipt",
        "docs.receipt1",
        "docs-receipt",
        "docs..receipt",
        "1docs.receipt"
    })
    void stepIdsFollowThePattern(String id) {
        assertThat(problems(RECEIPT.withId(id))).containsEntry("id", "stepId");
    }

    @Test
    void stepIdsNamesOrganStageAndBasisAreRequired() {
        assertThat(problems(new StepDraft(
                        null, " ", null, null, null, null, null, null, null, null, null, null, null, null, "", null,
                        null, null, null, null)))
                .containsEntry("id", "required")
                .containsEntry("nameZh", "required")
                .containsEntry("nameEn", "required")
                .containsEntry("owes", "required")
                .containsEntry("deadlineKind", "required")
                .containsEntry("legalBasis", "required")
                .containsEntry("confidence", "required")
                .containsEntry("group", "required");
    }

    @Test
    void namesHaveAtMost200Characters() {
        StepDraft d = new StepDraft(
                "docs.receipt",
                "长".repeat(201),
                "x".repeat(200),
                null,
                null,
                "COUNTY_AGENCY",
                null,
                null,
                null,
                "NONE",
                null,
                null,
                null,
                null,
                "IM 16 [R]",
                "R",
                false,
                "documents",
                null,
                null);
        assertThat(problems(d)).containsEntry("nameZh", "maxLength").doesNotContainKey("nameEn");
    }

    @Test
    void organsDeadlineKindsStagesAndConfidenceMustBeKnownValues() {
        StepDraft d = new StepDraft(
                "docs.receipt",
                "回执",
                "Receipt",
                null,
                null,
                "NOBODY",
                "county_agency",
                List.of("PROCURATORATE", "PROCURATORATE", "MAYOR"),
                "X",
                "SOMETIMES",
                5,
                null,
                null,
                null,
                "IM 16",
                "maybe",
                false,
                "paperwork",
                null,
                null);
        assertThat(problems(d))
                .containsEntry("owes", "policyOrgan")
                .containsEntry("counterparty", "policyOrgan")
                .containsEntry("watcher", "policyOrgan")
                .containsEntry("copies", "duplicate")
                .containsEntry("deadlineKind", "deadlineKind")
                .containsEntry("confidence", "oneOf")
                .containsEntry("group", "policyStage");
    }

    @Test
    void eachSourceNamesAKnownTextAndItsConfidenceAndTheStepsConfidenceIsTheirs() {
        assertThat(problems(RECEIPT.withLegalBasis("IM 16", "R"))).containsEntry("legalBasis", "legalSources");
        assertThat(problems(RECEIPT.withLegalBasis("Someone's rules [V]", "V")))
                .containsEntry("legalBasis", "legalSources");
        assertThat(problems(RECEIPT.withLegalBasis("CCL 24 [V step, organ]; CITYA [P deadline]", "V")))
                .as("a region's own period cannot claim V")
                .containsEntry("confidence", "fromSources");
        assertThat(DraftRules.check(RECEIPT.withLegalBasis("CCL 24 [V step, organ]; CITYA [P deadline]", "P"))
                        .confidence())
                .isEqualTo("P");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CALENDAR_DAYS, 366", "WORKING_DAYS, 366", "MONTHS, 25", "HOURS, 721", "CALENDAR_DAYS, -1"})
    void countedDeadlinesStayWithinTheirRange(String kind, int amount) {
        assertThat(problems(RECEIPT.withDeadline(kind, amount, null))).containsEntry("deadlineAmount", "range");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CALENDAR_DAYS, 365", "WORKING_DAYS, 0", "MONTHS, 24", "HOURS, 720"})
    void theLimitsThemselvesAreAllowed(String kind, int amount) {
        assertThat(DraftRules.check(RECEIPT.withDeadline(kind, amount, null))
                        .deadline()
                        .amount())
                .isEqualTo(amount);
    }

    @Test
    void countedDeadlinesNeedAnAmountAndUncountedOnesDropIt() {
        assertThat(problems(RECEIPT.withDeadline("WORKING_DAYS", null, null)))
                .containsEntry("deadlineAmount", "deadlineAmount");
        assertThat(DraftRules.check(RECEIPT.withDeadline("PROMPTLY", 5, 3)).deadline())
                .isEqualTo(DeadlineRule.of(DeadlineKind.PROMPTLY, null));
    }

    @Test
    void theExpeditedPeriodIsNoLongerThanTheNormalOne() {
        assertThat(problems(RECEIPT.withDeadline("WORKING_DAYS", 10, 11)))
                .containsEntry("deadlineExpedited", "expeditedAboveAmount");
        assertThat(DraftRules.check(RECEIPT.withDeadline("WORKING_DAYS", 10, 10))
                        .deadline()
                        .expeditedAmount())
                .isEqualTo(10);
    }

    @Test
    void theBaselineSetsEverySettingAVariantMayInheritAndRangesHoldForBoth() {
        TongxinException baseline = catchThrowableOfType(
                TongxinException.class,
                () -> DraftRules.check(new DraftSettings(null, 24, 24, 2, null, null, PolicySettings.BUILT_IN), true));
        assertThat(baseline.fieldProblems()).extracting(FieldProblem::field).containsExactly("warningWorkingDays");
        TongxinException noRules = catchThrowableOfType(
                TongxinException.class, () -> DraftRules.check(new DraftSettings(2, 24, 2, 2, null, null), true));
        assertThat(noRules.fieldProblems())
                .extracting(FieldProblem::field)
                .as("the baseline has nothing to inherit from")
                .containsExactlyElementsOf(java.util.Arrays.stream(PolicySetting.values())
                        .map(PolicySetting::key)
                        .toList());
        DraftRules.check(new DraftSettings(2, 24, 2, 2, null, null, PolicySettings.BUILT_IN), true);
        DraftRules.check(new DraftSettings(null, null, null, null, null, null), false);
        TongxinException ranges = catchThrowableOfType(
                TongxinException.class, () -> DraftRules.check(new DraftSettings(31, 0, 721, -1, null, null), false));
        assertThat(ranges.fieldProblems())
                .extracting(FieldProblem::field)
                .containsExactly(
                        "warningWorkingDays", "promptAlertHours", "immediateAlertHours", "escalationWorkingDays");
        assertThat(ranges.fieldProblems()).extracting(FieldProblem::code).containsOnly("range");
    }

    @Test
    void leaveLimitsAndContactIntervalsHaveRangesAndAnOfficeNeverApprovesMoreThanTheCounty() {
        Map<PolicySetting, Integer> rules = new EnumMap<>(PolicySetting.class);
        rules.put(PolicySetting.LEAVE_OFFICE_ENTRUSTED, 2);
        rules.put(PolicySetting.LEAVE_COUNTY_MAX_DAYS, 0);
        rules.put(PolicySetting.REPORT_DAYS_STRICT, 181);
        rules.put(PolicySetting.FREQUENT_TRAVEL_MAX_MONTHS, 13);
        TongxinException ranges = catchThrowableOfType(
                TongxinException.class,
                () -> DraftRules.check(new DraftSettings(null, null, null, null, null, null, rules), false));
        assertThat(ranges.fieldProblems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("leaveOfficeEntrusted", "flag"), tuple("leaveCountyMaxDays", "range"),
                        tuple("frequentTravelMaxMonths", "range"), tuple("reportIntervalDaysStrict", "range"));

        Map<PolicySetting, Integer> office =
                Map.of(PolicySetting.LEAVE_OFFICE_MAX_DAYS, 10, PolicySetting.LEAVE_COUNTY_MAX_DAYS, 7);
        TongxinException above = catchThrowableOfType(
                TongxinException.class,
                () -> DraftRules.check(new DraftSettings(null, null, null, null, null, null, office), false));
        assertThat(above.fieldProblems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("leaveOfficeMaxDays", "leaveOfficeAboveCounty"));
        DraftRules.check(
                new DraftSettings(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of(PolicySetting.LEAVE_OFFICE_MAX_DAYS, 7, PolicySetting.LEAVE_OFFICE_ENTRUSTED, 1)),
                false);
    }
}
