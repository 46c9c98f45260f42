package org.tongxin.simulation.internal;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.shared.error.TongxinException;

/**
 * Where runs execute: a bounded pool ({@code tongxin.simulation.threads}, default 1, and at most
 * {@code tongxin.simulation.queue} runs waiting, default 8), never the request's thread. A full queue refuses a new run
 * (409 SIMULATION_QUEUE_FULL) rather than letting requests pile up work.
 */
@Component
public class SimulationExecutor implements DisposableBean {

    private final ThreadPoolExecutor pool;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    SimulationExecutor(
            @Value("${tongxin.simulation.threads:1}") int threads, @Value("${tongxin.simulation.queue:8}") int queue) {
        this.pool =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "tongxin-simulation");
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY
                            - 1); // requests first: a run never slows other users' work more than it must
                    return t;
                });
    }

    /** Queues run {@code id}; this instance holds it (see {@link #held()}) until it has executed. */
    public void submit(UUID id, Runnable run) {
        held.add(id);
        try {
            pool.execute(() -> {
                try {
                    run.run();
                } finally {
                    held.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            held.remove(id);
            throw TongxinException.conflict("SIMULATION_QUEUE_FULL");
        }
    }

    /** The runs queued or executing on this instance, which it marks as held every minute (OrphanedRuns). */
    public Set<UUID> held() {
        return Set.copyOf(held);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
