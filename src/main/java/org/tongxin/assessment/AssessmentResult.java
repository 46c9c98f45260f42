package org.tongxin.assessment;

/** The result of a periodic assessment (定期考核) of the subject's conduct over its period. */
public enum AssessmentResult {
    /** 表现良好. */
    GOOD,
    /** 表现一般. */
    ORDINARY,
    /** 表现较差. */
    POOR
}
