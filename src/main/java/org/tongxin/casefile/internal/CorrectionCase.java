package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseEvents;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * The case aggregate and its state machine (STYLE.md 7): one method per transition, each guarded by the current
 * state, each recording the event it causes. INTAKE tracks the documents and the subject's arrival in parallel;
 * registration needs both.
 */
public final class CorrectionCase {

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
    boolean minorAtOffence;
    LocalDate termStart;
    LocalDate termEnd;
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
    UUID createdBy;
    Instant createdAt;
    Instant updatedAt;
    int version;

    private final List<Object> events = new ArrayList<>();

    CorrectionCase(CaseId id, UUID subjectId) {
        this.id = id;
        this.subjectId = subjectId;
    }

    /** A new case for an entrusted assessment. */
    public static CorrectionCase assessing(CaseId id, UUID subjectId, AgencyId entrustingOrgan, AgencyId assessingAgency,
            boolean expedited, String caseNumber, String region, Instant now, ActorRef actor) {
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
        c.events.add(new CaseEvents.AssessmentEntrusted(UUID.randomUUID(), id, entrustingOrgan, assessingAgency, expedited,
                region, now, actor));
        return c;
    }

    /** A new case opened with its decision. */
    public static CorrectionCase decided(CaseId id, UUID subjectId, AgencyId decisionOrgan, Instant now, ActorRef actor) {
        CorrectionCase c = new CorrectionCase(id, subjectId);
        c.status = CaseStatus.ASSESSING;
        c.decisionOrganId = decisionOrgan;
        c.createdBy = actor.userId();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** ASSESSING → INTAKE: community correction was decided. */
    public void decide(CorrectionType type, String number, LocalDate judgment, LocalDate effective, LocalDate start, LocalDate end,
            AgencyId county, AgencyId procuratorate, AgencyId police, AgencyId institution, boolean custody, String region,
            Instant now, ActorRef actor) {
        require(CaseStatus.ASSESSING, "CASE_NOT_ASSESSING");
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
        events.add(new CaseEvents.CaseDecided(UUID.randomUUID(), id, type, effective, decisionOrganId, county, procuratorate,
                police, institution, custody, region, now, actor));
    }

    /** ASSESSING → WITHDRAWN: not applied after the assessment. */
    public void withdraw(Instant now, ActorRef actor) {
        require(CaseStatus.ASSESSING, "CASE_NOT_ASSESSING");
        status = CaseStatus.WITHDRAWN;
        updatedAt = now;
        events.add(new CaseEvents.CaseWithdrawn(UUID.randomUUID(), id, now, actor));
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
        events.add(new CaseEvents.SubjectArrived(UUID.randomUUID(), id, handedOver, at, now, actor));
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
        events.add(new CaseEvents.DocumentsStateChanged(UUID.randomUUID(), id, state, now, actor));
    }

    public void assignOffice(AgencyId office, Instant now, ActorRef actor) {
        if (status != CaseStatus.INTAKE && status != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("CASE_NOT_IN_INTAKE");
        }
        officeId = office;
        updatedAt = now;
        events.add(new CaseEvents.OfficeAssigned(UUID.randomUUID(), id, office, now, actor));
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
        events.add(new CaseEvents.CaseRegistered(UUID.randomUUID(), id, countyAgencyId, now, actor));
    }

    public void teamFormed(int members, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        teamFormedAt = now;
        updatedAt = now;
        events.add(new CaseEvents.TeamFormed(UUID.randomUUID(), id, members, now, actor));
    }

    public void planMade(int number, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        planMadeAt = now;
        updatedAt = now;
        events.add(new CaseEvents.PlanMade(UUID.randomUUID(), id, number, now, actor));
    }

    public void announced(Instant heldAt, Instant now, ActorRef actor) {
        require(CaseStatus.UNDER_CORRECTION, "CASE_NOT_REGISTERED");
        if (announcedAt != null) {
            throw TongxinException.conflict("ALREADY_ANNOUNCED");
        }
        announcedAt = heldAt;
        updatedAt = now;
        events.add(new CaseEvents.EntryAnnounced(UUID.randomUUID(), id, heldAt, now, actor));
    }

    private void require(CaseStatus expected, String code) {
        if (status != expected) {
            throw TongxinException.conflict(code);
        }
    }

    public List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
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
        return new org.tongxin.casefile.CaseViews.CaseFacts(id, status, correctionType, decisionOrganId, countyAgencyId, officeId,
                procuratorateId, policeId, handoverInstitutionId, effectiveDate, inCustody, expedited, policyRegion,
                documentsState, arrivalState, arrivedAt, registeredAt, teamFormedAt, planMadeAt, announcedAt, subjectGender,
                minorAtOffence, caseNumber, termStart, termEnd);
    }

    /** Sets the offence (category, encrypted details, date) and whether the subject was then a minor. */
    public void offence(OffenceCategory category, byte[] details, LocalDate date, boolean minor) {
        offenceCategory = category;
        offenceDetails = details;
        offenceDate = date;
        minorAtOffence = minor;
    }
}
