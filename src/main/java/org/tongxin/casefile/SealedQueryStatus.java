package org.tongxin.casefile;

/** Where a lawful query of a sealed record stands. */
public enum SealedQueryStatus {
    REQUESTED,
    APPROVED,
    REFUSED,
    EXPIRED
}
