package org.tongxin.exchange;

/** The legal documents handed over in the intake procedures (IM art. 16 lists what a delivery holds). */
public enum ItemCode {
    /** 调查评估委托函. */
    ENTRUSTMENT_LETTER,
    /** 起诉书或者判决书副本等调查评估材料. */
    CASE_MATERIALS,
    /** 调查评估意见书. */
    ASSESSMENT_OPINION,
    /** 判决书、裁定书、决定书（或暂予监外执行批准决定书）. */
    DECISION_DOCUMENT,
    /** 执行通知书. */
    EXECUTION_NOTICE,
    /** 接受社区矫正保证书. */
    GUARANTEE,
    /** 社区矫正告知书（报到通知书回执）. */
    REPORTING_NOTICE,
    /** 病情诊断、妊娠检查或生活不能自理的鉴别意见. */
    MEDICAL_ASSESSMENT,
    /** 服刑期间表现、档案材料. */
    CUSTODY_RECORD,
    /** 查找记录及通报函. */
    SEARCH_RECORD,
    /** 被拘留、强制隔离戒毒或者采取刑事强制措施的通知书 (CCL art. 32). */
    CUSTODY_NOTICE,
    /** 解除社区矫正证明书（副本）. */
    TERMINATION_CERTIFICATE,
    /** 社区矫正对象死亡通知书（附死亡证明）. */
    DEATH_NOTICE,
    /** 建议书（撤销缓刑、假释，收监执行，治安管理处罚）. */
    SANCTION_PROPOSAL,
    /** 提请逮捕意见. */
    ARREST_REQUEST,
    /** 证据材料（警告决定书、谈话记录、查找记录等）. */
    EVIDENCE,
    /** 其他材料. */
    OTHER
}
