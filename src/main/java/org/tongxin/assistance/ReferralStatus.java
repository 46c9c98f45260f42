package org.tongxin.assistance;

/**
 * DELIVERED → ACCEPTED | WAITING (accepted beyond the declared places) | DECLINED | WITHDRAWN (by the referring agency,
 * before an answer); WAITING → ACCEPTED when a place is freed (first in, first placed); ACCEPTED → IN_PROGRESS at the
 * first contact with the subject; ACCEPTED | IN_PROGRESS → COMPLETED with the outcome.
 */
public enum ReferralStatus {
    DELIVERED,
    ACCEPTED,
    WAITING,
    IN_PROGRESS,
    COMPLETED,
    DECLINED,
    WITHDRAWN;

    /** Holding one of the receiving agency's places. */
    public boolean placed() {
        return this == ACCEPTED || this == IN_PROGRESS;
    }

    public boolean closed() {
        return this == COMPLETED || this == DECLINED || this == WITHDRAWN;
    }
}
