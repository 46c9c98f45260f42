package org.tongxin.casefile;

/** Why correction ended in TERMINATED (解除社区矫正, CCL art. 44). */
public enum TerminationReason {
    /** 期满: the term expired. */
    EXPIRY,
    /** 赦免: pardon. */
    PARDON
}
