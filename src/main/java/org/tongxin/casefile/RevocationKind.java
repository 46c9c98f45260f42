package org.tongxin.casefile;

/** How a case ends in REVOKED: the ruling or decision that sends the subject to serve the sentence (CCL arts. 46–49). */
public enum RevocationKind {
    /** 撤销缓刑: probation revoked. */
    PROBATION_REVOKED(CorrectionType.PROBATION),
    /** 撤销假释: parole revoked. */
    PAROLE_REVOKED(CorrectionType.PAROLE),
    /** 收监执行: a temporary-execution subject taken into custody (CCL art. 49). */
    COMMITTED_TO_PRISON(CorrectionType.TEMPORARY_EXECUTION);

    private final CorrectionType appliesTo;

    RevocationKind(CorrectionType appliesTo) {
        this.appliesTo = appliesTo;
    }

    /** The correction type this ending exists for (public surveillance, 管制, has none). */
    public CorrectionType appliesTo() {
        return appliesTo;
    }

    /** The kind that fits a correction type, or null for 管制. */
    public static RevocationKind of(CorrectionType type) {
        for (RevocationKind k : values()) {
            if (k.appliesTo == type) {
                return k;
            }
        }
        return null;
    }
}
