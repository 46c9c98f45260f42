package org.tongxin.obligation;

/** OPEN → FULFILLED | OVERDUE → FULFILLED_LATE | WAIVED; a pausable clock may be PAUSED and resumed (doc/architecture.md §3). */
public enum ObligationStatus {
    OPEN, PAUSED, OVERDUE, FULFILLED, FULFILLED_LATE, WAIVED;

    public boolean pending() {
        return this == OPEN || this == PAUSED || this == OVERDUE;
    }
}
