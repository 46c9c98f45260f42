package org.tongxin.simulation;

/** QUEUED → RUNNING → COMPLETED | CANCELLED | FAILED; a queued or running run can be cancelled. */
public enum SimulationStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
