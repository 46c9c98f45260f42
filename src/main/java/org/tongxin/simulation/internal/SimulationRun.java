package org.tongxin.simulation.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.simulation.SimulationStatus;

/**
 * A run's life (doc/style.md 7): queued when asked, running on the executor, then completed, cancelled or failed. One
 * method per transition, each guarded by the state; a refusal is a {@link TongxinException} with a code (409) and leaves
 * the run unchanged. Progress only moves forward while it runs.
 */
public final class SimulationRun extends AggregateRoot {

    /** Something that happened to a run (ids and the new status only). */
    public record Changed(UUID runId, SimulationStatus status, Instant at) {}

    final UUID id;
    SimulationStatus status;
    double progress;
    Instant startedAt;
    Instant finishedAt;
    Integer cases;
    Long obligations;
    String failure;
    int version;

    SimulationRun(
            UUID id,
            SimulationStatus status,
            double progress,
            Instant startedAt,
            Instant finishedAt,
            Integer cases,
            Long obligations,
            String failure,
            int version) {
        this.id = id;
        this.status = status;
        this.progress = progress;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.cases = cases;
        this.obligations = obligations;
        this.failure = failure;
        this.version = version;
    }

    public static SimulationRun queue(UUID id, Instant at) {
        SimulationRun run = new SimulationRun(id, SimulationStatus.QUEUED, 0, null, null, null, null, null, 0);
        run.register(new Changed(id, SimulationStatus.QUEUED, at));
        return run;
    }

    /** The executor takes it up. */
    public void start(Instant at) {
        require(SimulationStatus.QUEUED, "SIMULATION_NOT_QUEUED");
        status = SimulationStatus.RUNNING;
        startedAt = at;
        register(new Changed(id, status, at));
    }

    /** How far it has come (0–1); never backwards. */
    public void advance(double done) {
        require(SimulationStatus.RUNNING, "SIMULATION_NOT_RUNNING");
        progress = Math.max(progress, Math.min(1.0, Math.max(0.0, done)));
    }

    public void complete(Instant at, int caseCount, long obligationCount) {
        require(SimulationStatus.RUNNING, "SIMULATION_NOT_RUNNING");
        status = SimulationStatus.COMPLETED;
        progress = 1.0;
        finishedAt = at;
        cases = caseCount;
        obligations = obligationCount;
        register(new Changed(id, status, at));
    }

    /** Someone stops it before it is done. */
    public void cancel(Instant at) {
        if (status.finished()) {
            throw TongxinException.conflict("SIMULATION_FINISHED");
        }
        status = SimulationStatus.CANCELLED;
        finishedAt = at;
        register(new Changed(id, status, at));
    }

    /** It could not finish: {@code code} says why. */
    public void fail(Instant at, String code) {
        if (status.finished()) {
            throw TongxinException.conflict("SIMULATION_FINISHED");
        }
        status = SimulationStatus.FAILED;
        finishedAt = at;
        failure = code;
        register(new Changed(id, status, at));
    }

    private void require(SimulationStatus expected, String code) {
        if (status != expected) {
            throw TongxinException.conflict(code);
        }
    }

    public UUID id() {
        return id;
    }

    public SimulationStatus status() {
        return status;
    }

    public double progress() {
        return progress;
    }

    public int version() {
        return version;
    }
}
