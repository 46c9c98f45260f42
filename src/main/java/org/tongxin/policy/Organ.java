package org.tongxin.policy;

/**
 * The parties a procedure step names, as roles a case fills with concrete agencies (the procedure module resolves
 * them: "the decision organ" of this case is 城东区人民法院).
 */
public enum Organ {
    /** 决定机关: the court, prison administration or public security organ that decided. */
    DECISION_ORGAN,
    /** The entrusted county agency or social organisation doing an investigation assessment. */
    ASSESSING_AGENCY,
    /** 执行地县级社区矫正机构. */
    COUNTY_AGENCY,
    /** 司法所 entrusted by the county agency. */
    JUDICIAL_OFFICE,
    /** 社区矫正对象. */
    SUBJECT,
    /** 执行地人民检察院. */
    PROCURATORATE,
    /** 执行地公安机关. */
    POLICE,
    /** 监狱. */
    PRISON,
    /** 看守所 (or the police executing bail/residential surveillance). */
    DETENTION_CENTRE,
    /** A people's court (rulings on proposals). */
    COURT,
    /** The county agency of a new place of execution. */
    NEW_COUNTY_AGENCY,
    /** A social organisation carrying entrusted work. */
    SOCIAL_ORGANISATION,
    /** The city coordination office. */
    COORDINATION_OFFICE,
    /** An assisting department or social organisation receiving a referral (education, civil affairs, HRSS). */
    ASSISTING_DEPARTMENT,
    /** The agency a joint-meeting decision or a conflict names. */
    NAMED_AGENCY
}
