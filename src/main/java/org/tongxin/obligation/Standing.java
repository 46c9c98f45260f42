package org.tongxin.obligation;

import java.util.Optional;

/**
 * Whose move an obligation is (ADR 0039): the owing agency can act now (TO_DO); another organ must act first
 * (WAITING_FOR_ORGAN — the clock runs where the law lets it, but the line says whose move it is); the subject must act
 * (WAITING_FOR_SUBJECT: the county agency watches); or the step's trigger has not happened (NOT_STARTED: no due time,
 * never overdue). Only TO_DO lines count in an agency's "to do" and overdue figures.
 */
public enum Standing {
    TO_DO,
    WAITING_FOR_ORGAN,
    WAITING_FOR_SUBJECT,
    NOT_STARTED;

    /** Where a pending or closed obligation stands (a closed one is no one's move: TO_DO, it is not listed anyway). */
    public static Standing of(ObligationView o) {
        if (o.closed()) {
            return TO_DO;
        }
        if (o.notStarted()) {
            return NOT_STARTED;
        }
        if (o.owedBySubject()) {
            return WAITING_FOR_SUBJECT;
        }
        return o.waitingReason() != null ? WAITING_FOR_ORGAN : TO_DO;
    }

    /** Waits for someone other than the owing agency. */
    public boolean waiting() {
        return this != TO_DO;
    }

    static Optional<WaitReason> reason(ObligationView o) {
        return switch (of(o)) {
            case TO_DO -> Optional.empty();
            case WAITING_FOR_SUBJECT -> Optional.of(WaitReason.SUBJECT);
            case WAITING_FOR_ORGAN, NOT_STARTED ->
                Optional.of(o.waitingReason() == null ? WaitReason.OTHER : WaitReason.parse(o.waitingReason()));
        };
    }
}
