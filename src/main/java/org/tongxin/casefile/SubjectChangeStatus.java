package org.tongxin.casefile;

/** Where a proposed change of a subject's record stands: PROPOSED → CONFIRMED (the record takes it) | REJECTED. */
public enum SubjectChangeStatus {
    PROPOSED,
    CONFIRMED,
    REJECTED
}
