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
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.coordination.internal.ConflictRepository;
import org.tongxin.coordination.internal.Decision;
import org.tongxin.coordination.internal.Meeting;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * Joint meetings (联席会议). A city coordinator of a coordination office convenes one (title, time, place, attending
 * agencies, an agenda of topics, cases and conflicts from the register; the open and recently done decisions of its
 * earlier meetings are added for review), records the minutes once it is held — with the decisions taken, all or
 * nothing — and closes it, or cancels it before it is held. The façade checks access and input, loads the
 * {@link Meeting}, calls its transition, saves it and publishes its events; the decisions themselves and their follow-up
 * are {@link MeetingDecisions}', the notice and minutes {@link MeetingDocuments}'. A meeting is seen by its convenor,
 * its attendees and the agencies its decisions name (404 for anyone else).
 */
@Component
public class Meetings {

    /** Decisions done within this many days are still reviewed at the next meeting. */
    static final int REVIEW_RECENT_DAYS = 60;

    private final MeetingRepository meetings;
    private final MeetingAccess access;
    private final MeetingDecisions decisions;
    private final ConflictRepository conflicts;
    private final Conflicts conflictRegister;
    private final PolicyModels policies;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DocumentNumbers numbers;
    private final Clock clock;

    Meetings(
            MeetingRepository meetings,
            MeetingAccess access,
            MeetingDecisions decisions,
            ConflictRepository conflicts,
            Conflicts conflictRegister,
            PolicyModels policies,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            DocumentNumbers numbers,
            Clock clock) {
        this.meetings = meetings;
        this.access = access;
        this.decisions = decisions;
        this.conflicts = conflicts;
        this.conflictRegister = conflictRegister;
        this.policies = policies;
        this.agencies = agencies;
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
                    if (item.caseId() == null || !access.sees(CaseId.of(item.caseId()))) {
                        problems.add(field, "caseNotVisible");
                    }
                }
                case CONFLICT -> {
                    Optional<ConflictView> conflict = item.conflictId() == null
                            ? Optional.empty()
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
        ActorRef actor = currentUser.ref();
        List<Meeting.AgendaEntry> items = new ArrayList<>();
        for (AgendaInput item : agenda) {
            items.add(new Meeting.AgendaEntry(
                    item.kind(),
                    Texts.strip(item.topic()),
                    item.caseId() == null || item.kind() != AgendaKind.CASE ? null : CaseId.of(item.caseId()),
                    item.conflictId() == null || item.kind() != AgendaKind.CONFLICT
                            ? null
                            : ConflictId.of(item.conflictId()),
                    null));
        }
        for (DecisionView review : meetings.toReview(office.id(), now, REVIEW_RECENT_DAYS)) {
            items.add(new Meeting.AgendaEntry(AgendaKind.REVIEW, null, review.caseId(), null, review.id()));
        }
        // The notice is issued with the meeting: its number from the office's sequence of the year (doc/adr/0043).
        String notice = numbers.next(office.id().value(), office.abbreviation(), LegalTime.dateOf(now));
        Meeting meeting = Meeting.convene(
                MeetingId.random(),
                office.id(),
                policies.regionFor(office.divisionCode()),
                title,
                scheduledAt,
                place,
                me.userId(),
                notice,
                attendees,
                items,
                now,
                actor);
        meetings.insert(meeting);
        Set<ConflictId> escalated = new HashSet<>();
        for (ConflictView c : agendaConflicts) {
            if (escalated.add(c.id())) {
                conflictRegister.takenOnAgenda(c, meeting.id(), now);
            }
        }
        meeting.pullEvents().forEach(events::publishEvent);
        // The title may name a person: the audit log keeps the meeting's id, not its text.
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.convene").target("meeting", meeting.id()));
        return meeting.id();
    }

    /** The meeting, for its convenor, attendees and the agencies its decisions name (404 for anyone else). */
    @Transactional(readOnly = true)
    public MeetingView view(MeetingId id) {
        return access.seen(id);
    }

    /** Meetings the caller's agency convened, attends or owes a decision of. */
    @Transactional(readOnly = true)
    public org.tongxin.shared.web.PageResult<MeetingSummary> list(
            MeetingStatus status, org.tongxin.shared.web.PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new org.tongxin.shared.web.PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return meetings.list(currentUser.get().agency(), status, page);
    }

    /** Whether the caller may manage the meeting (its convenor's coordinator). */
    public boolean manages(MeetingView meeting) {
        return access.manages(meeting);
    }

    /** The meeting was held: its minutes (5 to 20,000 characters); it can now record decisions. */
    @Transactional
    public void recordMinutes(MeetingId id, int version, String minutes) {
        recordMinutes(id, version, minutes, List.of());
    }

    /**
     * The meeting was held: its minutes, and the decisions it took (each as {@link MeetingDecisions#record}); all or
     * nothing. Once held, the minutes may be amended until the meeting is closed (decisions are then added one by one).
     */
    @Transactional
    public List<DecisionId> recordMinutes(MeetingId id, int version, String minutes, List<NewDecision> decisions) {
        Meeting meeting = Meeting.of(access.managed(id));
        List<NewDecision> taken = decisions == null ? List.of() : decisions;
        Instant now = clock.instant();
        if (meeting.status() == MeetingStatus.HELD && taken.isEmpty()) {
            meeting.amendMinutes(requiredMinutes(minutes), now);
            save(meeting, version);
            return List.of();
        }
        // The status, then the version, then the meeting's time, then what was typed: the answers as they always were.
        meeting.requireConvened();
        if (meeting.version() != version) {
            throw TongxinException.staleVersion();
        }
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "minutes", minutes, 5, 20000);
        if (taken.size() > 50) {
            problems.add("decisions", "maxItems", 50);
        }
        // Held at its time (422 before it); nothing is saved when the minutes or a decision is then refused.
        meeting.hold(text, taken.size(), now, currentUser.ref());
        LocalDate heldDate = LegalTime.dateOf(meeting.heldAt());
        List<MeetingDecisions.Checked> checked = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            checked.add(this.decisions.check(
                    meeting.policyRegion(), heldDate, taken.get(i), problems, "decisions[" + i + "]."));
        }
        problems.throwIfAny();
        // The minutes are issued when first recorded: their number from the office's sequence (amendments keep it).
        AgencyView convenor = agencies.find(meeting.convenor()).orElseThrow();
        meeting.issueMinutes(numbers.next(convenor.id().value(), convenor.abbreviation(), LegalTime.dateOf(now)));
        List<Decision> recorded = this.decisions.take(meeting, checked, now);
        save(meeting, version);
        recorded.forEach(d -> d.pullEvents().forEach(events::publishEvent));
        meeting.pullEvents().forEach(events::publishEvent);
        return recorded.stream().map(Decision::id).toList();
    }

    /** No more decisions: the meeting is closed (its decisions stay tracked). */
    @Transactional
    public void close(MeetingId id, int version) {
        Meeting meeting = Meeting.of(access.managed(id));
        meeting.close(clock.instant());
        save(meeting, version);
    }

    /** Cancels a meeting not yet held, with the reason. */
    @Transactional
    public void cancel(MeetingId id, int version, String reason) {
        Meeting meeting = Meeting.of(access.managed(id));
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "reason", reason, 2, 500);
        // A meeting held or closed answers 409 whatever was typed; nothing is saved when the reason is then refused.
        meeting.cancel(text, clock.instant());
        problems.throwIfAny();
        save(meeting, version);
    }

    /** Decisions of earlier meetings listed on a meeting's agenda for review, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<DecisionId, DecisionView> reviewed(MeetingView meeting) {
        return meetings.decisions(meeting.agenda().stream()
                .map(MeetingViews.AgendaItem::decisionId)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    /** Open conflicts the caller's coordination office may put on an agenda. */
    @Transactional(readOnly = true)
    public List<ConflictView> openConflicts() {
        return conflicts.openOf(currentUser.get().agency());
    }

    // Helpers

    /** Saves a changed meeting read at the caller's {@code version}; 409 when it changed since. */
    private void save(Meeting meeting, int version) {
        if (meeting.version() != version || !meetings.save(meeting)) {
            throw TongxinException.staleVersion();
        }
    }

    private AgencyView requireCoordinationOffice(TongxinPrincipal me) {
        AgencyView agency = agencies.find(me.agency()).orElseThrow(TongxinException::notFound);
        if (!me.has(Role.CITY_COORDINATOR) || agency.type() != AgencyType.COORDINATION_OFFICE) {
            throw TongxinException.forbidden("CONVENOR_NOT_COORDINATION_OFFICE");
        }
        return agency;
    }

    private static String requiredMinutes(String minutes) {
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "minutes", minutes, 5, 20000);
        problems.throwIfAny();
        return text;
    }
}
