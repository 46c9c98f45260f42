package org.tongxin.audit;

import java.time.Instant;
import java.util.List;

/**
 * Result of checking the audit log: how many seals and records were checked, how many recent records await their
 * seal, and every problem found. {@code lastSealHash} is worth writing down outside the database: it anchors the
 * chain against truncation of its end.
 */
public record AuditVerification(
        Instant verifiedAt,
        long sealsChecked,
        long recordsChecked,
        long recordsAwaitingSeal,
        Long lastSealId,
        String lastSealHash,
        List<Problem> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }

    /** One finding: a record changed, missing or unexpected, or a seal broken or missing. */
    public record Problem(Kind kind, Long recordId, Long sealId) {}

    public enum Kind {
        /** A record's content no longer matches its keyed hash. */
        RECORD_CHANGED,
        /** A sealed record is gone. */
        RECORD_MISSING,
        /** A record appeared inside an already sealed range. */
        RECORD_UNEXPECTED,
        /** A seal's own hash or its link to the previous seal does not match. */
        SEAL_BROKEN,
        /** The seals do not cover a contiguous range (a seal was removed). */
        SEAL_GAP
    }
}
