package org.tongxin.obligation;

/** OPEN → FULFILLED | OVERDUE → FULFILLED_LATE | WAIVED; a pausable clock may be PAUSED and resumed (doc/architecture.md §3). */
public enum ObligationStatus {
    OPEN,
    PAUSED,
    OVERDUE,
    FULFILLED,
    FULFILLED_LATE,
    WAIVED;

    public boolean pending() {
        return this == OPEN || this == PAUSED || this == OVERDUE;
    }

    /** The inbox's order (stored with the status, column {@code urgency}): overdue first, then open, paused, closed last. */
    public short urgency() {
        return switch (this) {
            case OVERDUE -> 0;
            case OPEN -> 1;
            case PAUSED -> 2;
            default -> 3;
        };
    }
}
