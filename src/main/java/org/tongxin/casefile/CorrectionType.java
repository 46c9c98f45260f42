package org.tongxin.casefile;

/** The four kinds of community correction (CCL art. 2). */
public enum CorrectionType {
    /** 管制. */
    PUBLIC_SURVEILLANCE,
    /** 缓刑. */
    PROBATION,
    /** 假释. */
    PAROLE,
    /** 暂予监外执行. */
    TEMPORARY_EXECUTION;

    /** The subject reports in by themselves (CCL art. 21); temporary-execution subjects are handed over. */
    public boolean reportsInPerson() {
        return this != TEMPORARY_EXECUTION;
    }

    /**
     * The correction term is only the rest of a longer sentence (parole, temporary execution): the original sentence's
     * length is recorded apart; for public surveillance the term is the sentence, and a probation's test period is never
     * shorter than it (Criminal Law art. 73).
     */
    public boolean remainderOfSentence() {
        return this == PAROLE || this == TEMPORARY_EXECUTION;
    }
}
