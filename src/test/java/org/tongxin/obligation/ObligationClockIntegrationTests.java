package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tongxin.obligation.LedgerFixtures.at;
import static org.tongxin.obligation.LedgerFixtures.startOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.calendar.CalendarYearPublished;
import org.tongxin.calendar.internal.CalendarData;
import org.tongxin.calendar.internal.CalendarRepository;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.platform.EmbeddedDatabase;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The ledger's clock, moved by the test (the scheduled scan is held off): warnings before the due date, OVERDUE at
 * it, escalation at once to the owing agency's parent (which gains a lawful role in the case) and after the policy's
 * working days to the city coordination office, never twice even when two scans race, and provisional due dates
 * recomputed when a year's official calendar is published.
 */
@IntegrationTest
class ObligationClockIntegrationTests {

    @Autowired
    ObligationClock obligationClock;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    PolicyModels policies;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    CalendarRepository calendarRepository;

    @Autowired
    CalendarData calendarData;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    CaseFixtures cases;
    LedgerFixtures ledgerFixtures;
    LedgerFixtures.SchedulerHold scheduler;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new LedgerFixtures.SchedulerHold(dataSource);
        cases = new CaseFixtures(management, agencies, actors, jdbc, clock);
        ledgerFixtures = new LedgerFixtures(policies, jdbc);
    }

    @AfterEach
    void tearDown() throws Exception {
        clock.reset();
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
        scheduler.close();
    }

    AgencyId agency(String code) {
        return cases.agency(code);
    }

    ObligationView open(
            CaseId caseId, String step, String instance, String triggeredAt, String owing, String counterparty) {
        return ledger.find(ledger.open(ledgerFixtures.request(
                        caseId, step, instance, at(triggeredAt), agency(owing), agency(counterparty), false, false)))
                .orElseThrow();
    }

    ObligationView reload(ObligationView o) {
        return ledger.find(o.id()).orElseThrow();
    }

    void scanAt(Instant instant) {
        clock.setInstant(instant);
        obligationClock.scanNow();
    }

    long historyCount(ObligationView o, String event) {
        return ledgerFixtures.history(o.id()).stream().filter(event::equals).count();
    }

    List<AgencyId> escalatedTo(ObligationView o) {
        return jdbc
                .sql("SELECT agency_id FROM obligation_escalation WHERE obligation_id = :id ORDER BY level")
                .param("id", o.id().value())
                .query(UUID.class)
                .list()
                .stream()
                .map(AgencyId::of)
                .toList();
    }

    boolean sees(String username, CaseId id) {
        try {
            cases.as(username, () -> directory.view(id, "escalation"));
            return true;
        } catch (TongxinException e) {
            assertThat(e.status().value()).isEqualTo(404);
            return false;
        }
    }

    @Test
    void aWarningComesTwoWorkingDaysBeforeTheDueDateAndOnlyOnce() {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView assessment = open(caseId, "assess.complete", "", "2025-09-26T10:00", "CD-CCA", "CD-COURT");

        scanAt(at("2025-10-13T23:59"));
        assertThat(reload(assessment).warnedAt()).isNull();
        scanAt(startOf("2025-10-14").plusSeconds(30));
        ObligationView warned = reload(assessment);
        assertThat(warned.warnedAt()).isEqualTo(startOf("2025-10-14").plusSeconds(30));
        assertThat(warned.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(warned.dueSoon(clock.instant())).isTrue();
        scanAt(at("2025-10-16T12:00"));
        assertThat(ledgerFixtures.history(assessment.id())).containsExactly("OPENED", "WARNED");
    }

    @Test
    void theEscalationChainIsTheOrganOneLevelUpThenTheCityCoordinationOffice() {
        assertThat(obligationClock.escalationChain(agency("CD-CCA")))
                .containsExactly(agency("A-CCA"), agency("A-COORD"));
        assertThat(obligationClock.escalationChain(agency("CD-SO-DM")))
                .containsExactly(agency("CD-CCA"), agency("A-COORD"));
        assertThat(obligationClock.escalationChain(agency("CD-COURT")))
                .containsExactly(agency("A-COURT"), agency("A-COORD"));
        assertThat(obligationClock.escalationChain(agency("QS-PROC")))
                .containsExactly(agency("A-PROC"), agency("A-COORD"));
        assertThat(obligationClock.escalationChain(agency("A-CCA"))).containsExactly(agency("A-COORD"));
        assertThat(obligationClock.escalationChain(AgencyId.of(UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void anOverdueStepGoesToTheOrganOneLevelUpAtOnceAndToTheCoordinationOfficeTwoWorkingDaysLater() {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        management.grant(caseId, agency("A-CIVIL"), Participation.ASSISTING);
        ObligationView receipt = open(caseId, "docs.receipt", "", "2025-09-26T10:00", "CD-CCA", "CD-COURT");
        ObligationView delivery = open(caseId, "docs.deliver", "", "2025-09-26T10:00", "CD-COURT", "CD-CCA");
        assertThat(receipt.dueAt()).isEqualTo(startOf("2025-10-10"));
        assertThat(delivery.dueAt()).isEqualTo(startOf("2025-10-10"));
        assertThat(sees("city.cca", caseId)).isFalse();
        assertThat(sees("city.court.judge", caseId)).isFalse();

        scanAt(at("2025-10-09T23:59"));
        assertThat(reload(receipt).status()).isEqualTo(ObligationStatus.OPEN);

        scanAt(at("2025-10-10T00:05"));
        for (ObligationView o : List.of(receipt, delivery)) {
            ObligationView overdue = reload(o);
            assertThat(overdue.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(overdue.escalationLevel()).isEqualTo(1);
            assertThat(ledgerFixtures.history(o.id())).containsExactly("OPENED", "WARNED", "OVERDUE", "ESCALATED");
        }
        assertThat(escalatedTo(receipt)).containsExactly(agency("A-CCA"));
        assertThat(escalatedTo(delivery)).containsExactly(agency("A-COURT"));
        assertThat(directory.parties(caseId))
                .contains(
                        new LawfulRole(agency("A-CCA"), Participation.ESCALATION),
                        new LawfulRole(agency("A-COURT"), Participation.ESCALATION));
        assertThat(sees("city.cca", caseId)).isTrue();
        assertThat(sees("city.court.judge", caseId)).isTrue();
        assertThat(sees("city.coord", caseId)).isFalse();

        // Two working days from Friday 10 October: Saturday the 11th (worked) and Monday the 13th.
        scanAt(at("2025-10-13T23:59"));
        assertThat(reload(receipt).escalationLevel()).isEqualTo(1);
        scanAt(at("2025-10-14T00:06"));
        for (ObligationView o : List.of(receipt, delivery)) {
            assertThat(reload(o).escalationLevel()).isEqualTo(2);
            assertThat(historyCount(o, "ESCALATED")).isEqualTo(2);
        }
        assertThat(escalatedTo(receipt)).containsExactly(agency("A-CCA"), agency("A-COORD"));
        assertThat(directory.parties(caseId)).contains(new LawfulRole(agency("A-COORD"), Participation.COORDINATION));
        assertThat(sees("city.coord", caseId)).isTrue();

        scanAt(at("2025-11-30T12:00"));
        assertThat(historyCount(receipt, "ESCALATED"))
                .as("nobody above the coordination office")
                .isEqualTo(2);
        assertThat(ledger.fulfil(caseId, "docs.receipt", "", clock.instant(), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED_LATE);

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(cases.as("city.cca", () -> directory.timeline(caseId)))
                        .extracting(TimelineItem::kind)
                        .contains(
                                "obligation.escalated",
                                "obligation.overdue",
                                "obligation.fulfilled-late",
                                "assessment.entrusted"));
        assertThat(cases.as("civil.worker", () -> directory.timeline(caseId)))
                .as("neither the ledger nor the case's course is an assisting department's business (S8)")
                .isEmpty();
        assertThat(cases.as("city.cca", () -> directory.timeline(caseId)))
                .extracting(TimelineItem::text)
                .contains(
                        "Overdue: Return the receipt (回执)",
                        "Overdue step escalated to the level above: Deliver the legal documents");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(cases.as("cd.county", () -> directory.timeline(caseId)))
                .extracting(TimelineItem::text)
                .contains("已逾期：送达回执", "逾期事项已提请上级督办：送达法律文书", "逾期办结：送达回执");
    }

    @Test
    void anOrganWithoutAParentGoesStraightToTheCoordinationOffice() {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView cityStep = open(caseId, "docs.receipt", "city", "2025-09-26T10:00", "A-CCA", "CD-COURT");
        scanAt(at("2025-10-10T00:05"));
        ObligationView escalated = reload(cityStep);
        assertThat(escalated.escalationLevel()).isEqualTo(2);
        assertThat(escalatedTo(cityStep)).containsExactly(agency("A-COORD"));
        scanAt(at("2025-10-31T00:05"));
        assertThat(historyCount(cityStep, "ESCALATED")).isEqualTo(1);
    }

    @Test
    void pausedFulfilledAndWaivedStepsNeverTurnOverdue() {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView paused = open(caseId, "docs.receipt", "", "2025-09-26T10:00", "CD-CCA", "CD-COURT");
        ObligationView fulfilled = open(caseId, "docs.deliver", "", "2025-09-26T10:00", "CD-COURT", "CD-CCA");
        ObligationView waived = open(caseId, "docs.notify", "", "2025-09-26T10:00", "CD-COURT", "CD-CCA");
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-27T10:00"), "等待补送判决书", ActorRef.SYSTEM);
        ledger.fulfil(caseId, "docs.deliver", "", at("2025-09-29T10:00"), ActorRef.SYSTEM);
        cases.as("cd.court.judge", () -> ledger.waive(waived.id(), waived.version(), "通知已随判决书一并送达"));

        scanAt(at("2025-11-03T10:00"));
        assertThat(reload(paused).status()).isEqualTo(ObligationStatus.PAUSED);
        assertThat(reload(fulfilled).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(reload(waived).status()).isEqualTo(ObligationStatus.WAIVED);
        for (ObligationView o : List.of(paused, fulfilled, waived)) {
            assertThat(escalatedTo(o)).isEmpty();
            assertThat(ledgerFixtures.history(o.id())).doesNotContain("OVERDUE", "ESCALATED", "WARNED");
        }
    }

    @Test
    void twoScansAtOnceWarnAndEscalateEachStepOnlyOnce() throws Exception {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        List<ObligationView> overdue = new ArrayList<>();
        List<ObligationView> warned = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            overdue.add(open(caseId, "docs.receipt", "race-" + i, "2025-09-26T10:00", "CD-CCA", "CD-COURT"));
            warned.add(open(caseId, "assess.complete", "race-" + i, "2025-09-26T10:00", "CD-CCA", "CD-COURT"));
        }
        // The receipts are overdue on 10 October (level 1 at once, level 2 from the 14th); the assessments, due on the
        // 16th, are warned from the 14th.
        scanConcurrently(at("2025-10-10T00:05"));
        scanConcurrently(at("2025-10-15T00:05"));
        for (ObligationView o : overdue) {
            assertThat(ledgerFixtures.history(o.id()))
                    .as(o.instance())
                    .containsExactly("OPENED", "OVERDUE", "ESCALATED", "ESCALATED");
            assertThat(escalatedTo(o)).containsExactly(agency("A-CCA"), agency("A-COORD"));
            assertThat(reload(o).escalationLevel()).isEqualTo(2);
        }
        for (ObligationView o : warned) {
            assertThat(ledgerFixtures.history(o.id())).as(o.instance()).containsExactly("OPENED", "WARNED");
        }
    }

    void scanConcurrently(Instant at) throws Exception {
        clock.setInstant(at);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                scans.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return obligationClock.scanNow();
                }));
            }
            for (Future<Integer> scan : scans) {
                scan.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anOfficialYearRecomputesTheProvisionalDueDatesAndReopensAStepNoLongerOverdue() throws Exception {
        clock.setInstant(at("2026-12-28T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView assessment = open(caseId, "assess.complete", "", "2026-12-28T10:00", "CD-CCA", "CD-COURT");
        ObligationView receipt = open(caseId, "docs.receipt", "", "2026-12-28T10:00", "CD-CCA", "CD-COURT");
        ObligationView settled = open(caseId, "docs.deliver", "", "2026-11-02T10:00", "CD-COURT", "CD-CCA");
        // 2027 has no notice yet: predicted, New Year's Day (a Friday) is joined to its weekend, so ten working days
        // end on 12 January.
        assertThat(assessment.provisional()).isTrue();
        assertThat(assessment.dueDate()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(receipt.provisional()).isTrue();
        assertThat(receipt.dueDate())
                .as("Saturday 2 January moves to Monday the 4th")
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(settled.provisional()).isFalse();

        scanAt(at("2027-01-05T09:00"));
        assertThat(reload(receipt).status()).isEqualTo(ObligationStatus.OVERDUE);
        int settledVersion = reload(settled).version();
        try {
            publish2027(
                    SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦", "New Year's Day"),
                    SpecialDay.holiday(LocalDate.of(2027, 1, 4), "元旦", "New Year's Day"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(reload(assessment).provisional()).isFalse());

            ObligationView recomputed = reload(assessment);
            assertThat(recomputed.dueDate())
                    .as("Monday 4 January is now a holiday")
                    .isEqualTo(LocalDate.of(2027, 1, 13));
            assertThat(recomputed.previousDueAt()).isEqualTo(assessment.dueAt());
            assertThat(recomputed.dueChangedAt()).isEqualTo(at("2027-01-05T09:00"));
            assertThat(ledgerFixtures.history(assessment.id())).containsExactly("OPENED", "DUE_CHANGED");
            String inbox = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                    "/inbox?case=" + caseId.value() + "&lang=zh-CN")
                            .with(actors.as("cd.county")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(inbox)
                    .as("the owner sees that the date moved, and from what")
                    .contains("期限已于 2027年1月5日 重算，原为 2027年1月12日");

            ObligationView reopened = reload(receipt);
            assertThat(reopened.dueDate()).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(reopened.status())
                    .as("due at the end of today: no longer overdue")
                    .isEqualTo(ObligationStatus.OPEN);
            assertThat(reopened.provisional()).isFalse();
            assertThat(ledgerFixtures.history(receipt.id())).endsWith("DUE_CHANGED");

            assertThat(reload(settled).dueChangedAt()).isNull();
            assertThat(reload(settled).version())
                    .as("a due date on an official year is left alone")
                    .isEqualTo(settledVersion);
        } finally {
            remove2027();
        }
    }

    @Test
    void theMakeUpDaysOfAPredictedSpringFestivalCountUntilTheNoticeMovesTheDueDatesAndTheInboxSaysSo()
            throws Exception {
        clock.setInstant(at("2027-02-01T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView assessment = open(caseId, "assess.complete", "", "2027-02-01T10:00", "CD-CCA", "CD-COURT");
        ObligationView receipt = open(caseId, "docs.receipt", "", "2027-02-01T10:00", "CD-CCA", "CD-COURT");
        // Predicted (no notice for 2027): the Lunar New Year is Saturday 6 February, so the break runs from New Year's
        // Eve (Friday 5th) with the make-up days Tuesday 9 and Wednesday 10 (regulation art. 6), the bridge days 11 and
        // 12, Saturday 13th, and Sunday 14th worked. Ten working days: 2, 3, 4, 14, 15-19 and 22 February.
        assertThat(assessment.provisional()).isTrue();
        assertThat(assessment.dueDate()).isEqualTo(LocalDate.of(2027, 2, 22));
        // Five days end on Saturday 6th, a holiday: the period runs to the next working day, Sunday 14th (worked). The
        // statutory holidays alone would have ended it on Tuesday 9th, a make-up day.
        assertThat(receipt.dueDate()).isEqualTo(LocalDate.of(2027, 2, 14));
        clock.setInstant(at("2027-02-02T09:00"));
        try {
            // The notice (test data) gives only the statutory minimum: 5-10 February, the make-up days included.
            List<SpecialDay> days = new ArrayList<>();
            LocalDate.of(2027, 2, 5)
                    .datesUntil(LocalDate.of(2027, 2, 11))
                    .forEach(d -> days.add(SpecialDay.holiday(d, "春节", "Spring Festival")));
            publish2027(days.toArray(SpecialDay[]::new));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(reload(assessment).provisional()).isFalse());

            assertThat(reload(assessment).dueDate())
                    .as("2, 3, 4, 11, 12 and 15-19 February")
                    .isEqualTo(LocalDate.of(2027, 2, 19));
            assertThat(reload(assessment).previousDueAt()).isEqualTo(assessment.dueAt());
            assertThat(reload(receipt).dueDate())
                    .as("the first working day after the make-up days")
                    .isEqualTo(LocalDate.of(2027, 2, 11));
            assertThat(ledgerFixtures.history(receipt.id())).containsExactly("OPENED", "DUE_CHANGED");
            String inbox = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                    "/inbox?case=" + caseId.value() + "&lang=zh-CN")
                            .with(actors.as("cd.county")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(inbox).contains("期限已于 2027年2月2日 重算，原为 2027年2月22日", "期限已于 2027年2月2日 重算，原为 2027年2月14日");
        } finally {
            remove2027();
        }
    }

    void publish2027(SpecialDay... days) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            calendarRepository.replace(
                    "CN", 2027, "国务院办公厅关于2027年部分节假日安排的通知（测试用）", List.of(days), clock.instant(), "test");
            calendarData.forget("CN", 2027);
            events.publishEvent(new CalendarYearPublished("CN", 2027));
        });
    }

    /** The year is test data: back to provisional (deleting needs more than the application's grants). */
    void remove2027() {
        try (var c = EmbeddedDatabase.current()
                        .orElseThrow()
                        .superuserDataSource()
                        .getConnection();
                var s = c.createStatement()) {
            s.execute("DELETE FROM calendar_day WHERE region = 'CN' AND year = 2027");
            s.execute("DELETE FROM calendar_year WHERE region = 'CN' AND year = 2027");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            calendarData.forgetAll();
        }
    }

    @Test
    void aScanBeforeAnyWarningOrDueTimeChangesNothing() {
        clock.setInstant(at("2025-09-26T10:00"));
        CaseId caseId = cases.withoutObligations();
        ObligationView receipt = open(caseId, "docs.receipt", "", "2025-09-26T10:00", "CD-CCA", "CD-COURT");
        scanAt(at("2025-09-28T23:59"));
        assertThat(reload(receipt).version()).isEqualTo(receipt.version());
        assertThat(ledgerFixtures.history(receipt.id())).containsExactly("OPENED");
    }
}
