package org.tongxin.identity;

/**
 * The lawful roles an agency can have in a case (SECURITY.md S7). Only an agency holding one of them may know the
 * case exists.
 */
public enum Participation {
    /** The executing county community correction agency (all cases of its county). */
    EXECUTING_AGENCY,
    /** The judicial office the case is assigned to (its own cases only). */
    ASSIGNED_OFFICE,
    /** The court or organ that decided on community correction, or entrusted the assessment. */
    DECISION_ORGAN,
    /** The procuratorate that receives copies. */
    COPIED_PROCURATORATE,
    /** The police that receive copies or assist. */
    COPIED_POLICE,
    /** The prison or detention centre handing the subject over. */
    HANDOVER_INSTITUTION,
    /** The agency one level up while a step is escalated to it. */
    ESCALATION,
    /** The city coordination office (coordination views; protected fields only when a conflict or meeting brings the case). */
    COORDINATION,
    /** An assisting department or social organisation, for its referral or entrusted task only (limited fields). */
    ASSISTING
}
