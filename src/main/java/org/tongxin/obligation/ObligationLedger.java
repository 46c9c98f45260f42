package org.tongxin.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 */
@Component
public class ObligationLedger {

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
     * settings.
     */
    @Transactional
    public ObligationId open(OpenObligation request) {
        Optional<ObligationRepository.Row> existing = request.caseId() != null
                ? obligations.find(request.caseId(), request.step().id(), instance(request.instance()))
                : obligations.find(request.matter(), request.step().id(), instance(request.instance()));
        if (existing.isPresent()) {
            return existing.get().view().id();
        }
        ProcedureStep step = request.step();
        DeadlineKind kind = step.deadline().kind();
        String calendarRegion = due.calendarRegion(request.policyVersion().region());
        DueCalculator.Due computed = due.compute(kind, request.amount(), request.triggeredAt(), calendarRegion, request.custody(),
                request.settings());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        obligations.insert(id, request.caseId(), request.matter(), step.id(), instance(request.instance()), request.policyVersion().versionId(),
                request.policyVersion().region(), request.owingAgency(), request.owedBySubject(), request.counterparty(),
                ObligationStatus.OPEN, kind, request.amount(), request.custody(), calendarRegion, request.triggeredAt(), computed,
                request.settings().escalationWorkingDays(), request.assignee(), now);
        ObligationId obligationId = ObligationId.of(id);
        obligations.history(obligationId, request.caseId(), now, "OPENED", ObligationStatus.OPEN, computed.dueAt(),
                request.owingAgency(), null, null);
        events.publishEvent(new ObligationOpened(UUID.randomUUID(), obligationId, request.caseId(), step.id(), step.nameZh(),
                step.nameEn(), request.owingAgency(), computed.dueAt(), now, ActorRef.SYSTEM));
        return obligationId;
    }

    /**
     * The step was done at {@code at}: FULFILLED, or FULFILLED_LATE after its due time (for a paused step: if its time
     * had run out when the clock stopped). No-op when already closed.
     */
    @Transactional
    public Optional<ObligationView> fulfil(CaseId caseId, String stepId, String instance, Instant at, ActorRef actor) {
        return fulfil(obligations.find(caseId, stepId, instance(instance)), at, actor);
    }

    /** The step of a matter (a meeting decision, a conflict) was done at {@code at}; as {@link #fulfil(CaseId, String, String, Instant, ActorRef)}. */
    @Transactional
    public Optional<ObligationView> fulfil(ObligationMatter matter, String stepId, String instance, Instant at, ActorRef actor) {
        return fulfil(obligations.find(matter, stepId, instance(instance)), at, actor);
    }

    private Optional<ObligationView> fulfil(Optional<ObligationRepository.Row> row, Instant at, ActorRef actor) {
        if (row.isEmpty() || row.get().view().closed()) {
            return row.map(ObligationRepository.Row::view);
        }
        ObligationView o = row.get().view();
        CaseId caseId = o.caseId();
        String stepId = o.stepId();
        // A stopped clock does not run: a step done while paused is as late as it was when the clock stopped.
        Instant counted = o.status() == ObligationStatus.PAUSED && o.pausedAt() != null && o.pausedAt().isBefore(at) ? o.pausedAt() : at;
        // For 立即 / 及时 steps the due time is the policy's alert threshold: done after it is late, whether or not a
        // scan has already marked the step overdue, so the outcome never depends on the scan's timing.
        boolean late = o.status() == ObligationStatus.OVERDUE || (o.dueAt() != null && counted.isAfter(o.dueAt()));
        ObligationStatus status = late ? ObligationStatus.FULFILLED_LATE : ObligationStatus.FULFILLED;
        obligations.close(o.id(), status, at, actor.userId(), null);
        obligations.history(o.id(), caseId, at, status.name(), status, o.dueAt(), o.owingAgencyId(), actor.userId(), null);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationFulfilled(UUID.randomUUID(), o.id(), caseId, stepId, step.nameZh(), step.nameEn(),
                o.owingAgencyId(), late, at, actor));
        return obligations.find(o.id()).map(ObligationRepository.Row::view);
    }

    /** Stops a pausable clock (materials being supplemented); remembers how much of the period is left. */
    @Transactional
    public void pause(CaseId caseId, String stepId, String instance, Instant at, String reason, ActorRef actor) {
        ObligationRepository.Row row = obligations.find(caseId, stepId, instance(instance)).orElse(null);
        if (row == null || row.view().status() != ObligationStatus.OPEN && row.view().status() != ObligationStatus.OVERDUE) {
            return;
        }
        ObligationView o = row.view();
        if (!step(o).pausable()) {
            throw TongxinException.rule("OBLIGATION_NOT_PAUSABLE");
        }
        int remaining = o.deadlineKind() == DeadlineKind.MONTHS || row.remainingAmount() == null
                ? (row.remainingAmount() == null ? 0 : row.remainingAmount())
                : due.remainingAfterPause(o.deadlineKind(), row.remainingAmount(), row.clockStart(), at, row.calendarRegion());
        obligations.pause(o.id(), at, reason, remaining);
        obligations.history(o.id(), caseId, at, "PAUSED", ObligationStatus.PAUSED, o.dueAt(), o.owingAgencyId(), actor.userId(), reason);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationPaused(UUID.randomUUID(), o.id(), caseId, stepId, step.nameZh(), step.nameEn(), at, actor));
    }

    /** Restarts a paused clock: the rest of the period runs from now (due time recomputed). */
    @Transactional
    public void resume(CaseId caseId, String stepId, String instance, Instant at, ActorRef actor) {
        ObligationRepository.Row row = obligations.find(caseId, stepId, instance(instance)).orElse(null);
        if (row == null || row.view().status() != ObligationStatus.PAUSED) {
            return;
        }
        ObligationView o = row.view();
        Instant clockStart = o.deadlineKind() == DeadlineKind.MONTHS
                ? row.clockStart().plus(Duration.between(o.pausedAt(), at)) : at;
        ResolvedPolicy policy = policies.version(o.policyVersionId(), LegalTime.dateOf(o.startedAt()));
        DueCalculator.Due computed = due.compute(o.deadlineKind(), row.remainingAmount(), clockStart, row.calendarRegion(),
                o.custody(), policy.settings());
        obligations.resume(o.id(), at, clockStart, computed);
        obligations.history(o.id(), caseId, at, "RESUMED", ObligationStatus.OPEN, computed.dueAt(), o.owingAgencyId(),
                actor.userId(), null);
        ProcedureStep step = step(o);
        events.publishEvent(new ObligationResumed(UUID.randomUUID(), o.id(), caseId, stepId, step.nameZh(), step.nameEn(),
                computed.dueAt(), at, actor));
    }

    /** A head of the owing agency waives an obligation that no longer applies, with the reason (audited). */
    @Transactional
    public void waive(ObligationId id, int version, String reason) {
        TongxinPrincipal me = currentUser.get();
        ObligationView o = obligations.find(id).map(ObligationRepository.Row::view).orElseThrow(TongxinException::notFound);
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
        ObligationRepository.Row row = obligations.find(caseId, stepId, instance(instance)).orElse(null);
        if (row == null || row.view().closed() || row.view().owingAgencyId().equals(agency)) {
            return;
        }
        ObligationView o = row.view();
        obligations.reassign(o.id(), agency, at);
        obligations.history(o.id(), caseId, at, "REASSIGNED", o.status(), o.dueAt(), agency, null, o.owingAgencyId().toString());
    }

    /**
     * One pending obligation no longer applies (a referral withdrawn or ended before the step was due): it lapses
     * (WAIVED by the system, with the reason). No-op when absent or already closed.
     */
    @Transactional
    public boolean lapse(CaseId caseId, String stepId, String instance, Instant at, String reason) {
        ObligationRepository.Row row = obligations.find(caseId, stepId, instance(instance)).orElse(null);
        if (row == null || row.view().closed()) {
            return false;
        }
        ObligationView o = row.view();
        obligations.close(o.id(), ObligationStatus.WAIVED, at, null, reason);
        obligations.history(o.id(), caseId, at, "WAIVED", ObligationStatus.WAIVED, o.dueAt(), o.owingAgencyId(), null, reason);
        return true;
    }

    /** The case ended before intake did (withdrawn): every pending obligation of it lapses, with the reason. */
    @Transactional
    public int lapseAll(CaseId caseId, Instant at, String reason) {
        int count = 0;
        for (ObligationView o : obligations.forCase(caseId)) {
            if (o.closed()) {
                continue;
            }
            obligations.close(o.id(), ObligationStatus.WAIVED, at, null, reason);
            obligations.history(o.id(), caseId, at, "WAIVED", ObligationStatus.WAIVED, o.dueAt(), o.owingAgencyId(), null, reason);
            count++;
        }
        return count;
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
