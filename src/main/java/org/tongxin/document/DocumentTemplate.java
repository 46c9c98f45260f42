package org.tongxin.document;

/**
 * The legal documents of the intake procedures that Tongxin renders (doc/procedures.md). Each has a template file,
 * {@code document/templates/<name>.txt}, that declares its value keys; a key given no value prints as a blank line
 * ({@code ________}) to be filled in by hand, unknown keys are ignored, and values are plain text. Values of the
 * form {@code 2025-03-10} print as {@code 2025年3月10日}, {@code 2025-03-10T14:30} as {@code 2025年3月10日14时30分}.
 * Values that list things ({@code attachments}, {@code documentsReceived}, ...) hold one item per line. Every
 * template also takes {@code documentNumber} (the whole number line, e.g. {@code （2025）城东矫委字第 0001 号}) and
 * {@code issueDate}.
 */
public enum DocumentTemplate {

    /**
     * 调查评估委托函 (entrustment of a pre-sentence investigation assessment): the court to the county community
     * correction agency of the intended place, CCL art. 18, IM art. 14. Keys: {@code courtName, agencyName,
     * procuratorateName, caseNumber, subjectName, gender, birthDate, idNumber, address, offence, intendedPlace,
     * expedited} ({@code true} for expedited (速裁) cases: 5 instead of 10 working days){@code , deadlineDate, contact,
     * contactPhone, attachments}.
     */
    ENTRUSTMENT_LETTER,

    /**
     * 调查评估意见书 (assessment opinion): the county agency to the entrusting court, copy to the procuratorate, IM
     * art. 14. Keys: {@code agencyName, courtName, procuratorateName, letterNumber, subjectName, gender, birthDate,
     * idNumber, address, offence, findings, opinion} (e.g. 适用社区矫正 / 不适用社区矫正){@code , reasons, contact,
     * contactPhone}.
     */
    ASSESSMENT_OPINION,

    /**
     * 法律文书送达回执 (receipt of legal documents): the county agency to the decision organ, IM art. 16. Keys:
     * {@code agencyName, decisionOrganName, subjectName, caseNumber, documentsReceived, receivedAt, missingItems}
     * (none: prints 无, and the request to supply them is left out){@code , receiver, contact, contactPhone}.
     */
    RECEIPT,

    /**
     * 社区矫正报到通知书 (notice to report): the decision organ to the subject, CCL arts. 19 and 21: where and by when
     * to report, and what follows if they do not. Keys: {@code decisionOrganName, subjectName, idNumber, offence,
     * judgmentNumber, correctionType} (管制, 缓刑, 假释){@code , effectiveDate, deadlineDate} (10 days after the
     * judgment takes effect){@code , agencyName, agencyAddress, agencyPhone, copyTo} (left out when empty).
     */
    REPORTING_NOTICE,

    /**
     * 社区矫正宣告书 (entry announcement, 入矫宣告): the county agency (or the judicial office it entrusts) to the
     * subject, in front of the correction team, CCL art. 22, IM art. 19. Keys: {@code agencyName, subjectName,
     * gender, birthDate, offence, decisionOrganName, judgmentNumber, correctionType, termStart, termEnd, obligations}
     * (besides the statutory ones, e.g. a prohibition order){@code , teamMembers, announcer, announcementPlace}.
     */
    ENTRY_ANNOUNCEMENT,

    /**
     * 联席会议通知 (notice of a joint meeting): the coordination office to the attending agencies. Keys:
     * {@code convenorName, title, scheduledAt, place, attendees} (one per line){@code , agenda} (one item per
     * line){@code , contact, contactPhone}. Not a case document: rendered on demand, not stored.
     */
    MEETING_NOTICE,

    /**
     * 联席会议纪要 (minutes of a joint meeting): the coordination office's record of what was discussed and decided.
     * Keys: {@code convenorName, title, heldAt, place, attendees} (one per line){@code , agenda} (one per line)
     * {@code , minutes, decisions} (one per line: what, who, by when){@code , contact}.
     */
    MEETING_MINUTES,

    /**
     * 社区矫正对象帮扶转介函 (assistance referral letter): the county agency or judicial office to an education, civil
     * affairs or HRSS department or a social organisation, CCL arts. 35–43. It carries only the subject's fields the
     * service needs (doc/security-requirements.md S8). Keys: {@code fromAgencyName, toAgencyName, caseNumber, service, subjectDetails}
     * (one "label：value" per line){@code , referralNote} (left out when the service does not share it){@code ,
     * answerDays, contact, contactPhone}.
     */
    REFERRAL_LETTER,

    /**
     * 社区矫正对象外出审批通知书 (leave approval notice): the approving agency to the subject, CCL art. 27, IM arts. 26-28.
     * Keys: {@code agencyName, subjectName, caseNumber, destination, reason, departOn, returnOn, days, approverLevel}
     * (e.g. 县级社区矫正机构){@code , extension} (a sentence when an extension was approved; left out otherwise){@code ,
     * copyTo} (the procuratorate when the agency one level up approved; left out otherwise).
     */
    LEAVE_APPROVAL,

    /**
     * 解除社区矫正证明书 (termination certificate): the county agency to the subject on expiry of the term or a pardon, a
     * copy to the decision organ, procuratorate and police, CCL art. 44, IM art. 54. Keys: {@code agencyName, subjectName,
     * gender, birthDate, idNumber, decisionOrganName, judgmentNumber, correctionType, termStart, termEnd, endedOn, reason}
     * (期满 / 赦免){@code , copyTo}.
     */
    TERMINATION_CERTIFICATE,

    /**
     * 社区矫正对象死亡通知书 (notice of death): the county agency to the decision organ, copies to the procuratorate and
     * police, CCL arts. 45 and 51, IM art. 56. Keys: {@code agencyName, decisionOrganName, subjectName, gender, birthDate,
     * idNumber, judgmentNumber, correctionType, diedOn, copyTo}.
     */
    DEATH_NOTICE,

    /**
     * 警告决定书 (warning decision): the county agency to the subject, copy to the procuratorate, CCL art. 28, IM
     * art. 35. Keys: {@code agencyName, subjectName, gender, birthDate, idNumber, address, correctionType, facts,
     * reasons, evidence} (one item per line; left out when empty){@code , procuratorateName}.
     */
    WARNING_DECISION,

    /**
     * 社区矫正撤销建议书 (proposal to revoke a suspended sentence or parole, or to take a subject into custody): the
     * county agency to the court or decision organ, copies to the procuratorate and the police, CCL arts. 46-49.
     * Keys: {@code agencyName, receiverName, caseNumber, subjectName, gender, birthDate, idNumber, address, offence,
     * correctionType, proposal} (e.g. 撤销缓刑){@code , facts, reasons, evidence} (one item per line){@code ,
     * arrestReason} (left out when no arrest is requested){@code , copyTo, contact, contactPhone}.
     */
    REVOCATION_PROPOSAL,

    /**
     * 提请治安管理处罚建议书 (proposal of a public-security penalty): the county agency to the police of the same level,
     * copy to the procuratorate, CCL art. 28, IM art. 36. Keys: {@code agencyName, receiverName, caseNumber, subjectName,
     * gender, birthDate, idNumber, address, offence, correctionType, facts, reasons, evidence} (one item per line){@code ,
     * copyTo, contact, contactPhone}.
     */
    POLICE_PENALTY_PROPOSAL,

    /**
     * 减刑建议书 (proposal of a sentence reduction): the county agency to the intermediate court of the place, copy to the
     * procuratorate of the same level, CCL art. 33, Criminal Law art. 78. Keys: {@code agencyName, receiverName,
     * caseNumber, subjectName, gender, birthDate, idNumber, address, offence, correctionType, termStart, termEnd, facts,
     * reasons, evidence} (one item per line){@code , copyTo, contact, contactPhone}.
     */
    COMMUTATION_PROPOSAL,

    /**
     * 社区矫正对象变更执行地征求意见函 (consultation letter on a change of the place of execution): the executing county
     * agency to the county agency of the new place, CCL art. 27, IM art. 30. Keys: {@code agencyName, newAgencyName,
     * subjectName, gender, birthDate, idNumber, judgmentNumber, correctionType, termStart, termEnd, intendedMoveOn, reason,
     * replyDays} (the new agency's period to reply, from the policy model){@code , contact}.
     */
    PLACE_CHANGE_CONSULTATION,

    /**
     * 社区矫正对象变更执行地决定通知书 (decision on a change of the place of execution): the executing county agency to the
     * subject, copies to the new county agency, the decision organ and the procuratorate and police, CCL art. 27, IM
     * arts. 30 and 31. Keys: {@code agencyName, newAgencyName, subjectName, gender, idNumber, judgmentNumber,
     * correctionType, decision} (the decision in one sentence){@code , reason} (left out when none){@code , reportNotice}
     * (where and by when to report; left out when not approved){@code , copyTo}.
     */
    PLACE_CHANGE_DECISION
}
