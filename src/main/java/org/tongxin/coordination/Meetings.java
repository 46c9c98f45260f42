package org.tongxin.coordination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.CoordinationEvents.DecisionDone;
import org.tongxin.coordination.CoordinationEvents.DecisionRecorded;
import org.tongxin.coordination.CoordinationEvents.MeetingConvened;
import org.tongxin.coordination.CoordinationEvents.MeetingHeld;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.coordination.internal.Conflict;
import org.tongxin.coordination.internal.ConflictRepository;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * Joint meetings (联席会议). A city coordinator of a coordination office convenes one (title, time, place, attending
 * agencies, an agenda of topics, cases and conflicts from the register; the open and recently done decisions of its
 * earlier meetings are added for review), records the minutes once it is held, records its decisions — each naming
 * the agency that carries it out, optionally a case, and a due date (by default the policy's {@code meeting.decision}
 * period from the meeting) and each opening that step in the agency's inbox — and closes it. The named agency reports
 * a decision done with a note. A meeting is seen by its convenor, its attendees and the agencies its decisions name
 * (404 for anyone else).
 */
@Component
public class Meetings {

    /** The policy step a decision opens. */
    public static final String DECISION_STEP = "meeting.decision";
    /** Decisions done within this many days are still reviewed at the next meeting. */
    static final int REVIEW_RECENT_DAYS = 60;

    private final MeetingRepository meetings;
    private final ConflictRepository conflicts;
    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DocumentNumbers numbers;
    private final Clock clock;

    Meetings(MeetingRepository meetings, ConflictRepository conflicts, ObligationLedger ledger, PolicyModels policies,
            WorkingCalendar calendar, AgencyDirectory agencies, CaseDirectory cases, CurrentUser currentUser, AuditLog audit,
            ApplicationEventPublisher events, DocumentNumbers numbers, Clock clock) {
        this.meetings = meetings;
        this.conflicts = conflicts;
        this.ledger = ledger;
        this.policies = policies;
        this.calendar = calendar;
        this.agencies = agencies;
        this.cases = cases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Convenes a meeting: the caller must be a city coordinator of a coordination office. */
    @Transactional
    public MeetingId convene(NewMeeting request) {
        TongxinPrincipal me = currentUser.get();
        AgencyView office = requireCoordinationOffice(me);
        if (me.userId() == null) {
            // A meeting names the person who convened it; a system token has none behind it (issue 9, item 11).
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        FieldProblems problems = new FieldProblems();
        String title = Texts.required(problems, "title", request.title(), 2, 200);
        String place = Texts.required(problems, "place", request.place(), 2, 200);
        Instant scheduledAt = null;
        if (request.scheduledAt() == null) {
            problems.add("scheduledAt", "required");
        } else if (request.scheduledAt().toLocalDate().isBefore(LegalTime.today(clock))) {
            problems.add("scheduledAt", "meetingInPast");
        } else {
            scheduledAt = request.scheduledAt().atZone(LegalTime.ZONE).toInstant();
        }
        Set<AgencyId> attendees = new LinkedHashSet<>();
        List<UUID> requested = request.attendees() == null ? List.of() : request.attendees();
        if (requested.size() > 30) {
            problems.add("attendees", "maxItems", 30);
        }
        for (UUID a : requested) {
            Optional<AgencyView> agency = a == null ? Optional.empty() : agencies.find(AgencyId.of(a));
            if (agency.isEmpty() || !agency.get().active()) {
                problems.add("attendees", "unknownAgency");
            } else if (!agency.get().id().equals(office.id())) {
                attendees.add(agency.get().id());
            }
        }
        List<AgendaInput> agenda = request.agenda() == null ? List.of() : request.agenda();
        if (agenda.isEmpty()) {
            problems.add("agenda", "required");
        }
        if (agenda.size() > 20) {
            problems.add("agenda", "maxItems", 20);
        }
        List<ConflictView> agendaConflicts = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaInput item = agenda.get(i);
            String field = "agenda[" + i + "]";
            if (item == null || item.kind() == null || item.kind() == AgendaKind.REVIEW) {
                problems.add(field, "agendaKind");
                continue;
            }
            if (item.topic() != null && item.topic().length() > 500) {
                problems.add(field, "maxLength", 500);
            }
            switch (item.kind()) {
                case TOPIC -> {
                    if (item.topic() == null || item.topic().strip().length() < 2) {
                        problems.add(field, "topicRequired");
                    }
                }
                case CASE -> {
                    if (item.caseId() == null || !visible(CaseId.of(item.caseId()))) {
                        problems.add(field, "caseNotVisible");
                    }
                }
                case CONFLICT -> {
                    Optional<ConflictView> conflict = item.conflictId() == null ? Optional.empty()
                            : conflicts.find(ConflictId.of(item.conflictId()));
                    if (conflict.isEmpty() || !conflict.get().office().equals(office.id())) {
                        problems.add(field, "unknownConflict");
                    } else if (!conflict.get().state().open()) {
                        problems.add(field, "conflictResolved");
                    } else {
                        agendaConflicts.add(conflict.get());
                        attendees.addAll(conflict.get().parties());
                    }
                }
                default -> problems.add(field, "agendaKind");
            }
        }
        attendees.remove(office.id());
        if (attendees.isEmpty() && !problems.has("attendees")) {
            problems.add("attendees", "required");
        }
        problems.throwIfAny();

        Instant now = clock.instant();
        MeetingId id = MeetingId.random();
        meetings.insert(id, office.id(), policies.regionFor(office.divisionCode()), title, scheduledAt, place, me.userId(), now);
        // The notice is issued with the meeting: its number from the office's sequence of the year (doc/adr/0043).
        meetings.noticeNumbered(id, numbers.next(office.id().value(), office.abbreviation(), LegalTime.dateOf(now)));
        attendees.forEach(a -> meetings.attendee(id, a));
        int position = 1;
        for (AgendaInput item : agenda) {
            meetings.agendaItem(id, position++, item.kind(), Texts.strip(item.topic()),
                    item.caseId() == null || item.kind() != AgendaKind.CASE ? null : CaseId.of(item.caseId()),
                    item.conflictId() == null || item.kind() != AgendaKind.CONFLICT ? null : ConflictId.of(item.conflictId()), null);
        }
        for (DecisionView review : meetings.toReview(office.id(), now, REVIEW_RECENT_DAYS)) {
            meetings.agendaItem(id, position++, AgendaKind.REVIEW, null, review.caseId(), null, review.id());
        }
        ActorRef actor = currentUser.ref();
        Set<ConflictId> escalated = new HashSet<>();
        for (ConflictView c : agendaConflicts) {
            if (!escalated.add(c.id())) {
                continue;
            }
            // On the agenda: taken to this meeting (the conflict keeps its earlier note), read and written under its version.
            Conflict conflict = Conflict.of(c);
            conflict.escalate(null, id, now, actor);
            if (!conflicts.save(conflict)) {
                throw TongxinException.staleVersion();
            }
            fulfilResponse(c, now, actor);
            conflict.pullEvents().forEach(events::publishEvent);
        }
        events.publishEvent(new MeetingConvened(UUID.randomUUID(), id, office.id(), scheduledAt, List.copyOf(attendees), now, actor));
        // The title may name a person: the audit log keeps the meeting's id, not its text.
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.convene").target("meeting", id));
        return id;
    }

    /** The meeting, for its convenor, attendees and the agencies its decisions name (404 for anyone else). */
    @Transactional(readOnly = true)
    public MeetingView view(MeetingId id) {
        AgencyId mine = currentUser.get().agency();
        return meetings.find(id).filter(m -> m.seenBy(mine)).orElseThrow(TongxinException::notFound);
    }

    /** Meetings the caller's agency convened, attends or owes a decision of. */
    @Transactional(readOnly = true)
    public org.tongxin.shared.web.PageResult<MeetingSummary> list(MeetingStatus status, org.tongxin.shared.web.PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new org.tongxin.shared.web.PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return meetings.list(currentUser.get().agency(), status, page);
    }

    /** Whether the caller may manage the meeting (its convenor's coordinator). */
    public boolean manages(MeetingView meeting) {
        TongxinPrincipal me = currentUser.get();
        return me.has(Role.CITY_COORDINATOR) && meeting.convenor().equals(me.agency());
    }

    /** The meeting was held: its minutes (5 to 20,000 characters); it can now record decisions. */
    @Transactional
    public void recordMinutes(MeetingId id, int version, String minutes) {
        recordMinutes(id, version, minutes, List.of());
    }

    /**
     * The meeting was held: its minutes, and the decisions it took (each as {@link #addDecision}); all or nothing.
     * Once held, the minutes may be amended until the meeting is closed (decisions are then added one by one).
     */
    @Transactional
    public List<DecisionId> recordMinutes(MeetingId id, int version, String minutes, List<NewDecision> decisions) {
        MeetingView m = managed(id);
        List<NewDecision> taken = decisions == null ? List.of() : decisions;
        if (m.status() == MeetingStatus.HELD && taken.isEmpty()) {
            String text = requiredMinutes(minutes);
            if (!meetings.minutesAmended(id, version, text, clock.instant())) {
                throw TongxinException.staleVersion();
            }
            return List.of();
        }
        if (m.status() != MeetingStatus.CONVENED) {
            throw TongxinException.conflict("MEETING_NOT_CONVENED");
        }
        if (m.version() != version) {
            throw TongxinException.staleVersion();
        }
        Instant now = clock.instant();
        if (now.isBefore(m.scheduledAt())) {
            throw TongxinException.rule("MEETING_NOT_YET_HELD");
        }
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "minutes", minutes, 5, 20000);
        if (taken.size() > 50) {
            problems.add("decisions", "maxItems", 50);
        }
        LocalDate heldDate = LegalTime.dateOf(m.scheduledAt());
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            checked.add(check(m.policyRegion(), heldDate, taken.get(i), problems, "decisions[" + i + "]."));
        }
        problems.throwIfAny();
        if (!meetings.held(id, version, text, m.scheduledAt(), now)) {
            throw TongxinException.staleVersion();
        }
        // The minutes are issued when first recorded: their number from the office's sequence (amendments keep it).
        AgencyView convenor = agencies.find(m.convenor()).orElseThrow();
        meetings.minutesNumbered(id, numbers.next(convenor.id().value(), convenor.abbreviation(), LegalTime.dateOf(now)));
        List<DecisionId> ids = new ArrayList<>();
        for (Checked c : checked) {
            ids.add(record(id, m.convenor(), m.scheduledAt(), c, now));
        }
        events.publishEvent(new MeetingHeld(UUID.randomUUID(), id, m.convenor(), m.scheduledAt(), ids.size(), now, currentUser.ref()));
        return ids;
    }

    /**
     * Records a decision of a held meeting. It opens {@code meeting.decision} for the named agency (case-bound when it
     * names a case, about the decision otherwise), due by {@code dueDate}, a working day after the meeting, or, when
     * none is given, the policy's period from the meeting. Where the region's policy lacks the step the decision is
     * kept without a ledger deadline, and a due date must be given.
     */
    @Transactional
    public DecisionId addDecision(MeetingId id, int version, NewDecision request) {
        MeetingView m = managed(id);
        if (m.status() != MeetingStatus.HELD) {
            throw TongxinException.conflict("MEETING_NOT_HELD");
        }
        if (m.version() != version) {
            throw TongxinException.staleVersion();
        }
        FieldProblems problems = new FieldProblems();
        Checked checked = check(m.policyRegion(), LegalTime.dateOf(m.heldAt()), request, problems, "");
        problems.throwIfAny();
        Instant now = clock.instant();
        DecisionId decisionId = record(id, m.convenor(), m.heldAt(), checked, now);
        meetings.touch(id, now);
        return decisionId;
    }

    /** A decision whose fields passed: the text, the agency, the case, and the due date with its ledger step. */
    private record Checked(String text, AgencyView owing, CaseId caseId, LocalDate due, Optional<ResolvedPolicy> policy,
            Optional<ProcedureStep> step, Integer amount) {
    }

    /** Checks a decision of a meeting held on {@code heldDate}; problems go under {@code prefix} + field. */
    private Checked check(String region, LocalDate heldDate, NewDecision request, FieldProblems problems, String prefix) {
        String text = Texts.required(problems, prefix + "text", request == null ? null : request.text(), 2, 2000);
        if (request == null) {
            return new Checked(text, null, null, null, Optional.empty(), Optional.empty(), null);
        }
        AgencyView owing = request.agencyId() == null ? null : agencies.find(AgencyId.of(request.agencyId())).filter(AgencyView::active)
                .orElse(null);
        if (owing == null) {
            problems.add(prefix + "agencyId", request.agencyId() == null ? "required" : "unknownAgency");
        }
        CaseId caseId = request.caseId() == null ? null : CaseId.of(request.caseId());
        if (caseId != null) {
            if (!visible(caseId)) {
                problems.add(prefix + "caseId", "caseNotVisible");
            } else if (owing != null && cases.parties(caseId).stream().map(LawfulRole::agency).noneMatch(owing.id()::equals)) {
                problems.add(prefix + "agencyId", "agencyNotParty");
            }
        }
        Optional<ResolvedPolicy> policy = policies.findInForce(region, heldDate);
        Optional<ProcedureStep> step = policy.flatMap(p -> p.step(DECISION_STEP));
        String calendarRegion = calendar.isKnownRegion(region) ? region : WorkingCalendar.NATIONAL;
        LocalDate due = request.dueDate();
        if (due == null && step.isEmpty()) {
            problems.add(prefix + "dueDate", "dueDateRequired");
        } else if (due != null && !due.isAfter(heldDate)) {
            problems.add(prefix + "dueDate", "dueDateAfterMeeting");
        } else if (due != null && due.isAfter(heldDate.plusYears(1))) {
            problems.add(prefix + "dueDate", "dueDateTooLate");
        } else if (due != null && !calendar.isWorkingDay(calendarRegion, due)) {
            problems.add(prefix + "dueDate", "dueDateNotWorkingDay");
        }
        Integer amount = step.isEmpty() ? null
                : due == null ? step.get().deadline().amount() : workingDaysBetween(calendarRegion, heldDate, due);
        return new Checked(text, owing, caseId, due, policy, step, amount);
    }

    /**
     * Records a checked decision of a meeting held at {@code heldAt} and opens {@code meeting.decision} for the agency
     * named (case-bound when it names a case, about the decision otherwise), due by the date given or the policy's
     * period from the meeting. Without the step in the region's policy the decision keeps the meeting's date and no
     * ledger deadline.
     */
    private DecisionId record(MeetingId id, AgencyId convenor, Instant heldAt, Checked c, Instant now) {
        LocalDate due = c.due();
        if (c.step().isPresent()) {
            due = ledger.previewDueDate(c.policy().get(), c.step().get(), c.amount(), heldAt, false);
        }
        DecisionId decisionId = DecisionId.random();
        meetings.insertDecision(decisionId, id, c.text(), c.owing().id(), c.caseId(), due, c.step().isPresent(), now);
        if (c.step().isPresent()) {
            ProcedureStep step = c.step().get();
            ResolvedPolicy policy = c.policy().get();
            ledger.open(c.caseId() != null
                    ? new OpenObligation(c.caseId(), step, decisionId.toString(), policy.version(), policy.settings(), c.owing().id(),
                            false, convenor, c.amount(), false, heldAt, null)
                    : OpenObligation.forMatter(ObligationMatter.decision(decisionId.value()), step, "", policy.version(),
                            policy.settings(), c.owing().id(), convenor, c.amount(), heldAt));
        }
        events.publishEvent(new DecisionRecorded(UUID.randomUUID(), decisionId, id, c.caseId(), c.owing().id(), due, now,
                currentUser.ref()));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.decision").target("decision", decisionId)
                .detail("meeting", id).detail("agency", c.owing().id()).detail("case", c.caseId()));
        return decisionId;
    }

    /** No more decisions: the meeting is closed (its decisions stay tracked). */
    @Transactional
    public void close(MeetingId id, int version) {
        MeetingView m = managed(id);
        if (m.status() != MeetingStatus.HELD) {
            throw TongxinException.conflict("MEETING_NOT_HELD");
        }
        if (!meetings.closed(id, version, clock.instant())) {
            throw TongxinException.staleVersion();
        }
    }

    /** Cancels a meeting not yet held, with the reason. */
    @Transactional
    public void cancel(MeetingId id, int version, String reason) {
        MeetingView m = managed(id);
        if (m.status() != MeetingStatus.CONVENED) {
            throw TongxinException.conflict("MEETING_NOT_CONVENED");
        }
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "reason", reason, 2, 500);
        problems.throwIfAny();
        if (!meetings.cancelled(id, version, text, clock.instant())) {
            throw TongxinException.staleVersion();
        }
    }

    /** A decision with its meeting, for those who see the meeting (404 otherwise). */
    @Transactional(readOnly = true)
    public DecisionView decision(DecisionId id) {
        DecisionView d = meetings.findDecision(id).orElseThrow(TongxinException::notFound);
        view(d.meetingId());
        return d;
    }

    /** Whether the caller's agency is the one a decision names (it reports it done). */
    public boolean owes(DecisionView decision) {
        return decision.owingAgency().equals(currentUser.get().agency());
    }

    /** The ledger's obligation of a decision, when the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<ObligationView> obligation(DecisionView d) {
        if (!d.tracked()) {
            return Optional.empty();
        }
        return d.caseId() != null ? ledger.find(d.caseId(), DECISION_STEP, d.id().toString())
                : ledger.find(ObligationMatter.decision(d.id().value()), DECISION_STEP, "");
    }

    /** The named agency reports the decision carried out, with a note: the obligation is fulfilled. */
    @Transactional
    public void reportDone(DecisionId id, int version, String note) {
        DecisionView d = decision(id);
        TongxinPrincipal me = currentUser.get();
        if (!d.owingAgency().equals(me.agency())) {
            throw TongxinException.forbidden("DECISION_NOT_YOURS");
        }
        if (d.done()) {
            throw TongxinException.conflict("DECISION_DONE");
        }
        if (d.version() != version) {
            throw TongxinException.staleVersion();
        }
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "note", note, 2, 2000);
        problems.throwIfAny();
        Instant now = clock.instant();
        ActorRef actor = currentUser.ref();
        boolean late = LegalTime.dateOf(now).isAfter(d.dueDate());
        if (d.tracked()) {
            Optional<ObligationView> fulfilled = d.caseId() != null
                    ? ledger.fulfil(d.caseId(), DECISION_STEP, d.id().toString(), now, actor)
                    : ledger.fulfil(ObligationMatter.decision(d.id().value()), DECISION_STEP, "", now, actor);
            late = fulfilled.map(o -> o.status() == ObligationStatus.FULFILLED_LATE).orElse(late);
        }
        if (!meetings.decisionDone(id, version, now, me.userId(), text, late)) {
            throw TongxinException.staleVersion();
        }
        events.publishEvent(new DecisionDone(UUID.randomUUID(), id, d.meetingId(), d.caseId(), d.owingAgency(), late, now, actor));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.decision.done").target("decision", id)
                .detail("late", late));
    }

    /** Decisions of earlier meetings listed on a meeting's agenda for review, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<DecisionId, DecisionView> reviewed(MeetingView meeting) {
        return meetings.decisions(meeting.agenda().stream().map(MeetingViews.AgendaItem::decisionId)
                .filter(java.util.Objects::nonNull).toList());
    }

    /** Open conflicts the caller's coordination office may put on an agenda. */
    @Transactional(readOnly = true)
    public List<ConflictView> openConflicts() {
        return conflicts.openOf(currentUser.get().agency());
    }

    // Helpers

    private MeetingView managed(MeetingId id) {
        MeetingView m = view(id);
        if (!manages(m)) {
            throw TongxinException.forbidden("MEETING_CONVENOR_ONLY");
        }
        return m;
    }

    private AgencyView requireCoordinationOffice(TongxinPrincipal me) {
        AgencyView agency = agencies.find(me.agency()).orElseThrow(TongxinException::notFound);
        if (!me.has(Role.CITY_COORDINATOR) || agency.type() != AgencyType.COORDINATION_OFFICE) {
            throw TongxinException.forbidden("CONVENOR_NOT_COORDINATION_OFFICE");
        }
        return agency;
    }

    private boolean visible(CaseId caseId) {
        try {
            return cases.access(caseId).visible();
        } catch (TongxinException e) {
            return false;
        }
    }

    private void fulfilResponse(ConflictView c, Instant at, ActorRef actor) {
        if (c.caseId() != null) {
            ledger.fulfil(c.caseId(), Conflicts.RESPONSE_STEP, c.id().toString(), at, actor);
        } else {
            ledger.fulfil(ObligationMatter.conflict(c.id().value()), Conflicts.RESPONSE_STEP, "", at, actor);
        }
    }

    private int workingDaysBetween(String region, LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(region, d)) {
                n++;
            }
        }
        return n;
    }

    private static String requiredMinutes(String minutes) {
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "minutes", minutes, 5, 20000);
        problems.throwIfAny();
        return text;
    }
}
