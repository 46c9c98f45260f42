package org.tongxin.simulation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.simulation.PopulationSettings;
import org.tongxin.simulation.internal.PopulationGenerator.SimulatedCase;

/**
 * Runs a caseload through the procedures on a simulated clock, one day after the other, in memory: every obligation a
 * case goes through is the policy's step (who owes it, its deadline rule), its due time is the ledger's
 * ({@link LedgerRules#due}: the working calendar's arithmetic, the policy's alert thresholds), a step done is late by
 * {@link LedgerRules#fulfilledLate} and a pending one turns overdue by {@link LedgerRules#turnsOverdue} in the nightly
 * scan. What the engine adds is only what the live system learns from people: when agencies act (their officers'
 * capacity on working days and their handling delays) and what subjects do (reporting in, leave, moves, lost contact,
 * violations, reoffending, drawn from each case's own seed). A case's path follows the procedure module: decision →
 * documents notified and delivered by the decision organ → receipted by the county agency, the subject reporting in (or
 * handed over) → registration → announcement, team and plan → supervision events → termination at the term's end (or
 * revocation). Agencies handle their work earliest due first. Nothing here reads or writes the database.
 */
public final class SimulationEngine {

    /** Told the progress (0–1) every simulated week; answers false to stop the run (cancelled). */
    public interface Progress {
        boolean report(double done);
    }

    /** A finished run: its figures, the days simulated and the obligations opened. */
    public record Outcome(Figures figures, int days, long obligations, boolean cancelled) {}

    static final String NOTIFY = "docs.notify";
    static final String DELIVER = "docs.deliver";
    static final String RECEIPT = "docs.receipt";
    static final String REPORT = "report.self";
    static final String TRANSFER = "transfer.court_jwzx";
    static final String MISSED = "report.missed";
    static final String REGISTER = "intake.register";
    static final String ANNOUNCE = "intake.announce";
    static final String TEAM = "team.form";
    static final String PLAN = "plan.make";
    static final String LEAVE = "leave.approve";
    static final String MOVE_CONSULT = "move.consult";
    static final String MOVE_REPLY = "move.reply";
    static final String MOVE_DECIDE = "move.decide";
    static final String MOVE_TRANSFER = "move.transfer";
    static final String MOVE_REPORT = "move.report";
    static final String SEARCH = "missing.search";
    static final String WARN = "sanction.warn";
    static final String REVOKE_PROPOSE = "revoke.propose";
    static final String REVOKE_RULE = "revoke.rule";
    static final String END_ANNOUNCE = "end.announce";
    static final String END_CERTIFY = "end.certify";
    static final String MINORS_MEASURES = "minors.measures";
    static final String MINORS_TEAM = "minors.team";

    /** The steps a simulated case goes through (each must be in the policy the run uses). */
    public static final List<String> STEPS = List.of(
            NOTIFY,
            DELIVER,
            RECEIPT,
            REPORT,
            TRANSFER,
            MISSED,
            REGISTER,
            ANNOUNCE,
            TEAM,
            PLAN,
            LEAVE,
            MOVE_CONSULT,
            MOVE_REPLY,
            MOVE_DECIDE,
            MOVE_TRANSFER,
            MOVE_REPORT,
            SEARCH,
            WARN,
            REVOKE_PROPOSE,
            REVOKE_RULE,
            END_ANNOUNCE,
            END_CERTIFY,
            MINORS_MEASURES,
            MINORS_TEAM);

    private static final LocalTime OPENING = LocalTime.of(9, 0);
    private static final LocalTime CLOSING = LocalTime.of(17, 0);
    private static final int SUBJECT = -1;

    private final World world;
    private final ResolvedPolicy policy;
    private final LedgerRules rules;
    private final PopulationSettings population;
    private final LocalDate firstDay;
    private final int days;
    private final int[] monthStarts;
    private final long seed;

    // state of one run
    private Figures figures;
    private List<Event>[] agenda;
    private List<Ob>[] readyOn;
    private List<Ob>[] dueOn;
    private PriorityQueue<Ob>[] queues;
    private long[] pending;
    private double[] carry;
    private long obligations;
    private int queued;
    private long sequence;
    private final java.util.Map<String, ProcedureStep> steps = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> stepIndex = new java.util.HashMap<>();

    public SimulationEngine(
            World world,
            ResolvedPolicy policy,
            LedgerRules rules,
            PopulationSettings population,
            LocalDate firstDay,
            int months,
            long seed) {
        this.world = world;
        this.policy = policy;
        this.rules = rules;
        this.population = population;
        this.firstDay = firstDay;
        this.monthStarts = new int[months];
        for (int m = 0; m < months; m++) {
            monthStarts[m] = (int) ChronoUnit.DAYS.between(firstDay, firstDay.plusMonths(m));
        }
        this.days = (int) ChronoUnit.DAYS.between(firstDay, firstDay.plusMonths(months));
        this.seed = seed;
        for (String id : STEPS) {
            steps.put(id, policy.require(id));
            stepIndex.put(id, stepIndex.size());
        }
    }

    public int days() {
        return days;
    }

    /** The caseload the run works through (the same for every policy and staffing with the same seed and settings). */
    public List<SimulatedCase> population() {
        return PopulationGenerator.generate(population, world, seed, monthStarts, days);
    }

    @SuppressWarnings("unchecked")
    public Outcome run(List<SimulatedCase> cases, Progress progress) {
        int agencies = world.agencies().size();
        figures = new Figures(agencies, monthStarts.length);
        agenda = new List[days + 1];
        readyOn = new List[days + 1];
        dueOn = new List[days + 2];
        queues = new PriorityQueue[agencies];
        for (int a = 0; a < agencies; a++) {
            queues[a] = new PriorityQueue<>(SimulationEngine::earliestDue);
        }
        pending = new long[agencies];
        carry = new double[agencies];
        obligations = 0;
        queued = -1;
        for (SimulatedCase c : cases) {
            Case sc = new Case(c);
            at(
                    Math.max(0, c.startDay()),
                    c.alreadyUnderCorrection() ? () -> underCorrection(sc, 0) : () -> decided(sc, c.startDay()));
        }
        int month = 0;
        for (int day = 0; day < days; day++) {
            while (month + 1 < monthStarts.length && monthStarts[month + 1] <= day) {
                month++;
            }
            runAgenda(day);
            List<Ob> ready = readyOn[day];
            if (ready != null) {
                for (Ob o : ready) {
                    queues[o.agency].add(o);
                }
                readyOn[day] = null;
            }
            queued = day;
            LocalDate date = firstDay.plusDays(day);
            if (rules.isWorkingDay(world.calendarRegion(), date)) {
                work(day, date);
            }
            scan(day, date);
            boolean monthEnds =
                    day + 1 == days || (month + 1 < monthStarts.length && monthStarts[month + 1] == day + 1);
            if (monthEnds) {
                for (int a = 0; a < agencies; a++) {
                    figures.set(a, month, Figures.BACKLOG, pending[a]);
                }
            }
            if (day % 7 == 6 && progress != null && !progress.report((day + 1) / (double) days)) {
                return new Outcome(figures, day + 1, obligations, true);
            }
        }
        if (progress != null) {
            progress.report(1.0);
        }
        return new Outcome(figures, days, obligations, false);
    }

    // The case's path

    private void decided(Case c, int day) {
        Instant at = instant(day, OPENING);
        World.District d = district(c);
        open(c, NOTIFY, d.court(), at, null);
        open(
                c,
                DELIVER,
                d.court(),
                at,
                () -> open(c, RECEIPT, countyOf(c), now(), () -> {
                    c.documents = true;
                    register(c);
                }));
        if (c.seed.type().reportsInPerson()) {
            int delay = c.random.nextDouble() * 100 < population.reportingCompliancePercent()
                    ? 1 + c.random.nextInt(7)
                    : 11 + c.random.nextInt(20);
            Ob report = open(c, REPORT, SUBJECT, at, null);
            at(day + delay, () -> {
                fulfil(report, instant(day + delay, OPENING.plusHours(1)));
                c.arrived = true;
                register(c);
            });
            if (report.dueAt != null) {
                int missedDay = dayIndex(report.dueAt);
                at(missedDay, () -> {
                    if (!c.arrived) {
                        open(c, MISSED, countyOf(c), report.dueAt, null);
                    }
                });
            }
        } else {
            open(c, TRANSFER, world.detentionCentre(), at, () -> {
                c.arrived = true;
                register(c);
            });
        }
    }

    private void register(Case c) {
        if (!c.documents || !c.arrived || c.registered) {
            return;
        }
        c.registered = true;
        int day = dayIndex(now());
        open(c, REGISTER, countyOf(c), now(), () -> {
            figures.add(countyOf(c), monthOf(dayIndex(now())), Figures.ENTRIES, 1);
            open(c, ANNOUNCE, countyOf(c), now(), null);
            open(c, TEAM, countyOf(c), now(), null);
            open(c, PLAN, countyOf(c), now(), null);
            if (c.seed.minor()) {
                // A minor's registration opens the measures and the team fitted to minors (CCL ch. 7), as on the
                // ledger.
                open(c, MINORS_MEASURES, countyOf(c), now(), null);
                open(c, MINORS_TEAM, countyOf(c), now(), null);
            }
            underCorrection(c, dayIndex(now()));
        });
        c.registeredDay = day;
    }

    /** From registration (or the first day) to the term's end: the subject's behaviour as events on the agenda. */
    private void underCorrection(Case c, int from) {
        int end = c.seed.startDay() + c.seed.termDays();
        c.registered = true;
        c.documents = true;
        c.arrived = true;
        double years = Math.max(0, end - from) / 365.0;
        events(c, from, end, population.leavesPerYear() * years, this::leave);
        events(c, from, end, population.movesPerYear() * years, this::move);
        events(c, from, end, population.lostContactsPerYear() * years, this::lostContact);
        events(c, from, end, population.violationsPerYear() * years, this::violation);
        events(c, from, end, population.reoffendingPerYear() * years, this::reoffend);
        at(Math.max(from + 1, end), () -> terminate(c));
    }

    /** What a subject's behaviour sets off on a day. */
    @FunctionalInterface
    private interface Behaviour {
        void on(Case c, int day);
    }

    private void events(Case c, int from, int end, double expected, Behaviour action) {
        int count = PopulationGenerator.poisson(c.random, expected);
        for (int i = 0; i < count; i++) {
            int day = from + 1 + c.random.nextInt(Math.max(1, end - from));
            at(day, () -> {
                if (!c.ended) {
                    action.on(c, day);
                }
            });
        }
    }

    private void leave(Case c, int day) {
        open(c, LEAVE, officeOf(c), instant(day, OPENING), null);
    }

    private void move(Case c, int day) {
        if (world.districts().size() < 2) {
            return;
        }
        int to = (c.district + 1 + c.random.nextInt(world.districts().size() - 1))
                % world.districts().size();
        int newCounty = world.districts().get(to).countyAgency();
        open(
                c,
                MOVE_CONSULT,
                countyOf(c),
                instant(day, OPENING),
                () -> open(
                        c,
                        MOVE_REPLY,
                        newCounty,
                        now(),
                        () -> open(
                                c,
                                MOVE_DECIDE,
                                countyOf(c),
                                now(),
                                () -> open(c, MOVE_TRANSFER, countyOf(c), now(), () -> {
                                    Ob report = open(c, MOVE_REPORT, SUBJECT, now(), null);
                                    int delay = c.random.nextDouble() * 100 < population.reportingCompliancePercent()
                                            ? 1 + c.random.nextInt(5)
                                            : 8 + c.random.nextInt(20);
                                    int reported = dayIndex(now()) + delay;
                                    c.district = to;
                                    at(reported, () -> fulfil(report, instant(reported, OPENING.plusHours(1))));
                                }))));
    }

    private void lostContact(Case c, int day) {
        figures.add(countyOf(c), monthOf(day), Figures.LOST_CONTACTS, 1);
        open(c, SEARCH, countyOf(c), instant(day, OPENING), null);
    }

    private void violation(Case c, int day) {
        open(c, WARN, countyOf(c), instant(day, OPENING), null);
    }

    private void reoffend(Case c, int day) {
        open(
                c,
                REVOKE_PROPOSE,
                countyOf(c),
                instant(day, OPENING),
                () -> open(c, REVOKE_RULE, district(c).court(), now(), () -> {
                    if (!c.ended) {
                        c.ended = true;
                        figures.add(countyOf(c), monthOf(dayIndex(now())), Figures.TERMINATIONS, 1);
                    }
                }));
    }

    private void terminate(Case c) {
        if (c.ended) {
            return;
        }
        c.ended = true;
        int day = dayIndex(now());
        figures.add(countyOf(c), monthOf(day), Figures.TERMINATIONS, 1);
        open(c, END_ANNOUNCE, countyOf(c), instant(day, OPENING), null);
        open(c, END_CERTIFY, countyOf(c), instant(day, OPENING), null);
    }

    // The ledger: obligations opened with the policy's step and the ledger's due time, done by agencies, scanned
    // nightly

    private Ob open(Case c, String stepId, int agency, Instant at, Runnable then) {
        ProcedureStep step = steps.get(stepId);
        Ob o = new Ob(c, step, agency, at, then, sequence++);
        DeadlineKind kind = step.deadline().kind();
        LedgerRules.Due due =
                rules.due(kind, step.deadline().amount(), at, world.calendarRegion(), false, policy.settings());
        o.dueAt = due.dueAt();
        obligations++;
        int day = dayIndex(at);
        if (agency != SUBJECT) {
            figures.add(agency, monthOf(day), Figures.OPENED, 1);
            pending[agency]++;
            World.Agency a = world.agencies().get(agency);
            SplittableRandom r = new SplittableRandom(seed
                    ^ (c.seed.seed() * 0x9E3779B97F4A7C15L)
                    ^ (stepId.hashCode() * 0xBF58476D1CE4E5B9L)
                    ^ ((long) c.counts[stepIndex.get(stepId)]++ << 32));
            // How long the agency takes before it handles a step with a legal period; 立即 / 及时 / at-the-event steps are
            // handled as soon as an officer is free.
            int delay = !kind.counted()
                    ? 0
                    : a.minDelayDays()
                            + (a.maxDelayDays() > a.minDelayDays()
                                    ? r.nextInt(a.maxDelayDays() - a.minDelayDays() + 1)
                                    : 0);
            int ready = day + delay + (at.isBefore(instant(day, CLOSING)) ? 0 : 1);
            if (ready <= queued) {
                queues[agency].add(o); // ready today, after today's arrivals were queued
            } else if (ready < days) {
                list(readyOn, ready).add(o);
            }
        }
        if (o.dueAt != null) {
            int dueDay = dayIndex(o.dueAt.minusNanos(1));
            if (dueDay >= 0 && dueDay <= days) {
                list(dueOn, dueDay).add(o);
            }
        }
        return o;
    }

    private void fulfil(Ob o, Instant at) {
        if (o.status != ObligationStatus.OPEN && o.status != ObligationStatus.OVERDUE) {
            return;
        }
        boolean late = LedgerRules.fulfilledLate(o.status, o.dueAt, null, at);
        o.status = late ? ObligationStatus.FULFILLED_LATE : ObligationStatus.FULFILLED;
        if (o.agency != SUBJECT) {
            int month = monthOf(dayIndex(at));
            figures.add(o.agency, month, Figures.FULFILLED, 1);
            figures.add(o.agency, month, late ? Figures.LATE : Figures.ON_TIME, 1);
            pending[o.agency]--;
        }
        if (o.then != null) {
            current = at;
            o.then.run();
        }
    }

    /** A working day: each agency does what its officers can of the work that is ready, earliest due first. */
    private void work(int day, LocalDate date) {
        Instant opening = instant(day, OPENING);
        Instant closing = instant(day, CLOSING);
        for (World.Agency a : world.agencies()) {
            PriorityQueue<Ob> queue = queues[a.index()];
            if (queue.isEmpty()) {
                continue;
            }
            double capacity = a.officers() * a.perOfficerPerDay() + carry[a.index()];
            int n = (int) capacity;
            carry[a.index()] = Math.min(1.0, capacity - n);
            for (int i = 0; i < n && !queue.isEmpty(); i++) {
                // The officers share the day's work: the i-th step is done about i / officers hours into the day.
                Ob o = queue.poll();
                Instant start = o.openedAt.isAfter(opening) ? o.openedAt : opening;
                Instant done = start.plusSeconds(3600L * (1 + i / Math.max(1, a.officers())));
                fulfil(o, done.isAfter(closing) && !start.isAfter(closing) ? closing : done);
            }
        }
    }

    /** The clock's nightly scan: what fell due today and is still open turns overdue (a breach of its month). */
    private void scan(int day, LocalDate date) {
        List<Ob> due = dueOn[day];
        if (due == null) {
            return;
        }
        dueOn[day] = null;
        Instant midnight = instant(day + 1, LocalTime.MIDNIGHT);
        for (Ob o : due) {
            if (LedgerRules.turnsOverdue(o.status, o.dueAt, midnight)) {
                o.status = ObligationStatus.OVERDUE;
                if (o.agency != SUBJECT) {
                    figures.add(o.agency, monthOf(day), Figures.BREACHES, 1);
                }
            }
        }
        // A step not ready before its due date moves up in the queue: nothing to do, the queue orders by due time.
    }

    private void runAgenda(int day) {
        List<Event> events = agenda[day];
        while (events != null && !events.isEmpty()) {
            agenda[day] = null;
            for (Event e : events) {
                current = instant(day, OPENING);
                e.run();
            }
            events = agenda[day];
        }
    }

    private void at(int day, Event event) {
        if (day >= 0 && day < days) {
            list(agenda, day).add(event);
        }
    }

    private Instant current;

    private Instant now() {
        return current;
    }

    private static <T> List<T> list(List<T>[] lists, int index) {
        List<T> list = lists[index];
        if (list == null) {
            list = new ArrayList<>(4);
            lists[index] = list;
        }
        return list;
    }

    private World.District district(Case c) {
        return world.districts().get(c.district);
    }

    private int countyOf(Case c) {
        return district(c).countyAgency();
    }

    private int officeOf(Case c) {
        int[] offices = district(c).offices();
        return offices.length == 0 ? countyOf(c) : offices[c.seed.officeSlot() % offices.length];
    }

    private Instant instant(int day, LocalTime time) {
        return firstDay.plusDays(day).atTime(time).atZone(LegalTime.ZONE).toInstant();
    }

    private int dayIndex(Instant at) {
        return (int) ChronoUnit.DAYS.between(firstDay, LegalTime.dateOf(at));
    }

    private int monthOf(int day) {
        int m = 0;
        while (m + 1 < monthStarts.length && monthStarts[m + 1] <= day) {
            m++;
        }
        return day < 0 ? -1 : m;
    }

    private static int earliestDue(Ob a, Ob b) {
        long x = a.dueAt == null ? Long.MAX_VALUE : a.dueAt.getEpochSecond();
        long y = b.dueAt == null ? Long.MAX_VALUE : b.dueAt.getEpochSecond();
        return x != y ? Long.compare(x, y) : Long.compare(a.sequence, b.sequence);
    }

    @FunctionalInterface
    private interface Event extends Runnable {}

    /** A case while it runs: where it is and how far its intake has come. */
    private final class Case {
        final SimulatedCase seed;
        final SplittableRandom random;
        int district;
        boolean documents;
        boolean arrived;
        boolean registered;
        boolean ended;
        int registeredDay;
        final int[] counts = new int[STEPS.size()];

        Case(SimulatedCase seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed.seed());
            this.district = seed.district();
        }
    }

    /** One obligation: the step, who owes it (or the subject), its due time and status, and what its fulfilment triggers. */
    private static final class Ob {
        final Case c;
        final ProcedureStep step;
        final int agency;
        final Instant openedAt;
        final Runnable then;
        final long sequence;
        Instant dueAt;
        ObligationStatus status = ObligationStatus.OPEN;

        Ob(Case c, ProcedureStep step, int agency, Instant openedAt, Runnable then, long sequence) {
            this.c = c;
            this.step = step;
            this.agency = agency;
            this.openedAt = openedAt;
            this.then = then;
            this.sequence = sequence;
        }
    }
}
