package org.tongxin.assessment;

/**
 * Why a response is given. Some the office verifies and states ({@link #asserted()}: late reporting, a serious breach);
 * the others the engine derives from the case's record (warned twice, out of contact beyond the policy's days) and
 * refuses when the record does not show them.
 */
public enum ReasonCode {
    /** 表现良好: good conduct (commendation). */
    GOOD_CONDUCT(true),
    /** 认真遵守法律法规及监督管理规定，接受教育矫正，确有悔改表现 (Criminal Law art. 78): commutation. */
    REPENTANCE(true),
    /** 有立功表现 (Criminal Law art. 78): commutation. */
    MERITORIOUS_SERVICE(true),
    /** 有重大立功表现 (Criminal Law art. 78: shall be reduced): commutation. */
    MAJOR_MERITORIOUS_SERVICE(true),
    /** 未按规定时间报到: late reporting. */
    LATE_REPORT(true),
    /** 短期脱离监管: out of contact, up to the days the policy allows a reprimand for. */
    OUT_OF_CONTACT(true),
    /** 请假外出逾期未归. */
    LEAVE_OVERDUE(true),
    /** 违反监督管理规定: a minor breach of the supervision rules. */
    RULE_BREACH(true),
    /** 违反监督管理规定情节较重: a serious breach (warning, police penalty). */
    SERIOUS_BREACH(true),
    /** 违反人民法院禁止令情节严重: a serious breach of the court's prohibition order (revocation). */
    PROHIBITION_BREACH(true),
    /** 受到训诫仍不改正 (the policy's number of reprimands). */
    REPRIMANDED_NOT_CORRECTED(false),
    /** 失去联系超过警告所需日数. */
    OUT_OF_CONTACT_LONG(false),
    /**
     * 违反关于报告、外出等规定，情节较重 (IM art. 35): the policy's number of reports missed and returns from leave
     * overdue, as the supervision module reported them.
     */
    REPORTING_RULES_BROKEN_REPEATEDLY(false),
    /** 受到警告仍不改正 (one warning: grounds a police penalty proposal). */
    WARNED_NOT_CORRECTED(false),
    /** 受到警告两次仍不改正 (the policy's number of warnings). */
    WARNED_TWICE_NOT_CORRECTED(false),
    /** 失去联系超过一个月 (the policy's days). */
    OUT_OF_CONTACT_OVER_MONTH(false),
    /** 因违反监督管理规定受到治安管理处罚仍不改正. */
    PENALISED_NOT_CORRECTED(false);

    private final boolean asserted;

    ReasonCode(boolean asserted) {
        this.asserted = asserted;
    }

    /** Stated by the office on its verification; the others must follow from the record. */
    public boolean asserted() {
        return asserted;
    }
}
