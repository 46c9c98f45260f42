package org.tongxin.casefile;

/** Why a subject's supervision level (分类管理) was set or changed; the words of the reason are kept on the case. */
public enum LevelChangeReason {
    /** 入矫评估: the first classification after registration. */
    ENTRY_ASSESSMENT,
    /** 定期考核: a periodic assessment. */
    PERIODIC_ASSESSMENT,
    /** 违反监督管理规定: a violation, a sanction or a police penalty. */
    VIOLATION,
    /** 表现良好: good conduct, a commendation. */
    GOOD_CONDUCT,
    /** 其他: another reason, given in words. */
    OTHER
}
