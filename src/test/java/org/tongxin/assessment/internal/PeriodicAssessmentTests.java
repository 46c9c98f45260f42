package org.tongxin.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongxin.assessment.AssessmentEvents;
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.PeriodicAssessmentId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

class PeriodicAssessmentTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    final CaseId caseId = CaseId.of(java.util.UUID.randomUUID());

    PeriodicAssessment assess(LocalDate from, LocalDate to, AssessmentResult result, LocalDate last) {
        return PeriodicAssessment.record(
                PeriodicAssessmentId.random(), caseId, from, to, result, last, TODAY, NOW, ActorRef.SYSTEM);
    }

    static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (TongxinException e) {
            return e.code() + "/" + e.status().value();
        }
    }

    @Test
    void anAssessmentOfAPeriodRegistersItsEvent() {
        PeriodicAssessment a =
                assess(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), AssessmentResult.GOOD, null);
        assertThat(a.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(AssessmentEvents.PeriodicAssessmentRecorded.class, e -> {
                    assertThat(e.caseId()).isEqualTo(caseId);
                    assertThat(e.result()).isEqualTo(AssessmentResult.GOOD);
                    assertThat(e.timelineKind()).isEqualTo("assessment.periodic.GOOD");
                });
    }

    @Test
    void aPeriodMustEndNoLaterThanTodayAndNotBeforeItStarts() {
        assertThat(code(() ->
                        assess(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1), AssessmentResult.GOOD, null)))
                .isEqualTo("VALIDATION_FAILED/400");
        assertThat(code(() ->
                        assess(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), AssessmentResult.GOOD, null)))
                .isEqualTo("VALIDATION_FAILED/400");
        assertThat(code(() -> assess(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null)))
                .isEqualTo("VALIDATION_FAILED/400");
    }

    @Test
    void aPeriodAlreadyAssessedIsRefused() {
        assertThat(code(() -> assess(
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 30),
                        AssessmentResult.GOOD,
                        LocalDate.of(2026, 11, 15))))
                .isEqualTo("PERIOD_ALREADY_ASSESSED/422");
        assertThat(code(() -> assess(
                        LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 30),
                        AssessmentResult.GOOD,
                        LocalDate.of(2026, 11, 15))))
                .isNull();
    }

    @Test
    void theLevelChangesOnceToAnotherLevelAndLenientOnlyAfterAGoodResult() {
        PeriodicAssessment poor =
                assess(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), AssessmentResult.POOR, null);
        assertThat(code(() -> poor.changeLevel(
                        SupervisionLevel.ORDINARY, SupervisionLevel.ORDINARY, LevelChangeReason.VIOLATION)))
                .isEqualTo("SAME_SUPERVISION_LEVEL/422");
        assertThat(code(() -> poor.changeLevel(
                        SupervisionLevel.ORDINARY, SupervisionLevel.LENIENT, LevelChangeReason.GOOD_CONDUCT)))
                .isEqualTo("LENIENT_NEEDS_GOOD_RESULT/422");
        poor.changeLevel(SupervisionLevel.ORDINARY, SupervisionLevel.STRICT, LevelChangeReason.VIOLATION);
        assertThat(poor.levelFrom()).isEqualTo(SupervisionLevel.ORDINARY);
        assertThat(poor.levelTo()).isEqualTo(SupervisionLevel.STRICT);
        assertThat(code(() ->
                        poor.changeLevel(SupervisionLevel.STRICT, SupervisionLevel.ORDINARY, LevelChangeReason.OTHER)))
                .isEqualTo("LEVEL_ALREADY_CHANGED/409");

        PeriodicAssessment good =
                assess(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), AssessmentResult.GOOD, null);
        good.changeLevel(null, SupervisionLevel.LENIENT, LevelChangeReason.PERIODIC_ASSESSMENT);
        assertThat(good.levelFrom()).isNull();
        assertThat(good.levelReason()).isEqualTo(LevelChangeReason.PERIODIC_ASSESSMENT);
    }

    @Test
    void thePlanIsRevisedOnceOnTheRecord() {
        PeriodicAssessment a =
                assess(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), AssessmentResult.ORDINARY, null);
        a.pullEvents();
        a.planRevised(3, NOW, ActorRef.SYSTEM);
        assertThat(a.planNumber()).isEqualTo(3);
        assertThat(a.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        AssessmentEvents.CorrectionPlanRevised.class,
                        e -> assertThat(e.planNumber()).isEqualTo(3));
        assertThat(code(() -> a.planRevised(4, NOW, ActorRef.SYSTEM))).isEqualTo("PLAN_ALREADY_REVISED/409");
    }
}
