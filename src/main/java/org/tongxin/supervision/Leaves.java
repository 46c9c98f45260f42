package org.tongxin.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseDocumentAccess;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.PolicySettings;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.LeaveViews.LeaveView;
import org.tongxin.supervision.LeaveViews.NewLeave;
import org.tongxin.supervision.LeaveViews.Notice;
import org.tongxin.supervision.leave.LeaveNotices;
import org.tongxin.supervision.leave.LeaveRepository;
import org.tongxin.supervision.leave.LeaveRequest;

/**
 * Leave (请假, CCL art. 27; IM arts. 26-28), the façade the pages, the API and the benchmarks call (plain calls, no web
 * request needed). The executing agency and the assigned judicial office record a subject's application, the return and
 * an extension asked before the last day; the approver the policy settings name by the length decides: the judicial
 * office (where entrusted), the county agency (which may also decide what it entrusted), or the agency one level up,
 * which gains a lawful role in the case for it. Parties that supervise the case read its leave (audited); other lawful
 * roles get 403, everyone else 404. Commands carry the version read; a stale one is 409.
 */
@Component
public class Leaves {

    /** Who reads a case's leave: who supervises it, the agency one level up that approves, the procuratorate. */
    static final Set<Participation> READERS = EnumSet.of(
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.ESCALATION,
            Participation.COPIED_PROCURATORATE);
    /** Who records applications, returns and extensions: the executing agency and the assigned office. */
    static final Set<Participation> SUPERVISORS =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    static final Set<Role> OFFICERS = Role.CORRECTION_STAFF;
    static final Set<Role> OFFICE_APPROVERS = EnumSet.of(Role.OFFICE_HEAD, Role.OFFICE_OFFICER);
    static final Set<Role> COUNTY_APPROVERS = EnumSet.of(Role.COUNTY_HEAD, Role.COUNTY_OFFICER);
    static final Set<Role> SUPERIOR_APPROVERS = EnumSet.of(Role.CITY_COORDINATOR, Role.COUNTY_HEAD);

    private final LeaveRepository leaves;
    private final LeaveNotices notices;
    private final CaseDirectory cases;
    private final CaseManagement management;
    private final CaseSteps steps;
    private final PolicyModels policies;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final CaseDocumentAccess documentAccess;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Leaves(
            LeaveRepository leaves,
            LeaveNotices notices,
            CaseDirectory cases,
            CaseManagement management,
            CaseSteps steps,
            PolicyModels policies,
            CaseAccess access,
            CurrentUser currentUser,
            CaseDocumentAccess documentAccess,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.leaves = leaves;
        this.notices = notices;
        this.cases = cases;
        this.management = management;
        this.steps = steps;
        this.policies = policies;
        this.access = access;
        this.currentUser = currentUser;
        this.documentAccess = documentAccess;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records a subject's application; the approver follows from its length and the region's settings. */
    @Transactional
    public LeaveId request(CaseId caseId, NewLeave request) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, SUPERVISORS, OFFICERS, "NOT_SUPERVISING_AGENCY");
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (facts.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.rule("LEAVE_CASE_NOT_UNDER_CORRECTION");
        }
        Instant now = clock.instant();
        LocalDate today = LegalTime.dateOf(now);
        PolicySettings.Leave rules = rules(facts, today);
        LeaveId id = LeaveId.random();
        int prior = request.departOn() == null
                ? 0
                : leaves.approvedDays(
                        caseId, LeaveRequest.windowStart(request.departOn(), rules), request.departOn(), id);
        TongxinPrincipal me = currentUser.get();
        LeaveRequest leave = LeaveRequest.request(
                id,
                caseId,
                request.kind(),
                request.destination(),
                request.reason(),
                request.departOn(),
                request.returnOn(),
                today,
                prior,
                rules,
                agencies(facts),
                now,
                currentUser.ref(),
                me.agency());
        leaves.insert(leave);
        if (leave.approver() == LeaveApprover.SUPERIOR_AGENCY) {
            management.grant(caseId, leave.approvingAgency(), Participation.ESCALATION);
        }
        leave.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "leave.request")
                .target("leave", id.value())
                .detail("case", caseId)
                .detail("days", leave.days())
                .subjects(subjects(caseId)));
        return id;
    }

    /** Approves the pending application or extension (its approver only); prints the approval notice. */
    @Transactional
    public void approve(LeaveId id, int version) {
        LeaveRequest leave = decidable(id, version);
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        leave.approve(LegalTime.dateOf(now), name(me), me.agency(), now, currentUser.ref());
        save(leave);
        CaseFacts facts = cases.facts(leave.caseId()).orElseThrow(TongxinException::notFound);
        UUID document = notices.generate(leave, facts, me, now);
        leaves.attachNotice(id, document);
        leave.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "leave.approve")
                .target("leave", id.value())
                .detail("case", leave.caseId())
                .subjects(subjects(leave.caseId())));
    }

    /** Refuses the pending application (or extension: the old last day stands), with the reason. */
    @Transactional
    public void refuse(LeaveId id, int version, String reason) {
        LeaveRequest leave = decidable(id, version);
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        leave.refuse(reason, name(me), me.agency(), now, currentUser.ref());
        save(leave);
        leave.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "leave.refuse")
                .target("leave", id.value())
                .detail("case", leave.caseId())
                .subjects(subjects(leave.caseId())));
    }

    /** Asks, before the last day, to stay away until {@code newReturnOn}; decided at the level the new length needs. */
    @Transactional
    public void requestExtension(LeaveId id, int version, LocalDate newReturnOn, String reason) {
        LeaveRequest leave = recordable(id, version);
        CaseFacts facts = cases.facts(leave.caseId()).orElseThrow(TongxinException::notFound);
        Instant now = clock.instant();
        LocalDate today = LegalTime.dateOf(now);
        PolicySettings.Leave rules = rules(facts, today);
        int prior = leaves.approvedDays(
                leave.caseId(), LeaveRequest.windowStart(leave.departOn(), rules), leave.departOn(), id);
        leave.requestExtension(newReturnOn, reason, today, prior, rules, agencies(facts), now, currentUser.ref());
        save(leave);
        if (leave.extensionApprover() == LeaveApprover.SUPERIOR_AGENCY) {
            management.grant(leave.caseId(), leave.extensionAgency(), Participation.ESCALATION);
        }
        leave.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "leave.extension")
                .target("leave", id.value())
                .detail("case", leave.caseId())
                .subjects(subjects(leave.caseId())));
    }

    /** The subject reported back on {@code returnedOn} (late when after the last day). */
    @Transactional
    public void recordReturn(LeaveId id, int version, LocalDate returnedOn) {
        LeaveRequest leave = recordable(id, version);
        Instant now = clock.instant();
        leave.recordReturn(returnedOn, LegalTime.dateOf(now), now, currentUser.ref());
        save(leave);
        leave.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "leave.return")
                .target("leave", id.value())
                .detail("case", leave.caseId())
                .subjects(subjects(leave.caseId())));
    }

    /**
     * The system's cue that a leave's return went overdue on the ledger (no person acting): the leave turns
     * RETURN_OVERDUE once. Returns whether it changed.
     */
    @Transactional
    public boolean noteReturnOverdue(LeaveId id) {
        LeaveRequest leave = leaves.find(id).orElse(null);
        if (leave == null) {
            return false;
        }
        Instant now = clock.instant();
        if (!leave.returnOverdue(LegalTime.dateOf(now), now, ActorRef.SYSTEM) || !leaves.update(leave)) {
            return false;
        }
        leave.pullEvents().forEach(events::publishEvent);
        return true;
    }

    /** The leave of a case, newest first (audited read of the subject's record). */
    @Transactional
    public List<LeaveView> ofCase(CaseId caseId, String purpose) {
        CaseAccessDecision decision = readable(caseId);
        List<LeaveView> list =
                leaves.ofCase(caseId).stream().map(l -> view(l, decision)).toList();
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "leave.list")
                .target("case", caseId.value())
                .subjects(subjects(caseId))
                .purpose(purpose));
        return list;
    }

    /** One leave (audited). */
    @Transactional
    public LeaveView view(LeaveId id, String purpose) {
        LeaveRequest leave = leaves.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = readable(leave.caseId());
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "leave.view")
                .target("leave", id.value())
                .subjects(subjects(leave.caseId()))
                .purpose(purpose));
        return view(leave, decision);
    }

    /** The leave awaiting the caller's agency's decision (applications and extensions), oldest first (audited). */
    @Transactional
    public List<LeaveView> awaitingMyDecision(String purpose) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.isAdmin() || me.agencyId() == null) {
            return List.of();
        }
        List<LeaveView> list = leaves.awaiting(me.agency()).stream()
                .map(l -> view(l, access.decide(cases.parties(l.caseId()))))
                .filter(LeaveView::mayDecide)
                .toList();
        if (!list.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "leave.awaiting")
                    .purpose(purpose)
                    .subjects(list.stream()
                            .flatMap(v -> subjects(v.caseId()).stream())
                            .distinct()
                            .toList()));
        }
        return list;
    }

    /** Whether the caller may record applications, returns and extensions for a case (never throws; false without a role). */
    @Transactional(readOnly = true)
    public boolean mayRecord(CaseId caseId) {
        return mayRecord(access.decide(cases.parties(caseId)));
    }

    /** How many applications and extensions await the caller's agency (the navigation's count). */
    @Transactional(readOnly = true)
    public long awaitingCount() {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.isAdmin() || me.agencyId() == null) {
            return 0;
        }
        return leaves.awaiting(me.agency()).size();
    }

    /** The approval notice PDF of an approved leave; the case's one document rule decides and audits the read. */
    @Transactional
    public Notice notice(LeaveId id) {
        LeaveRequest leave = leaves.find(id).orElseThrow(TongxinException::notFound);
        readable(leave.caseId());
        if (leave.noticeDocumentId() == null) {
            throw TongxinException.notFound();
        }
        CaseDocumentAccess.Opened opened = documentAccess.open(
                leave.caseId(),
                org.tongxin.document.DocumentId.of(leave.noticeDocumentId()),
                "leave.notice.read",
                "leave",
                java.util.Map.of("leave", id));
        return new Notice(opened.fileName(), opened.content());
    }

    // Helpers

    private PolicySettings.Leave rules(CaseFacts facts, LocalDate today) {
        PolicySettings.Leave rules =
                policies.inForce(facts.policyRegion(), today).settings().leave();
        if (facts.officeId() == null && rules.officeEntrusted()) {
            // No office assigned: nobody to entrust, the county agency approves.
            return new PolicySettings.Leave(
                    false,
                    rules.officeMaxDays(),
                    rules.countyMaxDays(),
                    rules.totalMaxDays(),
                    rules.totalWindowMonths(),
                    rules.advanceDays(),
                    rules.frequentTravelMaxMonths());
        }
        return rules;
    }

    private Function<LeaveApprover, AgencyId> agencies(CaseFacts facts) {
        return level -> switch (level) {
            case JUDICIAL_OFFICE -> facts.officeId();
            case COUNTY_AGENCY -> facts.countyAgencyId();
            case SUPERIOR_AGENCY -> steps.organ(facts, Organ.SUPERIOR_AGENCY).orElse(null);
        };
    }

    private CaseAccessDecision readable(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        if (!decision.holdsAny(READERS)) {
            throw TongxinException.forbidden("NOT_SUPERVISING_AGENCY");
        }
        return decision;
    }

    private LeaveRequest recordable(LeaveId id, int version) {
        LeaveRequest leave = leaves.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(leave.caseId()));
        access.requireAction(decision, SUPERVISORS, OFFICERS, "NOT_SUPERVISING_AGENCY");
        if (leave.version() != version) {
            throw TongxinException.staleVersion();
        }
        return leave;
    }

    private LeaveRequest decidable(LeaveId id, int version) {
        LeaveRequest leave = leaves.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(leave.caseId()));
        if (!mayDecide(leave, decision)) {
            throw TongxinException.forbidden("NOT_LEAVE_APPROVER");
        }
        if (leave.version() != version) {
            throw TongxinException.staleVersion();
        }
        return leave;
    }

    /** The caller's agency is the pending approver (or the county agency deciding what it entrusted), in a deciding role. */
    private boolean mayDecide(LeaveRequest leave, CaseAccessDecision decision) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        LeaveApprover level = leave.pendingLevel();
        if (me == null || level == null || !decision.visible()) {
            return false;
        }
        boolean mine = me.agency().equals(leave.pendingApprover());
        return switch (level) {
            case JUDICIAL_OFFICE ->
                mine && holds(me, OFFICE_APPROVERS) && decision.holdsAny(Set.of(Participation.ASSIGNED_OFFICE))
                        || decision.holdsAny(Set.of(Participation.EXECUTING_AGENCY)) && holds(me, COUNTY_APPROVERS);
            case COUNTY_AGENCY ->
                mine && decision.holdsAny(Set.of(Participation.EXECUTING_AGENCY)) && holds(me, COUNTY_APPROVERS);
            case SUPERIOR_AGENCY -> mine && holds(me, SUPERIOR_APPROVERS);
        };
    }

    private boolean mayRecord(CaseAccessDecision decision) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        return me != null && decision.holdsAny(SUPERVISORS) && holds(me, OFFICERS);
    }

    private static boolean holds(TongxinPrincipal me, Set<Role> roles) {
        return me.roles().stream().anyMatch(roles::contains);
    }

    private void save(LeaveRequest leave) {
        if (!leaves.update(leave)) {
            throw TongxinException.staleVersion();
        }
    }

    private LeaveView view(LeaveRequest l, CaseAccessDecision decision) {
        String caseNumber = cases.facts(l.caseId()).map(CaseFacts::caseNumber).orElse(null);
        return new LeaveView(
                l.id(),
                l.caseId(),
                caseNumber,
                l.kind(),
                l.destination(),
                l.reason(),
                l.departOn(),
                l.returnOn(),
                l.days(),
                l.approver(),
                l.approvingAgency(),
                l.lateApplication(),
                l.status(),
                l.requestedAt(),
                l.decidedAt(),
                l.decidedByName(),
                l.refusalReason(),
                l.extensionReturnOn(),
                l.extensionApprover(),
                l.extensionReason(),
                l.extensions(),
                l.returnedOn(),
                l.noticeDocumentId(),
                l.version(),
                mayDecide(l, decision),
                mayRecord(decision));
    }

    private List<UUID> subjects(CaseId caseId) {
        return cases.subjectId(caseId).map(List::of).orElse(List.of());
    }

    private static String name(TongxinPrincipal me) {
        return me.displayName() == null ? me.username() : me.displayName();
    }
}
