package org.tongxin.simulation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Runs left behind by an instance that stopped. A run executes on the instance that queued it (its pool is memory), so
 * a crash or a redeploy leaves it queued or running for ever. Every instance marks the runs it holds once a minute
 * ({@link #heartbeat}); the sweep, on one instance at a time, fails those nobody has marked for
 * {@code tongxin.simulation.orphaned-after} (default five minutes) with {@code SIMULATION_INTERRUPTED}, so the
 * coordinator sees why and starts it again (same parameters and seed, same result).
 */
@Component
public class OrphanedRuns {

    static final String LOCK = "simulation.orphaned-runs";
    static final String INTERRUPTED = "SIMULATION_INTERRUPTED";
    private static final Logger log = LoggerFactory.getLogger(OrphanedRuns.class);

    private final SimulationRepository runs;
    private final SimulationExecutor executor;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration orphanedAfter;

    OrphanedRuns(
            SimulationRepository runs,
            SimulationExecutor executor,
            ClusterLock lock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${tongxin.simulation.orphaned-after:PT5M}") Duration orphanedAfter) {
        this.runs = runs;
        this.executor = executor;
        this.lock = lock;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
        this.orphanedAfter = orphanedAfter;
    }

    /** This instance still holds its queued and running runs. */
    @Scheduled(fixedDelayString = "${tongxin.simulation.heartbeat-interval:PT1M}", initialDelayString = "PT20S")
    public void heartbeat() {
        runs.heartbeat(executor.held(), clock.instant());
    }

    /** Fails the runs no instance holds any more; returns how many (0 when another instance is sweeping). */
    @Scheduled(fixedDelayString = "${tongxin.simulation.heartbeat-interval:PT1M}", initialDelayString = "PT40S")
    public int sweep() {
        AtomicInteger failed = new AtomicInteger();
        lock.runExclusively(LOCK, () -> {
            Instant now = clock.instant();
            Set<UUID> mine = executor.held();
            for (UUID id : runs.orphaned(now.minus(orphanedAfter))) {
                if (mine.contains(id)) {
                    continue; // held here: the heartbeat is only late (a moved clock, a long pause)
                }
                Boolean done = transactions.execute(s -> runs.load(id)
                        .filter(r -> !r.status().finished())
                        .map(run -> {
                            run.fail(now, INTERRUPTED);
                            if (!runs.save(run)) {
                                return false; // it moved meanwhile: its instance is alive after all
                            }
                            run.pullEvents().forEach(events::publishEvent);
                            return true;
                        })
                        .orElse(false));
                if (Boolean.TRUE.equals(done)) {
                    failed.incrementAndGet();
                    log.warn("Simulation {} failed: the instance holding it stopped", id);
                }
            }
        });
        return failed.get();
    }
}
