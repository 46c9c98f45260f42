package org.tongxin.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewAssessment;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.internal.CaseRepository;
import org.tongxin.casefile.internal.CaseRules;
import org.tongxin.casefile.internal.CorrectionCase;
import org.tongxin.casefile.internal.SubjectWriter;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * Changes cases: open one (an entrusted assessment, or a decided case), decide, record the subject's arrival,
 * register, assign an office, form the team, make the plan, hold the entry announcement. Each of these commands checks
 * the caller's lawful role and right (404 / 403), validates as a whole, saves with optimistic locking (stale → 409),
 * audits and publishes the case's event. After intake the processes of supervision, assessment and termination move
 * the case through the transitions below ({@link #detain}, {@link #release}, {@link #revoke}, {@link #terminate},
 * {@link #recordDeath}, {@link #changePlaceOfExecution}, {@link #changeSupervisionLevel}, {@link #changeTermEnd},
 * {@link #seal}) and grant or remove the parties they need ({@link #grant}, {@link #removeGrant}): the process
 * checks its caller's right for its own command and calls these in the same transaction (ADR 0021).
 */
@Component
public class CaseManagement {

    private final org.tongxin.casefile.internal.SealedRecords sealed;

    static final Set<Role> DECIDERS = EnumSet.of(Role.COURT_CLERK, Role.JUDGE, Role.POLICE_OFFICER);
    static final Set<Role> COUNTY = Role.COUNTY;
    static final Set<Role> COUNTY_AND_OFFICE = Role.CORRECTION_STAFF;
    private static final Set<Participation> DECISION = EnumSet.of(Participation.DECISION_ORGAN);
    private static final Set<Participation> EXECUTING = EnumSet.of(Participation.EXECUTING_AGENCY);
    private static final Set<Participation> TEAM =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private final CaseRepository cases;
    private final SubjectWriter writer;
    private final CaseRules rules;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final org.tongxin.casefile.internal.SubjectCodec codec;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyModels regions;

    CaseManagement(
            CaseRepository cases,
            SubjectWriter writer,
            CaseRules rules,
            CaseAccess access,
            CurrentUser currentUser,
            AgencyDirectory agencies,
            org.tongxin.casefile.internal.SubjectCodec codec,
            AuditLog audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock,
            PolicyModels regions,
            org.tongxin.casefile.internal.SealedRecords sealed) {
        this.sealed = sealed;
        this.cases = cases;
        this.writer = writer;
        this.rules = rules;
        this.access = access;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.codec = codec;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.regions = regions;
    }

    /** A court (or other decision organ) entrusts an investigation assessment of a person (CCL art. 18). */
    @Transactional
    public CaseId entrustAssessment(NewAssessment request) {
        TongxinPrincipal me = requireDecider();
        LocalDate today = LegalTime.today(clock);
        FieldProblems problems = new FieldProblems();
        OffenceData offence = request.offence();
        rules.subject(request.subject(), offence == null ? null : offence.offenceDate(), today, "subject.", problems);
        rules.offence(offence, today, problems);
        CaseRules.caseNumber(request.caseNumber(), "caseNumber", false, problems);
        CaseId id = CaseId.of(UUID.randomUUID());
        requireUnusedNumber(
                me.agency(), request.caseNumber(), personHash(request.subject()), id, "caseNumber", problems);
        AgencyView assessing = null;
        if (request.assessingAgencyId() != null) {
            assessing = agencies.find(request.assessingAgencyId()).orElse(null);
            if (assessing == null
                    || !assessing.active()
                    || (assessing.type() != AgencyType.CORRECTION_AGENCY
                            && assessing.type() != AgencyType.SOCIAL_ORGANISATION)) {
                problems.add("assessingAgencyId", "assessingAgency");
            }
        } else if (request.subject() != null && request.subject().residenceDivision() != null) {
            assessing = countyAgencyFor(request.subject().residenceDivision(), "assessingAgencyId", problems);
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        SubjectWriter.Link subject = writer.subject(request.subject(), now);
        UUID subjectId = subject.subjectId();
        String region = regions.regionFor(request.subject().residenceDivision());
        CorrectionCase c = CorrectionCase.assessing(
                id,
                subjectId,
                me.agency(),
                assessing.id(),
                request.expedited(),
                blankToNull(request.caseNumber()),
                region,
                now,
                currentUser.ref());
        writer.offence(c, offence, request.subject().birthDate());
        cases.insert(c);
        writer.linked(subject, id, me.agency(), now, currentUser.ref());
        publish(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.assessment-entrusted")
                .target("case", id)
                .subjects(List.of(subjectId)));
        return id;
    }

    /** A decision organ records a decision on an assessed case (ASSESSING → INTAKE). */
    @Transactional
    public void decide(CaseId id, int version, DecisionData decision) {
        CorrectionCase c = load(id);
        CaseAccessDecision decisionAccess = access.require(sealed.parties(id));
        access.requireAction(decisionAccess, EnumSet.of(Participation.DECISION_ORGAN), DECIDERS, "NOT_DECISION_ORGAN");
        stale(c, version);
        FieldProblems problems = new FieldProblems();
        rules.decision(decision, LegalTime.today(clock), problems);
        if (problems.isEmpty()) {
            requireUnusedNumber(
                    c.decisionOrganId(),
                    decision.caseNumber(),
                    cases.caseSubject(id).map(s -> List.of(s.idNumberHash())).orElse(null),
                    id,
                    "decision.caseNumber",
                    problems);
        }
        problems.throwIfAny();
        Placement placement =
                placement(decision, cases.caseSubject(id).orElseThrow().residenceDivision());
        decide(c, decision, placement, clock.instant());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.decided")
                .target("case", id)
                .subjects(List.of(c.subjectId())));
    }

    /** A case decided without an entrusted assessment before it (e.g. parole, or an assessment done elsewhere). */
    @Transactional
    public CaseId openDecided(NewDecidedCase request) {
        TongxinPrincipal me = requireDecider();
        LocalDate today = LegalTime.today(clock);
        FieldProblems problems = new FieldProblems();
        OffenceData offence = request.offence();
        rules.subject(request.subject(), offence == null ? null : offence.offenceDate(), today, "subject.", problems);
        rules.offence(offence, today, problems);
        rules.decision(request.decision(), today, problems);
        CaseId id = CaseId.of(UUID.randomUUID());
        if (problems.isEmpty()) {
            requireUnusedNumber(
                    me.agency(),
                    request.decision().caseNumber(),
                    personHash(request.subject()),
                    id,
                    "decision.caseNumber",
                    problems);
        }
        Placement placement = null;
        if (problems.isEmpty()) {
            placement = placement(request.decision(), request.subject().residenceDivision());
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        SubjectWriter.Link subject = writer.subject(request.subject(), now);
        UUID subjectId = subject.subjectId();
        CorrectionCase c = CorrectionCase.decided(id, subjectId, me.agency(), now, currentUser.ref());
        writer.offence(c, offence, request.subject().birthDate());
        decide(c, request.decision(), placement, now);
        cases.insert(c);
        writer.linked(subject, id, me.agency(), now, currentUser.ref());
        publish(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.decided")
                .target("case", id)
                .subjects(List.of(subjectId)));
        return id;
    }

    /** The organ decided not to apply community correction after the assessment. */
    @Transactional
    public void withdraw(CaseId id, int version) {
        CorrectionCase c = command(id, version, DECISION, DECIDERS, "NOT_DECISION_ORGAN");
        c.withdraw(clock.instant(), currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.withdrawn").target("case", id));
    }

    /** The subject reported in to the county agency, or was handed over by the prison, detention centre or police. */
    @Transactional
    public void recordArrival(CaseId id, int version, boolean handedOver, Instant arrivedAt) {
        CorrectionCase c = load(id);
        CaseAccessDecision decision = access.require(sealed.parties(id));
        if (handedOver) {
            access.requireAction(
                    decision,
                    EnumSet.of(Participation.EXECUTING_AGENCY, Participation.HANDOVER_INSTITUTION),
                    EnumSet.of(Role.COUNTY_OFFICER, Role.COUNTY_HEAD, Role.PRISON_OFFICER, Role.POLICE_OFFICER),
                    "NOT_EXECUTING_AGENCY");
        } else {
            access.requireAction(decision, EXECUTING, COUNTY, "NOT_EXECUTING_AGENCY");
        }
        stale(c, version);
        Instant now = clock.instant();
        Instant at = arrivedAt == null ? now : arrivedAt;
        if (at.isAfter(now)) {
            throw TongxinException.invalid("arrivedAt", "past");
        }
        c.arrived(handedOver, at, now, currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, handedOver ? "case.transferred" : "case.reported")
                .target("case", id));
    }

    /** The county agency assigns the case to one of its judicial offices. */
    @Transactional
    public void assignOffice(CaseId id, int version, AgencyId officeId) {
        CorrectionCase c = command(id, version, EXECUTING, COUNTY, "NOT_EXECUTING_AGENCY");
        AgencyView office = officeId == null ? null : agencies.find(officeId).orElse(null);
        if (office == null
                || office.type() != AgencyType.JUDICIAL_OFFICE
                || !office.active()
                || !c.countyAgencyId().equals(office.parentId())) {
            throw TongxinException.invalid("officeId", "officeOfCounty");
        }
        c.assignOffice(office.id(), clock.instant(), currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.office-assigned")
                .target("case", id)
                .detail("office", officeId));
    }

    /** The county agency registers the subject: documents checked, identity verified, file opened (CCL art. 22). */
    @Transactional
    public void register(CaseId id, int version) {
        CorrectionCase c = command(id, version, EXECUTING, COUNTY, "NOT_EXECUTING_AGENCY");
        c.register(clock.instant(), currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.registered").target("case", id));
    }

    /** Forms (or re-forms) the correction team; a female subject's team must include a woman (CCL art. 25). */
    @Transactional
    public void formTeam(CaseId id, int version, List<TeamMember> members) {
        CorrectionCase c = command(id, version, TEAM, COUNTY_AND_OFFICE, "NOT_CASE_TEAM");
        FieldProblems problems = new FieldProblems();
        rules.team(members, cases.caseSubject(id).orElseThrow().gender(), problems);
        problems.throwIfAny();
        cases.replaceTeam(
                id,
                members.stream()
                        .map(m -> new TeamMember(m.name().strip(), m.role(), m.gender(), m.agencyId()))
                        .toList());
        c.teamFormed(members.size(), clock.instant(), currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.team").target("case", id));
    }

    /** Makes a new version of the individual correction plan (CCL art. 24); stored encrypted. Returns its number. */
    @Transactional
    public int makePlan(CaseId id, int version, String content) {
        CorrectionCase c = command(id, version, TEAM, COUNTY_AND_OFFICE, "NOT_CASE_TEAM");
        if (content == null || content.strip().length() < 20) {
            throw TongxinException.invalid("content", "planTooShort", 20);
        }
        if (content.length() > 20_000) {
            throw TongxinException.invalid("content", "maxLength", 20_000);
        }
        Instant now = clock.instant();
        int number = cases.insertPlan(
                id,
                codec.encrypt(content.strip(), "casefile_plan.content"),
                now,
                currentUser.get().userId());
        c.planMade(number, now, currentUser.ref());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.plan")
                .target("case", id)
                .detail("number", number));
        return number;
    }

    /** Records the entry announcement as held by the county agency or the entrusted office (CCL art. 22; IM art. 19). */
    @Transactional
    public void announce(CaseId id, int version, AnnouncementData announcement) {
        CorrectionCase c = command(id, version, TEAM, COUNTY_AND_OFFICE, "NOT_CASE_TEAM");
        FieldProblems problems = new FieldProblems();
        Instant now = clock.instant();
        if (announcement == null || announcement.heldAt() == null) {
            problems.add("heldAt", "required");
        } else if (announcement.heldAt().isAfter(now)) {
            problems.add("heldAt", "past");
        } else if (c.registeredAt() != null && announcement.heldAt().isBefore(c.registeredAt())) {
            problems.add("heldAt", "announcedBeforeRegistration");
        }
        if (announcement == null
                || announcement.place() == null
                || announcement.place().isBlank()) {
            problems.add("place", "required");
        } else if (announcement.place().length() > 200) {
            problems.add("place", "maxLength", 200);
        }
        if (announcement == null
                || announcement.attendees() == null
                || announcement.attendees().isBlank()) {
            problems.add("attendees", "required");
        } else if (announcement.attendees().length() > 500) {
            problems.add("attendees", "maxLength", 500);
        }
        problems.throwIfAny();
        c.announced(announcement.heldAt(), now, currentUser.ref());
        cases.insertAnnouncement(
                id,
                new AnnouncementData(
                        announcement.heldAt(),
                        announcement.place().strip(),
                        announcement.attendees().strip()),
                currentUser.get().agency());
        save(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.announced").target("case", id));
    }

    // Commands of the system (procedure listeners): no caller to check.

    /** Records where the legal documents stand, as the exchange reports it. */
    @Transactional
    public void documentsState(CaseId id, DocumentsState state) {
        CorrectionCase c = load(id);
        c.documents(state, clock.instant(), ActorRef.SYSTEM);
        saveUnchecked(c);
    }

    /** The reporting period lapsed without the subject: the search is on. */
    @Transactional
    public void subjectMissing(CaseId id) {
        CorrectionCase c = load(id);
        c.missing(clock.instant());
        saveUnchecked(c);
    }

    /** Gives an agency a lawful role in a case (escalation, coordination, a referral, a process's party). Idempotent. */
    @Transactional
    public void grant(CaseId id, AgencyId agency, Participation participation) {
        cases.lockParty(id, agency);
        cases.addParty(id, agency, participation, clock.instant());
    }

    /**
     * Ends a lawful role a process granted (a consultation that came to nothing, a ruling organ that has ruled, a grant
     * that expired); idempotent. The roles that follow from the case's own fields (decision organ, executing agency,
     * assigned office, copied procuratorate and police, handover institution) change only with those fields.
     */
    @Transactional
    public boolean removeGrant(CaseId id, AgencyId agency, Participation participation) {
        if (org.tongxin.casefile.internal.CaseRepository.DERIVED.contains(participation)) {
            throw new IllegalArgumentException(participation + " follows from the case's fields and cannot be removed");
        }
        boolean removed = cases.removeParty(id, agency, participation);
        if (removed) {
            audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.party.removed")
                    .target("case", id)
                    .detail("agency", agency)
                    .detail("participation", participation));
        }
        return removed;
    }

    // Commands of the processes after intake (ADR 0021). The process module checks that its caller may give the command
    // (404 / 403) and calls the transition in the same transaction; these check the input (400), the case's state (409)
    // and the rules (422), save against the case's current version, audit, and publish the case's event. The actor is
    // the logged-in user, or the system when a listener or job calls.

    /**
     * The subject was detained during correction or arrested pending a revocation ruling (UNDER_CORRECTION →
     * IN_CUSTODY). {@code detainingOrgan} is the police, procuratorate or court that decided it (a court for an arrest);
     * it becomes a party (DETAINING_ORGAN) so that it can deliver its notice in the case.
     */
    @Transactional
    public void detain(CaseId id, CustodyKind kind, AgencyId detainingOrgan, Instant detainedAt) {
        CorrectionCase c = load(id);
        Instant now = clock.instant();
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        AgencyView organ =
                detainingOrgan == null ? null : agencies.find(detainingOrgan).orElse(null);
        if (organ == null) {
            problems.add("detainingOrganId", "required");
        } else if (!organ.active() || !DETAINING_TYPES.contains(organ.type())) {
            problems.add("detainingOrganId", "detainingOrgan");
        } else if (kind == CustodyKind.ARREST_PENDING_REVOCATION
                && !organ.type().isCourt()) {
            problems.add("detainingOrganId", "arrestByCourt");
        }
        past(problems, "detainedAt", detainedAt, now);
        if (detainedAt != null && c.registeredAt() != null && detainedAt.isBefore(c.registeredAt())) {
            problems.add("detainedAt", "beforeRegistration");
        }
        problems.throwIfAny();
        c.detain(kind, organ.id(), detainedAt, now, currentUser.ref());
        saveUnchecked(c);
        cases.addParty(id, organ.id(), Participation.DETAINING_ORGAN, now);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.detained")
                .target("case", id)
                .detail("kind", kind)
                .detail("organ", organ.id()));
    }

    /** The subject was released from custody during correction (IN_CUSTODY → UNDER_CORRECTION). */
    @Transactional
    public void release(CaseId id, Instant releasedAt) {
        CorrectionCase c = load(id);
        Instant now = clock.instant();
        FieldProblems problems = new FieldProblems();
        past(problems, "releasedAt", releasedAt, now);
        problems.throwIfAny();
        c.release(releasedAt, now, currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.released").target("case", id));
    }

    /**
     * Probation or parole revoked, or 收监执行 decided, by {@code rulingOrgan} on {@code ruledOn} (UNDER_CORRECTION or
     * IN_CUSTODY → REVOKED). The kind must fit the case's correction type (422 REVOCATION_NOT_FOR_TYPE).
     */
    @Transactional
    public void revoke(CaseId id, RevocationKind kind, AgencyId rulingOrgan, LocalDate ruledOn) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        AgencyView organ =
                rulingOrgan == null ? null : agencies.find(rulingOrgan).orElse(null);
        if (organ == null) {
            problems.add("rulingOrganId", "required");
        } else if (!organ.active() || !RULING_TYPES.contains(organ.type())) {
            problems.add("rulingOrganId", "rulingOrgan");
        }
        pastDate(problems, "ruledOn", ruledOn);
        problems.throwIfAny();
        c.revoke(kind, organ.id(), ruledOn, clock.instant(), currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.revoked")
                .target("case", id)
                .detail("kind", kind));
    }

    /** Correction ends on expiry of the term (not before its last day) or by pardon (→ TERMINATED, CCL art. 44). */
    @Transactional
    public void terminate(CaseId id, TerminationReason reason, LocalDate endedOn) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        if (reason == null) {
            problems.add("reason", "required");
        }
        pastDate(problems, "endedOn", endedOn);
        problems.throwIfAny();
        c.terminate(reason, endedOn, clock.instant(), currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.terminated")
                .target("case", id)
                .detail("reason", reason));
    }

    /** The subject died on {@code diedOn} (→ DECEASED, CCL art. 45). */
    @Transactional
    public void recordDeath(CaseId id, LocalDate diedOn) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        pastDate(problems, "diedOn", diedOn);
        problems.throwIfAny();
        c.died(diedOn, clock.instant(), currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.deceased").target("case", id));
    }

    /**
     * The place of execution moves to {@code newCountyAgency} (CCL art. 27), with one of its judicial offices if already
     * chosen (else the new county assigns one); the procuratorate, police and policy region follow the new place. The
     * former county agency and office become FORMER_EXECUTING_AGENCY and FORMER_ASSIGNED_OFFICE; a RECEIVING_AGENCY grant
     * of the new agency ends, as it is now the executing agency.
     */
    @Transactional
    public void changePlaceOfExecution(CaseId id, AgencyId newCountyAgency, AgencyId newOffice) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        AgencyView county =
                newCountyAgency == null ? null : agencies.find(newCountyAgency).orElse(null);
        if (county == null) {
            problems.add("countyAgencyId", "required");
        } else if (!county.active()
                || county.type() != AgencyType.CORRECTION_AGENCY
                || county.level() != AgencyLevel.COUNTY) {
            problems.add("countyAgencyId", "countyAgency");
        }
        AgencyView office = newOffice == null ? null : agencies.find(newOffice).orElse(null);
        if (newOffice != null
                && (office == null
                        || office.type() != AgencyType.JUDICIAL_OFFICE
                        || !office.active()
                        || county == null
                        || !county.id().equals(office.parentId()))) {
            problems.add("officeId", "officeOfCounty");
        }
        problems.throwIfAny();
        AgencyId formerCounty = c.countyAgencyId();
        AgencyId formerOffice = c.officeId();
        AgencyId procuratorate =
                first(agencies.serving(AgencyType.PROCURATORATE, AgencyLevel.COUNTY, county.divisionCode()));
        AgencyId police =
                first(agencies.serving(AgencyType.PUBLIC_SECURITY, AgencyLevel.COUNTY, county.divisionCode()));
        Instant now = clock.instant();
        c.changePlaceOfExecution(
                county.id(),
                office == null ? null : office.id(),
                procuratorate,
                police,
                regions.regionFor(county.divisionCode()),
                now,
                currentUser.ref());
        saveUnchecked(c);
        cases.addParty(id, formerCounty, Participation.FORMER_EXECUTING_AGENCY, now);
        if (formerOffice != null) {
            cases.addParty(id, formerOffice, Participation.FORMER_ASSIGNED_OFFICE, now);
        }
        cases.removeParty(id, county.id(), Participation.RECEIVING_AGENCY);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.place-changed")
                .target("case", id)
                .detail("from", formerCounty)
                .detail("to", county.id()));
    }

    /**
     * Sets or changes the subject's supervision level (分类管理) with its reason: a code, and words (required for OTHER;
     * at most 500 characters; kept encrypted in the case file, never in the event).
     */
    @Transactional
    public void changeSupervisionLevel(CaseId id, SupervisionLevel level, LevelChangeReason reason, String note) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        if (level == null) {
            problems.add("level", "required");
        }
        if (reason == null) {
            problems.add("reason", "required");
        }
        String words = blankToNull(note);
        if (words == null && reason == LevelChangeReason.OTHER) {
            problems.add("note", "reasonForOther");
        } else if (words != null && words.length() > 500) {
            problems.add("note", "maxLength", 500);
        }
        problems.throwIfAny();
        SupervisionLevel before = c.supervisionLevel();
        Instant now = clock.instant();
        c.classify(level, reason, now, currentUser.ref());
        saveUnchecked(c);
        cases.insertLevelChange(
                id,
                now,
                before,
                level,
                reason,
                words == null ? null : codec.encrypt(words, "casefile_supervision_level.note"),
                currentUser.find().map(TongxinPrincipal::userId).orElse(null));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.supervision-level")
                .target("case", id)
                .detail("level", level)
                .detail("reason", reason));
    }

    /** A commutation ruling of {@code rulingCourt} moves the term's last day earlier, to {@code newEnd} (CCL art. 33). */
    @Transactional
    public void changeTermEnd(CaseId id, LocalDate newEnd, AgencyId rulingCourt) {
        CorrectionCase c = load(id);
        FieldProblems problems = new FieldProblems();
        if (newEnd == null) {
            problems.add("termEnd", "required");
        }
        AgencyView court =
                rulingCourt == null ? null : agencies.find(rulingCourt).orElse(null);
        if (court == null) {
            problems.add("rulingCourtId", "required");
        } else if (!court.type().isCourt()) {
            problems.add("rulingCourtId", "court");
        }
        problems.throwIfAny();
        c.changeTermEnd(newEnd, court.id(), clock.instant(), currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.term-end")
                .target("case", id)
                .detail("termEnd", newEnd));
    }

    /**
     * Seals a minor's terminated case (CPL art. 286). The caller has established that the record qualifies; who may read a
     * sealed case is decided by the access rules for sealed records.
     */
    @Transactional
    public void seal(CaseId id) {
        CorrectionCase c = load(id);
        c.seal(clock.instant(), currentUser.ref());
        saveUnchecked(c);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.sealed").target("case", id));
    }

    /** The changes of a case's supervision level, newest first, with their reasons in words (the case's own parties). */
    @Transactional(readOnly = true)
    public List<LevelChange> levelChanges(CaseId id) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        boolean words = decision.holdsAny(CaseDirectory.PROTECTED_FIELDS);
        return cases.levelChanges(id).stream()
                .map(r -> new LevelChange(
                        r.changedAt(),
                        r.from(),
                        r.to(),
                        r.reason(),
                        words && r.note() != null ? codec.decrypt(r.note(), "casefile_supervision_level.note") : null))
                .toList();
    }

    /** A change of the supervision level as its readers see it ({@code note} only for parties who see protected fields). */
    public record LevelChange(
            Instant changedAt, SupervisionLevel from, SupervisionLevel to, LevelChangeReason reason, String note) {}

    /**
     * Takes back a role granted for a task once the task ended (a referral declined, withdrawn or completed), unless
     * {@code stillNeeded} finds another task of the agency in the case; serialised with {@link #grant} per case and
     * agency, so a task granted concurrently keeps its role.
     */
    @Transactional
    public void revokeGrant(
            CaseId id, AgencyId agency, Participation participation, java.util.function.BooleanSupplier stillNeeded) {
        cases.lockParty(id, agency);
        if (!stillNeeded.getAsBoolean()) {
            cases.removeParty(id, agency, participation);
        }
    }

    // Helpers

    /** Who may detain or arrest a subject (有关机关, CCL art. 32; the court for an arrest, art. 47). */
    static final Set<AgencyType> DETAINING_TYPES = EnumSet.of(
            AgencyType.PUBLIC_SECURITY,
            AgencyType.POLICE_STATION,
            AgencyType.PROCURATORATE,
            AgencyType.BASIC_COURT,
            AgencyType.INTERMEDIATE_COURT);
    /** Who rules on revocation or decides on custody: courts, and police approving temporary execution (CCL arts. 48–49). */
    static final Set<AgencyType> RULING_TYPES = EnumSet.of(
            AgencyType.BASIC_COURT, AgencyType.INTERMEDIATE_COURT, AgencyType.PUBLIC_SECURITY, AgencyType.PRISON);

    private static void past(FieldProblems problems, String field, Instant at, Instant now) {
        if (at == null) {
            problems.add(field, "required");
        } else if (at.isAfter(now)) {
            problems.add(field, "past");
        }
    }

    private void pastDate(FieldProblems problems, String field, LocalDate date) {
        if (date == null) {
            problems.add(field, "required");
        } else if (date.isAfter(LegalTime.today(clock))) {
            problems.add(field, "past");
        }
    }

    private record Placement(AgencyView county, AgencyId procuratorate, AgencyId police) {}

    /** The place of execution: the chosen (or residence's) county agency, and the procuratorate and police there. */
    private Placement placement(DecisionData decision, String residenceDivision) {
        FieldProblems problems = new FieldProblems();
        AgencyView county;
        if (decision.countyAgencyId() != null) {
            county = agencies.find(decision.countyAgencyId()).orElse(null);
            if (county == null
                    || !county.active()
                    || county.type() != AgencyType.CORRECTION_AGENCY
                    || county.level() != AgencyLevel.COUNTY) {
                problems.add("decision.countyAgencyId", "countyAgency");
            }
        } else {
            county = countyAgencyFor(residenceDivision, "decision.countyAgencyId", problems);
        }
        if (decision.handoverInstitutionId() != null) {
            AgencyView institution =
                    agencies.find(decision.handoverInstitutionId()).orElse(null);
            if (institution == null
                    || !(institution.type() == AgencyType.PRISON
                            || institution.type() == AgencyType.DETENTION_CENTRE
                            || institution.type() == AgencyType.PUBLIC_SECURITY)) {
                problems.add("decision.handoverInstitutionId", "institutionForTemporaryExecution");
            }
        }
        problems.throwIfAny();
        AgencyId procuratorate =
                first(agencies.serving(AgencyType.PROCURATORATE, AgencyLevel.COUNTY, county.divisionCode()));
        AgencyId police =
                first(agencies.serving(AgencyType.PUBLIC_SECURITY, AgencyLevel.COUNTY, county.divisionCode()));
        return new Placement(county, procuratorate, police);
    }

    private AgencyView countyAgencyFor(String division, String field, FieldProblems problems) {
        List<AgencyView> serving = agencies.serving(AgencyType.CORRECTION_AGENCY, AgencyLevel.COUNTY, division);
        if (serving.isEmpty()) {
            problems.add(field, "noCountyAgency");
            return null;
        }
        return serving.get(0);
    }

    private static AgencyId first(List<AgencyView> list) {
        return list.isEmpty() ? null : list.get(0).id();
    }

    /**
     * A decision organ's case number names one case per person (the table's constraint; co-defendants of one judgment
     * share its number, each with a case of their own): a number already used for the same person is a field problem,
     * not a failed insert. Checked across all cases (system scope), as the constraint is.
     */
    private void requireUnusedNumber(
            AgencyId organ, String number, List<byte[]> person, CaseId self, String field, FieldProblems problems) {
        if (number == null || number.isBlank() || person == null || problems.has(field)) {
            return;
        }
        if (cases.caseNumberTaken(organ, number.strip(), person, self)) {
            problems.add(field, "taken");
        }
    }

    /** The keyed hashes that identify a person by their identity number, one per live key (null without a number). */
    private List<byte[]> personHash(CaseData.SubjectData subject) {
        return subject == null
                        || subject.idNumber() == null
                        || subject.idNumber().isBlank()
                ? null
                : codec.idHashes(subject.idNumber());
    }

    private TongxinPrincipal requireDecider() {
        TongxinPrincipal me = currentUser.get();
        if (me.roles().stream().noneMatch(DECIDERS::contains)) {
            throw TongxinException.forbidden("NOT_DECISION_ORGAN");
        }
        AgencyView agency = agencies.get(me.agency());
        boolean court = agency.type().isCourt();
        boolean cityPolice = agency.type() == AgencyType.PUBLIC_SECURITY && agency.level() != AgencyLevel.COUNTY;
        if (!court && !cityPolice) {
            throw TongxinException.forbidden("NOT_DECISION_ORGAN");
        }
        return me;
    }

    private CorrectionCase load(CaseId id) {
        return cases.find(id).orElseThrow(TongxinException::notFound);
    }

    /**
     * The case a user's command changes: 404 without a lawful role in it, 403 {@code refusal} unless one of
     * {@code parties} with one of {@code roles}, 409 when it changed since the version the user saw.
     */
    private CorrectionCase command(
            CaseId id, int version, Set<Participation> parties, Set<Role> roles, String refusal) {
        CorrectionCase c = load(id);
        access.requireAction(access.require(sealed.parties(id)), parties, roles, refusal);
        stale(c, version);
        return c;
    }

    private static void stale(CorrectionCase c, int version) {
        if (c.version() != version) {
            throw TongxinException.staleVersion();
        }
    }

    private void save(CorrectionCase c) {
        if (!cases.update(c)) {
            throw TongxinException.staleVersion();
        }
        publish(c);
    }

    private void saveUnchecked(CorrectionCase c) {
        // System updates retry once against the current version (they carry no stale user input).
        if (!cases.update(c)) {
            throw TongxinException.staleVersion();
        }
        publish(c);
    }

    private void publish(CorrectionCase c) {
        c.pullEvents().forEach(events::publishEvent);
    }

    private void decide(CorrectionCase c, DecisionData d, Placement placement, Instant now) {
        c.decide(
                d.correctionType(),
                d.caseNumber().strip(),
                d.judgmentDate(),
                d.effectiveDate(),
                d.termStart(),
                d.termEnd(),
                d.sentenceMonths(),
                placement.county().id(),
                placement.procuratorate(),
                placement.police(),
                d.handoverInstitutionId(),
                d.inCustody(),
                regions.regionFor(placement.county().divisionCode()),
                now,
                currentUser.ref());
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
