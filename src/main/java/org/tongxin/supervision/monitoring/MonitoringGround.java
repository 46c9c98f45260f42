package org.tongxin.supervision.monitoring;

/**
 * The only grounds on which electronic monitoring (电子定位) may be used (《社区矫正法》第二十九条). Each is a reason code the
 * proposal names; the facts are written beside it.
 */
public enum MonitoringGround {
    /** 违反人民法院禁止令. */
    PROHIBITION_ORDER_BREACH,
    /** 无正当理由，未经批准离开所居住的市、县. */
    LEFT_AREA_WITHOUT_APPROVAL,
    /** 拒不按照规定报告自己的活动情况，被给予警告. */
    WARNED_FOR_NOT_REPORTING,
    /** 违反监督管理规定，被给予治安管理处罚. */
    PUBLIC_SECURITY_PENALTY,
    /** 拟提请撤销缓刑、假释或者暂予监外执行收监执行. */
    REVOCATION_PROPOSAL_PREPARED
}
