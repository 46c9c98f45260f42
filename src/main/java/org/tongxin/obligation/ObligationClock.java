package org.tongxin.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.calendar.CalendarYearPublished;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.identity.Participation;
import org.tongxin.obligation.ObligationEvents.ObligationDueChanged;
import org.tongxin.obligation.ObligationEvents.ObligationDueSoon;
import org.tongxin.obligation.ObligationEvents.ObligationEscalated;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.internal.DueCalculator;
import org.tongxin.obligation.internal.ObligationRepository;
import org.tongxin.obligation.internal.ObligationRepository.Row;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.shared.jdbc.ClusterLock;
import org.tongxin.shared.security.ActorRef;

/**
 * The ledger's clock. Every minute, on one instance at a time (a database advisory lock, never memory; each change is
 * also conditional on the state the scan read, so a second scan racing it records nothing twice): open
 * obligations whose warning time has come are marked due soon; those whose due time has passed turn OVERDUE and
 * go to the organ one level up (level 1: the owing agency's parent, which gains the ESCALATION role in the case);
 * after the policy's number of working days still overdue they go to the city coordination office (level 2).
 * Batches of {@value #BATCH}, each in its own transaction, so a long backlog after downtime neither holds locks
 * for long nor is lost halfway.
 * <p>
 * A replay of past days on a moved clock (the City A demo) holds the clock with {@link #holdScheduledScans} and
 * scans with {@link #scanNow} at each moment it reaches, so the ledger is as true at every replayed moment as the
 * scheduled scan would have made it.
 */
@Component
public class ObligationClock {

    private static final Logger log = LoggerFactory.getLogger(ObligationClock.class);
    static final int BATCH = 200;
    private static final int MAX_BATCHES = 500;
    private static final String LOCK = "obligation-clock";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(2);

    private final ObligationRepository obligations;
    private final DueCalculator due;
    private final ObligationLedger ledger;
    private final AgencyDirectory agencies;
    private final CaseManagement cases;
    private final ApplicationEventPublisher events;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ObligationClock(
            ObligationRepository obligations,
            DueCalculator due,
            ObligationLedger ledger,
            AgencyDirectory agencies,
            CaseManagement cases,
            ApplicationEventPublisher events,
            ClusterLock lock,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.obligations = obligations;
        this.due = due;
        this.ledger = ledger;
        this.agencies = agencies;
        this.cases = cases;
        this.events = events;
        this.lock = lock;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tongxin.obligations.scan-interval:PT1M}", initialDelayString = "PT20S")
    void scheduled() {
        lock.runExclusively(LOCK, this::scanNow);
    }

    /**
     * Runs {@code work} while no scheduled scan runs on any instance (it holds the scan's cluster lock), waiting for a
     * scan in progress to finish first. For a replay of past days that calls {@link #scanNow} itself.
     */
    public void holdScheduledScans(Runnable work) {
        // Elapsed time, not the clock of the law: the replay moves that one.
        long end = System.nanoTime() + LOCK_WAIT.toNanos();
        while (!lock.runExclusively(LOCK, work)) {
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException("The obligation clock stayed busy for " + LOCK_WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the obligation clock", e);
            }
        }
    }

    /** One scan at the clock's current time; returns how many obligations changed (warned, overdue, escalated). */
    public int scanNow() {
        Instant now = clock.instant();
        int changed = 0;
        changed += batches(() -> obligations.warnBefore(now, BATCH), row -> warn(row, now));
        changed += batches(() -> obligations.dueBefore(now, BATCH), row -> overdue(row, now));
        // Within one run each agency's escalation chain is read once: a backlog holds many obligations of few agencies.
        Map<AgencyId, List<AgencyId>> chains = new HashMap<>();
        Map<AgencyId, Boolean> coordinationOffices = new HashMap<>();
        changed += batches(
                () -> obligations.escalationDue(now, BATCH),
                row -> escalate(
                        row,
                        now,
                        owing -> chains.computeIfAbsent(owing, this::escalationChain),
                        to -> coordinationOffices.computeIfAbsent(to, this::isCoordination)));
        if (changed > 0) {
            log.info("Obligation clock: {} obligations warned, overdue or escalated", changed);
        }
        return changed;
    }

    private int batches(java.util.function.Supplier<List<Row>> next, java.util.function.Consumer<Row> action) {
        int count = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            Integer done = transaction.execute(status -> {
                List<Row> rows = next.get();
                rows.forEach(action);
                return rows.size();
            });
            count += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                break;
            }
        }
        return count;
    }

    private void warn(Row row, Instant now) {
        ObligationView o = row.view();
        if (!obligations.warned(o.id(), now)) {
            return;
        }
        obligations.history(o.id(), o.caseId(), now, "WARNED", o.status(), o.dueAt(), o.owingAgencyId(), null, null);
        events.publishEvent(new ObligationDueSoon(
                UUID.randomUUID(), o.id(), o.caseId(), o.stepId(), o.owingAgencyId(), o.dueAt(), now));
    }

    private void overdue(Row row, Instant now) {
        ObligationView o = row.view();
        // The scan selects by the same rule in SQL; the rule itself is LedgerRules' (the simulation applies it too).
        if (!LedgerRules.turnsOverdue(o.status(), o.dueAt(), now) || !obligations.overdue(o.id(), now, o.dueAt())) {
            return;
        }
        obligations.history(
                o.id(), o.caseId(), now, "OVERDUE", ObligationStatus.OVERDUE, o.dueAt(), o.owingAgencyId(), null, null);
        ProcedureStep step = ledger.step(o);
        events.publishEvent(new ObligationOverdue(
                UUID.randomUUID(),
                o.id(),
                o.caseId(),
                o.stepId(),
                step.nameZh(),
                step.nameEn(),
                o.owingAgencyId(),
                o.dueAt(),
                now,
                ActorRef.SYSTEM));
    }

    /** The next escalation level; the chain is the owing agency's parent, then the coordination office. */
    private void escalate(
            Row row,
            Instant now,
            java.util.function.Function<AgencyId, List<AgencyId>> chains,
            java.util.function.Predicate<AgencyId> isCoordination) {
        ObligationView o = row.view();
        List<AgencyId> chain = chains.apply(o.owingAgencyId());
        int level = o.escalationLevel() + 1;
        if (chain.size() < level) {
            obligations.stopEscalation(o.id(), now);
            return;
        }
        AgencyId to = chain.get(level - 1);
        boolean coordination = isCoordination.test(to);
        Instant next = level < chain.size()
                ? due.workingDaysAfter(row.calendarRegion(), now, row.escalationWorkingDays())
                : null;
        if (!obligations.escalated(o.id(), o.escalationLevel(), coordination ? 2 : level, to, now, next)) {
            return;
        }
        obligations.history(
                o.id(),
                o.caseId(),
                now,
                "ESCALATED",
                ObligationStatus.OVERDUE,
                o.dueAt(),
                to,
                null,
                "level " + (coordination ? 2 : level));
        if (o.caseId() != null) {
            // A matter without a case has no parties: the escalation row alone lets the agency see it.
            cases.grant(o.caseId(), to, coordination ? Participation.COORDINATION : Participation.ESCALATION);
        }
        ProcedureStep step = ledger.step(o);
        events.publishEvent(new ObligationEscalated(
                UUID.randomUUID(),
                o.id(),
                o.caseId(),
                o.stepId(),
                step.nameZh(),
                step.nameEn(),
                o.owingAgencyId(),
                coordination ? 2 : level,
                to,
                now,
                ActorRef.SYSTEM));
    }

    /**
     * The organ one level up (if any), then the coordination office serving the owing agency's place — unless the
     * coordination office owes it itself (a first response to a conflict): nobody is above it.
     */
    List<AgencyId> escalationChain(AgencyId owing) {
        List<AgencyId> chain = new ArrayList<>();
        Optional<AgencyView> agency = agencies.find(owing);
        if (agency.isEmpty()) {
            return chain;
        }
        agency.map(AgencyView::parentId)
                .flatMap(agencies::find)
                .filter(AgencyView::active)
                .ifPresent(p -> chain.add(p.id()));
        agencies
                .serving(
                        AgencyType.COORDINATION_OFFICE,
                        AgencyLevel.CITY,
                        agency.get().divisionCode())
                .stream()
                .findFirst()
                .map(AgencyView::id)
                .filter(id -> !chain.contains(id) && !id.equals(owing))
                .ifPresent(chain::add);
        return chain;
    }

    private boolean isCoordination(AgencyId id) {
        return agencies.find(id)
                .map(a -> a.type() == AgencyType.COORDINATION_OFFICE)
                .orElse(false);
    }

    /**
     * An official year replaced a provisional one: recompute the due times counted on it, show the change to the
     * owners (history, event) and, where the new due time lies ahead, take an overdue one back to open.
     */
    @ApplicationModuleListener
    void on(CalendarYearPublished published) {
        String region = WorkingCalendar.NATIONAL.equals(published.region()) ? null : published.region();
        Instant now = clock.instant();
        int changed = 0;
        for (Row row : obligations.provisional(region)) {
            ObligationView o = row.view();
            if (o.status() == ObligationStatus.PAUSED || o.alertOnly()) {
                continue;
            }
            LedgerRules.Due recomputed = due.compute(
                    o.deadlineKind(),
                    row.remainingAmount(),
                    row.clockStart(),
                    row.calendarRegion(),
                    o.custody(),
                    ledger.policy(o).settings());
            if (recomputed.dueAt().equals(o.dueAt()) && recomputed.provisional() == o.provisional()) {
                continue;
            }
            obligations.dueChanged(o.id(), now, o.dueAt(), recomputed);
            boolean reopen =
                    o.status() == ObligationStatus.OVERDUE && recomputed.dueAt().isAfter(now);
            if (reopen) {
                obligations.reopen(o.id(), now);
            }
            obligations.history(
                    o.id(),
                    o.caseId(),
                    now,
                    "DUE_CHANGED",
                    reopen ? ObligationStatus.OPEN : o.status(),
                    recomputed.dueAt(),
                    o.owingAgencyId(),
                    null,
                    "calendar " + published.region() + " " + published.year());
            if (!recomputed.dueAt().equals(o.dueAt())) {
                events.publishEvent(new ObligationDueChanged(
                        UUID.randomUUID(),
                        o.id(),
                        o.caseId(),
                        o.stepId(),
                        o.owingAgencyId(),
                        o.dueAt(),
                        recomputed.dueAt(),
                        now));
            }
            changed++;
        }
        log.info(
                "Calendar {} {} published: {} provisional due dates recomputed",
                published.region(),
                published.year(),
                changed);
    }
}
