package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongxin.obligation.LedgerFixtures.at;
import static org.tongxin.obligation.LedgerFixtures.startOf;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.obligation.internal.DueCalculator;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The ledger's commands with City A's real steps and the real 2025 calendar (National Day holiday 1–8 October, 28
 * September and 11 October worked): due dates, warnings and alerts as opened, idempotent opening and fulfilling, the
 * pausable clock, and waivers and taking by people of the owing agency.
 */
@IntegrationTest
class ObligationLedgerIntegrationTests {

    @Autowired
    ObligationLedger ledger;

    @Autowired
    DueCalculator due;

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
    org.springframework.context.MessageSource messages;

    CaseFixtures cases;
    LedgerFixtures ledgerFixtures;
    LedgerFixtures.SchedulerHold scheduler;
    CaseId caseId;
    AgencyId county;
    AgencyId court;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new LedgerFixtures.SchedulerHold(dataSource);
        cases = new CaseFixtures(management, agencies, actors, jdbc, clock);
        ledgerFixtures = new LedgerFixtures(policies, jdbc);
        caseId = cases.withoutObligations();
        county = cases.agency("CD-CCA");
        court = cases.agency("CD-COURT");
    }

    @AfterEach
    void tearDown() throws Exception {
        clock.reset();
        SecurityContextHolder.clearContext();
        scheduler.close();
    }

    ObligationView open(String step, String triggeredAt) {
        return open(step, "", triggeredAt, false, false);
    }

    ObligationView open(String step, String instance, String triggeredAt, boolean expedited, boolean custody) {
        ObligationId id = ledger.open(
                ledgerFixtures.request(caseId, step, instance, at(triggeredAt), county, court, expedited, custody));
        return ledger.find(id).orElseThrow();
    }

    @Test
    void aWorkingDayPeriodSkipsTheNationalDayHolidayAndCountsItsAdjustedWorkingDays() {
        ObligationView assessment = open("assess.complete", "2025-09-26T10:00");
        assertThat(assessment.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(assessment.deadlineKind()).isEqualTo(DeadlineKind.WORKING_DAYS);
        assertThat(assessment.deadlineAmount()).isEqualTo(10);
        // Sunday 28 Sep, 29, 30 Sep; 1-8 Oct off; 9, 10, Saturday 11, 13, 14, 15, 16 Oct.
        assertThat(assessment.dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));
        assertThat(assessment.dueAt()).isEqualTo(startOf("2025-10-17"));
        assertThat(assessment.warnAt())
                .as("two working days before the due date")
                .isEqualTo(startOf("2025-10-14"));
        assertThat(assessment.alertOnly()).isFalse();
        assertThat(assessment.provisional()).isFalse();
        assertThat(assessment.owingAgencyId()).isEqualTo(county);
        assertThat(assessment.counterpartyAgencyId()).isEqualTo(court);

        ObligationView expedited = open("assess.complete", "expedited", "2025-09-26T10:00", true, false);
        assertThat(expedited.deadlineAmount()).isEqualTo(5);
        assertThat(expedited.dueDate()).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void aCalendarDayPeriodEndingOnAHolidayEndsOnTheNextWorkingDayExceptInCustody() {
        ObligationView receipt = open("docs.receipt", "2025-09-26T16:30");
        assertThat(receipt.dueDate()).as("1 October is a holiday until the 8th").isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(receipt.dueAt()).isEqualTo(startOf("2025-10-10"));
        assertThat(receipt.warnAt())
                .as("two working days before 9 October are 30 and 29 September")
                .isEqualTo(startOf("2025-09-29"));

        ObligationView custody = open("docs.receipt", "custody", "2025-09-26T16:30", false, true);
        assertThat(custody.dueDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(custody.custody()).isTrue();

        ObligationView weekend = open("docs.receipt", "weekend", "2025-09-22T09:00", false, false);
        assertThat(weekend.dueDate())
                .as("Saturday 27 September is followed by the worked Sunday 28th")
                .isEqualTo(LocalDate.of(2025, 9, 28));
    }

    @Test
    void anImmediateStepHasNoDueDateButAnAlertAfterThePolicysHours() {
        ObligationView missed = open("report.missed", "2025-09-30T15:20");
        assertThat(missed.deadlineKind()).isEqualTo(DeadlineKind.IMMEDIATELY);
        assertThat(missed.alertOnly()).isTrue();
        assertThat(missed.dueDate()).isNull();
        assertThat(missed.deadlineAmount()).isNull();
        assertThat(missed.dueAt()).as("City A: 立即 is 2 hours, holidays or not").isEqualTo(at("2025-09-30T17:20"));
        assertThat(missed.warnAt()).isNull();
    }

    @Test
    void anImmediateStepDoneAfterItsAlertIsLateWhetherOrNotTheClockNoticedFirst() {
        open("report.missed", "2025-09-30T15:20");
        assertThat(ledger.fulfil(caseId, "report.missed", "", at("2025-09-30T17:21"), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED_LATE);
        open("report.missed", "in-time", "2025-09-30T15:20", false, false);
        assertThat(ledger.fulfil(caseId, "report.missed", "in-time", at("2025-09-30T17:19"), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
        open("intake.announce", "promptly", "2025-09-30T15:20", false, false);
        assertThat(ledger.fulfil(caseId, "intake.announce", "promptly", at("2025-10-01T15:19"), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .as("及时 stays 24 hours: the two alerts are not the same")
                .isEqualTo(ObligationStatus.FULFILLED);
    }

    @Test
    void hourAndMonthPeriodsFollowTheirOwnRules() {
        ObligationView arrest = open("revoke.arrest.decide", "2025-09-30T10:30");
        assertThat(arrest.dueAt())
                .as("from the next full hour, over the holiday")
                .isEqualTo(at("2025-10-02T11:00"));
        assertThat(arrest.warnAt()).isEqualTo(at("2025-10-01T11:00"));

        ObligationView plan = open("plan.make", "", "2025-09-01T11:00", false, false);
        assertThat(plan.deadlineKind()).as("City A's override").isEqualTo(DeadlineKind.MONTHS);
        assertThat(plan.dueDate()).as("1 October is a holiday").isEqualTo(LocalDate.of(2025, 10, 9));
        ObligationView february = open("plan.make", "february", "2025-01-31T11:00", false, false);
        assertThat(february.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void openingTheSameStepTwiceKeepsOneObligation() {
        ObligationView first = open("docs.receipt", "2025-09-26T10:00");
        ObligationId again = ledger.open(ledgerFixtures.request(
                caseId, "docs.receipt", null, at("2025-09-27T10:00"), county, court, false, false));
        assertThat(again).isEqualTo(first.id());
        assertThat(ledger.find(first.id()).orElseThrow().dueAt())
                .as("the first trigger counts")
                .isEqualTo(first.dueAt());
        assertThat(ledgerFixtures.history(first.id())).containsExactly("OPENED");
        ObligationView second = open("docs.receipt", "2", "2025-09-27T10:00", false, false);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(ledger.forCase(caseId)).extracting(ObligationView::id).containsExactly(first.id(), second.id());
    }

    @Test
    void aStepDoneByItsDueTimeIsFulfilledAndOnceOnly() {
        ObligationView receipt = open("docs.receipt", "2025-09-26T10:00");
        ActorRef officer = new ActorRef(actors.user("cd.county").id().value(), "cd.county", county.value());
        ObligationView done = ledger.fulfil(caseId, "docs.receipt", "", at("2025-10-09T17:00"), officer)
                .orElseThrow();
        assertThat(done.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(done.fulfilledAt()).isEqualTo(at("2025-10-09T17:00"));
        assertThat(done.fulfilledBy()).isEqualTo(officer.userId());
        assertThat(done.closed()).isTrue();

        ObligationView again = ledger.fulfil(caseId, "docs.receipt", null, at("2025-10-20T09:00"), ActorRef.SYSTEM)
                .orElseThrow();
        assertThat(again.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(again.fulfilledAt()).isEqualTo(at("2025-10-09T17:00"));
        assertThat(ledgerFixtures.history(receipt.id())).containsExactly("OPENED", "FULFILLED");
        assertThat(ledger.fulfil(caseId, "docs.deliver", "", at("2025-10-09T17:00"), ActorRef.SYSTEM))
                .as("nothing to fulfil")
                .isEmpty();
    }

    @Test
    void aStepDoneAfterItsDueTimeIsFulfilledLateEvenBeforeTheClockNoticed() {
        open("docs.receipt", "2025-09-26T10:00");
        ObligationView late = ledger.fulfil(caseId, "docs.receipt", "", at("2025-10-10T00:01"), ActorRef.SYSTEM)
                .orElseThrow();
        assertThat(late.status()).isEqualTo(ObligationStatus.FULFILLED_LATE);
    }

    @Test
    void pausingAStepKeepsTheRestOfItsPeriodForWhenItResumes() {
        ObligationView receipt = open("docs.receipt", "2025-09-22T10:00");
        assertThat(receipt.dueDate()).isEqualTo(LocalDate.of(2025, 9, 28));
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-24T15:00"), "判决书缺页，已要求补送", ActorRef.SYSTEM);
        ObligationView paused = ledger.find(receipt.id()).orElseThrow();
        assertThat(paused.status()).isEqualTo(ObligationStatus.PAUSED);
        assertThat(paused.pausedAt()).isEqualTo(at("2025-09-24T15:00"));
        assertThat(paused.pauseReason()).isEqualTo("判决书缺页，已要求补送");

        ledger.resume(caseId, "docs.receipt", "", at("2025-09-29T09:00"), ActorRef.SYSTEM);
        ObligationView resumed = ledger.find(receipt.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(resumed.pausedAt()).isNull();
        // Two of five days ran (23rd, 24th): three from the 29th end on 2 October, a holiday until the 8th.
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(resumed.dueAt()).isEqualTo(startOf("2025-10-10"));
        assertThat(resumed.warnedAt()).isNull();
        assertThat(ledgerFixtures.history(receipt.id())).containsExactly("OPENED", "PAUSED", "RESUMED");
    }

    @Test
    void aPausedWorkingDayPeriodResumesWithTheWorkingDaysItHadLeft() {
        ObligationView assessment = open("assess.complete", "2025-09-26T10:00");
        ledger.pause(caseId, "assess.complete", "", at("2025-09-29T15:00"), "等待补充材料", ActorRef.SYSTEM);
        ledger.resume(caseId, "assess.complete", "", at("2025-10-09T09:00"), ActorRef.SYSTEM);
        // Sunday 28th and the 29th ran; eight more from 9 October: 10, 11 (Saturday, worked), 13-17, 20.
        assertThat(ledger.find(assessment.id()).orElseThrow().dueDate()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(due.remainingAfterPause(
                        DeadlineKind.WORKING_DAYS, 10, at("2025-09-26T10:00"), at("2025-10-08T12:00"), "CN"))
                .as("no working day in the holiday")
                .isEqualTo(7);
        assertThat(due.remainingAfterPause(
                        DeadlineKind.CALENDAR_DAYS, 5, at("2025-09-26T10:00"), at("2025-10-08T12:00"), "CN"))
                .as("never below zero")
                .isZero();
        assertThat(due.remainingAfterPause(
                        DeadlineKind.HOURS, 48, at("2025-09-30T10:30"), at("2025-09-30T15:10"), "CN"))
                .as("from the next full hour")
                .isEqualTo(44);
    }

    @Test
    void aStepDoneWhileItsClockIsStoppedIsOnTimeUnlessItWasLateWhenTheClockStopped() {
        ObligationView receipt = open("docs.receipt", "2025-09-22T10:00");
        assertThat(receipt.dueAt()).isEqualTo(startOf("2025-09-29"));
        ledger.pause(caseId, "docs.receipt", "", at("2025-09-24T15:00"), "判决书缺页，已要求补送", ActorRef.SYSTEM);
        ObligationView done = ledger.fulfil(caseId, "docs.receipt", "", at("2025-10-09T10:00"), ActorRef.SYSTEM)
                .orElseThrow();
        assertThat(done.status())
                .as("three of five days were left when the clock stopped")
                .isEqualTo(ObligationStatus.FULFILLED);

        open("docs.receipt", "late", "2025-09-22T10:00", false, false);
        ledger.pause(caseId, "docs.receipt", "late", at("2025-09-30T15:00"), "补送材料", ActorRef.SYSTEM);
        assertThat(ledger.fulfil(caseId, "docs.receipt", "late", at("2025-10-09T10:00"), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .as("the period had run out before the pause")
                .isEqualTo(ObligationStatus.FULFILLED_LATE);
    }

    @Test
    void aStepThatIsNotPausableKeepsItsClockRunningAndResumingAnOpenStepDoesNothing() {
        ObligationView report = open("report.self", "2025-09-26T10:00");
        // Only the procedure's reactions pause clocks: a refusal there would fail the reaction on every redelivery.
        ledger.pause(caseId, "report.self", "", at("2025-09-27T10:00"), "外出", ActorRef.SYSTEM);
        ledger.resume(caseId, "report.self", "", at("2025-09-28T10:00"), ActorRef.SYSTEM);
        ObligationView unchanged = ledger.find(report.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(unchanged.dueAt()).isEqualTo(report.dueAt());
        assertThat(unchanged.version()).isEqualTo(report.version());
        assertThat(ledgerFixtures.history(report.id())).containsExactly("OPENED");
    }

    @Test
    void onlyAHeadOfTheOwingAgencyMayWaiveAndOnlyWithAReason() {
        ObligationView receipt = open("docs.receipt", "2025-09-26T10:00");
        ObligationId id = receipt.id();
        int version = receipt.version();
        assertStatus(
                () -> cases.as("cd.county", () -> ledger.waive(id, version, "案件已移送其他县")), 403, "WAIVER_NEEDS_HEAD");
        assertStatus(() -> cases.as("cx.county.head", () -> ledger.waive(id, version, "案件已移送其他县")), 404, "NOT_FOUND");
        assertStatus(() -> cases.as("cd.court.judge", () -> ledger.waive(id, version, "案件已移送其他县")), 404, "NOT_FOUND");
        assertStatus(
                () -> cases.as("cd.county.head", () -> ledger.waive(id, version, " 不需要 ")), 400, "VALIDATION_FAILED");
        assertStatus(
                () -> cases.as("cd.county.head", () -> ledger.waive(id, version + 1, "案件已移送其他县")),
                409,
                "STALE_VERSION");
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(ObligationStatus.OPEN);

        cases.as("cd.county.head", () -> ledger.waive(id, version, " 案件已移送其他县执行 "));
        ObligationView waived = ledger.find(id).orElseThrow();
        assertThat(waived.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(waived.waiverReason()).isEqualTo("案件已移送其他县执行");
        assertThat(waived.waivedBy())
                .isEqualTo(actors.user("cd.county.head").id().value());
        assertStatus(
                () -> cases.as("cd.county.head", () -> ledger.waive(id, waived.version(), "再次免除的理由")),
                409,
                "OBLIGATION_CLOSED");
        assertThat(ledger.fulfil(caseId, "docs.receipt", "", at("2025-10-01T10:00"), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .as("a waived step stays waived")
                .isEqualTo(ObligationStatus.WAIVED);
        assertThat(ledgerFixtures.history(id)).containsExactly("OPENED", "WAIVED");
        assertThat(jdbc.sql("""
            SELECT count(*) FROM audit_record WHERE action = 'obligation.waive' AND target_id = :id AND actor_username = 'cd.county.head'
            """).param("id", id.toString()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anyoneOfTheOwingAgencyMayTakeAnOpenStepIntoTheirOwnInbox() {
        ObligationView receipt = open("docs.receipt", "2025-09-26T10:00");
        ObligationId id = receipt.id();
        cases.as("cd.county2", () -> ledger.take(id));
        assertThat(ledger.find(id).orElseThrow().assigneeUserId())
                .isEqualTo(actors.user("cd.county2").id().value());
        assertStatus(() -> cases.as("cx.county", () -> ledger.take(id)), 404, "NOT_FOUND");
        ledger.fulfil(caseId, "docs.receipt", "", at("2025-10-01T10:00"), ActorRef.SYSTEM);
        assertStatus(() -> cases.as("cd.county", () -> ledger.take(id)), 409, "OBLIGATION_CLOSED");
        assertThat(ledgerFixtures.history(id)).containsExactly("OPENED", "ASSIGNED", "FULFILLED");
    }

    @Test
    void escalationLevelsAreSpacedByWorkingDays() {
        assertThat(due.workingDaysAfter("CN", at("2025-10-10T00:05"), 2))
                .as("Saturday 11 October is worked")
                .isEqualTo(startOf("2025-10-14"));
        assertThat(due.workingDaysAfter("CN", at("2025-09-30T09:00"), 2)).isEqualTo(startOf("2025-10-11"));
        assertThat(due.calendarRegion(LedgerFixtures.CITY_A)).isEqualTo("CN");
    }

    @Test
    void everyRefusalOfTheLedgerIsExplainedInChineseAndEnglish() {
        for (String key :
                new String[] {"error.WAIVER_NEEDS_HEAD", "error.OBLIGATION_CLOSED", "validation.waiverReason"}) {
            for (java.util.Locale locale :
                    new java.util.Locale[] {java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH}) {
                assertThat(messages.getMessage(key, new Object[] {5}, null, locale))
                        .as("%s in %s", key, locale)
                        .isNotBlank()
                        .doesNotContain("{0}");
            }
        }
        assertThat(messages.getMessage("validation.waiverReason", new Object[] {5}, java.util.Locale.ENGLISH))
                .contains("5");
    }

    static void assertStatus(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
