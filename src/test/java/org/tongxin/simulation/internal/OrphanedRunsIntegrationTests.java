package org.tongxin.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.simulation.PopulationSettings;
import org.tongxin.simulation.SimulationRequest;
import org.tongxin.simulation.SimulationStatus;
import org.tongxin.support.IntegrationTest;

/**
 * A run left by an instance that stopped is failed with a reason, not shown as running for ever; a run this instance
 * still holds, or one whose instance marked it lately, is left alone.
 */
@IntegrationTest
class OrphanedRunsIntegrationTests {

    @Autowired
    OrphanedRuns orphans;

    @Autowired
    SimulationRepository runs;

    @Autowired
    SimulationExecutor executor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheHeldRun() {
        release.countDown();
    }

    UUID run(Duration markedAgo) {
        UUID id = UUID.randomUUID();
        UUID someone = jdbc.sql("SELECT id FROM identity_user ORDER BY username LIMIT 1")
                .query(UUID.class)
                .single();
        UUID agency = jdbc.sql("SELECT id FROM agency ORDER BY code LIMIT 1")
                .query(UUID.class)
                .single();
        Instant at = clock.instant().minus(markedAgo);
        runs.insert(
                id,
                "orphan test",
                7,
                "CITYA",
                LocalDate.of(2026, 1, 1),
                1,
                new SimulationRequest(
                        "orphan test",
                        "CITYA",
                        "2026-01",
                        1,
                        7L,
                        PopulationSettings.cityADefaults(),
                        null,
                        null,
                        null,
                        null),
                someone,
                agency,
                at);
        return id;
    }

    SimulationStatus status(UUID id) {
        return runs.load(id).orElseThrow().status();
    }

    @Test
    void aRunNobodyHoldsIsFailedAsInterruptedOnceItsMarkIsOld() {
        UUID left = run(Duration.ofMinutes(6));
        UUID fresh = run(Duration.ofMinutes(1));

        assertThat(orphans.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(status(left)).isEqualTo(SimulationStatus.FAILED);
        assertThat(runs.find(left).orElseThrow().failure()).isEqualTo(OrphanedRuns.INTERRUPTED);
        assertThat(status(fresh)).isEqualTo(SimulationStatus.QUEUED);
    }

    @Test
    void aRunThisInstanceHoldsIsMarkedAndNeverFailed() throws InterruptedException {
        UUID held = run(Duration.ofMinutes(30));
        CountDownLatch started = new CountDownLatch(1);
        executor.submit(held, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();

        orphans.sweep();
        assertThat(status(held)).isEqualTo(SimulationStatus.QUEUED);

        orphans.heartbeat();
        assertThat(runs.orphaned(clock.instant().minus(Duration.ofMinutes(5)))).doesNotContain(held);
        release.countDown();
    }
}
