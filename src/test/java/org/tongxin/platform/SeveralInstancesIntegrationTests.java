package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.stereotype.Component;
import org.tongxin.TongxinApplication;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;
import org.tongxin.support.WebSession;

/**
 * Two application instances on one PostgreSQL, as behind a load balancer (doc/operations.md, doc/adr): a session made on
 * one is good on the other (sessions live in PostgreSQL), so is a personal token, and its revocation on one holds on the
 * other at once (nothing an instance keeps in memory decides who the caller is), a scheduled scan runs on one instance at a time (a cluster
 * lock in PostgreSQL) and changes each obligation once, and when reactions to events failed, the redelivery that both
 * instances run delivers every one again and each effect is applied once (the reaction claims its event id). Each instance is a whole application on its own port, in
 * a database of its own on the test run's PostgreSQL.
 */
class SeveralInstancesIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("txp_[A-Za-z0-9_-]{20,}");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcClient owner;

    @BeforeAll
    static void startTwoInstances() {
        first = start("first");
        second = start("second");
        Environment env = first.getEnvironment();
        owner = JdbcClient.create(DataSourceBuilder.create()
                .url(env.getRequiredProperty("spring.datasource.url"))
                .username(env.getRequiredProperty("spring.flyway.user"))
                .password(env.getRequiredProperty("spring.flyway.password"))
                .build());
        owner.sql("CREATE TABLE IF NOT EXISTS test_reaction_claim (event_id UUID PRIMARY KEY, claimed_by TEXT"
                        + " NOT NULL)")
                .update();
        owner.sql("CREATE TABLE IF NOT EXISTS test_reaction (obligation_id UUID PRIMARY KEY, applications INT"
                        + " NOT NULL)")
                .update();
        owner.sql("GRANT SELECT, INSERT, UPDATE ON test_reaction_claim, test_reaction TO "
                        + env.getRequiredProperty("spring.datasource.username"))
                .update();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(String name) {
        SpringApplication application =
                new SpringApplication(TongxinApplication.class, TestClockConfiguration.class, ReactionProbe.class);
        application.setAdditionalProfiles("test");
        return application.run(
                "--server.port=0",
                "--tongxin.embedded.database=instances",
                "--tongxin.instance-name=" + name,
                "--tongxin.events.redeliver-after=PT1M",
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() {
        WebSession browser = new WebSession(port(first)).login("cd.county", "Tongxin-Demo-2026", null);
        String cookie = browser.cookie("SESSION").orElseThrow();

        // The same browser, now sent to the second instance by the load balancer.
        WebSession elsewhere = new WebSession(port(second)).withCookie("SESSION", cookie);
        HttpResponse<String> me = elsewhere.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"cd.county\"");
        assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);
        // Its form carries the session's CSRF token, which the second instance knows from the shared session.
        assertThat(elsewhere.post("/account/language", Map.of("language", "en")).statusCode())
                .isEqualTo(302);

        // Logging out on the second instance ends the session on the first.
        assertThat(elsewhere.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> after = browser.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aTokenMadeOnOneInstanceWorksOnTheOtherUntilItIsRevokedThere() throws Exception {
        WebSession browser = new WebSession(port(first)).login("cd.county", "Tongxin-Demo-2026", null);
        browser.get("/account");
        String name = "instances-" + UUID.randomUUID();
        HttpResponse<String> page = browser.post("/account/tokens", Map.of("name", name, "lifetimeDays", "7"));
        Matcher issued = TOKEN.matcher(page.body());
        assertThat(issued.find())
                .as(
                        "the account page shows the new token once: %s %s",
                        page.statusCode(),
                        page.body().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", "</main>"))
                .isTrue();
        String token = issued.group();

        // The command that made the token ran on the first instance; the second sees its effect at once.
        HttpResponse<String> me = bearer(second, "GET", "/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"cd.county\"");
        HttpResponse<String> tokens = bearer(second, "GET", "/api/v1/me/tokens", token);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"kind\":\"[A-Z_]+\",\"name\":\"" + name + "\"")
                .matcher(tokens.body());
        assertThat(id.find())
                .as("the token listed on the second instance: %s", tokens.body())
                .isTrue();

        // Revoked through the second instance, it no longer opens anything on the first: no instance keeps its own
        // copy.
        assertThat(bearer(second, "DELETE", "/api/v1/me/tokens/" + id.group(1), token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(bearer(first, "GET", "/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(bearer(second, "GET", "/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> bearer(
            ConfigurableApplicationContext instance, String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScheduledScanRunsOnOneInstanceAndTheReactionsToItsEventsApplyOnceAfterTheyFailed() throws Exception {
        Runnable firstScan = scheduled(first, "ObligationClock", "scheduled");
        Runnable secondScan = scheduled(second, "ObligationClock", "scheduled");

        // The first instance is scanning (it holds the scan's cluster lock) while both schedulers fire.
        ReactionProbe.failing.set(true);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(() -> {
            int[] changed = new int[1];
            first.getBean(ObligationClock.class).holdScheduledScans(() -> {
                holding.countDown();
                await(release);
                changed[0] = first.getBean(ObligationClock.class).scanNow();
            });
            return changed[0];
        });
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        List<ObligationId> ids = openOverdueObligations(12);
        secondScan.run();
        firstScan.run();
        assertThat(statuses(ids))
                .as("nothing scanned while the first instance holds the lock")
                .containsOnly("OPEN");
        release.countDown();
        assertThat(scan.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(ids.size());
        secondScan.run();
        assertThat(statuses(ids)).containsOnly("OVERDUE");
        for (ObligationId id : ids) {
            assertThat(owner.sql("SELECT count(*) FROM obligation_history WHERE obligation_id = :id AND event ="
                                    + " 'OVERDUE'")
                            .param("id", id.value())
                            .query(Long.class)
                            .single())
                    .as("turned overdue once")
                    .isEqualTo(1);
        }

        // Every reaction of the probe failed (as after a database error); the publications wait in the registry.
        String probe = "%ReactionProbe%";
        awaitTrue(() ->
                owner.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE :l AND status = 'FAILED'")
                                .param("l", probe)
                                .query(Long.class)
                                .single()
                        == ids.size());
        assertThat(owner.sql("SELECT count(*) FROM test_reaction")
                        .query(Long.class)
                        .single())
                .as("no effect while failing")
                .isZero();

        // Two minutes later both instances redeliver at the same moment.
        ReactionProbe.failing.set(false);
        first.getBean(MutableClock.class).advance(Duration.ofMinutes(2));
        second.getBean(MutableClock.class).advance(Duration.ofMinutes(2));
        Runnable firstRedelivery = scheduled(first, "EventRedelivery", "redeliver");
        Runnable secondRedelivery = scheduled(second, "EventRedelivery", "redeliver");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            await(go);
            firstRedelivery.run();
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            await(go);
            secondRedelivery.run();
        });
        go.countDown();
        CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);
        awaitTrue(() -> owner.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE :l AND completion_date"
                                + " IS NULL")
                        .param("l", probe)
                        .query(Long.class)
                        .single()
                == 0);
        firstRedelivery.run();
        secondRedelivery.run();

        // Redelivery is at least once: while one instance's redelivery is still processing a publication, the other's
        // may
        // claim it again. Each reaction claims its event id with its effect, as every listener of the application does
        // (doc/style.md 6), so each effect is applied once, and none is lost.
        List<Map<String, Object>> reactions = owner.sql("SELECT obligation_id, applications FROM test_reaction")
                .query()
                .listOfRows();
        assertThat(reactions.stream()
                        .map(r -> ObligationId.of((UUID) r.get("obligation_id")))
                        .toList())
                .as("every reaction applied")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reactions)
                .allSatisfy(r ->
                        assertThat(r.get("applications")).as("applied once").isEqualTo(1));
        assertThat(ReactionProbe.attempts.values())
                .allSatisfy(
                        n -> assertThat(n.get()).as("failed, then redelivered").isGreaterThanOrEqualTo(2));
    }

    /** Obligations of 城东区's county agency about a matter, triggered a month ago: overdue, not yet marked so. */
    private static List<ObligationId> openOverdueObligations(int count) {
        ObligationLedger ledger = first.getBean(ObligationLedger.class);
        AgencyId county = first.getBean(AgencyDirectory.class)
                .findByCode("CD-CCA")
                .orElseThrow()
                .id();
        Instant triggered = first.getBean(MutableClock.class).instant().minus(Duration.ofDays(30));
        ResolvedPolicy policy =
                first.getBean(PolicyModels.class).inForce(PolicyModels.NATIONAL, LegalTime.dateOf(triggered));
        ProcedureStep step = policy.require("docs.receipt");
        List<ObligationId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ledger.open(OpenObligation.forMatter(
                    ObligationMatter.decision(UUID.randomUUID()),
                    step,
                    "",
                    policy.version(),
                    policy.settings(),
                    county,
                    null,
                    step.deadline().amount(),
                    triggered)));
        }
        return ids;
    }

    private static List<String> statuses(List<ObligationId> ids) {
        return ids.stream()
                .map(id -> owner.sql("SELECT status FROM obligation WHERE id = :id")
                        .param("id", id.value())
                        .query(String.class)
                        .single())
                .toList();
    }

    /** The instance's scheduled job itself (what its scheduler runs), found by class and method name. */
    private static Runnable scheduled(ConfigurableApplicationContext instance, String type, String method) {
        for (ScheduledTask task : instance.getBean(ScheduledTaskHolder.class).getScheduledTasks()) {
            String name = task.getTask().getRunnable().toString();
            if (name.contains("." + type) && name.endsWith("." + method)) {
                return task.getTask().getRunnable();
            }
        }
        throw new IllegalStateException("No scheduled " + type + "." + method);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls (every 50 ms, at most a minute) until the reactions in flight have done what is asked. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within a minute").isLessThan(end);
            Thread.sleep(50);
        }
    }

    /**
     * A reaction to obligations turning overdue that records its effect (and how often it was applied) and can be made
     * to fail, as a listener does when the database refuses it: what the registry and the redelivery must carry through.
     */
    @Component
    static class ReactionProbe {

        static final AtomicBoolean failing = new AtomicBoolean();
        static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

        private final JdbcClient jdbc;
        private final String instance;

        ReactionProbe(JdbcClient jdbc, Environment environment) {
            this.jdbc = jdbc;
            this.instance = environment.getRequiredProperty("tongxin.instance-name");
        }

        @ApplicationModuleListener
        void on(ObligationOverdue overdue) {
            attempts.computeIfAbsent(overdue.eventId(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("The probe's reaction fails on purpose");
            }
            // The listener's own transaction: the claim of the event id and the effect commit together, or neither.
            boolean claimed = jdbc.sql("INSERT INTO test_reaction_claim (event_id, claimed_by) VALUES (:e, :by) ON"
                                    + " CONFLICT DO NOTHING")
                            .param("e", overdue.eventId())
                            .param("by", instance)
                            .update()
                    == 1;
            if (claimed) {
                jdbc.sql("""
                    INSERT INTO test_reaction (obligation_id, applications) VALUES (:o, 1)
                    ON CONFLICT (obligation_id) DO UPDATE SET applications = test_reaction.applications + 1\
                    """).param("o", overdue.obligationId().value()).update();
            }
        }
    }
}
