package org.tongxin.exchange;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a handover carries in the intake and assessment procedures (doc/procedures.md), with the items a complete bundle holds. A bundle
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
    /**
     * 羁押通知: the organ that detained a subject during correction notifies the county agency, copy to the procuratorate
     * (CCL art. 32; IM art. 40, 3 days).
     */
    CUSTODY_NOTICE("羁押情况通知", "Custody notice", EnumSet.of(ItemCode.CUSTODY_NOTICE)),
    /** 失去联系协查: the county agency asks the police to assist the search (CCL art. 30). */
    LOST_CONTACT_ASSISTANCE("失联协查", "Request to assist a search", EnumSet.of(ItemCode.SEARCH_RECORD)),
    /** 失去联系通报: the county agency notifies the decision organ, copy to the procuratorate (CCL art. 30). */
    LOST_CONTACT_NOTICE("失联通报", "Notice of lost contact", EnumSet.of(ItemCode.SEARCH_RECORD)),
    /**
     * 变更执行地移交: the former county agency sends the decision, the legal documents and the file to the new one, whose
     * receipt moves the case (CCL art. 27; IM art. 31, 5 days).
     */
    PLACE_CHANGE_FILE(
            "变更执行地档案移交",
            "File on a change of the place of execution",
            EnumSet.of(ItemCode.DECISION_DOCUMENT, ItemCode.CASE_MATERIALS)),
    /** 变更执行地法律文书转送: the new county agency forwards them to its procuratorate, copy to its police (CCL art. 27). */
    PLACE_CHANGE_FORWARDING(
            "变更执行地法律文书转送", "Legal documents forwarded after a change of place", EnumSet.of(ItemCode.DECISION_DOCUMENT)),
    /**
     * 解除社区矫正通知: the county agency tells the decision organ that correction ended on expiry or pardon, with a copy of
     * the certificate, copies to the procuratorate and police (CCL art. 44).
     */
    TERMINATION_NOTICE("解除社区矫正通知", "Notice of termination", EnumSet.of(ItemCode.TERMINATION_CERTIFICATE)),
    /** 社区矫正对象死亡通知: the county agency to the decision organ, copies to procuratorate and police (CCL art. 45; IM art. 56). */
    DEATH_NOTICE("社区矫正对象死亡通知", "Notice of death", EnumSet.of(ItemCode.DEATH_NOTICE)),
    /** 撤销缓刑、假释建议书 (with an arrest request where asked): the county agency to the court, copy to the procuratorate (CCL arts. 46–47). */
    REVOCATION_PROPOSAL("撤销缓刑、假释建议", "Revocation proposal", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE)),
    /** 收监执行建议书: the county agency to the decision organ, copy to the procuratorate (CCL art. 49). */
    CUSTODY_PROPOSAL(
            "收监执行建议", "Proposal to take into custody", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE)),
    /** 治安管理处罚建议书: the county agency to the police of the same level, copy to the procuratorate (CCL art. 28). */
    POLICE_PENALTY_PROPOSAL(
            "治安管理处罚建议",
            "Proposal of a public-security penalty",
            EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE)),
    /** 减刑建议书: the county agency to the intermediate court of the place, copy to the procuratorate of the same level (CCL art. 33). */
    COMMUTATION_PROPOSAL(
            "减刑建议", "Proposal of a sentence reduction", EnumSet.of(ItemCode.SANCTION_PROPOSAL, ItemCode.EVIDENCE));

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

    /**
     * Whether the procedure asks the receiver for a receipt (回执): the legal documents (IM art. 16), the file on a change
     * of place (its receipt moves the case, IM art. 31) and the subject handed over (the receipt is the arrival, CCL
     * art. 21). The other bundles are answered by the receiver's own step (an assessment, a ruling) or are notices: once
     * delivered they are delivered, never "awaiting receipt" (ADR 0039). The receiver may still return one with problems.
     */
    public boolean receiptRequired() {
        return this == LEGAL_DOCUMENTS || this == PLACE_CHANGE_FILE || this == SUBJECT_TRANSFER;
    }

    /** Items a complete bundle must hold. */
    public Set<ItemCode> required() {
        return required;
    }
}
