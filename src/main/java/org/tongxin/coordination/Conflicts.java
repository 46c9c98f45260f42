package org.tongxin.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.coordination.ConflictViews.ConflictSearch;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.ConflictViews.Evidence;
import org.tongxin.coordination.ConflictViews.NewConflict;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.internal.Conflict;
import org.tongxin.coordination.internal.ConflictRepository;
import org.tongxin.coordination.internal.Meeting;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The conflict register. Any agency's case staff raise a conflict on a case (which they must see) or about a procedure
 * step: its type, the other agencies in it, the conflict point, the step and its legal basis (from the policy model)
 * and evidence (handovers and obligations). Raising opens {@code conflict.respond} for the coordination office serving
 * the raising agency's place (where the policy defines it) and, for a case, gives that office a coordination role in
 * it. The office responds, takes the conflict to a joint meeting, and resolves it with the resolution and the lessons
 * learned. The parties and the office see a conflict; nobody else does (404). Conflicts on a case are marked on its
 * timeline.
 */
@Component
public class Conflicts {

    /** The policy step a raised conflict opens for the coordination office. */
    public static final String RESPONSE_STEP = "conflict.respond";

    public static final java.util.Set<String> SORTABLE = ConflictRepository.SORTABLE.keySet();

    private final ConflictRepository conflicts;
    private final MeetingRepository meetings;
    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final AgencyDirectory agencies;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final Handovers handovers;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conflicts(
            ConflictRepository conflicts,
            MeetingRepository meetings,
            ObligationLedger ledger,
            PolicyModels policies,
            AgencyDirectory agencies,
            CaseDirectory cases,
            CaseManagement caseManagement,
            Handovers handovers,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conflicts = conflicts;
        this.meetings = meetings;
        this.ledger = ledger;
        this.policies = policies;
        this.agencies = agencies;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.handovers = handovers;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Raises a conflict (see the class comment); 404 when it names a case the caller does not see. */
    @Transactional
    public ConflictId raise(NewConflict request) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            throw TongxinException.forbidden("CONFLICT_CASE_STAFF_ONLY");
        }
        if (me.userId() == null) {
            // A conflict names the person who raised it; a system token has none behind it (issue 9, item 11).
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        AgencyView mine = agencies.find(me.agency()).orElseThrow(TongxinException::notFound);
        CaseId caseId = request.caseId() == null ? null : CaseId.of(request.caseId());
        String caseNumber = null;
        if (caseId != null) {
            cases.access(caseId);
            CaseSummary summary =
                    cases.summaries(List.of(caseId), "conflict.raise").get(caseId);
            caseNumber = summary == null ? null : summary.caseNumber();
        }
        FieldProblems problems = new FieldProblems();
        if (request.type() == null) {
            problems.add("type", "required");
        }
        String point = Texts.required(problems, "point", request.point(), 5, 4000);
        Set<AgencyId> parties = new LinkedHashSet<>();
        parties.add(mine.id());
        List<UUID> requested = request.parties() == null ? List.of() : request.parties();
        if (requested.size() > 10) {
            problems.add("parties", "maxItems", 10);
        }
        for (UUID p : requested) {
            Optional<AgencyView> agency = p == null ? Optional.empty() : agencies.find(AgencyId.of(p));
            if (agency.isEmpty() || !agency.get().active()) {
                problems.add("parties", "unknownAgency");
            } else {
                parties.add(agency.get().id());
            }
        }
        if (parties.size() < 2 && !problems.has("parties")) {
            problems.add("parties", "otherPartyRequired");
        }
        String region = policies.regionFor(mine.divisionCode());
        Optional<ResolvedPolicy> policy = policies.findInForce(region, LegalTime.today(clock));
        String stepId = Texts.strip(request.stepId());
        String legalBasis = null;
        if (stepId != null) {
            Optional<ProcedureStep> step = policy.flatMap(p -> p.step(stepId));
            if (step.isEmpty()) {
                problems.add("stepId", "unknownStep");
            } else {
                legalBasis = step.get().legalBasis();
            }
        }
        List<UUID> handoverIds = request.handoverIds() == null ? List.of() : request.handoverIds();
        List<UUID> obligationIds = request.obligationIds() == null ? List.of() : request.obligationIds();
        if (handoverIds.size() + obligationIds.size() > 20) {
            problems.add("evidence", "maxItems", 20);
        }
        for (UUID h : handoverIds) {
            Optional<HandoverView> handover = h == null ? Optional.empty() : findHandover(HandoverId.of(h));
            if (handover.isEmpty() || caseId == null || !handover.get().caseId().equals(caseId)) {
                problems.add("handoverIds", "unknownEvidence");
            }
        }
        for (UUID o : obligationIds) {
            Optional<ObligationView> obligation = o == null ? Optional.empty() : ledger.find(ObligationId.of(o));
            if (obligation.isEmpty()
                    || (caseId != null && !caseId.equals(obligation.get().caseId()))) {
                problems.add("obligationIds", "unknownEvidence");
            }
        }
        AgencyView office =
                agencies.serving(AgencyType.COORDINATION_OFFICE, AgencyLevel.CITY, mine.divisionCode()).stream()
                        .findFirst()
                        .orElse(null);
        problems.throwIfAny();
        if (office == null) {
            throw TongxinException.rule("NO_COORDINATION_OFFICE");
        }

        Instant now = clock.instant();
        ConflictId id = ConflictId.random();
        List<Evidence> evidence = new ArrayList<>();
        handoverIds.forEach(h -> evidence.add(new Evidence("HANDOVER", h)));
        obligationIds.forEach(o -> evidence.add(new Evidence("OBLIGATION", o)));
        Conflict conflict = Conflict.raise(
                id,
                caseId,
                caseNumber,
                request.type(),
                mine.id(),
                me.userId(),
                office.id(),
                List.copyOf(parties),
                point,
                stepId,
                legalBasis,
                region,
                evidence,
                now,
                currentUser.ref());
        conflicts.insert(conflict);
        if (caseId != null) {
            // A conflict brings the case to the coordination office (doc/security-requirements.md S7).
            caseManagement.grant(caseId, office.id(), Participation.COORDINATION);
        }
        Optional<ProcedureStep> respond = policy.flatMap(p -> p.step(RESPONSE_STEP));
        if (respond.isPresent()) {
            ProcedureStep step = respond.get();
            ledger.open(
                    caseId != null
                            ? new OpenObligation(
                                    caseId,
                                    step,
                                    id.toString(),
                                    policy.get().version(),
                                    policy.get().settings(),
                                    office.id(),
                                    false,
                                    mine.id(),
                                    step.deadline().amount(),
                                    false,
                                    now,
                                    null)
                            : OpenObligation.forMatter(
                                    ObligationMatter.conflict(id.value()),
                                    step,
                                    "",
                                    policy.get().version(),
                                    policy.get().settings(),
                                    office.id(),
                                    mine.id(),
                                    step.deadline().amount(),
                                    now));
        }
        conflict.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "conflict.raise")
                .target("conflict", id)
                .detail("case", caseId)
                .detail("type", request.type()));
        return id;
    }

    /** A conflict for its parties and its coordination office (404 for anyone else); audited as a read. */
    @Transactional
    public ConflictView view(ConflictId id, String purpose) {
        ConflictView c = seen(id);
        audited(List.of(c), "conflict.view", purpose);
        return c;
    }

    /** Whether the caller's agency may open the conflict: one of its parties or its coordination office. */
    @Transactional(readOnly = true)
    public boolean mayRead(ConflictId id) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.agencyId() == null || !me.worksCases()) {
            return false;
        }
        return conflicts
                .find(id)
                .map(c -> c.office().equals(me.agency()) || c.parties().contains(me.agency()))
                .orElse(false);
    }

    /** The register as far as the caller's agency takes part, filtered, sorted and paged; audited. */
    @Transactional
    public PageResult<ConflictView> search(ConflictSearch search, PageQuery page, String purpose) {
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        FieldProblems problems = new FieldProblems();
        if (search.text() != null && search.text().length() > 200) {
            problems.add("text", "maxLength", 200);
        }
        if (search.caseNumber() != null && search.caseNumber().length() > 60) {
            problems.add("caseNumber", "maxLength", 60);
        }
        problems.throwIfAny();
        PageResult<ConflictView> found = conflicts.search(currentUser.get().agency(), search, page);
        audited(found.items(), "conflict.search", purpose);
        return found;
    }

    /** Conflicts on a case that the caller sees (404 without a lawful role in the case). */
    @Transactional
    public List<ConflictView> ofCase(CaseId caseId) {
        cases.access(caseId);
        AgencyId mine = currentUser.get().agency();
        List<ConflictView> found =
                conflicts.ofCase(caseId).stream().filter(c -> c.seenBy(mine)).toList();
        audited(found, "conflict.list", "case");
        return found;
    }

    /** Whether the caller is a coordinator of the conflict's coordination office (responds, escalates, resolves). */
    public boolean coordinates(ConflictView c) {
        TongxinPrincipal me = currentUser.get();
        return me.has(Role.CITY_COORDINATOR) && c.office().equals(me.agency());
    }

    /** The coordination office's first response: fulfils {@code conflict.respond}. */
    @Transactional
    public void respond(ConflictId id, int version, String response) {
        ConflictView c = coordinated(id);
        Conflict conflict = Conflict.of(c);
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "response", response, 5, 4000);
        Instant now = clock.instant();
        // The state first: an answered conflict answers 409 whatever was typed; nothing is saved when the text is
        // refused.
        conflict.respond(text, now);
        problems.throwIfAny();
        save(conflict, version);
        fulfilResponse(c, now);
        audit.record(
                AuditEntry.of(AuditCategory.CASE_CHANGE, "conflict.respond").target("conflict", id));
    }

    /**
     * Takes the conflict to a joint meeting: with a note why and, optionally, a convened meeting of the office whose
     * agenda then lists it (its parties are invited).
     */
    @Transactional
    public void escalate(ConflictId id, int version, String note, MeetingId meetingId) {
        ConflictView c = coordinated(id);
        Conflict conflict = Conflict.of(c);
        // The state first: a resolved conflict answers 409 whatever was typed.
        conflict.requireOpen();
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "note", note, 5, 4000);
        MeetingView meeting = null;
        if (meetingId != null) {
            meeting = meetings.find(meetingId).orElse(null);
            if (meeting == null || !meeting.convenor().equals(c.office())) {
                problems.add("meetingId", "unknownMeeting");
            } else if (meeting.status() != MeetingStatus.CONVENED) {
                problems.add("meetingId", "meetingNotConvened");
            } else if (meeting.agenda().stream().anyMatch(i -> id.equals(i.conflictId()))) {
                problems.add("meetingId", "alreadyOnAgenda");
            }
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        conflict.escalate(text, meetingId, now, currentUser.ref());
        save(conflict, version);
        if (meeting != null) {
            // The meeting's agenda lists it and its parties are invited, under the meeting's version just read.
            Meeting onAgenda = Meeting.of(meeting);
            onAgenda.takeConflict(id, c.parties(), now);
            if (!meetings.save(onAgenda)) {
                throw TongxinException.staleVersion();
            }
        }
        fulfilResponse(c, now);
        conflict.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "conflict.escalate")
                .target("conflict", id)
                .detail("meeting", meetingId));
    }

    /**
     * A conflict a meeting's agenda takes when the meeting is convened: escalated to that meeting (it keeps its earlier
     * note), read and written under its version; the office's response is then given.
     */
    void takenOnAgenda(ConflictView c, MeetingId meetingId, Instant now) {
        Conflict conflict = Conflict.of(c);
        conflict.escalate(null, meetingId, now, currentUser.ref());
        if (!conflicts.save(conflict)) {
            throw TongxinException.staleVersion();
        }
        fulfilResponse(c, now);
        conflict.pullEvents().forEach(events::publishEvent);
    }

    /** Resolves the conflict with the resolution and the lessons learned (a response still owed is then given). */
    @Transactional
    public void resolve(ConflictId id, int version, String resolution, String lessons) {
        ConflictView c = coordinated(id);
        Conflict conflict = Conflict.of(c);
        conflict.requireOpen();
        FieldProblems problems = new FieldProblems();
        String r = Texts.required(problems, "resolution", resolution, 5, 4000);
        String l = Texts.required(problems, "lessons", lessons, 5, 4000);
        problems.throwIfAny();
        Instant now = clock.instant();
        conflict.resolve(r, l, now, currentUser.ref());
        save(conflict, version);
        fulfilResponse(c, now);
        conflict.pullEvents().forEach(events::publishEvent);
        audit.record(
                AuditEntry.of(AuditCategory.CASE_CHANGE, "conflict.resolve").target("conflict", id));
    }

    /** The ledger's {@code conflict.respond} of a conflict, when the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<ObligationView> responseObligation(ConflictView c) {
        return c.caseId() != null
                ? ledger.find(c.caseId(), RESPONSE_STEP, c.id().toString())
                : ledger.find(ObligationMatter.conflict(c.id().value()), RESPONSE_STEP, "");
    }

    /** The steps of the caller's region's policy in force, for naming the step a conflict is about. */
    @Transactional(readOnly = true)
    public List<ProcedureStep> steps() {
        return agencies.find(currentUser.get().agency())
                .flatMap(a -> policies.findInForce(policies.regionFor(a.divisionCode()), LegalTime.today(clock)))
                .map(ResolvedPolicy::steps)
                .orElse(List.of());
    }

    // Helpers

    /** The conflict when the caller's agency is its office or a party (the application's rule; RLS repeats it), else 404. */
    private ConflictView seen(ConflictId id) {
        AgencyId mine = currentUser.get().agency();
        return conflicts.find(id).filter(c -> c.seenBy(mine)).orElseThrow(TongxinException::notFound);
    }

    /** Saves a changed conflict read at the caller's {@code version}; 409 when it changed since. */
    private void save(Conflict conflict, int version) {
        if (conflict.version() != version || !conflicts.save(conflict)) {
            throw TongxinException.staleVersion();
        }
    }

    private ConflictView coordinated(ConflictId id) {
        ConflictView c = seen(id);
        if (!coordinates(c)) {
            throw TongxinException.forbidden("CONFLICT_COORDINATION_ONLY");
        }
        return c;
    }

    private void fulfilResponse(ConflictView c, Instant at) {
        ActorRef actor = currentUser.ref();
        if (c.caseId() != null) {
            ledger.fulfil(c.caseId(), RESPONSE_STEP, c.id().toString(), at, actor);
        } else {
            ledger.fulfil(ObligationMatter.conflict(c.id().value()), RESPONSE_STEP, "", at, actor);
        }
    }

    private Optional<HandoverView> findHandover(HandoverId id) {
        try {
            return handovers.find(id);
        } catch (TongxinException e) {
            return Optional.empty();
        }
    }

    /** Conflict texts may name people: every read is recorded, with the subjects of the cases the reader sees. */
    private void audited(List<ConflictView> found, String action, String purpose) {
        if (found.isEmpty()) {
            return;
        }
        List<UUID> subjects = new ArrayList<>();
        for (ConflictView c : found) {
            if (c.caseId() != null) {
                cases.subjectId(c.caseId()).ifPresent(subjects::add);
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, action)
                .purpose(purpose)
                .subjects(subjects.stream().distinct().toList())
                .detail("conflicts", found.stream().map(c -> c.id().toString()).toList()));
    }
}
