package org.tongxin.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.simulation.SimulationStatus;

class SimulationRunTests {

    static final Instant T = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void aRunIsQueuedStartedAdvancedAndCompleted() {
        SimulationRun run = SimulationRun.queue(UUID.randomUUID(), T);
        run.start(T.plusSeconds(1));
        run.advance(0.4);
        run.advance(0.2);
        assertThat(run.progress()).isEqualTo(0.4);
        run.complete(T.plusSeconds(5), 3000, 40_000);
        assertThat(run.status()).isEqualTo(SimulationStatus.COMPLETED);
        assertThat(run.progress()).isEqualTo(1.0);
        assertThat(run.pullEvents())
                .extracting(e -> ((SimulationRun.Changed) e).status())
                .containsExactly(SimulationStatus.QUEUED, SimulationStatus.RUNNING, SimulationStatus.COMPLETED);
    }

    @Test
    void aQueuedOrRunningRunCanBeCancelledAFinishedOneNot() {
        SimulationRun queued = SimulationRun.queue(UUID.randomUUID(), T);
        queued.cancel(T);
        assertThat(queued.status()).isEqualTo(SimulationStatus.CANCELLED);
        assertThatThrownBy(() -> queued.cancel(T))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("SIMULATION_FINISHED"));
        assertThatThrownBy(() -> queued.start(T))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("SIMULATION_NOT_QUEUED"));

        SimulationRun running = SimulationRun.queue(UUID.randomUUID(), T);
        running.start(T);
        running.cancel(T);
        assertThatThrownBy(() -> running.advance(0.5))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("SIMULATION_NOT_RUNNING"));
    }

    @Test
    void aFailedRunSaysWhyAndStaysFailed() {
        SimulationRun run = SimulationRun.queue(UUID.randomUUID(), T);
        run.start(T);
        run.fail(T, "SIMULATION_STEP_MISSING");
        assertThat(run.status()).isEqualTo(SimulationStatus.FAILED);
        assertThatThrownBy(() -> run.complete(T, 1, 1)).isInstanceOf(TongxinException.class);
        assertThatThrownBy(() -> run.fail(T, "X")).isInstanceOf(TongxinException.class);
    }
}
