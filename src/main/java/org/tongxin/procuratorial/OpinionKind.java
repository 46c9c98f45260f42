package org.tongxin.procuratorial;

/** What the procuratorate issues (CCL art. 62). */
public enum OpinionKind {
    /** 纠正意见: a violation found, to be corrected. */
    CORRECTION_OPINION,
    /** 检察建议: a suggestion to improve the work. */
    PROCURATORIAL_SUGGESTION
}
