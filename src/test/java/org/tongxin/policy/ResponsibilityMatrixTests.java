package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.policy.ResponsibilityMatrix.Part;

/** The matrix says who takes part in each step and how, grouped by stage, and filters by organ and stage. */
class ResponsibilityMatrixTests {

    static ProcedureStep step(
            String id, String group, Organ owes, Organ to, List<Organ> copies, Organ watcher, DeadlineRule d) {
        return new ProcedureStep(
                id,
                id,
                id,
                null,
                null,
                owes,
                to,
                copies,
                watcher,
                d,
                null,
                null,
                "CCL 1",
                "V",
                false,
                group,
                null,
                null,
                ProcedureStep.Origin.BASELINE);
    }

    static final ResolvedPolicy POLICY = new ResolvedPolicy(
            "CN",
            "全国基线",
            "National baseline",
            new PolicyVersionRef(UUID.randomUUID(), "CN", 1, LocalDate.of(2020, 7, 1), true),
            null,
            PolicySettings.DEFAULTS,
            List.of(
                    step(
                            "report.self",
                            "reporting",
                            Organ.SUBJECT,
                            Organ.COUNTY_AGENCY,
                            List.of(),
                            Organ.COUNTY_AGENCY,
                            DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 10)),
                    step(
                            "docs.deliver",
                            "documents",
                            Organ.DECISION_ORGAN,
                            Organ.COUNTY_AGENCY,
                            List.of(Organ.PROCURATORATE, Organ.POLICE),
                            null,
                            DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 10)),
                    step(
                            "assess.entrust",
                            "assessment",
                            Organ.DECISION_ORGAN,
                            Organ.ASSESSING_AGENCY,
                            List.of(),
                            null,
                            DeadlineRule.of(DeadlineKind.NONE, null))));

    @Test
    void stagesComeInTheOrderACaseMeetsThem() {
        ResponsibilityMatrix m = ResponsibilityMatrix.of(POLICY, null, null);
        assertThat(m.stages())
                .extracting(ResponsibilityMatrix.Stage::group)
                .containsExactly("assessment", "documents", "reporting");
        assertThat(m.stepCount()).isEqualTo(3);
        assertThat(m.organs())
                .containsExactly(
                        Organ.DECISION_ORGAN,
                        Organ.ASSESSING_AGENCY,
                        Organ.COUNTY_AGENCY,
                        Organ.SUBJECT,
                        Organ.PROCURATORATE,
                        Organ.POLICE);
    }

    @Test
    void aCellSaysEveryWayAnOrganTakesPart() {
        ResponsibilityMatrix.Row report = ResponsibilityMatrix.of(POLICY, null, "reporting")
                .stages()
                .getFirst()
                .rows()
                .getFirst();
        assertThat(report.of(Organ.SUBJECT)).containsExactly(Part.OWES);
        assertThat(report.of(Organ.COUNTY_AGENCY)).containsExactly(Part.OWED, Part.WATCHES);
        assertThat(report.of(Organ.POLICE)).isEmpty();
        ResponsibilityMatrix.Row deliver = ResponsibilityMatrix.of(POLICY, null, "documents")
                .stages()
                .getFirst()
                .rows()
                .getFirst();
        assertThat(deliver.of(Organ.PROCURATORATE)).containsExactly(Part.COPY);
    }

    @Test
    void filteredByAnOrganOnlyItsStepsAndTheirOrgansRemain() {
        ResponsibilityMatrix police = ResponsibilityMatrix.of(POLICY, Organ.POLICE, null);
        assertThat(police.stages())
                .flatExtracting(ResponsibilityMatrix.Stage::rows)
                .extracting(r -> r.step().id())
                .containsExactly("docs.deliver");
        assertThat(police.organs())
                .containsExactly(Organ.DECISION_ORGAN, Organ.COUNTY_AGENCY, Organ.PROCURATORATE, Organ.POLICE);
        assertThat(ResponsibilityMatrix.of(POLICY, Organ.PRISON, null).empty()).isTrue();
        assertThat(ResponsibilityMatrix.of(POLICY, Organ.COUNTY_AGENCY, "assessment")
                        .empty())
                .isTrue();
    }
}
