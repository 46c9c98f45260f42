package org.tongxin.identity;

/**
 * The lawful roles an agency can have in a case (doc/security-requirements.md S7). Only an agency holding one of them may know the
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
    ASSISTING,
    /**
     * The county judicial bureau of the executing agency's county, for the approvals asked of its head (electronic
     * monitoring, CCL art. 29): granted with the first request, it sees the case's state and what the approval needs,
     * not the protected fields, the timeline or the documents.
     */
    APPROVING_BUREAU,
    /**
     * The county agency of an intended new place of execution while a change is consulted, decided and carried out
     * (IM arts. 30–31); it becomes the executing agency when the case moves.
     */
    RECEIVING_AGENCY,
    /** A former executing county agency after a change of the place of execution: the case's state and what it produced. */
    FORMER_EXECUTING_AGENCY,
    /** A former assigned judicial office after a change of the place of execution: the case's state and what it produced. */
    FORMER_ASSIGNED_OFFICE,
    /** The organ that detained the subject during correction (CCL art. 32) or the court that ordered an arrest (art. 47). */
    DETAINING_ORGAN,
    /**
     * An organ asked to rule or decide on a proposal about the case that is not its decision organ: the court of the
     * place on revocation (CCL art. 46), the intermediate court on a sentence reduction (art. 33), a decision organ of
     * the place on custody (art. 49).
     */
    RULING_ORGAN,
    /** The prison or detention centre that takes in or holds the subject (arrest, revocation, 收监执行). */
    CUSTODIAL_INSTITUTION
}
