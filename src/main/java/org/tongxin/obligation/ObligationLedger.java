package org.tongxin.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationEvents.ObligationPaused;
import org.tongxin.obligation.ObligationEvents.ObligationResumed;
import org.tongxin.obligation.ObligationEvents.ObligationWaived;
import org.tongxin.obligation.internal.DueCalculator;
import org.tongxin.obligation.internal.ObligationRepository;
import org.tongxin.obligation.internal.ObligationRepository.Key;
import org.tongxin.obligation.internal.ObligationRepository.Row;
import org.tongxin.obligation.internal.Signal;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * The ledger's commands. The procedure module opens, fulfils, pauses and resumes obligations as the case moves;
 * heads of the owing agency may waive one with a reason; anyone of the owing agency may take one into their own
 * inbox. Opening and fulfilling are idempotent, so a redelivered event changes nothing.
 *
 * <p>The procedure's reactions run in concurrent transactions and, after a crash, in any order. Every command therefore
 * first takes a transaction-scoped lock on its case (or matter), so that two commands about one case never interleave,
 * and a command that arrives before it can apply — a fulfilment before the opening has committed, a resumption before
 * its pause — is kept and applied when it can (ADR 0028). Nothing a reaction tells the ledger is lost to timing.
 */
@Component
public class ObligationLedger {

    private static final Logger log = LoggerFactory.getLogger(ObligationLedger.class);

    private final ObligationRepository obligations;
    private final DueCalculator due;
    private final PolicyModels policies;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ObligationLedger(ObligationRepository obligations, DueCalculator due, PolicyModels policies,
            ApplicationEventPublisher events, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.obligations = obligations;
        this.due = due;
        this.policies = policies;
        this.events = events;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens an obligation (once per case or matter, step and instance); its due time follows the rule, calendar and
     * settings. Commands about it that arrived first (ADR 0028) are applied at once, in the order their facts happened.
     */
    @Transactional
    public ObligationId open(OpenObligation request) {
        return open(request, null);
    }

    /**
     * Opens a step whose trigger has not happened yet (ADR 0039): the step is known and shown ("not started — waits for
     * …"), but has no due time, never turns overdue and is never escalated; {@link #start} starts its clock when the
     * trigger happens ({@code triggeredAt} of the request is only when it was opened). {@code waitsFor}: the organ whose
     * move the trigger is (null for the owing agency's own earlier step); {@code reason}: why it waits. Once per key,
     * like {@link #open(OpenObligation)}: a step opened already (started or not) stays as it is.
     */
    @Transactional
    public ObligationId openNotStarted(OpenObligation request, AgencyId waitsFor, WaitReason reason) {
        return open(request, Signal.waitFor(waitsFor, reason.name(), request.triggeredAt()));
    }

    private ObligationId open(OpenObligation request, Signal notStarted) {
        Key key = request.caseId() != null ? Key.of(request.caseId(), request.step().id(), instance(request.instance()))
                : Key.of(request.matter(), request.step().id(), instance(request.instance()));
        obligations.serialise(key);
        Optional<Row> existing = obligations.findForUpdate(key);
        if (existing.isPresent()) {
            return existing.get().view().id();
        }
        ProcedureStep step = request.step();
        DeadlineKind kind = step.deadline().kind();
        String calendarRegion = due.calendarRegion(request.policyVersion().region());
        DueCalculator.Due computed = notStarted != null ? new DueCalculator.Due(null, null, false, false, null)
                : due.compute(kind, request.amount(), request.triggeredAt(), calendarRegion, request.custody(), request.settings());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        obligations.insert(id, request.caseId(), request.matter(), step.id(), instance(request.instance()), request.policyVersion().versionId(),
                request.policyVersion().region(), request.owingAgency(), request.owedBySubject(), request.counterparty(),
                ObligationStatus.OPEN, kind, request.amount(), request.custody(), calendarRegion, request.triggeredAt(), computed,
                request.settings().escalationWorkingDays(), request.assignee(), now, notStarted);
        ObligationId obligationId = ObligationId.of(id);
        obligations.history(obligationId, request.caseId(), now, "OPENED", ObligationStatus.OPEN, computed.dueAt(),
                request.owingAgency(), null, notStarted == null ? null : "not started: " + notStarted.reason());
        if (notStarted == null) {
            // A step that has not started is opened for the ledger's readers when its clock starts (startClock).
            events.publishEvent(new ObligationOpened(UUID.randomUUID(), obligationId, request.caseId(), step.id(), step.nameZh(),
                    step.nameEn(), request.owingAgency(), computed.dueAt(), now, ActorRef.SYSTEM));
        }
        applyKept(key);
        return obligationId;
    }

    /**
     * The step was done at {@code at}: FULFILLED, or FULFILLED_LATE after its due time (for a paused step: if its time
     * had run out when the clock stopped). No-op when already closed; kept until it opens when it is not open yet.
     */
    @Transactional
    public Optional<ObligationView> fulfil(CaseId caseId, String stepId, String instance, Instant at, ActorRef actor) {
        return fulfil(Key.of(caseId, stepId, instance(instance)), at, actor);
    }

    /** The step of a matter (a meeting decision, a conflict) was done at {@code at}; as {@link #fulfil(CaseId, String, String, Instant, ActorRef)}. */
    @Transactional
    public Optional<ObligationView> fulfil(ObligationMatter matter, String stepId, String instance, Instant at, ActorRef actor) {
        return fulfil(Key.of(matter, stepId, instance(instance)), at, actor);
    }

    private Optional<ObligationView> fulfil(Key key, Instant at, ActorRef actor) {
        command(key, Signal.of(Signal.Kind.FULFIL, at, actor));
        return current(key);
    }

    /**
     * Stops a pausable clock (materials being supplemented); remembers how much of the period is left. Kept until it
     * applies when the obligation is not open yet or its clock is stopped already (a resumption still to come).
     */
    @Transactional
    public void pause(CaseId caseId, String stepId, String instance, Instant at, String reason, ActorRef actor) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.PAUSE, at, actor, reason));
    }

    /**
     * Restarts a paused clock: the rest of the period runs from {@code at} (due time recomputed). Kept until it applies
     * when the clock has not stopped yet (its pause still to come).
     */
    @Transactional
    public void resume(CaseId caseId, String stepId, String instance, Instant at, ActorRef actor) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.RESUME, at, actor));
    }

    /**
     * The step waits for another organ's move (ADR 0039): {@code agency} must act first (the sender must correct and
     * resend what the owing agency returned). The clock goes on where the law lets it run (a pausable one is paused by
     * {@link #pause}); the line says whose move it is, and the escalation scan leaves it alone while it waits. Kept until
     * the obligation opens, like every command.
     */
    @Transactional
    public void waitFor(CaseId caseId, String stepId, String instance, AgencyId agency, WaitReason reason, Instant at) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.waitFor(agency, reason.name(), at));
    }

    /** The organ the step waited for has moved (the documents were resent): the owing agency's move again. */
    @Transactional
    public void stopWaiting(CaseId caseId, String stepId, String instance, Instant at) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.STOP_WAITING, at, ActorRef.SYSTEM));
    }

    /**
     * The trigger of a step opened before it ({@link #openNotStarted}) happened at {@code at}: its clock starts, the due
     * time counted from {@code at}. Kept until the step opens; no-op for a step whose clock already runs.
     */
    @Transactional
    public void start(CaseId caseId, String stepId, String instance, Instant at, ActorRef actor) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.START, at, actor));
    }

    /** A head of the owing agency waives an obligation that no longer applies, with the reason (audited). */
    @Transactional
    public void waive(ObligationId id, int version, String reason) {
        TongxinPrincipal me = currentUser.get();
        ObligationView found = obligations.find(id).map(Row::view).orElseThrow(TongxinException::notFound);
        Key key = Key.of(found);
        obligations.serialise(key);
        ObligationView o = obligations.findForUpdate(key).map(Row::view).orElseThrow(TongxinException::notFound);
        if (!o.owingAgencyId().equals(me.agency())) {
            throw TongxinException.notFound();
        }
        if (me.roles().stream().noneMatch(EnumSet.of(Role.COUNTY_HEAD, Role.OFFICE_HEAD, Role.JUDGE)::contains)) {
            throw TongxinException.forbidden("WAIVER_NEEDS_HEAD");
        }
        if (o.version() != version) {
            throw TongxinException.staleVersion();
        }
        if (o.closed()) {
            throw TongxinException.conflict("OBLIGATION_CLOSED");
        }
        if (reason == null || reason.strip().length() < 5) {
            throw TongxinException.invalid("reason", "waiverReason", 5);
        }
        if (reason.length() > 500) {
            throw TongxinException.invalid("reason", "maxLength", 500);
        }
        Instant now = clock.instant();
        obligations.close(id, ObligationStatus.WAIVED, now, me.userId(), reason.strip());
        obligations.history(id, o.caseId(), now, "WAIVED", ObligationStatus.WAIVED, o.dueAt(), o.owingAgencyId(), me.userId(),
                reason.strip());
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationWaived(UUID.randomUUID(), id, o.caseId(), o.stepId(), step.nameZh(), step.nameEn(), now,
                currentUser.ref()));
        AuditEntry.Builder entry = AuditEntry.of(AuditCategory.CASE_CHANGE, "obligation.waive").target("obligation", id)
                .detail("step", o.stepId());
        audit.record(o.caseId() != null ? entry.detail("case", o.caseId())
                : entry.detail("matter", o.matter().kind() + " " + o.matter().id()));
    }

    /** Takes an obligation of one's own agency into one's personal inbox. */
    @Transactional
    public void take(ObligationId id) {
        TongxinPrincipal me = currentUser.get();
        ObligationView o = obligations.find(id).map(ObligationRepository.Row::view).orElseThrow(TongxinException::notFound);
        if (!o.owingAgencyId().equals(me.agency())) {
            throw TongxinException.notFound();
        }
        if (o.closed()) {
            throw TongxinException.conflict("OBLIGATION_CLOSED");
        }
        Instant now = clock.instant();
        obligations.assign(id, me.userId(), now);
        obligations.history(id, o.caseId(), now, "ASSIGNED", o.status(), o.dueAt(), o.owingAgencyId(), me.userId(), null);
    }

    /** The step moves to another agency (the county agency entrusts it to the judicial office it assigned). */
    @Transactional
    public void reassign(CaseId caseId, String stepId, String instance, AgencyId agency, Instant at) {
        command(Key.of(caseId, stepId, instance(instance)), Signal.reassign(agency, at));
    }

    /**
     * One pending obligation no longer applies (a referral withdrawn or ended before the step was due): it lapses
     * (WAIVED by the system, with the reason). Returns whether it lapsed now; kept until it opens when it is not open yet.
     */
    @Transactional
    public boolean lapse(CaseId caseId, String stepId, String instance, Instant at, String reason) {
        return command(Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.LAPSE, at, ActorRef.SYSTEM, reason));
    }

    /**
     * The case ended before intake did (withdrawn): every pending obligation of it lapses, with the reason, and so does
     * any the reactions still open for it afterwards.
     */
    @Transactional
    public int lapseAll(CaseId caseId, Instant at, String reason) {
        return lapseAllExcept(caseId, at, reason, List.of());
    }

    /**
     * The case ended: every pending obligation of it lapses with the reason, except the steps {@code kept} (ids, or
     * prefixes ending in '.': the ending's own notices, the replies owed to the procuratorate …), and so does any step
     * a late reaction opens for it afterwards — a standing command under the case's lock, so no step opened after the
     * ending stays open (ADR 0028). Returns how many lapsed now.
     */
    @Transactional
    public int lapseAllExcept(CaseId caseId, Instant at, String reason, List<String> kept) {
        Key wholeCase = Key.of(caseId, "*", "*");
        obligations.serialise(wholeCase);
        Signal lapse = Signal.lapseAll(at, reason, kept);
        obligations.keep(wholeCase, lapse, clock.instant());
        int count = 0;
        for (ObligationView o : obligations.forCase(caseId)) {
            if (lapse.keeps(o.stepId())) {
                continue;
            }
            Optional<Row> row = obligations.findForUpdate(Key.of(o));
            if (row.isPresent() && !row.get().view().closed()) {
                apply(row.get(), lapse);
                count++;
            }
        }
        return count;
    }

    // Commands: applied when they apply, else kept until they do (ADR 0028)

    /**
     * Applies a command to the obligation it names, under the case's (or matter's) lock, or keeps it when the obligation
     * is not there yet or not in a state it applies to. Returns whether it was applied now.
     */
    private boolean command(Key key, Signal signal) {
        obligations.serialise(key);
        Optional<Row> row = obligations.findForUpdate(key);
        if (row.isPresent() && row.get().view().closed()) {
            return false;
        }
        if (row.isEmpty() || !signal.appliesTo(row.get().state())) {
            obligations.keep(key, signal, clock.instant());
            log.debug("Ledger command {} for {} kept until it applies", signal.kind(), key);
            return false;
        }
        apply(row.get(), signal);
        applyKept(key);
        return true;
    }

    /** Applies the kept commands that apply now, one after the other in the order their facts happened. */
    private void applyKept(Key key) {
        for (int i = 0; i < 100; i++) {
            List<Signal> kept = obligations.waiting(key);
            if (kept.isEmpty()) {
                return; // the usual case: one indexed lookup
            }
            Optional<Row> row = obligations.findForUpdate(key);
            if (row.isEmpty() || row.get().view().closed()) {
                return;
            }
            ObligationView o = row.get().view();
            Optional<Signal> next = Signal.next(kept, row.get().state());
            if (next.isEmpty()) {
                return;
            }
            apply(row.get(), next.get());
            if (next.get().kind() != Signal.Kind.LAPSE_ALL) {
                obligations.applied(next.get(), o.id(), clock.instant());
            }
        }
        throw new IllegalStateException("Kept ledger commands for " + key + " do not settle");
    }

    private void apply(Row row, Signal signal) {
        switch (signal.kind()) {
            case FULFIL -> closeFulfilled(row, signal.at(), signal.actor());
            case LAPSE, LAPSE_ALL -> closeLapsed(row, signal.at(), signal.reason());
            case PAUSE -> stopClock(row, signal.at(), signal.reason(), signal.actor());
            case RESUME -> restartClock(row, signal.at(), signal.actor());
            case REASSIGN -> moveTo(row, signal.agency(), signal.at());
            case WAIT -> waitFor(row, signal);
            case STOP_WAITING -> stopWaiting(row, signal.at());
            case START -> startClock(row, signal.at(), signal.actor());
        }
    }

    private void waitFor(Row row, Signal signal) {
        ObligationView o = row.view();
        if (signal.reason().equals(o.waitingReason()) && java.util.Objects.equals(signal.agency(), o.waitingForAgencyId())) {
            return; // already waiting for the same move: a redelivered reaction
        }
        obligations.waitFor(o.id(), signal.agency(), signal.reason(), signal.at(), clock.instant());
        obligations.history(o.id(), o.caseId(), signal.at(), "WAITING", o.status(), o.dueAt(), o.owingAgencyId(), null,
                signal.reason() + (signal.agency() == null ? "" : " " + signal.agency()));
    }

    private void stopWaiting(Row row, Instant at) {
        ObligationView o = row.view();
        Instant now = clock.instant();
        // The owing agency was not idle while it waited: an escalation due by now gets its full interval from now on.
        Instant escalationAt = due.workingDaysAfter(row.calendarRegion(), now, row.escalationWorkingDays());
        obligations.stopWaiting(o.id(), at, escalationAt, now);
        obligations.history(o.id(), o.caseId(), at, "WAITING_ENDED", o.status(), o.dueAt(), o.owingAgencyId(), null, null);
    }

    private void startClock(Row row, Instant at, ActorRef actor) {
        ObligationView o = row.view();
        ResolvedPolicy policy = policies.version(o.policyVersionId(), LegalTime.dateOf(o.startedAt()));
        DueCalculator.Due computed = due.compute(o.deadlineKind(), row.remainingAmount(), at, row.calendarRegion(), o.custody(),
                policy.settings());
        obligations.start(o.id(), at, computed, clock.instant());
        obligations.history(o.id(), o.caseId(), at, "STARTED", o.status(), computed.dueAt(), o.owingAgencyId(), actor.userId(),
                null);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationOpened(UUID.randomUUID(), o.id(), o.caseId(), o.stepId(), step.nameZh(), step.nameEn(),
                o.owingAgencyId(), computed.dueAt(), clock.instant(), actor));
    }

    private void closeFulfilled(Row row, Instant at, ActorRef actor) {
        ObligationView o = row.view();
        CaseId caseId = o.caseId();
        String stepId = o.stepId();
        // The rule (a stopped clock does not run; 立即 / 及时 late after the alert threshold) is LedgerRules', which the
        // what-if simulation applies too.
        boolean late = LedgerRules.fulfilledLate(o.status(), o.dueAt(), o.pausedAt(), at);
        ObligationStatus status = late ? ObligationStatus.FULFILLED_LATE : ObligationStatus.FULFILLED;
        obligations.close(o.id(), status, at, actor.userId(), null);
        obligations.history(o.id(), caseId, at, status.name(), status, o.dueAt(), o.owingAgencyId(), actor.userId(), null);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationFulfilled(UUID.randomUUID(), o.id(), caseId, stepId, step.nameZh(), step.nameEn(),
                o.owingAgencyId(), late, at, actor));
    }

    private void closeLapsed(Row row, Instant at, String reason) {
        ObligationView o = row.view();
        obligations.close(o.id(), ObligationStatus.WAIVED, at, null, reason);
        obligations.history(o.id(), o.caseId(), at, "WAIVED", ObligationStatus.WAIVED, o.dueAt(), o.owingAgencyId(), null, reason);
    }

    private void stopClock(Row row, Instant at, String reason, ActorRef actor) {
        ObligationView o = row.view();
        ProcedureStep step = step(o);
        if (!step.pausable()) {
            // The policy does not let this clock stop: a reaction asking for it must not fail for ever on redelivery.
            log.warn("Step {} of {} is not pausable in policy {}; its clock keeps running", o.stepId(),
                    o.caseId() != null ? o.caseId() : o.matter(), o.policyRegion());
            return;
        }
        int remaining = o.deadlineKind() == DeadlineKind.MONTHS || row.remainingAmount() == null
                ? (row.remainingAmount() == null ? 0 : row.remainingAmount())
                : due.remainingAfterPause(o.deadlineKind(), row.remainingAmount(), row.clockStart(), at, row.calendarRegion());
        obligations.pause(o.id(), at, reason, remaining);
        obligations.history(o.id(), o.caseId(), at, "PAUSED", ObligationStatus.PAUSED, o.dueAt(), o.owingAgencyId(),
                actor.userId(), reason);
        events.publishEvent(new ObligationPaused(UUID.randomUUID(), o.id(), o.caseId(), o.stepId(), step.nameZh(), step.nameEn(),
                at, actor));
    }

    private void restartClock(Row row, Instant at, ActorRef actor) {
        ObligationView o = row.view();
        Instant clockStart = o.deadlineKind() == DeadlineKind.MONTHS
                ? row.clockStart().plus(Duration.between(o.pausedAt(), at)) : at;
        ResolvedPolicy policy = policies.version(o.policyVersionId(), LegalTime.dateOf(o.startedAt()));
        DueCalculator.Due computed = due.compute(o.deadlineKind(), row.remainingAmount(), clockStart, row.calendarRegion(),
                o.custody(), policy.settings());
        obligations.resume(o.id(), at, clockStart, computed);
        obligations.history(o.id(), o.caseId(), at, "RESUMED", ObligationStatus.OPEN, computed.dueAt(), o.owingAgencyId(),
                actor.userId(), null);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationResumed(UUID.randomUUID(), o.id(), o.caseId(), o.stepId(), step.nameZh(), step.nameEn(),
                computed.dueAt(), at, actor));
    }

    private void moveTo(Row row, AgencyId agency, Instant at) {
        ObligationView o = row.view();
        if (o.owingAgencyId().equals(agency)) {
            return;
        }
        obligations.reassign(o.id(), agency, at);
        obligations.history(o.id(), o.caseId(), at, "REASSIGNED", o.status(), o.dueAt(), agency, null, o.owingAgencyId().toString());
    }

    private Optional<ObligationView> current(Key key) {
        return (key.caseId() != null ? obligations.find(key.caseId(), key.stepId(), key.instance())
                : obligations.find(key.matter(), key.stepId(), key.instance())).map(Row::view);
    }

    @Transactional(readOnly = true)
    public Optional<ObligationView> find(CaseId caseId, String stepId, String instance) {
        return obligations.find(caseId, stepId, instance(instance)).map(ObligationRepository.Row::view);
    }

    @Transactional(readOnly = true)
    public Optional<ObligationView> find(ObligationMatter matter, String stepId, String instance) {
        return obligations.find(matter, stepId, instance(instance)).map(ObligationRepository.Row::view);
    }

    /** Every obligation about a matter that the caller's agency may see (row-level security hides the others). */
    @Transactional(readOnly = true)
    public List<ObligationView> forMatter(ObligationMatter matter) {
        return obligations.forMatter(matter);
    }

    @Transactional(readOnly = true)
    public Optional<ObligationView> find(ObligationId id) {
        return obligations.find(id).map(ObligationRepository.Row::view);
    }

    /** Every obligation of a case (the case pages show them to its parties). */
    @Transactional(readOnly = true)
    public List<ObligationView> forCase(CaseId caseId) {
        return obligations.forCase(caseId);
    }

    /**
     * The legal due date a step would have if triggered at {@code from} (for a document announcing it, such as the
     * entrustment letter); null for steps without a counted period.
     */
    public java.time.LocalDate previewDueDate(ResolvedPolicy policy, ProcedureStep step, Integer amount, Instant from,
            boolean custody) {
        if (!step.deadline().kind().counted()) {
            return null;
        }
        return due.compute(step.deadline().kind(), amount, from, due.calendarRegion(policy.region()), custody, policy.settings())
                .dueDate();
    }

    /** The step of an obligation as its policy version defines it. */
    public ProcedureStep step(ObligationView o) {
        return policies.version(o.policyVersionId(), LegalTime.dateOf(o.startedAt())).require(o.stepId());
    }

    private static String instance(String instance) {
        return instance == null ? "" : instance;
    }
}
