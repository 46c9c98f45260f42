package org.tongxin.exchange;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a handover carries in the intake and assessment procedures (PROCEDURES.md), with the items a complete bundle holds. A bundle
 * that lacks a required item cannot be delivered; the receiver judges whether what came is complete and correct.
 */
public enum HandoverKind {

    /** 调查评估委托函及材料: the decision organ to the assessing agency (CCL art. 18). */
    ASSESSMENT_ENTRUSTMENT("调查评估委托", "Assessment entrustment", EnumSet.of(ItemCode.ENTRUSTMENT_LETTER)),
    /** 调查评估意见书: the assessing agency to the entrusting organ, copy to the procuratorate (IM art. 14). */
    ASSESSMENT_OPINION("调查评估意见", "Assessment opinion", EnumSet.of(ItemCode.ASSESSMENT_OPINION)),
    /** 执行通知: the decision organ notifies the executing county agency (CCL art. 20, 5 days). */
    EXECUTION_NOTICE("执行通知", "Execution notice", EnumSet.of(ItemCode.EXECUTION_NOTICE)),
    /** 法律文书送达: judgment, ruling or decision and execution notice, with copies (CCL art. 20, 10 days). */
    LEGAL_DOCUMENTS("法律文书送达", "Legal documents", EnumSet.of(ItemCode.DECISION_DOCUMENT, ItemCode.EXECUTION_NOTICE)),
    /** 移交社区矫正对象: the prison, detention centre or police hand the subject over with the decision (CCL art. 21). */
    SUBJECT_TRANSFER("移交社区矫正对象", "Transfer of the subject", EnumSet.of(ItemCode.DECISION_DOCUMENT)),
    /** 未按时报到的查找情况通报: the county agency to the decision organ, copy to the procuratorate (IM art. 17). */
    MISSING_NOTICE("未报到通报", "Notice of failure to report", EnumSet.of(ItemCode.SEARCH_RECORD)),
    /** 撤销缓刑、假释建议书 (with an arrest request where asked): the county agency to the court, copy to the procuratorate (CCL arts. 46–47). */
    REVOCATION_PROPOSAL("撤销缓刑、假释建议", "Revocation proposal", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE)),
    /** 收监执行建议书: the county agency to the decision organ, copy to the procuratorate (CCL art. 49). */
    CUSTODY_PROPOSAL("收监执行建议", "Proposal to take into custody", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE)),
    /** 治安管理处罚建议书: the county agency to the police of the same level, copy to the procuratorate (CCL art. 28). */
    POLICE_PENALTY_PROPOSAL("治安管理处罚建议", "Proposal of a public-security penalty", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE));

    private final String nameZh;
    private final String nameEn;
    private final Set<ItemCode> required;

    HandoverKind(String nameZh, String nameEn, Set<ItemCode> required) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.required = required;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Items a complete bundle must hold. */
    public Set<ItemCode> required() {
        return required;
    }
}
