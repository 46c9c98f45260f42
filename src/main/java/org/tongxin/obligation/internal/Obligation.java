package org.tongxin.obligation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationEvents.ObligationPaused;
import org.tongxin.obligation.ObligationEvents.ObligationResumed;
import org.tongxin.obligation.ObligationEvents.ObligationWaived;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * One obligation of the ledger and its state machine, like the case's (doc/style.md 7): opened (running, or not started
 * until its trigger) → paused ⇄ resumed, waiting for another organ and back, reassigned, taken by a person → fulfilled
 * (on time or late), lapsed or waived. One method per transition, each guarded by the state and refusing with a code
 * (409) that leaves the obligation unchanged; each records its line of the obligation's history and registers the event
 * it causes. {@link ObligationRepository#save} writes it whole under its version, with the history lines, and the façade
 * publishes {@link #pullEvents()}. The arithmetic of due times is {@link LedgerRules}' (the what-if simulation applies
 * the same rules); the scans that turn many obligations due soon, overdue or escalated at once stay set-based SQL in
 * the repository (doc/adr/0050-obligation-aggregate.md).
 */
public final class Obligation extends AggregateRoot {

    /** A line of the obligation's history ({@code obligation_history}), written with the obligation by the repository. */
    public record HistoryLine(
            Instant at,
            String event,
            ObligationStatus statusAfter,
            Instant dueAt,
            AgencyId agency,
            UUID actor,
            String detail) {}

    final ObligationId id;
    final CaseId caseId;
    final ObligationMatter matter;
    final String stepId;
    final String instance;
    final UUID policyVersionId;
    final String policyRegion;
    final boolean owedBySubject;
    final AgencyId counterparty;
    final DeadlineKind deadlineKind;
    final Integer deadlineAmount;
    final boolean custody;
    final String calendarRegion;
    final Instant startedAt;
    final int escalationWorkingDays;
    final Instant createdAt;
    final int version;
    ObligationStatus status;
    AgencyId owingAgency;
    UUID assignee;
    Instant clockStart;
    Integer remainingAmount;
    Instant dueAt;
    LocalDate dueDate;
    boolean alertOnly;
    boolean provisional;
    Instant warnAt;
    Instant warnedAt;
    Instant pausedAt;
    String pauseReason;
    Instant fulfilledAt;
    UUID fulfilledBy;
    Instant waivedAt;
    UUID waivedBy;
    String waiverReason;
    AgencyId waitingFor;
    String waitingReason;
    Instant waitingSince;
    boolean notStarted;
    Instant nextEscalationAt;
    Instant updatedAt;
    private final List<HistoryLine> history = new ArrayList<>();

    private Obligation(
            ObligationId id,
            CaseId caseId,
            ObligationMatter matter,
            String stepId,
            String instance,
            UUID policyVersionId,
            String policyRegion,
            boolean owedBySubject,
            AgencyId counterparty,
            DeadlineKind deadlineKind,
            Integer deadlineAmount,
            boolean custody,
            String calendarRegion,
            Instant startedAt,
            int escalationWorkingDays,
            Instant createdAt,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.matter = matter;
        this.stepId = stepId;
        this.instance = instance;
        this.policyVersionId = policyVersionId;
        this.policyRegion = policyRegion;
        this.owedBySubject = owedBySubject;
        this.counterparty = counterparty;
        this.deadlineKind = deadlineKind;
        this.deadlineAmount = deadlineAmount;
        this.custody = custody;
        this.calendarRegion = calendarRegion;
        this.startedAt = startedAt;
        this.escalationWorkingDays = escalationWorkingDays;
        this.createdAt = createdAt;
        this.version = version;
    }

    /**
     * Opens the step the request names, its clock running from the trigger with the computed {@code due} times — or, with
     * {@code notStarted} (a WAIT command: whose move the trigger is and why), known but not started: no due time, waiting
     * for its trigger, and announced only when its clock starts ({@link #start}).
     */
    public static Obligation open(
            ObligationId id,
            OpenObligation request,
            String instance,
            String calendarRegion,
            LedgerRules.Due due,
            Instant now,
            Signal notStarted) {
        ProcedureStep step = request.step();
        Obligation o = new Obligation(
                id,
                request.caseId(),
                request.matter(),
                step.id(),
                instance,
                request.policyVersion().versionId(),
                request.policyVersion().region(),
                request.owedBySubject(),
                request.counterparty(),
                step.deadline().kind(),
                request.amount(),
                request.custody(),
                calendarRegion,
                request.triggeredAt(),
                request.settings().escalationWorkingDays(),
                now,
                0);
        o.status = ObligationStatus.OPEN;
        o.owingAgency = request.owingAgency();
        o.assignee = request.assignee();
        o.clockStart = request.triggeredAt();
        o.remainingAmount = request.amount();
        o.dueAt(notStarted != null ? LedgerRules.Due.NONE : due);
        o.updatedAt = now;
        if (notStarted != null) {
            o.notStarted = true;
            o.waitingFor = notStarted.agency();
            o.waitingReason = notStarted.reason();
            o.waitingSince = notStarted.at();
        }
        o.record(
                now,
                "OPENED",
                o.dueAt,
                o.owingAgency,
                null,
                notStarted == null ? null : "not started: " + notStarted.reason());
        if (notStarted == null) {
            o.register(new ObligationOpened(
                    UUID.randomUUID(),
                    id,
                    o.caseId,
                    step.id(),
                    step.nameZh(),
                    step.nameEn(),
                    o.owingAgency,
                    o.dueAt,
                    now,
                    ActorRef.SYSTEM));
        }
        return o;
    }

    /** The obligation as stored, to change it. */
    public static Obligation of(ObligationRepository.Row row) {
        ObligationView v = row.view();
        Obligation o = new Obligation(
                v.id(),
                v.caseId(),
                v.matter(),
                v.stepId(),
                v.instance(),
                v.policyVersionId(),
                v.policyRegion(),
                v.owedBySubject(),
                v.counterpartyAgencyId(),
                v.deadlineKind(),
                v.deadlineAmount(),
                v.custody(),
                row.calendarRegion(),
                v.startedAt(),
                row.escalationWorkingDays(),
                v.createdAt(),
                v.version());
        o.status = v.status();
        o.owingAgency = v.owingAgencyId();
        o.assignee = v.assigneeUserId();
        o.clockStart = row.clockStart();
        o.remainingAmount = row.remainingAmount();
        o.dueAt = v.dueAt();
        o.dueDate = v.dueDate();
        o.alertOnly = v.alertOnly();
        o.provisional = v.provisional();
        o.warnAt = v.warnAt();
        o.warnedAt = v.warnedAt();
        o.pausedAt = v.pausedAt();
        o.pauseReason = v.pauseReason();
        o.fulfilledAt = v.fulfilledAt();
        o.fulfilledBy = v.fulfilledBy();
        o.waivedAt = v.waivedAt();
        o.waivedBy = v.waivedBy();
        o.waiverReason = v.waiverReason();
        o.waitingFor = v.waitingForAgencyId();
        o.waitingReason = v.waitingReason();
        o.waitingSince = v.waitingSince();
        o.notStarted = v.notStarted();
        o.nextEscalationAt = row.nextEscalationAt();
        return o;
    }

    /** The step was done at {@code at}: FULFILLED, or FULFILLED_LATE after its due time ({@link LedgerRules#fulfilledLate}). */
    public void fulfil(Instant at, ActorRef actor, ProcedureStep step) {
        requirePending();
        boolean late = LedgerRules.fulfilledLate(status, dueAt, pausedAt, at);
        status = late ? ObligationStatus.FULFILLED_LATE : ObligationStatus.FULFILLED;
        fulfilledAt = at;
        fulfilledBy = actor.userId();
        updatedAt = at;
        record(at, status.name(), dueAt, owingAgency, actor.userId(), null);
        register(new ObligationFulfilled(
                UUID.randomUUID(), id, caseId, stepId, step.nameZh(), step.nameEn(), owingAgency, late, at, actor));
    }

    /** The step no longer applies (a referral withdrawn, a case ended): WAIVED by the system, with the reason, no event. */
    public void lapse(Instant at, String reason) {
        requirePending();
        waived(at, null, reason);
    }

    /** A head of the owing agency waives it with a reason (the façade checked who and the text). */
    public void waive(UUID by, String reason, Instant now, ProcedureStep step, ActorRef actor) {
        requirePending();
        waived(now, by, reason);
        register(new ObligationWaived(UUID.randomUUID(), id, caseId, stepId, step.nameZh(), step.nameEn(), now, actor));
    }

    private void waived(Instant at, UUID by, String reason) {
        status = ObligationStatus.WAIVED;
        waivedAt = at;
        waivedBy = by;
        waiverReason = reason;
        updatedAt = at;
        record(at, "WAIVED", dueAt, owingAgency, by, reason);
    }

    /**
     * Stops a running clock at {@code at} and keeps how much of the period is left. Returns false, changing nothing, for a
     * step its policy does not let pause (a reaction asking for it must not fail on every redelivery, ADR 0028).
     */
    public boolean pause(Instant at, String reason, ActorRef actor, ProcedureStep step, LedgerRules rules) {
        if (!status.pending() || notStarted || status == ObligationStatus.PAUSED) {
            throw TongxinException.conflict("OBLIGATION_NOT_RUNNING");
        }
        if (!step.pausable()) {
            return false;
        }
        int remaining = deadlineKind == DeadlineKind.MONTHS || remainingAmount == null
                ? (remainingAmount == null ? 0 : remainingAmount)
                : rules.remainingAfterPause(deadlineKind, remainingAmount, clockStart, at, calendarRegion);
        status = ObligationStatus.PAUSED;
        pausedAt = at;
        pauseReason = reason;
        remainingAmount = remaining;
        updatedAt = at;
        record(at, "PAUSED", dueAt, owingAgency, actor.userId(), reason);
        register(new ObligationPaused(UUID.randomUUID(), id, caseId, stepId, step.nameZh(), step.nameEn(), at, actor));
        return true;
    }

    /** Restarts a stopped clock at {@code at}: the rest of the period runs from then (a month count moves by the pause). */
    public void resume(Instant at, ActorRef actor, ProcedureStep step, LedgerRules rules, PolicySettings settings) {
        if (status != ObligationStatus.PAUSED) {
            throw TongxinException.conflict("OBLIGATION_NOT_PAUSED");
        }
        Instant restart = deadlineKind == DeadlineKind.MONTHS ? clockStart.plus(Duration.between(pausedAt, at)) : at;
        LedgerRules.Due due = rules.due(deadlineKind, remainingAmount, restart, calendarRegion, custody, settings);
        status = ObligationStatus.OPEN;
        pausedAt = null;
        pauseReason = null;
        clockStart = restart;
        dueAt(due); // the same kind of period as before the pause: alertOnly stays as it was
        warnedAt = null;
        updatedAt = at;
        record(at, "RESUMED", dueAt, owingAgency, actor.userId(), null);
        register(new ObligationResumed(
                UUID.randomUUID(), id, caseId, stepId, step.nameZh(), step.nameEn(), dueAt, at, actor));
    }

    /**
     * The trigger of a step opened before it happened at {@code at}: its clock starts, the due time counted from then, and
     * the step is announced as opened (ADR 0039).
     */
    public void start(
            Instant at, ActorRef actor, ProcedureStep step, LedgerRules rules, PolicySettings settings, Instant now) {
        if (!status.pending() || !notStarted) {
            throw TongxinException.conflict("OBLIGATION_ALREADY_STARTED");
        }
        LedgerRules.Due due = rules.due(deadlineKind, remainingAmount, at, calendarRegion, custody, settings);
        notStarted = false;
        waitsForNobodySince(at);
        clockStart = at;
        dueAt(due);
        warnedAt = null;
        updatedAt = now;
        record(at, "STARTED", dueAt, owingAgency, actor.userId(), null);
        register(new ObligationOpened(
                UUID.randomUUID(), id, caseId, stepId, step.nameZh(), step.nameEn(), owingAgency, dueAt, now, actor));
    }

    /**
     * The step waits for {@code agency}'s move (null: for its own trigger) for the reason key given (ADR 0039). Returns
     * false, changing nothing, when it waits for the same move already (a redelivered reaction).
     */
    public boolean waitFor(AgencyId agency, String reason, Instant at, Instant now) {
        requirePending();
        if (reason.equals(waitingReason) && Objects.equals(agency, waitingFor)) {
            return false;
        }
        waitingFor = agency;
        waitingReason = reason;
        waitingSince = at;
        updatedAt = now;
        record(at, "WAITING", dueAt, owingAgency, null, reason + (agency == null ? "" : " " + agency));
        return true;
    }

    /**
     * The organ the step waited for has moved: the owing agency's move again. It was not idle while it waited, so an
     * escalation due before its full interval from {@code now} is put off until then.
     */
    public void stopWaiting(Instant at, Instant now, LedgerRules rules) {
        if (!status.pending() || waitingReason == null || notStarted) {
            throw TongxinException.conflict("OBLIGATION_NOT_WAITING");
        }
        if (nextEscalationAt != null) {
            Instant escalationAt = rules.workingDaysAfter(calendarRegion, now, escalationWorkingDays);
            if (nextEscalationAt.isBefore(escalationAt)) {
                nextEscalationAt = escalationAt;
            }
        }
        waitsForNobodySince(at);
        updatedAt = now;
        record(at, "WAITING_ENDED", dueAt, owingAgency, null, null);
    }

    /**
     * The step moves to another agency (the county agency entrusts it to its judicial office); nobody there has it yet.
     * Returns false, changing nothing, when that agency owes it already.
     */
    public boolean reassign(AgencyId agency, Instant at) {
        requirePending();
        if (owingAgency.equals(agency)) {
            return false;
        }
        AgencyId before = owingAgency;
        owingAgency = agency;
        assignee = null;
        updatedAt = at;
        record(at, "REASSIGNED", dueAt, agency, null, before.toString());
        return true;
    }

    /** A person of the owing agency takes it into their own inbox (the façade checked the agency). */
    public void take(UUID user, Instant now) {
        requirePending();
        assignee = user;
        updatedAt = now;
        record(now, "ASSIGNED", dueAt, owingAgency, user, null);
    }

    private void requirePending() {
        if (!status.pending()) {
            throw TongxinException.conflict("OBLIGATION_CLOSED");
        }
    }

    /** The owing agency's move from {@code at} on (when it last stopped waiting, for the kept commands). */
    private void waitsForNobodySince(Instant at) {
        waitingFor = null;
        waitingReason = null;
        waitingSince = at;
    }

    private void dueAt(LedgerRules.Due due) {
        dueAt = due.dueAt();
        dueDate = due.dueDate();
        alertOnly = due.alertOnly();
        provisional = due.provisional();
        warnAt = due.warnAt();
    }

    private void record(Instant at, String event, Instant due, AgencyId agency, UUID actor, String detail) {
        history.add(new HistoryLine(at, event, status, due, agency, actor, detail));
    }

    /** The history lines of the transitions since it was loaded or last saved; the obligation forgets them. */
    List<HistoryLine> pullHistory() {
        List<HistoryLine> out = List.copyOf(history);
        history.clear();
        return out;
    }

    /** Whether a transition changed it since it was loaded (every change records a history line). */
    public boolean changed() {
        return !history.isEmpty();
    }

    /** What the ledger's kept commands look at (ADR 0028, 0039). */
    public Signal.State state() {
        return new Signal.State(status, clockStart, pausedAt, waitingReason, waitingSince, notStarted);
    }

    public ObligationId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public ObligationMatter matter() {
        return matter;
    }

    public String stepId() {
        return stepId;
    }

    public ObligationStatus status() {
        return status;
    }

    public AgencyId owingAgency() {
        return owingAgency;
    }

    public UUID policyVersionId() {
        return policyVersionId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String policyRegion() {
        return policyRegion;
    }

    public int version() {
        return version;
    }

    public boolean closed() {
        return !status.pending();
    }
}
