package org.tongxin.policy;

/**
 * The levels of classified management (分类管理) under which a subject is supervised: the county agency sets and
 * changes a subject's level on assessment, and the policy model sets how often a subject of each level reports and
 * is contacted. The three levels are those of the provincial implementing rules and practice; the law itself
 * (CCL art. 24) asks only that supervision fit the subject.
 */
public enum SupervisionLevel {
    /** 严管 (严格管理): closest supervision, e.g. after a violation or at the start of correction. */
    STRICT,
    /** 普管 (普通管理): ordinary supervision. */
    ORDINARY,
    /** 宽管 (宽松管理): lighter supervision for a subject who has done well. */
    LENIENT
}
