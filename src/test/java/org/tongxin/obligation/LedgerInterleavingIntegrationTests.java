package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tongxin.obligation.LedgerFixtures.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The reactions that open an obligation and the ones that fulfil, pause, resume, reassign or let it lapse run in
 * concurrent transactions, and after a crash in any order (ADR 0028). Each interleaving is produced deterministically:
 * one transaction is held open on a latch while the other is shown, through PostgreSQL's lock table, to wait for it;
 * or one commits completely before the other starts. No sleeps.
 */
@IntegrationTest
class LedgerInterleavingIntegrationTests {

    @Autowired
    ObligationLedger ledger;

    @Autowired
    PolicyModels policies;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    CaseFixtures cases;
    LedgerFixtures fixtures;
    LedgerFixtures.SchedulerHold scheduler;
    ExecutorService threads;
    CaseId caseId;
    AgencyId county;
    AgencyId court;
    ActorRef officer;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new LedgerFixtures.SchedulerHold(dataSource);
        threads = Executors.newFixedThreadPool(2);
        cases = new CaseFixtures(management, agencies, actors, jdbc, clock);
        fixtures = new LedgerFixtures(policies, jdbc);
        caseId = cases.withoutObligations();
        county = cases.agency("CD-CCA");
        court = cases.agency("CD-COURT");
        officer = new ActorRef(actors.user("cd.county").id().value(), "cd.county", county.value());
    }

    @AfterEach
    void tearDown() throws Exception {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        scheduler.close();
        clock.reset();
    }

    OpenObligation receipt(String triggeredAt) {
        return fixtures.request(caseId, "docs.receipt", "", at(triggeredAt), county, court, false, false);
    }

    @Test
    void aFulfilmentWhileTheOpeningIsUncommittedWaitsForItAndThenFulfilsIt() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<ObligationId> opening = CompletableFuture.supplyAsync(
                () -> new TransactionTemplate(transactions).execute(tx -> {
                    ObligationId id = ledger.open(receipt("2025-09-22T10:00"));
                    opened.countDown();
                    awaitLatch(commit);
                    return id;
                }),
                threads);
        assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<java.util.Optional<ObligationView>> fulfilling = CompletableFuture.supplyAsync(
                () -> ledger.fulfil(caseId, "docs.receipt", "", at("2025-09-24T16:00"), officer), threads);
        awaitWaitersOnTheLedgerLock(1);
        assertThat(fulfilling)
                .as("the fulfilment waits for the opening's transaction")
                .isNotDone();

        commit.countDown();
        ObligationId id = opening.get(30, TimeUnit.SECONDS);
        ObligationView done = fulfilling.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(done.id()).isEqualTo(id);
        assertThat(done.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(done.fulfilledAt()).isEqualTo(at("2025-09-24T16:00"));
        assertThat(done.fulfilledBy()).isEqualTo(officer.userId());
        assertThat(fixtures.history(id)).containsExactly("OPENED", "FULFILLED");
    }

    @Test
    void anOpeningWhileAFulfilmentIsUncommittedWaitsForItAndOpensTheStepFulfilled() throws Exception {
        CountDownLatch fulfilled = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> fulfilling = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    assertThat(ledger.fulfil(caseId, "docs.receipt", "", at("2025-09-24T16:00"), officer))
                            .as("not open yet")
                            .isEmpty();
                    fulfilled.countDown();
                    awaitLatch(commit);
                }),
                threads);
        assertThat(fulfilled.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ObligationId> opening =
                CompletableFuture.supplyAsync(() -> ledger.open(receipt("2025-09-22T10:00")), threads);
        awaitWaitersOnTheLedgerLock(1);
        assertThat(opening)
                .as("the opening waits for the fulfilment's transaction")
                .isNotDone();

        commit.countDown();
        fulfilling.get(30, TimeUnit.SECONDS);
        ObligationView receipt = ledger.find(opening.get(30, TimeUnit.SECONDS)).orElseThrow();
        assertThat(receipt.status())
                .as("the fulfilment that came first is applied on opening")
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(receipt.fulfilledAt()).isEqualTo(at("2025-09-24T16:00"));
        assertThat(receipt.fulfilledBy()).isEqualTo(officer.userId());
        assertThat(fixtures.history(receipt.id())).containsExactly("OPENED", "FULFILLED");
        assertThat(keptWaiting()).as("nothing left waiting").isZero();
    }

    @Test
    void aPauseAndItsResumptionArrivingBeforeTheOpeningGiveTheSameDueDateAsInOrder() {
        ledger.resume(caseId, "docs.receipt", "", at("2025-09-29T09:00"), ActorRef.SYSTEM);
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-24T15:00"), "判决书缺页，已要求补送", ActorRef.SYSTEM);
        ObligationView scrambled =
                ledger.find(ledger.open(receipt("2025-09-22T10:00"))).orElseThrow();

        // As ObligationLedgerIntegrationTests has it in order: two of five days ran, three from the 29th end on a
        // holiday.
        assertThat(scrambled.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(scrambled.dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(fixtures.history(scrambled.id())).containsExactly("OPENED", "PAUSED", "RESUMED");
        assertThat(keptWaiting()).isZero();
    }

    @Test
    void aResumptionBeforeItsPauseRestartsTheClockOnceThePauseArrives() {
        ObligationId id = ledger.open(receipt("2025-09-22T10:00"));
        ledger.resume(caseId, "docs.receipt", "", at("2025-09-29T09:00"), ActorRef.SYSTEM);
        assertThat(ledger.find(id).orElseThrow().status())
                .as("nothing to resume yet")
                .isEqualTo(ObligationStatus.OPEN);
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-24T15:00"), "判决书缺页，已要求补送", ActorRef.SYSTEM);
        ObligationView resumed = ledger.find(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(fixtures.history(id)).containsExactly("OPENED", "PAUSED", "RESUMED");
    }

    @Test
    void aReassignmentAndALapseBeforeTheOpeningApplyToIt() {
        AgencyId office = cases.agency("CD-SO-DM");
        ledger.reassign(caseId, "plan.make", "", office, at("2025-09-23T09:00"));
        ObligationView plan = ledger.find(ledger.open(
                        fixtures.request(caseId, "plan.make", "", at("2025-09-22T10:00"), county, null, false, false)))
                .orElseThrow();
        assertThat(plan.owingAgencyId())
                .as("entrusted to the office before the reaction opened it")
                .isEqualTo(office);

        ledger.lapse(caseId, "docs.receipt", "2", at("2025-09-23T09:00"), "帮扶转介已结束 / The referral ended");
        ObligationView lapsed = ledger.find(ledger.open(fixtures.request(
                        caseId, "docs.receipt", "2", at("2025-09-22T10:00"), county, court, false, false)))
                .orElseThrow();
        assertThat(lapsed.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(lapsed.waiverReason()).isEqualTo("帮扶转介已结束 / The referral ended");
    }

    @Test
    void aWithdrawnCaseLetsEveryObligationLapseIncludingThoseItsReactionsOpenLater() {
        ObligationId before = ledger.open(receipt("2025-09-22T10:00"));
        assertThat(ledger.lapseAll(caseId, at("2025-09-23T09:00"), "案件未适用社区矫正 / Community correction not applied"))
                .isEqualTo(1);
        ObligationId after = ledger.open(
                fixtures.request(caseId, "docs.deliver", "", at("2025-09-22T10:00"), court, county, false, false));
        assertThat(ledger.find(before).orElseThrow().status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(ledger.find(after).orElseThrow().status())
                .as("opened by a late reaction")
                .isEqualTo(ObligationStatus.WAIVED);
    }

    @Test
    void aCommandOnAClosedObligationChangesNothingAndIsNotKept() {
        ObligationId id = ledger.open(receipt("2025-09-22T10:00"));
        ledger.fulfil(caseId, "docs.receipt", "", at("2025-09-24T16:00"), officer);
        long kept = keptWaiting();
        ledger.fulfil(caseId, "docs.receipt", "", at("2025-09-25T16:00"), ActorRef.SYSTEM);
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-25T17:00"), "补送", ActorRef.SYSTEM);
        assertThat(ledger.find(id).orElseThrow().fulfilledAt()).isEqualTo(at("2025-09-24T16:00"));
        assertThat(fixtures.history(id)).containsExactly("OPENED", "FULFILLED");
        assertThat(keptWaiting()).isEqualTo(kept);
    }

    /** Waits until {@code n} transactions wait for a lock in the ledger's advisory-lock space (pg_locks; polled, bounded). */
    private void awaitWaitersOnTheLedgerLock(int n) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = :space AND objsubid = 2\
                    """)
                                .param("space", org.tongxin.obligation.internal.ObligationRepository.LOCK_SPACE)
                                .query(Long.class)
                                .single()
                        == n);
    }

    private long keptWaiting() {
        return jdbc.sql("SELECT count(*) FROM obligation_signal WHERE case_id = :c AND applied_at IS NULL AND kind <>"
                        + " 'LAPSE_ALL'")
                .param("c", caseId.value())
                .query(Long.class)
                .single();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
