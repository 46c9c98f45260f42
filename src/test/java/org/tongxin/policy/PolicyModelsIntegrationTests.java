package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.support.IntegrationTest;

/** The catalogue of doc/procedures.md as versioned data, and the regional variants that inherit and override it. */
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
        assertThat(baseline.steps()).hasSize(65);
        ProcedureStep receipt = baseline.require("docs.receipt");
        assertThat(receipt.owes()).isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(receipt.counterparty()).isEqualTo(Organ.DECISION_ORGAN);
        assertThat(receipt.deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5));
        assertThat(receipt.pausable()).isTrue();
        assertThat(receipt.legalBasis()).isEqualTo("IM 16 [R]");
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
        assertThat(cityA.steps()).hasSize(70);
        assertThat(cityA.require("assist.answer").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 5));
        assertThat(cityA.require("assist.answer").origin()).isEqualTo(ProcedureStep.Origin.ADDED);
        assertThat(cityA.require("meeting.decision").deadline())
                .isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 20));
        assertThat(cityA.require("plan.make").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.MONTHS, 1));
        assertThat(cityA.require("plan.make").origin()).isEqualTo(ProcedureStep.Origin.OVERRIDDEN);
        assertThat(cityA.require("docs.receipt").origin()).isEqualTo(ProcedureStep.Origin.INHERITED);
        assertThat(cityA.settings().promptAlertHours()).isEqualTo(24);
        assertThat(cityA.settings().immediateAlertHours()).isEqualTo(2);
        ProcedureStep reply = cityA.require("procuratorate.reply");
        assertThat(reply.deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 15));
        assertThat(reply.owes()).isEqualTo(Organ.ADDRESSED_UNIT);
        assertThat(reply.confidence()).as("City A's own period is local policy").isEqualTo("P");
        assertThat(reply.legalBasis()).as("never the baseline's article").isNotEqualTo("CCL 62");
        assertThat(cityA.require("procuratorate.opinion").origin())
                .as("the 15 days left the opinion")
                .isEqualTo(ProcedureStep.Origin.INHERITED);
        assertThat(cityA.require("procuratorate.opinion").deadline().kind()).isEqualTo(DeadlineKind.NONE);
    }

    @Test
    void beijingAndShanghaiDifferInWhoOwesStepsAndInTheirOwnSteps() {
        ResolvedPolicy beijing = policies.inForce("110000", TODAY);
        assertThat(beijing.require("move.reply").deadline())
                .as("the older Beijing rule rested on the Measures repealed in 2020")
                .isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5));
        assertThat(beijing.require("supervise.verify").legalBasis()).contains("BJ [R organ]");
        assertThat(beijing.step("intake.education")).isPresent();
        ResolvedPolicy shanghai = policies.inForce("310000", TODAY);
        assertThat(shanghai.require("leave.approve").owes()).isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(shanghai.step("leave.review")).isPresent();
        assertThat(shanghai.settings().leave().officeEntrusted()).isFalse();
        PolicyDiff diff = policies.diff(policies.inForce("CN", TODAY), shanghai);
        assertThat(diff.added()).extracting(ProcedureStep::id).containsExactly("leave.review");
        assertThat(diff.changed()).extracting(c -> c.after().id()).contains("leave.approve", "supervise.verify");
        assertThat(diff.changed().stream()
                        .filter(c -> c.after().id().equals("leave.approve"))
                        .findFirst()
                        .orElseThrow()
                        .fields())
                .as("the county agency approving leave is the baseline's default now: Shanghai differs in words"
                        + " and source")
                .extracting(PolicyDiff.Field::name)
                .contains("note", "legalBasis")
                .doesNotContain("owes");
    }

    @Test
    void placesFindTheMostSpecificModel() {
        assertThat(policies.regionFor("369902001")).isEqualTo("369900");
        assertThat(policies.regionFor("110105")).isEqualTo("110000");
        assertThat(policies.regionFor("440300")).isEqualTo("CN");
    }

    @Test
    void publishedVersionsAreImmutableEvenForTheDatabaseOwner() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE policy_step SET deadline_amount = 99 WHERE step_id = 'docs.receipt'")
                        .update())
                .rootCause()
                .hasMessageContaining("immutable");
    }
}
