package org.tongxin.obligation;

/**
 * Why an obligation waits for someone other than the agency that owes it (ADR 0039). Each reason has its words in the
 * message bundle ({@code obligation.waiting.<NAME>}, with the organ's name as argument {0} where one is named).
 */
public enum WaitReason {

    /** 等待对象: a step the subject owes (reporting in, reporting to a new place), watched by the county agency. */
    SUBJECT,
    /** 等待补正法律文书: the documents were returned with problems; the sender must correct and resend them (IM art. 16). */
    DOCUMENTS_CORRECTION,
    /** 等待补充材料: the assessment's materials were returned as incomplete; the entrusting organ must supply them (IM art. 14). */
    MATERIALS_SUPPLEMENT,
    /** 等待送达法律文书: the subject has reported, the decision organ has not delivered the documents yet (CCL arts. 20, 22). */
    DOCUMENTS_NOT_DELIVERED,
    /** 等待签收法律文书: registration needs the delivered documents receipted first (CCL art. 22; IM art. 16). */
    DOCUMENTS_TO_RECEIPT,
    /** A wait recorded under a key this version does not know: shown as waiting for the organ it names. */
    OTHER;

    /** The reason a stored key names, or OTHER for a key this version does not know (null for none). */
    public static WaitReason parse(String key) {
        if (key == null) {
            return null;
        }
        for (WaitReason r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        return OTHER;
    }
}
