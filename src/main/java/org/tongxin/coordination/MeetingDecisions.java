package org.tongxin.coordination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.internal.Decision;
import org.tongxin.coordination.internal.Meeting;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.LawfulRole;
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
 * The decisions of joint meetings (联席会议决定). The convenor's coordinator records one for a held meeting — naming the
 * agency that carries it out, optionally a case, and a due date (by default the policy's {@code meeting.decision}
 * period from the meeting) — and it opens that step in the agency's inbox. The named agency reports it done with a
 * note, whenever that is: a decision outlives its meeting's closing, so it is an aggregate of its own
 * ({@link Decision}). A decision is seen by those who see its meeting (404 for anyone else).
 */
@Component
public class MeetingDecisions {

    /** The policy step a decision opens. */
    public static final String DECISION_STEP = "meeting.decision";

    private final MeetingRepository meetings;
    private final MeetingAccess access;
    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingDecisions(
            MeetingRepository meetings,
            MeetingAccess access,
            ObligationLedger ledger,
            PolicyModels policies,
            WorkingCalendar calendar,
            AgencyDirectory agencies,
            CaseDirectory cases,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.meetings = meetings;
        this.access = access;
        this.ledger = ledger;
        this.policies = policies;
        this.calendar = calendar;
        this.agencies = agencies;
        this.cases = cases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a decision of a held meeting. It opens {@code meeting.decision} for the named agency (case-bound when it
     * names a case, about the decision otherwise), due by {@code dueDate}, a working day after the meeting, or, when
     * none is given, the policy's period from the meeting. Where the region's policy lacks the step the decision is
     * kept without a ledger deadline, and a due date must be given. The meeting's version moves.
     */
    @Transactional
    public DecisionId record(MeetingId id, int version, NewDecision request) {
        Meeting meeting = Meeting.of(access.managed(id));
        // The status, then the version, then what was typed: the answers as they always were.
        meeting.requireHeld();
        if (meeting.version() != version) {
            throw TongxinException.staleVersion();
        }
        FieldProblems problems = new FieldProblems();
        Checked checked = check(meeting.policyRegion(), LegalTime.dateOf(meeting.heldAt()), request, problems, "");
        problems.throwIfAny();
        Decision decision = take(meeting, checked, clock.instant());
        if (!meetings.save(meeting)) {
            throw TongxinException.staleVersion();
        }
        decision.pullEvents().forEach(events::publishEvent);
        return decision.id();
    }

    /** A decision with its meeting, for those who see the meeting (404 otherwise). */
    @Transactional(readOnly = true)
    public DecisionView decision(DecisionId id) {
        DecisionView d = meetings.findDecision(id).orElseThrow(TongxinException::notFound);
        access.seen(d.meetingId());
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
        return d.caseId() != null
                ? ledger.find(d.caseId(), DECISION_STEP, d.id().toString())
                : ledger.find(ObligationMatter.decision(d.id().value()), DECISION_STEP, "");
    }

    /** The named agency reports the decision carried out, with a note: the obligation is fulfilled. */
    @Transactional
    public void reportDone(DecisionId id, int version, String note) {
        DecisionView view = decision(id);
        TongxinPrincipal me = currentUser.get();
        if (!owes(view)) {
            throw TongxinException.forbidden("DECISION_NOT_YOURS");
        }
        Decision decision = Decision.of(view);
        decision.requireOpen();
        if (decision.version() != version) {
            throw TongxinException.staleVersion();
        }
        FieldProblems problems = new FieldProblems();
        String text = Texts.required(problems, "note", note, 2, 2000);
        problems.throwIfAny();
        Instant now = clock.instant();
        ActorRef actor = currentUser.ref();
        boolean late = LegalTime.dateOf(now).isAfter(view.dueDate());
        if (view.tracked()) {
            Optional<ObligationView> fulfilled = view.caseId() != null
                    ? ledger.fulfil(view.caseId(), DECISION_STEP, id.toString(), now, actor)
                    : ledger.fulfil(ObligationMatter.decision(id.value()), DECISION_STEP, "", now, actor);
            late = fulfilled
                    .map(o -> o.status() == ObligationStatus.FULFILLED_LATE)
                    .orElse(late);
        }
        decision.reportDone(text, late, now, me.userId(), actor);
        if (!meetings.save(decision)) {
            throw TongxinException.staleVersion();
        }
        decision.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.decision.done")
                .target("decision", id)
                .detail("late", late));
    }

    // What the meeting's façade uses when decisions are recorded with the minutes

    /** A decision whose fields passed: the text, the agency, the case, and the due date with its ledger step. */
    record Checked(
            String text,
            AgencyView owing,
            CaseId caseId,
            LocalDate due,
            Optional<ResolvedPolicy> policy,
            Optional<ProcedureStep> step,
            Integer amount) {}

    /** Checks a decision of a meeting held on {@code heldDate}; problems go under {@code prefix} + field. */
    Checked check(String region, LocalDate heldDate, NewDecision request, FieldProblems problems, String prefix) {
        String text = Texts.required(problems, prefix + "text", request == null ? null : request.text(), 2, 2000);
        if (request == null) {
            return new Checked(text, null, null, null, Optional.empty(), Optional.empty(), null);
        }
        AgencyView owing = request.agencyId() == null
                ? null
                : agencies.find(AgencyId.of(request.agencyId()))
                        .filter(AgencyView::active)
                        .orElse(null);
        if (owing == null) {
            problems.add(prefix + "agencyId", request.agencyId() == null ? "required" : "unknownAgency");
        }
        CaseId caseId = request.caseId() == null ? null : CaseId.of(request.caseId());
        if (caseId != null) {
            if (!access.sees(caseId)) {
                problems.add(prefix + "caseId", "caseNotVisible");
            } else if (owing != null
                    && cases.parties(caseId).stream().map(LawfulRole::agency).noneMatch(owing.id()::equals)) {
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
        Integer amount = step.isEmpty()
                ? null
                : due == null ? step.get().deadline().amount() : workingDaysBetween(calendarRegion, heldDate, due);
        return new Checked(text, owing, caseId, due, policy, step, amount);
    }

    /** The checked decisions taken by the held meeting, in order (the meeting is saved by the caller). */
    List<Decision> take(Meeting meeting, List<Checked> checked, Instant now) {
        List<Decision> taken = new ArrayList<>();
        for (Checked c : checked) {
            taken.add(take(meeting, c, now));
        }
        return taken;
    }

    /**
     * The meeting takes a checked decision, and {@code meeting.decision} is opened for the agency named (case-bound when
     * it names a case, about the decision otherwise), due by the date given or the policy's period from the meeting.
     * Without the step in the region's policy the decision keeps the date given and no ledger deadline.
     */
    private Decision take(Meeting meeting, Checked c, Instant now) {
        Instant heldAt = meeting.heldAt();
        LocalDate due = c.due();
        if (c.step().isPresent()) {
            due = ledger.previewDueDate(c.policy().get(), c.step().get(), c.amount(), heldAt, false);
        }
        Decision decision = meeting.decide(
                DecisionId.random(),
                c.text(),
                c.owing().id(),
                c.caseId(),
                due,
                c.step().isPresent(),
                now,
                currentUser.ref());
        meetings.insert(decision);
        DecisionId decisionId = decision.id();
        if (c.step().isPresent()) {
            ProcedureStep step = c.step().get();
            ResolvedPolicy policy = c.policy().get();
            ledger.open(
                    c.caseId() != null
                            ? new OpenObligation(
                                    c.caseId(),
                                    step,
                                    decisionId.toString(),
                                    policy.version(),
                                    policy.settings(),
                                    c.owing().id(),
                                    false,
                                    meeting.convenor(),
                                    c.amount(),
                                    false,
                                    heldAt,
                                    null)
                            : OpenObligation.forMatter(
                                    ObligationMatter.decision(decisionId.value()),
                                    step,
                                    "",
                                    policy.version(),
                                    policy.settings(),
                                    c.owing().id(),
                                    meeting.convenor(),
                                    c.amount(),
                                    heldAt));
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "meeting.decision")
                .target("decision", decisionId)
                .detail("meeting", meeting.id())
                .detail("agency", c.owing().id())
                .detail("case", c.caseId()));
        return decision;
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
}
