package org.tongxin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.DemoProgress;

/**
 * The City A caseload (demo mode only, {@code TONGXIN_DEMO_CASELOAD=false} leaves it out): once per database, after
 * the agencies and accounts are loaded, about fifty cases are replayed in the background through the modules' own
 * commands on the demo clock (doc/adr/0011). A row in {@code demo_caseload} marks that it started, so a restart
 * never makes it again, and several instances never make it twice. Pages show a notice while it runs.
 */
@Component
@Order(20)
@ConditionalOnExpression(CityACaseload.ENABLED)
class CityACaseload implements ApplicationRunner, DemoProgress, DisposableBean {

    /** Demo mode, and the caseload not switched off. */
    static final String ENABLED = "${tongxin.demo:false} and ${tongxin.demo-caseload:true}";

    private static final Logger log = LoggerFactory.getLogger(CityACaseload.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** What the generation did: how many cases and steps, how many refused, how long it took; incomplete if cut short. */
    record Summary(int cases, int steps, int refused, Duration took, boolean complete) {}

    private record Marker(Instant startedAt, Instant completedAt, Integer cases, Integer refused) {}

    private final CityADemo city;
    private final DemoClock clock;
    private final CoordinationStories coordination;
    private final ObjectProvider<SupervisionEndStories> supervisionEnd;
    private final ObjectProvider<SupervisionStories> supervision;
    private final AssessmentStories assessment;
    private final WorkingCalendar calendar;
    private final ObjectProvider<CaseloadReplay> replays;
    private final ObjectProvider<CityAReferrals> referrals;
    private final JdbcClient jdbc;
    private final CompletableFuture<Summary> completion = new CompletableFuture<>();
    private volatile boolean loading;
    private volatile boolean stopping;
    private volatile Thread worker;

    CityACaseload(
            CityADemo city,
            DemoClock clock,
            WorkingCalendar calendar,
            ObjectProvider<CaseloadReplay> replays,
            CoordinationStories coordination,
            AssessmentStories assessment,
            ObjectProvider<CityAReferrals> referrals,
            JdbcClient jdbc,
            ObjectProvider<SupervisionEndStories> supervisionEnd,
            ObjectProvider<SupervisionStories> supervision) {
        this.supervisionEnd = supervisionEnd;
        this.supervision = supervision;
        this.coordination = coordination;
        this.assessment = assessment;
        this.city = city;
        this.clock = clock;
        this.calendar = calendar;
        this.replays = replays;
        this.referrals = referrals;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Marker> marker = marker();
        if (marker.isPresent()) {
            Marker m = marker.get();
            if (m.completedAt() == null) {
                log.warn(
                        "City A demo caseload: its generation started at {} did not finish (the application stopped);"
                                + " the demo keeps the cases made so far. Delete the data directory to load the demo"
                                + " afresh.",
                        m.startedAt());
            }
            completion.complete(new Summary(
                    m.cases() == null ? 0 : m.cases(),
                    0,
                    m.refused() == null ? 0 : m.refused(),
                    Duration.ZERO,
                    m.completedAt() != null));
            return;
        }
        if (!claim()) {
            completion.complete(new Summary(0, 0, 0, Duration.ZERO, false));
            return;
        }
        loading = true;
        log.info(
                "City A demo caseload: generating {} cases in the background by replaying their last months on the"
                        + " demo clock (first start only); pages show a notice until it is done",
                CaseloadScript.CASELOAD.size());
        worker = Thread.ofPlatform().name("demo-caseload").daemon(true).start(this::generate);
    }

    /** Completes when the caseload is there (at once when an earlier start made it). */
    CompletableFuture<Summary> completion() {
        return completion;
    }

    @Override
    public boolean loading() {
        return loading;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = worker;
        if (running != null && running.isAlive()) {
            running.join(STOP_WAIT);
        }
    }

    private void generate() {
        long start = System.nanoTime();
        try {
            LocalDate today = LegalTime.today(clock);
            List<CaseloadScript.Story> stories = new CaseloadScript(today, calendar, staffNames()).stories();
            CaseloadReplay.Outcome outcome = replays.getObject().replay(stories, today, () -> stopping);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (outcome.stopped()) {
                log.warn("City A demo caseload: stopped with the application after {} cases", outcome.cases());
                completion.complete(new Summary(outcome.cases(), outcome.steps(), outcome.refused(), took, false));
                return;
            }
            // The coordination stories (conflicts, joint meetings) follow on cases of their own.
            CoordinationStories.Outcome played = coordination.play(today);
            // The graduated-response stories (a warning, a proposal awaiting arrest, a revocation) on cases of their
            // own.
            AssessmentStories.Outcome responded = assessment.play(today);
            outcome = new CaseloadReplay.Outcome(
                    outcome.cases() + played.cases() + responded.cases(),
                    outcome.steps(),
                    outcome.refused() + played.refused() + responded.refused(),
                    outcome.days(),
                    outcome.firstDay(),
                    false);
            // The assistance referrals come after the caseload, at today's time (a few, see CityAReferrals).
            int referred = referrals.getObject().seed();
            log.info("City A demo caseload: {} assistance referral stories made", referred);
            // The end of correction and procuratorial supervision, at today's time (see SupervisionEndStories).
            SupervisionEndStories.Outcome ending = supervisionEnd.getObject().play();
            outcome = new CaseloadReplay.Outcome(
                    outcome.cases() + ending.cases(),
                    outcome.steps(),
                    outcome.refused() + ending.refused(),
                    outcome.days(),
                    outcome.firstDay(),
                    false);
            // Daily supervision: reporting, leave, a move, monitoring, lost contact, custody (see SupervisionStories).
            SupervisionStories.Outcome supervised = supervision.getObject().play(today);
            outcome = new CaseloadReplay.Outcome(
                    outcome.cases() + supervised.cases(),
                    outcome.steps(),
                    outcome.refused() + supervised.refused(),
                    outcome.days(),
                    outcome.firstDay(),
                    false);
            jdbc.sql("UPDATE demo_caseload SET completed_at = :at, cases = :cases, refused = :refused WHERE id = 1")
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .param("cases", outcome.cases())
                    .param("refused", outcome.refused())
                    .update();
            log.info(
                    "City A demo caseload ready: {} cases, {} steps ({} refused) replayed over {} days from {} in {} s",
                    outcome.cases(),
                    outcome.steps(),
                    outcome.refused(),
                    outcome.days(),
                    outcome.firstDay(),
                    took.toSeconds());
            completion.complete(new Summary(outcome.cases(), outcome.steps(), outcome.refused(), took, true));
        } catch (RuntimeException e) {
            log.error("City A demo caseload failed", e);
            completion.completeExceptionally(e);
        } finally {
            loading = false;
        }
    }

    private java.util.Set<String> staffNames() {
        try {
            return city.staffNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Marker> marker() {
        return jdbc.sql("SELECT started_at, completed_at, cases, refused FROM demo_caseload WHERE id = 1")
                .query((rs, n) -> new Marker(
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at") == null
                                ? null
                                : rs.getTimestamp("completed_at").toInstant(),
                        (Integer) rs.getObject("cases"),
                        (Integer) rs.getObject("refused")))
                .optional();
    }

    /** Marks the caseload as started here; false when another instance got there first. */
    private boolean claim() {
        return jdbc.sql("INSERT INTO demo_caseload (id, seed, started_at) VALUES (1, :seed, :at) ON CONFLICT"
                                + " (id) DO NOTHING")
                        .param("seed", CaseloadScript.SEED)
                        .param("at", java.sql.Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }
}
