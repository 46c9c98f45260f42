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
}
