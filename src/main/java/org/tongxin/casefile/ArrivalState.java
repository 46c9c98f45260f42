package org.tongxin.casefile;

/** Whether the subject has arrived at the executing agency during intake. */
public enum ArrivalState {
    AWAITED,
    REPORTED,
    TRANSFERRED,
    MISSING
}
