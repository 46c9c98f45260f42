package org.tongxin.supervision.move;

/**
 * Where a change of the place of execution (变更执行地) stands: applied, the new county agency consulted, its answer, the
 * current county agency's decision, the file received by the new agency (the case has moved), the subject reported there.
 */
public enum PlaceChangeState {
    APPLIED,
    CONSULTING,
    ACCEPTED,
    REFUSED,
    APPROVED,
    NOT_APPROVED,
    TRANSFERRED,
    REPORTED;

    /** Still under way: a case has at most one such change at a time. */
    public boolean open() {
        return this == APPLIED || this == CONSULTING || this == ACCEPTED || this == REFUSED || this == APPROVED;
    }
}
