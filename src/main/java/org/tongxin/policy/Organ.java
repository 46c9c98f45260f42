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
    NAMED_AGENCY,
    /** 上一级社区矫正机构: the correction agency one level up from the executing county agency (e.g. the city's). */
    SUPERIOR_AGENCY,
    /**
     * 县级司法行政部门 (the county judicial bureau), whose head (负责人) approves electronic monitoring (CCL art. 29): the
     * judicial bureau of the executing county agency's county.
     */
    COUNTY_JUDICIAL_BUREAU,
    /** 中级人民法院 of the place of execution (sentence reduction, CCL art. 33). */
    INTERMEDIATE_COURT,
    /** 被监督单位: the unit a procuratorial correction opinion or suggestion is addressed to (CCL art. 62). */
    ADDRESSED_UNIT,
    /** 作出拘留、强制隔离戒毒或者刑事强制措施决定的机关: the organ that detained the subject (CCL art. 32). */
    DETAINING_ORGAN,
    /** 新执行地人民检察院: the procuratorate of a new place of execution (CCL art. 27). */
    NEW_PROCURATORATE,
    /** 新执行地公安机关: the police of a new place of execution (CCL art. 27). */
    NEW_POLICE,
    /** 教育行政部门: the education department that sees a minor through compulsory education (CCL art. 55). */
    EDUCATION_DEPARTMENT,
    /** 监护人: a minor subject's guardian (a person, never an agency; CCL art. 53). */
    GUARDIAN,
    /** 有关部门: the department competent for a guardian who refuses their duties (CCL art. 53). */
    COMPETENT_DEPARTMENT,
    /** 所有参与人员: everyone who takes part in a case (a standing duty, never one agency's obligation; CCL art. 54). */
    EVERY_PARTY
}
