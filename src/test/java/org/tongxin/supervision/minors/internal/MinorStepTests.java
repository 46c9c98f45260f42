package org.tongxin.supervision.minors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.minors.MinorsEvents.MinorStepFulfilled;
import org.tongxin.supervision.minors.MinorsEvents.MinorStepOpened;

/** The minors' step's rule: which steps registration opens, which a found trigger opens, and OPEN → DONE once. */
class MinorStepTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final ActorRef OFFICER = new ActorRef(UUID.randomUUID(), "社区矫正工作人员", UUID.randomUUID());
    static final CaseId CASE = CaseId.of(UUID.randomUUID());

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void registrationOpensTheMeasuresAndTheTeamAndNothingElse() {
        for (String step : MinorStep.AT_REGISTRATION) {
            MinorStep s = MinorStep.atRegistration(CASE, step, NOW);
            assertThat(s.state()).isEqualTo(MinorStep.State.OPEN);
            assertThat(s.trigger()).isEqualTo(MinorStep.Trigger.REGISTRATION);
            assertThat(s.pullEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            MinorStepOpened.class,
                            e -> assertThat(e.timelineKind()).isEqualTo(step + ".opened"));
        }
        assertThat(MinorStep.AT_REGISTRATION).containsExactly("minors.measures", "minors.team");
        assertThatThrownBy(() -> MinorStep.atRegistration(CASE, MinorStep.GUARDIAN, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFoundTriggerOpensOnlyTheGuardianEducationOrTrainingStepWithWhatWasFound() {
        MinorStep s = MinorStep.found(CASE, MinorStep.EDUCATION, "  初二辍学  ", NOW, OFFICER);
        assertThat(s.circumstances()).isEqualTo("初二辍学");
        assertThat(s.trigger()).isEqualTo(MinorStep.Trigger.FOUND);
        refused(() -> MinorStep.found(CASE, MinorStep.MEASURES, "x", NOW, OFFICER), 400, "VALIDATION_FAILED");
        refused(() -> MinorStep.found(CASE, "minors.seal", "x", NOW, OFFICER), 400, "VALIDATION_FAILED");
        refused(() -> MinorStep.found(CASE, null, "x", NOW, OFFICER), 400, "VALIDATION_FAILED");
        refused(() -> MinorStep.found(CASE, MinorStep.GUARDIAN, " ", NOW, OFFICER), 400, "VALIDATION_FAILED");
        refused(
                () -> MinorStep.found(CASE, MinorStep.GUARDIAN, "x".repeat(MinorStep.MAX_TEXT + 1), NOW, OFFICER),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void aStepIsDoneOnceWithWhatWasDone() {
        MinorStep s = MinorStep.atRegistration(CASE, MinorStep.TEAM, NOW);
        s.pullEvents();
        refused(() -> s.fulfil("", NOW, OFFICER), 400, "VALIDATION_FAILED");
        assertThat(s.state()).as("refused: unchanged").isEqualTo(MinorStep.State.OPEN);
        s.fulfil("小组有学校心理老师，单独报到", NOW.plusSeconds(60), OFFICER);
        assertThat(s.state()).isEqualTo(MinorStep.State.DONE);
        assertThat(s.doneAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(s.pullEvents()).singleElement().isInstanceOf(MinorStepFulfilled.class);
        refused(() -> s.fulfil("again", NOW, OFFICER), 409, "MINORS_STEP_ALREADY_DONE");
    }
}
