package org.tongxin.obligation;

import java.time.Clock;
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
import org.tongxin.obligation.internal.DueCalculator;
import org.tongxin.obligation.internal.Obligation;
import org.tongxin.obligation.internal.ObligationRepository;
import org.tongxin.obligation.internal.ObligationRepository.Key;
import org.tongxin.obligation.internal.ObligationRepository.Row;
import org.tongxin.obligation.internal.Signal;
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

    ObligationLedger(
            ObligationRepository obligations,
            DueCalculator due,
            PolicyModels policies,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
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
        Key key = request.caseId() != null
                ? Key.of(request.caseId(), request.step().id(), instance(request.instance()))
                : Key.of(request.matter(), request.step().id(), instance(request.instance()));
        obligations.serialise(key);
        Optional<Row> existing = obligations.findForUpdate(key);
        if (existing.isPresent()) {
            return existing.get().view().id();
        }
        ProcedureStep step = request.step();
        String calendarRegion = due.calendarRegion(request.policyVersion().region());
        LedgerRules.Due computed = notStarted != null
                ? LedgerRules.Due.NONE
                : due.rules()
                        .due(
                                step.deadline().kind(),
                                request.amount(),
                                request.triggeredAt(),
                                calendarRegion,
                                request.custody(),
                                request.settings());
        ObligationId obligationId = ObligationId.of(UUID.randomUUID());
        // A step that has not started is announced as opened when its clock starts (Obligation.start).
        Obligation opened = Obligation.open(
                obligationId,
                request,
                instance(request.instance()),
                calendarRegion,
                computed,
                clock.instant(),
                notStarted);
        obligations.insert(opened);
        opened.pullEvents().forEach(events::publishEvent);
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
    public Optional<ObligationView> fulfil(
            ObligationMatter matter, String stepId, String instance, Instant at, ActorRef actor) {
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
        Obligation o = obligations.findForUpdate(key).map(Obligation::of).orElseThrow(TongxinException::notFound);
        if (!o.owingAgency().equals(me.agency())) {
            throw TongxinException.notFound();
        }
        if (me.roles().stream().noneMatch(EnumSet.of(Role.COUNTY_HEAD, Role.OFFICE_HEAD, Role.JUDGE)::contains)) {
            throw TongxinException.forbidden("WAIVER_NEEDS_HEAD");
        }
        if (o.version() != version) {
            throw TongxinException.staleVersion();
        }
        // The state first (409 before a bad text's 400, as always); a refused text then saves nothing.
        o.waive(
                me.userId(),
                reason == null ? null : reason.strip(),
                clock.instant(),
                step(o.policyVersionId(), o.startedAt(), o.stepId()),
                currentUser.ref());
        if (reason == null || reason.strip().length() < 5) {
            throw TongxinException.invalid("reason", "waiverReason", 5);
        }
        if (reason.length() > 500) {
            throw TongxinException.invalid("reason", "maxLength", 500);
        }
        save(o);
        AuditEntry.Builder entry = AuditEntry.of(AuditCategory.CASE_CHANGE, "obligation.waive")
                .target("obligation", id)
                .detail("step", o.stepId());
        audit.record(
                o.caseId() != null
                        ? entry.detail("case", o.caseId())
                        : entry.detail(
                                "matter", o.matter().kind() + " " + o.matter().id()));
    }

    /** Takes an obligation of one's own agency into one's personal inbox. */
    @Transactional
    public void take(ObligationId id) {
        TongxinPrincipal me = currentUser.get();
        Obligation o = obligations.findForUpdate(id).map(Obligation::of).orElseThrow(TongxinException::notFound);
        if (!o.owingAgency().equals(me.agency())) {
            throw TongxinException.notFound();
        }
        o.take(me.userId(), clock.instant());
        save(o);
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
        return command(
                Key.of(caseId, stepId, instance(instance)), Signal.of(Signal.Kind.LAPSE, at, ActorRef.SYSTEM, reason));
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

    /** Applies a command that applies now (the caller checked {@link Signal#appliesTo}) through the obligation's transition. */
    private void apply(Row row, Signal signal) {
        Obligation o = Obligation.of(row);
        LedgerRules rules = due.rules();
        switch (signal.kind()) {
            case FULFIL -> o.fulfil(signal.at(), signal.actor(), step(o.policyVersionId(), o.startedAt(), o.stepId()));
            case LAPSE, LAPSE_ALL -> o.lapse(signal.at(), signal.reason());
            case PAUSE -> {
                if (!o.pause(
                        signal.at(),
                        signal.reason(),
                        signal.actor(),
                        step(o.policyVersionId(), o.startedAt(), o.stepId()),
                        rules)) {
                    // The policy does not let this clock stop: a reaction asking for it must not fail for ever on
                    // redelivery.
                    log.warn(
                            "Step {} of {} is not pausable in policy {}; its clock keeps running",
                            o.stepId(),
                            o.caseId() != null ? o.caseId() : o.matter(),
                            o.policyRegion());
                }
            }
            case RESUME -> {
                ResolvedPolicy policy = policy(o.policyVersionId(), o.startedAt());
                o.resume(signal.at(), signal.actor(), policy.require(o.stepId()), rules, policy.settings());
            }
            case REASSIGN -> o.reassign(signal.agency(), signal.at());
            case WAIT -> o.waitFor(signal.agency(), signal.reason(), signal.at(), clock.instant());
            case STOP_WAITING -> o.stopWaiting(signal.at(), clock.instant(), rules);
            case START -> {
                ResolvedPolicy policy = policy(o.policyVersionId(), o.startedAt());
                o.start(
                        signal.at(),
                        signal.actor(),
                        policy.require(o.stepId()),
                        rules,
                        policy.settings(),
                        clock.instant());
            }
        }
        save(o);
    }

    /** Saves what a transition changed (we hold its row lock: the version matches) and publishes its events. */
    private void save(Obligation o) {
        if (!obligations.save(o)) {
            throw TongxinException.staleVersion();
        }
        o.pullEvents().forEach(events::publishEvent);
    }

    private Optional<ObligationView> current(Key key) {
        return (key.caseId() != null
                        ? obligations.find(key.caseId(), key.stepId(), key.instance())
                        : obligations.find(key.matter(), key.stepId(), key.instance()))
                .map(Row::view);
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
    public java.time.LocalDate previewDueDate(
            ResolvedPolicy policy, ProcedureStep step, Integer amount, Instant from, boolean custody) {
        if (!step.deadline().kind().counted()) {
            return null;
        }
        return due.compute(
                        step.deadline().kind(),
                        amount,
                        from,
                        due.calendarRegion(policy.region()),
                        custody,
                        policy.settings())
                .dueDate();
    }

    /** The step of an obligation as its policy version defines it. */
    public ProcedureStep step(ObligationView o) {
        return step(o.policyVersionId(), o.startedAt(), o.stepId());
    }

    /** The policy version an obligation was opened under, as it applied on the day it was opened. */
    ResolvedPolicy policy(ObligationView o) {
        return policy(o.policyVersionId(), o.startedAt());
    }

    private ProcedureStep step(UUID policyVersionId, Instant startedAt, String stepId) {
        return policy(policyVersionId, startedAt).require(stepId);
    }

    /** The policy version an obligation was opened under, as it applied on the day it was opened. */
    private ResolvedPolicy policy(UUID policyVersionId, Instant startedAt) {
        return policies.version(policyVersionId, LegalTime.dateOf(startedAt));
    }

    private static String instance(String instance) {
        return instance == null ? "" : instance;
    }
}
