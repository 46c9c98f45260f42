package org.tongxin.casefile;

/**
 * Why a subject is held during correction (the case is then IN_CUSTODY, and back UNDER_CORRECTION on release): the
 * measures of CCL art. 32, and arrest pending a revocation ruling (CCL art. 47). Revocation and 收监执行 are not
 * custody during correction: they end the case (REVOKED).
 */
public enum CustodyKind {
    /** 行政拘留: administrative detention decided by the police. */
    ADMINISTRATIVE_DETENTION,
    /** 强制隔离戒毒: compulsory isolated drug rehabilitation. */
    COMPULSORY_DRUG_REHABILITATION,
    /** 刑事强制措施: a criminal coercive measure (detention, arrest, residential surveillance, bail) in another case. */
    CRIMINAL_COERCIVE_MEASURE,
    /** 提请撤销缓刑、假释期间逮捕: arrested on the court's decision while it rules on a revocation proposal (CCL art. 47). */
    ARREST_PENDING_REVOCATION
}
