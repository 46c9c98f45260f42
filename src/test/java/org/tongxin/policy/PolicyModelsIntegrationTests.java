package org.tongxin.policy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue of PROCEDURES.md as versioned data, and the regional variants that inherit and override it. */
@IntegrationTest
class PolicyModelsIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2025, 10, 1);

    @Autowired
    PolicyModels policies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNationalBaselineHoldsTheWholeCatalogueWithDeadlinesAndArticles() {
        ResolvedPolicy baseline = policies.inForce("CN", TODAY);
        assertThat(baseline.steps()).hasSize(51);
        ProcedureStep receipt = baseline.require("docs.receipt");
        assertThat(receipt.owes()).isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(receipt.counterparty()).isEqualTo(Organ.DECISION_ORGAN);
        assertThat(receipt.deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5));
        assertThat(receipt.pausable()).isTrue();
        assertThat(receipt.legalBasis()).isEqualTo("IM 16");
        ProcedureStep assessment = baseline.require("assess.complete");
        assertThat(assessment.deadline().amountFor(false)).isEqualTo(10);
        assertThat(assessment.deadline().amountFor(true)).isEqualTo(5);
        assertThat(baseline.require("docs.deliver").copies()).containsExactly(Organ.PROCURATORATE, Organ.POLICE);
        assertThat(baseline.require("report.self").responsible()).isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(baseline.require("report.missed").deadline().kind()).isEqualTo(DeadlineKind.IMMEDIATELY);
    }

    @Test
    void cityAInheritsTheBaselineAndOverridesOnlyWhereItDiffers() {
        ResolvedPolicy cityA = policies.inForce("369900", TODAY);
        assertThat(cityA.steps()).hasSize(56);
        assertThat(cityA.require("assist.answer").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 5));
        assertThat(cityA.require("assist.answer").origin()).isEqualTo(ProcedureStep.Origin.ADDED);
        assertThat(cityA.require("meeting.decision").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 20));
        assertThat(cityA.require("plan.make").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.MONTHS, 1));
        assertThat(cityA.require("plan.make").origin()).isEqualTo(ProcedureStep.Origin.OVERRIDDEN);
        assertThat(cityA.require("docs.receipt").origin()).isEqualTo(ProcedureStep.Origin.INHERITED);
        assertThat(cityA.settings().promptAlertHours()).isEqualTo(24);
    }

    @Test
    void beijingAndShanghaiDifferInWhoOwesStepsAndInTheirOwnSteps() {
        ResolvedPolicy beijing = policies.inForce("110000", TODAY);
        assertThat(beijing.require("move.reply").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 7));
        assertThat(beijing.step("intake.education")).isPresent();
        ResolvedPolicy shanghai = policies.inForce("310000", TODAY);
        assertThat(shanghai.require("leave.approve").owes()).isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(shanghai.step("leave.review")).isPresent();
        PolicyDiff diff = policies.diff(policies.inForce("CN", TODAY), shanghai);
        assertThat(diff.added()).extracting(ProcedureStep::id).containsExactly("leave.review");
        assertThat(diff.changed()).extracting(c -> c.after().id()).contains("leave.approve", "supervise.verify");
        assertThat(diff.changed().stream().filter(c -> c.after().id().equals("leave.approve")).findFirst().orElseThrow().fields())
                .extracting(PolicyDiff.Field::name).contains("owes");
    }

    @Test
    void placesFindTheMostSpecificModel() {
        assertThat(policies.regionFor("369902001")).isEqualTo("369900");
        assertThat(policies.regionFor("110105")).isEqualTo("110000");
        assertThat(policies.regionFor("440300")).isEqualTo("CN");
    }

    @Test
    void publishedVersionsAreImmutableEvenForTheDatabaseOwner() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE policy_step SET deadline_amount = 99 WHERE step_id = 'docs.receipt'").update())
                .rootCause().hasMessageContaining("immutable");
    }
}
