package org.tongxin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.procedure.Termination;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.ContactKind;
import org.tongxin.supervision.Contacts;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveViews.NewLeave;
import org.tongxin.supervision.Leaves;
import org.tongxin.support.Actors;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;

/**
 * The lifecycle benchmark (bench/lifecycle.sh): drives CASES complete lives of a case through the application's own
 * services, as the City A demo accounts, on THREADS threads and a moved clock — the court entrusts the assessment and
 * the county agency answers it, the court decides and delivers the legal documents, the county receipts them, records
 * the subject's arrival, registers, forms the team, makes the plan and announces; every month of the one-year term the
 * subject reports; one leave is approved and returned; a month before the end the expiry is warned; at the end the
 * case is terminated and the decision organ notified. Afterwards it checks that every case ended TERMINATED with no
 * obligation left open, and prints one line
 * {@code tongxin-lifecycle cases=N threads=T seconds=S cases_per_s=X obligations=O commits_per_s=C pgbench_tps=P},
 * where C is the database's committed transactions per second during the run and P what {@code pgbench -N -c T} does
 * on the same server in the same run (the script gives pgbench's path in PGBENCH). Not a JUnit test.
 */
public final class LifecycleBenchmark {

    static final String COURT = "cd.court.clerk";
    static final String COUNTY = "cd.county";
    /** The first day of every life: a Monday, so that the clocks of the intake start on a working day. */
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 9, 0);

    public static void main(String[] args) {
        int cases = Integer.parseInt(System.getenv().getOrDefault("CASES", "1000"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "2"));
        if (cases < 1 || cases > 100_000 || threads < 1 || threads > 64) {
            Bench.progress("CASES must be a number from 1 to 100000, THREADS from 1 to 64");
            System.exit(Bench.CANNOT_RUN);
            return;
        }
        ConfigurableApplicationContext context = null;
        int status;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("TONGXIN_DEMO", "true");
            properties.put("tongxin.demo-caseload", "false");
            // Reactions run as fast as the commands come. With virtual threads (application.yml) each reaction has a
            // thread of its own and the system pool's connections bound them; without, as many listener threads as
            // the driver's.
            properties.put("spring.task.execution.pool.core-size", Math.max(2, threads));
            context = Bench.start(false, properties, TestClockConfiguration.class, Actors.class);
            status = new LifecycleBenchmark(context, cases, threads).run();
        } catch (Exception e) {
            Bench.progress("lifecycle benchmark could not run: %s", e);
            e.printStackTrace();
            status = Bench.CANNOT_RUN;
        }
        Bench.exit(context, status);
    }

    private final int cases;
    private final int threads;
    private final MutableClock clock;
    private final Actors actors;
    private final Intake intake;
    private final CaseManagement management;
    private final CaseDirectory directory;
    private final Handovers handovers;
    private final Contacts contacts;
    private final Leaves leaves;
    private final Termination termination;
    private final EventQuiescence events;
    private final ObligationClock obligationClock;
    private final AgencyDirectory agencies;
    private final DataSource ownerDataSource;
    private final String ownerPassword;
    private final JdbcClient owner;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    /** Wall-clock time per command, in the order the lives first ran them: where a life's time goes. */
    private final Map<String, Timing> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Wall-clock time, commits and CPU per phase, summed over phases of the same kind ("report 1", "report 2": report). */
    private final Map<String, Timing> phases = new LinkedHashMap<>();

    private final CpuMeter meter = CpuMeter.forThisRun();

    /** What a command or a phase cost, summed over the run. */
    static final class Timing {
        final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder command = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder settle = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder sleep = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder cpuApp = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder cpuDb = new java.util.concurrent.atomic.LongAdder();
    }

    LifecycleBenchmark(ConfigurableApplicationContext context, int cases, int threads) {
        this.cases = cases;
        this.threads = threads;
        this.clock = context.getBean(MutableClock.class);
        this.actors = context.getBean(Actors.class);
        this.intake = context.getBean(Intake.class);
        this.management = context.getBean(CaseManagement.class);
        this.directory = context.getBean(CaseDirectory.class);
        this.handovers = context.getBean(Handovers.class);
        this.contacts = context.getBean(Contacts.class);
        this.leaves = context.getBean(Leaves.class);
        this.termination = context.getBean(Termination.class);
        this.events = context.getBean(EventQuiescence.class);
        this.obligationClock = context.getBean(ObligationClock.class);
        this.agencies = context.getBean(AgencyDirectory.class);
        this.ownerDataSource = Bench.ownerDataSource(context.getEnvironment());
        this.owner = JdbcClient.create(ownerDataSource);
        this.ownerPassword = context.getEnvironment().getProperty("spring.flyway.password", "");
    }

    /** One life: the ids the later phases need. */
    static final class Life {
        final int n;
        CaseId id;
        HandoverId documents;
        org.tongxin.supervision.LeaveId leave;
        LocalDate termEnd;
        boolean failed;

        Life(int n) {
            this.n = n;
        }
    }

    int run() throws Exception {
        Bench.progress(
                "lifecycle benchmark: %d cases on %d threads, on %s, load %.2f",
                cases, threads, Bench.databaseDescription(), Bench.loadAverage());
        clock.setInstant(at(START));
        List<Life> lives = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            lives.add(new Life(i));
        }
        AgencyId office = agencies.findByCode("CD-SO-DM").map(a -> a.id()).orElse(null);
        long commitsBefore = commits();
        CpuMeter.Sample cpuBefore = meter.sample();
        Map<String, Long> publicationsBefore = publications();
        Map<String, long[]> countsBefore = tableCounts();
        long startNanos = System.nanoTime();
        Exception[] failed = new Exception[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // The driver moves the clock itself: the scheduled scans wait, and run when the driver lets them.
        Profile profile = Profile.ifAsked("lifecycle");
        profile.during(() -> {
            measured(pool, lives, office, failed);
            return null;
        });
        profile.close();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        if (failed[0] != null) {
            throw failed[0];
        }
        settle();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long commits = commits() - commitsBefore;
        breakdown(seconds, commits, meter.sample().minus(cpuBefore));
        reactions(publicationsBefore, countsBefore);
        return finish(lives, seconds, commits);
    }

    /** The lives, phase after phase, as the clock moves (the stretch PROFILE=1 records). */
    private void measured(ExecutorService pool, List<Life> lives, AgencyId office, Exception[] failed) {
        obligationClock.holdScheduledScans(() -> {
            try {
                phase("intake", pool, lives, life -> intake(life, office));
                LocalDate termStart = START.toLocalDate();
                LocalDate termEnd = termStart.plusYears(1).minusDays(1);
                boolean warned = false;
                // City A's ordinary supervision: a report every 14 days, a visit every 30 (the policy's settings).
                for (int k = 1; termStart.plusDays(14L * k).isBefore(termEnd); k++) {
                    LocalDate day = termStart.plusDays(14L * k);
                    moveTo(day);
                    boolean visit = k % 2 == 0;
                    phase("report " + k, pool, lives, life -> report(life, visit));
                    if (k == 6) {
                        phase("leave", pool, lives, life -> leave(life, day.plusDays(1), day.plusDays(3)));
                        moveTo(day.plusDays(3));
                        phase("return", pool, lives, life -> returned(life, day.plusDays(3)));
                    }
                    // The expiry is warned on the day it falls due, a month before the end.
                    LocalDate warnOn = termEnd.minusMonths(1);
                    if (!warned && !day.plusDays(14).isBefore(warnOn)) {
                        warned = true;
                        moveTo(warnOn);
                        phase(
                                "expiry warning",
                                pool,
                                lives,
                                life -> as("expiry warning", COUNTY, () -> termination.warnExpiry(life.id)));
                    }
                }
                moveTo(termEnd);
                phase("termination", pool, lives, this::terminate);
            } catch (Exception e) {
                failed[0] = e;
            }
        });
    }

    private int finish(List<Life> lives, double seconds, long commits) throws Exception {
        long obligations = check(lives);
        double pgbench = pgbench();
        refusals.forEach((what, count) -> Bench.progress("refused %d times: %s", count.get(), what));
        Bench.progress("commands tried again because their case's reactions were still running: %d", retries.get());
        failures.stream().limit(30).forEach(f -> Bench.progress("CHECK FAILED: %s", f));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", cases);
        figures.put("threads", threads);
        figures.put("seconds", seconds);
        figures.put("cases_per_s", cases / seconds);
        figures.put("obligations", obligations);
        figures.put("commits_per_s", commits / seconds);
        figures.put("pgbench_tps", pgbench);
        Bench.result("tongxin-lifecycle", figures);
        return failures.isEmpty() ? 0 : Bench.CHECK_FAILED;
    }

    // The phases of a life

    private void intake(Life life, AgencyId office) {
        life.id = as(
                "entrust",
                COURT,
                () -> intake.entrust(new Entrustment(
                        subject(life.n),
                        offence(),
                        null,
                        false,
                        "（2026）城东刑初" + (1000 + life.n) + "号",
                        "王书记员",
                        List.of())));
        as(
                "opinion",
                COUNTY,
                () -> intake.submitOpinion(
                        life.id, new Opinion("对象认罪悔罪，家庭支持，居住地固定。", Recommendation.SUITABLE, "具备社区矫正条件。", "陈矫正官")));
        LocalDate effective = today();
        life.termEnd = effective.plusYears(1).minusDays(1);
        as(
                "decide",
                COURT,
                () -> management.decide(
                        life.id,
                        directory.version(life.id),
                        new DecisionData(
                                CorrectionType.PROBATION,
                                "（2026）城东刑初" + (1000 + life.n) + "号",
                                effective,
                                effective,
                                effective,
                                life.termEnd,
                                null,
                                false,
                                null)));
        life.documents = as(
                "deliver documents",
                COURT,
                () -> intake.deliverDocuments(
                        life.id,
                        new Delivery(
                                List.of(
                                        new NewItem(ItemCode.DECISION_DOCUMENT, "刑事判决书", null),
                                        new NewItem(ItemCode.EXECUTION_NOTICE, null, null)),
                                null)));
        as(
                "receipt documents",
                COUNTY,
                () -> handovers.receipt(
                        life.documents, handovers.view(life.documents).version(), null));
        as("record arrival", COUNTY, () -> management.recordArrival(life.id, directory.version(life.id), false, null));
        if (office != null) {
            as("assign office", COUNTY, () -> management.assignOffice(life.id, directory.version(life.id), office));
        }
        as("register", COUNTY, () -> management.register(life.id, directory.version(life.id)));
        as(
                "form team",
                COUNTY,
                () -> management.formTeam(
                        life.id,
                        directory.version(life.id),
                        List.of(
                                new TeamMember("陈矫正官", TeamRole.OFFICE_STAFF, Gender.MALE, office),
                                new TeamMember("对象之妻", TeamRole.FAMILY, Gender.FEMALE, null))));
        as(
                "make plan",
                COUNTY,
                () -> management.makePlan(
                        life.id,
                        directory.version(life.id),
                        "一、每月到司法所当面报告一次，每周电话报告；二、每月参加教育学习和公益活动不少于八小时；三、协调就业帮扶，帮助其稳定收入；四、家属配合监督，定期走访家庭和工作单位。"));
        as(
                "announce",
                COUNTY,
                () -> management.announce(
                        life.id,
                        directory.version(life.id),
                        new AnnouncementData(clock.instant(), "城东区司法所", "社区矫正对象、司法所工作人员、家属")));
    }

    private void report(Life life, boolean visit) {
        as("report", COUNTY, () -> contacts.record(life.id, ContactKind.REPORT_IN_PERSON, today(), "按时报告，遵守规定。"));
        if (visit) {
            as(
                    "home visit",
                    COUNTY,
                    () -> contacts.record(life.id, ContactKind.HOME_VISIT, today(), "走访家庭，对象在家，表现正常。"));
        }
    }

    private void leave(Life life, LocalDate depart, LocalDate back) {
        life.leave = as(
                "request leave",
                COUNTY,
                () -> leaves.request(life.id, new NewLeave(LeaveKind.SINGLE, "A市西城区", "探望生病的母亲", depart, back)));
        as(
                "approve leave",
                COUNTY,
                () -> leaves.approve(
                        life.leave, leaves.view(life.leave, "benchmark").version()));
    }

    private void returned(Life life, LocalDate back) {
        as(
                "record return",
                COUNTY,
                () -> leaves.recordReturn(
                        life.leave, leaves.view(life.leave, "benchmark").version(), back));
    }

    private void terminate(Life life) {
        as(
                "terminate",
                COUNTY,
                () -> termination.terminate(
                        life.id, directory.version(life.id), TerminationReason.EXPIRY, life.termEnd));
        HandoverId notice = as("certify", COUNTY, () -> termination.certify(life.id));
        as(
                "receipt notice",
                COURT,
                () -> handovers.receipt(notice, handovers.view(notice).version(), null));
    }

    // Running the phases

    /** Runs one phase for every life still going, on the pool, then waits until its reactions are done. */
    private void phase(String name, ExecutorService pool, List<Life> lives, Consumer<Life> work) throws Exception {
        long start = System.nanoTime();
        long commitsBefore = commits();
        CpuMeter.Sample cpuBefore = meter.sample();
        List<Future<?>> futures = new ArrayList<>();
        for (Life life : lives) {
            if (life.failed) {
                continue;
            }
            futures.add(pool.submit(() -> {
                try {
                    work.accept(life);
                } catch (RuntimeException e) {
                    life.failed = true;
                    String what = name + ": "
                            + (e instanceof TongxinException t
                                    ? t.code() + " " + t.fieldProblems()
                                    : e.getClass().getSimpleName() + " " + e.getMessage());
                    AtomicInteger count = refusals.computeIfAbsent(
                            what.length() > 300 ? what.substring(0, 300) : what, k -> new AtomicInteger());
                    if (count.getAndIncrement() == 0) {
                        Bench.progress("life %d refused: %s", life.n, what);
                        if (!(e instanceof TongxinException)) {
                            e.printStackTrace();
                        }
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long commandsDone = System.nanoTime();
        settle();
        long end = System.nanoTime();
        record(name, end - start, end - commandsDone, commitsBefore, cpuBefore);
        Bench.progress(
                "%s: %d lives in %.1f s (load %.2f)", name, futures.size(), (end - start) / 1e9, Bench.loadAverage());
    }

    /** Adds a phase's (or the clock's) wall-clock time, the wait for its last reactions, its commits and CPU. */
    private void record(String name, long nanos, long settleNanos, long commitsBefore, CpuMeter.Sample cpuBefore) {
        CpuMeter.Sample cpu = meter.sample().minus(cpuBefore);
        Timing timing = phases.computeIfAbsent(name.replaceAll(" [0-9]+$", ""), k -> new Timing());
        timing.count.increment();
        timing.command.add(nanos - settleNanos);
        timing.settle.add(settleNanos);
        timing.commits.add(commits() - commitsBefore);
        timing.cpuApp.add(cpu.jvmNanos());
        timing.cpuDb.add(cpu.databaseNanos());
    }

    /** The breakdown in the log: per phase kind, per command, and per life. */
    private void breakdown(double seconds, long commits, CpuMeter.Sample cpu) {
        Bench.progress(
                "per phase kind (runs; wall s of commands + wall s waiting for the last reactions; commits; CPU s app"
                        + " + db):");
        phases.forEach((name, t) -> Bench.progress(
                "  %-16s %4d  %7.1f + %6.1f s  %8d commits  %6.1f + %6.1f s CPU",
                name,
                t.count.sum(),
                t.command.sum() / 1e9,
                t.settle.sum() / 1e9,
                t.commits.sum(),
                t.cpuApp.sum() / 1e9,
                t.cpuDb.sum() / 1e9));
        Bench.progress("per command (calls; ms per call: the command itself + waiting for its reactions + sleeps before"
                + " retries; retries):");
        synchronized (timings) {
            timings.forEach((name, t) -> {
                long n = Math.max(1, t.count.sum());
                Bench.progress(
                        "  %-18s %6d  %7.1f + %7.1f + %6.1f ms  %5d retries",
                        name,
                        t.count.sum(),
                        t.command.sum() / 1e6 / n,
                        t.settle.sum() / 1e6 / n,
                        t.sleep.sum() / 1e6 / n,
                        t.retries.sum());
            });
        }
        long calls = timings.values().stream().mapToLong(t -> t.count.sum()).sum();
        Bench.progress(
                "per life: %.1f commands, %.0f commits, %.1f ms CPU in the application + %.1f ms in PostgreSQL; %.2f s"
                        + " of wall-clock time on %d threads",
                (double) calls / cases,
                (double) commits / cases,
                cpu.jvmNanos() / 1e6 / cases,
                cpu.databaseNanos() / 1e6 / cases,
                seconds * threads / cases,
                threads);
    }

    private void settle() {
        if (!events.awaitAll(Duration.ofMinutes(10))) {
            failures.add("reactions still in flight after ten minutes");
        }
    }

    private void moveTo(LocalDate day) {
        LocalDate target = day;
        while (target.getDayOfWeek().getValue() >= 6) {
            target = target.plusDays(1);
        }
        Instant instant = at(target.atTime(9, 0));
        if (instant.isAfter(clock.instant())) {
            clock.setInstant(instant);
        }
        long start = System.nanoTime();
        long commitsBefore = commits();
        CpuMeter.Sample cpuBefore = meter.sample();
        // What the clock's daily scans would have done by now (warnings, overdue marks) happens before the next phase.
        obligationClock.scanNow();
        long scanned = System.nanoTime();
        settle();
        long end = System.nanoTime();
        record("clock scan", end - start, end - scanned, commitsBefore, cpuBefore);
    }

    /** Refusals a client meets when it is faster than the reactions to its previous command: it tries again shortly. */
    static final java.util.Set<String> NOT_YET = java.util.Set.of("STALE_VERSION", "REGISTER_NEEDS_DOCUMENTS");

    private <T> T as(String command, String username, java.util.function.Supplier<T> work) {
        Timing timing = timings.computeIfAbsent(command, k -> new Timing());
        for (int attempt = 1; ; attempt++) {
            // As a page or an API call would: the command's own reactions are awaited (bounded) before the next one.
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            long start = System.nanoTime();
            try {
                T result = actors.call(username, work);
                long done = System.nanoTime();
                timing.command.add(done - start);
                events.settle();
                timing.settle.add(System.nanoTime() - done);
                timing.count.increment();
                return result;
            } catch (TongxinException e) {
                timing.command.add(System.nanoTime() - start);
                if (!NOT_YET.contains(e.code()) || attempt == 200) {
                    throw e;
                }
                retries.incrementAndGet();
                timing.retries.increment();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
            try {
                long sleep = Math.min(50, 2L * attempt);
                timing.sleep.add(sleep * 1_000_000);
                Thread.sleep(sleep);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private void as(String command, String username, Runnable work) {
        as(command, username, () -> {
            work.run();
            return null;
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LegalTime.ZONE);
    }

    private static Instant at(LocalDateTime moment) {
        return moment.atZone(LegalTime.ZONE).toInstant();
    }

    // Checks and figures

    /** Every life ended TERMINATED with nothing left open; answers the number of obligations the lives made. */
    private long check(List<Life> lives) {
        List<java.util.UUID> ids =
                lives.stream().filter(l -> l.id != null).map(l -> l.id.value()).toList();
        long failedLives = lives.stream().filter(l -> l.failed).count();
        if (failedLives > 0) {
            failures.add(failedLives + " of " + cases + " lives stopped at a refused command");
        }
        if (ids.isEmpty()) {
            failures.add("no case was opened");
            return 0;
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        owner.sql("SELECT status, count(*) FROM casefile_case WHERE id IN (:ids) GROUP BY status")
                .param("ids", ids)
                .query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2)))
                .list();
        if (statuses.getOrDefault("TERMINATED", 0L) != cases) {
            failures.add("cases by status at the end: " + statuses + " (all " + cases + " should be TERMINATED)");
        }
        // Open, paused or overdue is a failure; a step the ending lapsed (the next report, due after the term) or one
        // fulfilled late is reported, not failed: the clock jumps between phases, the law's outcome is the same.
        owner.sql("""
            SELECT step_id, status, count(*) FROM obligation WHERE case_id IN (:ids) AND status NOT IN ('FULFILLED')
             GROUP BY step_id, status ORDER BY 3 DESC\
            """)
                .param("ids", ids)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))})
                .list()
                .forEach(row -> {
                    String line = row[0] + " " + row[1] + " ×" + row[2];
                    if (row[1].equals("WAIVED") || row[1].equals("FULFILLED_LATE")) {
                        Bench.progress("closed without being fulfilled on time: %s", line);
                    } else {
                        failures.add("obligation not fulfilled: " + line);
                    }
                });
        return owner.sql("SELECT count(*) FROM obligation WHERE case_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    /** Event publications per listener so far: one per reaction the registry delivered (completed ones are kept). */
    private Map<String, Long> publications() {
        Map<String, Long> counts = new LinkedHashMap<>();
        owner.sql("SELECT listener_id, count(*) FROM event_publication GROUP BY listener_id")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The reactions one life caused, per listener, and the rows it wrote per table. */
    private void reactions(Map<String, Long> before, Map<String, long[]> countsBefore) {
        Map<String, Long> after = publications();
        long total = 0;
        List<String> lines = new ArrayList<>();
        for (var entry : after.entrySet()) {
            long n = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (n > 0) {
                total += n;
                String listener = entry.getKey().replaceAll("\\(.*", "").replaceAll("^org\\.tongxin\\.", "");
                lines.add(String.format(java.util.Locale.ROOT, "  %7.1f  %s", (double) n / cases, listener));
            }
        }
        lines.sort(Collections.reverseOrder());
        Bench.progress("reactions (event publications) per life: %.1f, per listener:", (double) total / cases);
        lines.stream().limit(40).forEach(line -> Bench.progress("%s", line));
        Bench.progress("per life, per table: rows written (inserted + updated + deleted) and index or table scans:");
        Map<String, long[]> now = tableCounts();
        List<Map.Entry<String, long[]>> tables = new ArrayList<>();
        long[] sums = new long[2];
        for (var entry : now.entrySet()) {
            long[] earlier = countsBefore.getOrDefault(entry.getKey(), new long[2]);
            long[] delta = {entry.getValue()[0] - earlier[0], entry.getValue()[1] - earlier[1]};
            sums[0] += delta[0];
            sums[1] += delta[1];
            if (delta[0] + delta[1] > 0) {
                tables.add(Map.entry(entry.getKey(), delta));
            }
        }
        tables.sort((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]));
        Bench.progress("  %8.1f %8.1f  all tables", (double) sums[0] / cases, (double) sums[1] / cases);
        tables.stream()
                .limit(25)
                .forEach(e -> Bench.progress(
                        "  %8.1f %8.1f  %s",
                        (double) e.getValue()[0] / cases, (double) e.getValue()[1] / cases, e.getKey()));
    }

    /** Per table so far: rows inserted, updated and deleted; and sequential plus index scans (the collector's counts). */
    private Map<String, long[]> tableCounts() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        owner.sql("""
            SELECT relname, n_tup_ins + n_tup_upd + n_tup_del, coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
              FROM pg_stat_user_tables\
            """)
                .query((rs, n) -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        return counts;
    }

    private long commits() {
        return owner.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class)
                .single();
    }

    /** {@code pgbench -N -c T -j T} for 30 s on a scratch database of the same server; 0 when PGBENCH is not given. */
    private double pgbench() throws Exception {
        String binary = System.getenv("PGBENCH");
        if (binary == null || binary.isBlank()) {
            Bench.progress("PGBENCH not given: pgbench_tps=0");
            return 0;
        }
        String url;
        try (var connection = ownerDataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String user;
        try (var connection = ownerDataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT current_user")) {
            rs.next();
            user = rs.getString(1);
        }
        // pgbench's four tables in the benchmark's own database (the owner may not create databases), dropped
        // afterwards.
        String database = uri.getPath().substring(1);
        String password = ownerPassword();
        Path log = Bench.dir().resolve("pgbench.log");
        run(
                log,
                password,
                binary,
                "-i",
                "-s",
                "10",
                "-q",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort()),
                "-U",
                user,
                database);
        String out = run(
                log,
                password,
                binary,
                "-N",
                "-c",
                Integer.toString(threads),
                "-j",
                Integer.toString(threads),
                "-T",
                "30",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort()),
                "-U",
                user,
                database);
        owner.sql("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers")
                .update();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private String ownerPassword() {
        return ownerPassword;
    }

    private static String run(Path log, String password, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(
                log,
                String.join(" ", command) + "\n" + out,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed, see " + log);
        }
        return out;
    }

    // Data of a life

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏飞林";

    static SubjectData subject(int n) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 9000 * 2L);
        String id = IdentityNumbers.compose("369902", birth, n / 9000 + 10, Gender.MALE);
        String name = "" + SURNAMES.charAt(n % SURNAMES.length()) + GIVEN.charAt(n / SURNAMES.length() % GIVEN.length())
                + GIVEN.charAt(n / (SURNAMES.length() * GIVEN.length()) % GIVEN.length());
        return new SubjectData(
                name,
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                id,
                birth,
                "13900002222",
                "369902001",
                "城东区东门街道和平路 " + (n % 500 + 1) + " 号",
                null,
                null,
                null,
                null);
    }

    static OffenceData offence() {
        return new OffenceData(OffenceCategory.THEFT, "盗窃财物价值三千元。", LocalDate.of(2025, 5, 1), List.of("盗窃罪"));
    }
}
