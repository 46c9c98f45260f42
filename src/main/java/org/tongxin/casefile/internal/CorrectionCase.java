package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseEvents;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.RevocationKind;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * The case aggregate and its state machine (doc/style.md 7): one method per transition, each guarded by the current
 * state, each recording the event it causes. INTAKE tracks the documents and the subject's arrival in parallel;
 * registration needs both. After registration: detention during correction and release (UNDER_CORRECTION ⇄
 * IN_CUSTODY), revocation or 收监执行 (→ REVOKED), termination on expiry or pardon (→ TERMINATED), death (→ DECEASED),
 * the change of the place of execution, the supervision level, the term end changed by a commutation ruling, and a
 * minor's terminated case sealed. A refusal is a {@link TongxinException} with a code: 409 for the wrong state, 422
 * for a rule; the case is then unchanged.
 */
public final class CorrectionCase extends AggregateRoot {

    final CaseId id;
    final UUID subjectId;
    CaseStatus status;
    CorrectionType correctionType;
    AgencyId decisionOrganId;
    String caseNumber;
    LocalDate judgmentDate;
    LocalDate effectiveDate;
    OffenceCategory offenceCategory;
    byte[] offenceDetails;
    LocalDate offenceDate;
    List<String> charges = List.of();
    boolean minorAtOffence;
    LocalDate termStart;
    LocalDate termEnd;
    /** The original sentence in months (parole, temporary execution); null when not recorded. */
    Integer sentenceMonths;

    boolean inCustody;
    boolean expedited;
    AgencyId countyAgencyId;
    AgencyId officeId;
    AgencyId procuratorateId;
    AgencyId policeId;
    AgencyId handoverInstitutionId;
    String policyRegion;
    DocumentsState documentsState = DocumentsState.AWAITED;
    ArrivalState arrivalState = ArrivalState.AWAITED;
    Instant arrivedAt;
    Instant registeredAt;
    Instant teamFormedAt;
    Instant planMadeAt;
    Instant announcedAt;
    SupervisionLevel supervisionLevel;
    CustodyKind custodyKind;
    AgencyId detainingOrganId;
    Instant detainedAt;
    RevocationKind revocationKind;
    TerminationReason terminationReason;
    LocalDate endedOn;
    Instant sealedAt;
    UUID createdBy;
    Instant createdAt;
    Instant updatedAt;
    int version;

    CorrectionCase(CaseId id, UUID subjectId) {
        this.id = id;
        this.subjectId = subjectId;
    }

    /** A new case for an entrusted assessment. */
    public static CorrectionCase assessing(
            CaseId id,
            UUID subjectId,
            AgencyId entrustingOrgan,
            AgencyId assessingAgency,
            boolean expedited,
            String caseNumber,
            String region,
            Instant now,
            ActorRef actor) {
        CorrectionCase c = new CorrectionCase(id, subjectId);
        c.status = CaseStatus.ASSESSING;
        c.decisionOrganId = entrustingOrgan;
        c.countyAgencyId = assessingAgency;
        c.expedited = expedited;
        c.caseNumber = caseNumber;
        c.policyRegion = region;
        c.createdBy = actor.userId();
        c.createdAt = now;
        c.updatedAt = now;
        c.register(new CaseEvents.AssessmentEntrusted(
                UUID.randomUUID(), id, entrustingOrgan, assessingAgency, expedited, region, now, actor));
        return c;
    }

    /** A new case opened with its decision. */
    public static CorrectionCase decided(
            CaseId id, UUID subjectId, AgencyId decisionOrgan, Instant now, ActorRef actor) {
        CorrectionCase c = new CorrectionCase(id, subjectId);
        c.status = CaseStatus.ASSESSING;
        c.decisionOrganId = decisionOrgan;
        c.createdBy = actor.userId();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** ASSESSING → INTAKE: community correction was decided (without the original sentence's length). */
    public void decide(
            CorrectionType type,
            String number,
            LocalDate judgment,
            LocalDate effective,
            LocalDate start,
            LocalDate end,
            AgencyId county,
            AgencyId procuratorate,
            AgencyId police,
            AgencyId institution,
            boolean custody,
            String region,
            Instant now,
            ActorRef actor) {
        decide(
                type,
                number,
                judgment,
                effective,
                start,
                end,
                null,
                county,
                procuratorate,
                police,
                institution,
                custody,
                region,
                now,
                actor);
    }

    /**
     * ASSESSING → INTAKE: community correction was decided, with the original sentence in months where the type makes it
     * relevant (parole, temporary execution; 422 SENTENCE_NOT_APPLICABLE for the others, whose term is the sentence or
     * longer).
     */
    public void decide(
            CorrectionType type,
            String number,
            LocalDate judgment,
            LocalDate effective,
            LocalDate start,
            LocalDate end,
            Integer sentence,
            AgencyId county,
            AgencyId procuratorate,
            AgencyId police,
            AgencyId institution,
            boolean custody,
            String region,
            Instant now,
            ActorRef actor) {
        require(CaseStatus.ASSESSING, "CASE_NOT_ASSESSING");
        if (sentence != null && !type.remainderOfSentence()) {
            throw TongxinException.rule("SENTENCE_NOT_APPLICABLE");
        }
        sentenceMonths = sentence;
        status = CaseStatus.INTAKE;
        correctionType = type;
        caseNumber = number;
        judgmentDate = judgment;
        effectiveDate = effective;
        termStart = start;
        termEnd = end;
        countyAgencyId = county;
        procuratorateId = procuratorate;
        policeId = police;
        handoverInstitutionId = institution;
        inCustody = custody;
        policyRegion = region;
        updatedAt = now;
        register(new CaseEvents.CaseDecided(
                UUID.randomUUID(),
                id,
                type,
                effective,
                decisionOrganId,
                county,
                procuratorate,
                police,
                institution,
                custody,
                region,
                now,
                actor));
    }

    /** ASSESSING → WITHDRAWN: not applied after the assessment. */
    public void withdraw(Instant now, ActorRef actor) {
        require(CaseStatus.ASSESSING, "CASE_NOT_ASSESSING");
        status = CaseStatus.WITHDRAWN;
        updatedAt = now;
        register(new CaseEvents.CaseWithdrawn(UUID.randomUUID(), id, now, actor));
    }

    /** The subject reported in (or was handed over); either may come before or after the documents. */
    public void arrived(boolean handedOver, Instant at, Instant now, ActorRef actor) {
        require(CaseStatus.INTAKE, "CASE_NOT_IN_INTAKE");
        if (arrivalState == ArrivalState.REPORTED || arrivalState == ArrivalState.TRANSFERRED) {
            throw TongxinException.conflict("SUBJECT_ALREADY_ARRIVED");
        }
        arrivalState = handedOver ? ArrivalState.TRANSFERRED : ArrivalState.REPORTED;
        arrivedAt = at;
        updatedAt = now;
        register(new CaseEvents.SubjectArrived(UUID.randomUUID(), id, handedOver, at, now, actor));
    }

    /** The subject did not report in time (the search is on); arrival later clears it. */
    public void missing(Instant now) {
        if (status == CaseStatus.INTAKE && arrivalState == ArrivalState.AWAITED) {
            arrivalState = ArrivalState.MISSING;
            updatedAt = now;
        }
    }

    public void documents(DocumentsState state, Instant now, ActorRef actor) {
        if (status != CaseStatus.INTAKE && status != CaseStatus.UNDER_CORRECTION) {
            return;
        }
        if (documentsState == DocumentsState.RECEIPTED && state != DocumentsState.RECEIPTED) {
            return;
        }
        documentsState = state;
        updatedAt = now;
        register(new CaseEvents.DocumentsStateChanged(UUID.randomUUID(), id, state, now, actor));
    }

    public void assignOffice(AgencyId office, Instant now, ActorRef actor) {
        if (status != CaseStatus.INTAKE && status != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("CASE_NOT_IN_INTAKE");
        }
        officeId = office;
        updatedAt = now;
        register(new CaseEvents.OfficeAssigned(UUID.randomUUID(), id, office, now, actor));
    }

    /** INTAKE → UNDER_CORRECTION: needs the documents receipted and the subject present (CCL art. 22). */
    public void register(Instant now, ActorRef actor) {
        require(CaseStatus.INTAKE, "CASE_NOT_IN_INTAKE");
        if (documentsState != DocumentsState.RECEIPTED) {
            throw TongxinException.rule("REGISTER_NEEDS_DOCUMENTS");
        }
        if (arrivalState != ArrivalState.REPORTED && arrivalState != ArrivalState.TRANSFERRED) {
            throw TongxinException.rule("REGISTER_NEEDS_SUBJECT");
        }
        status = CaseStatus.UNDER_CORRECTION;
        registeredAt = now;
        updatedAt = now;
        register(new CaseEvents.CaseRegistered(UUID.randomUUID(), id, countyAgencyId, now, actor));
    }

    public void teamFormed(int members, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        teamFormedAt = now;
        updatedAt = now;
        register(new CaseEvents.TeamFormed(UUID.randomUUID(), id, members, now, actor));
    }

    public void planMade(int number, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        planMadeAt = now;
        updatedAt = now;
        register(new CaseEvents.PlanMade(UUID.randomUUID(), id, number, now, actor));
    }

    public void announced(Instant heldAt, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        if (announcedAt != null) {
            throw TongxinException.conflict("ALREADY_ANNOUNCED");
        }
        announcedAt = heldAt;
        updatedAt = now;
        register(new CaseEvents.EntryAnnounced(UUID.randomUUID(), id, heldAt, now, actor));
    }

    // After intake: the processes of supervision, assessment and termination move the case (ADR 0021).

    /** UNDER_CORRECTION → IN_CUSTODY: the subject was detained by {@code organ} (CCL art. 32) or arrested (art. 47). */
    public void detain(CustodyKind kind, AgencyId organ, Instant at, Instant now, ActorRef actor) {
        if (status == CaseStatus.IN_CUSTODY) {
            throw TongxinException.conflict("ALREADY_IN_CUSTODY");
        }
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_UNDER_SUPERVISION");
        if (kind == CustodyKind.ARREST_PENDING_REVOCATION
                && correctionType != CorrectionType.PROBATION
                && correctionType != CorrectionType.PAROLE) {
            throw TongxinException.rule("ARREST_ONLY_FOR_REVOCATION");
        }
        status = CaseStatus.IN_CUSTODY;
        custodyKind = kind;
        detainingOrganId = organ;
        detainedAt = at;
        inCustody = true;
        updatedAt = now;
        register(new CaseEvents.SubjectDetained(UUID.randomUUID(), id, kind, organ, at, now, actor));
    }

    /** IN_CUSTODY → UNDER_CORRECTION: released from the detention; correction goes on. */
    public void release(Instant at, Instant now, ActorRef actor) {
        require(CaseStatus.IN_CUSTODY, "CASE_NOT_IN_CUSTODY");
        if (detainedAt != null && at.isBefore(detainedAt)) {
            throw TongxinException.rule("RELEASE_BEFORE_DETENTION");
        }
        CustodyKind kind = custodyKind;
        AgencyId organ = detainingOrganId;
        status = CaseStatus.UNDER_CORRECTION;
        custodyKind = null;
        detainingOrganId = null;
        detainedAt = null;
        inCustody = false;
        updatedAt = now;
        register(new CaseEvents.SubjectReleased(UUID.randomUUID(), id, kind, organ, at, now, actor));
    }

    /**
     * UNDER_CORRECTION or IN_CUSTODY → REVOKED: probation or parole revoked, or a temporary-execution subject taken
     * into custody (收监执行), on {@code rulingOrgan}'s ruling or decision of {@code ruledOn}. The kind must fit the
     * correction type (public surveillance cannot be revoked).
     */
    public void revoke(RevocationKind kind, AgencyId rulingOrgan, LocalDate ruledOn, Instant now, ActorRef actor) {
        requireInCorrection();
        if (kind == null || kind.appliesTo() != correctionType) {
            throw TongxinException.rule("REVOCATION_NOT_FOR_TYPE");
        }
        status = CaseStatus.REVOKED;
        revocationKind = kind;
        endedOn = ruledOn;
        updatedAt = now;
        register(new CaseEvents.CaseRevoked(UUID.randomUUID(), id, kind, rulingOrgan, ruledOn, now, actor));
    }

    /** UNDER_CORRECTION or IN_CUSTODY → TERMINATED: the term expired (not before its last day) or a pardon (CCL art. 44). */
    public void terminate(TerminationReason reason, LocalDate on, Instant now, ActorRef actor) {
        requireInCorrection();
        if (reason == TerminationReason.EXPIRY && termEnd != null && on.isBefore(termEnd)) {
            throw TongxinException.rule("TERM_NOT_EXPIRED");
        }
        status = CaseStatus.TERMINATED;
        terminationReason = reason;
        endedOn = on;
        inCustody = false;
        custodyKind = null;
        detainingOrganId = null;
        detainedAt = null;
        updatedAt = now;
        register(new CaseEvents.CaseTerminated(UUID.randomUUID(), id, reason, on, now, actor));
    }

    /** INTAKE, UNDER_CORRECTION or IN_CUSTODY → DECEASED: death ends correction (CCL art. 45). */
    public void died(LocalDate on, Instant now, ActorRef actor) {
        if (status != CaseStatus.INTAKE && status != CaseStatus.UNDER_CORRECTION && status != CaseStatus.IN_CUSTODY) {
            throw TongxinException.conflict("CASE_NOT_IN_CORRECTION");
        }
        CaseStatus before = status;
        status = CaseStatus.DECEASED;
        endedOn = on;
        updatedAt = now;
        register(new CaseEvents.SubjectDied(UUID.randomUUID(), id, before, now, actor));
    }

    /**
     * The place of execution changes (CCL art. 27; IM arts. 30–31): the case moves to another county agency, with
     * that place's office (if already chosen), procuratorate, police and policy region. Only under correction.
     */
    public void changePlaceOfExecution(
            AgencyId county,
            AgencyId office,
            AgencyId procuratorate,
            AgencyId police,
            String region,
            Instant now,
            ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_UNDER_SUPERVISION");
        if (county.equals(countyAgencyId)) {
            throw TongxinException.rule("SAME_PLACE_OF_EXECUTION");
        }
        CaseEvents.ExecutionPlaceChanged event = new CaseEvents.ExecutionPlaceChanged(
                UUID.randomUUID(),
                id,
                countyAgencyId,
                county,
                officeId,
                office,
                procuratorateId,
                procuratorate,
                policeId,
                police,
                policyRegion,
                region,
                now,
                actor);
        countyAgencyId = county;
        officeId = office;
        procuratorateId = procuratorate;
        policeId = police;
        policyRegion = region;
        updatedAt = now;
        register(event);
    }

    /** Sets or changes the supervision level (分类管理), in correction only; the reason's words are kept by the caller. */
    public void classify(SupervisionLevel level, LevelChangeReason reason, Instant now, ActorRef actor) {
        requireInCorrection();
        if (level == supervisionLevel) {
            throw TongxinException.rule("SAME_SUPERVISION_LEVEL");
        }
        SupervisionLevel before = supervisionLevel;
        supervisionLevel = level;
        updatedAt = now;
        register(new CaseEvents.SupervisionLevelChanged(UUID.randomUUID(), id, before, level, reason, now, actor));
    }

    /** A commutation ruling (CCL art. 33) moves the term's last day earlier, never before its first day. */
    public void changeTermEnd(LocalDate end, AgencyId rulingCourt, Instant now, ActorRef actor) {
        requireInCorrection();
        if (termEnd != null && !end.isBefore(termEnd)) {
            throw TongxinException.rule("TERM_END_NOT_REDUCED");
        }
        if (termStart != null && !end.isAfter(termStart)) {
            throw TongxinException.rule("TERM_END_BEFORE_START");
        }
        LocalDate before = termEnd;
        termEnd = end;
        updatedAt = now;
        register(new CaseEvents.TermEndChanged(UUID.randomUUID(), id, before, end, rulingCourt, now, actor));
    }

    /**
     * Seals a terminated case of an offence committed under 18 (CPL art. 286; CCL art. 54). Whether the sentence
     * qualifies (≤ 5 years) and who may read the case afterwards are decided by the caller and the access rules.
     */
    public void seal(Instant now, ActorRef actor) {
        if (sealedAt != null) {
            throw TongxinException.conflict("ALREADY_SEALED");
        }
        require(CaseStatus.TERMINATED, "CASE_NOT_TERMINATED");
        if (!minorAtOffence) {
            throw TongxinException.rule("SEAL_ONLY_FOR_MINORS");
        }
        sealedAt = now;
        updatedAt = now;
        register(new CaseEvents.CaseSealed(UUID.randomUUID(), id, now, actor));
    }

    private void requireInCorrection() {
        if (status != CaseStatus.UNDER_CORRECTION && status != CaseStatus.IN_CUSTODY) {
            throw TongxinException.conflict("CASE_NOT_IN_CORRECTION");
        }
    }

    private void require(CaseStatus expected, String code) {
        if (status != expected) {
            throw TongxinException.conflict(code);
        }
    }

    public CaseId id() {
        return id;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public AgencyId decisionOrganId() {
        return decisionOrganId;
    }

    public AgencyId countyAgencyId() {
        return countyAgencyId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public int version() {
        return version;
    }

    public boolean minorAtOffence() {
        return minorAtOffence;
    }

    public byte[] offenceDetails() {
        return offenceDetails;
    }

    public LocalDate judgmentDate() {
        return judgmentDate;
    }

    public OffenceCategory offenceCategory() {
        return offenceCategory;
    }

    public LocalDate offenceDate() {
        return offenceDate;
    }

    public LocalDate termStart() {
        return termStart;
    }

    public Integer sentenceMonths() {
        return sentenceMonths;
    }

    public LocalDate termEnd() {
        return termEnd;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The facts other modules work with (no personal data). */
    public org.tongxin.casefile.CaseViews.CaseFacts facts(org.tongxin.casefile.Gender subjectGender) {
        return new org.tongxin.casefile.CaseViews.CaseFacts(
                id,
                status,
                correctionType,
                decisionOrganId,
                countyAgencyId,
                officeId,
                procuratorateId,
                policeId,
                handoverInstitutionId,
                effectiveDate,
                inCustody,
                expedited,
                policyRegion,
                documentsState,
                arrivalState,
                arrivedAt,
                registeredAt,
                teamFormedAt,
                planMadeAt,
                announcedAt,
                subjectGender,
                minorAtOffence,
                caseNumber,
                termStart,
                termEnd,
                supervisionLevel,
                custodyKind,
                detainingOrganId,
                detainedAt,
                revocationKind,
                terminationReason,
                endedOn,
                sealedAt != null,
                sentenceMonths);
    }

    public SupervisionLevel supervisionLevel() {
        return supervisionLevel;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public AgencyId officeId() {
        return officeId;
    }

    public AgencyId procuratorateId() {
        return procuratorateId;
    }

    public AgencyId policeId() {
        return policeId;
    }

    public CaseStatus status() {
        return status;
    }

    /** Sets the offence (category, encrypted details, date, charges) and whether the subject was then a minor. */
    public void offence(OffenceCategory category, byte[] details, LocalDate date, List<String> charges, boolean minor) {
        offenceCategory = category;
        offenceDetails = details;
        offenceDate = date;
        this.charges = charges == null ? List.of() : List.copyOf(charges);
        minorAtOffence = minor;
    }

    /** The charges (罪名) by their names; empty for a case opened before they were recorded. */
    public List<String> charges() {
        return charges;
    }
}
