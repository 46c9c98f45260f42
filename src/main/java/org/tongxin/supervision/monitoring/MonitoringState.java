package org.tongxin.supervision.monitoring;

/** Where a monitoring period stands. Positions are lawful only inside an approved period (CCL art. 34). */
public enum MonitoringState {
    /** Proposed by the county agency, waiting for the county judicial bureau's head. */
    PROPOSED,
    /** Approved: running from its start to its end (at most 3 months). */
    APPROVED,
    /** Refused by the bureau's head. */
    REFUSED,
    /** Ended by the county agency before its end (no longer needed). */
    ENDED,
    /** Followed by an approved renewal that starts where it ends. */
    RENEWED
}
