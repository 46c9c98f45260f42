package org.tongxin.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionOperations;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;

/**
 * Each reaction of AssistanceProcedure as a module scenario: a referral's command and the ledger's answer, with City A's
 * deadlines (policy steps assist.answer, assist.contact, assist.progress). The journey through the API is
 * ReferralApiIntegrationTests. The assistance module is bootstrapped with its dependencies (and the platform's database
 * and the City A demo), without a web environment, so row-level security sees the acting demo user.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"platform", "demo"},
        webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, Actors.class})
class ReferralStepScenarioTests {

    /** Monday 15 September 2025, an ordinary working day in China. */
    static final Instant ORDINARY_MONDAY =
            ZonedDateTime.of(2025, 9, 15, 9, 30, 0, 0, LegalTime.ZONE).toInstant();

    @Autowired
    Referrals referrals;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    Actors actors;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    CaseFixtures fixtures;
    AgencyId county;
    AgencyId civil;

    @BeforeEach
    void setUp() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        county = fixtures.agency("CD-CCA");
        civil = fixtures.agency("A-CIVIL");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDeliveredReferralOpensTheAnswerOwedByTheReceivingAgencyToTheReferringOne(Scenario scenario) {
        clock.setInstant(ORDINARY_MONDAY);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("冯志强", Gender.MALE));
        scenario.stimulate(own(() -> refer(caseId, AssistanceService.TEMPORARY_ASSISTANCE)))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals("assist.answer"))
                .toArriveAndVerify((event, id) -> {
                    assertThat(event.owingAgency()).isEqualTo(civil);
                    ObligationView answer = obligation(caseId, "assist.answer", id.toString());
                    assertThat(answer.counterpartyAgencyId()).isEqualTo(county);
                    assertThat(answer.dueDate()).isEqualTo(LocalDate.of(2025, 9, 22));
                });
    }

    @Test
    void acceptingFulfilsTheAnswerAndOpensTheFirstContactAndTheFirstMonthlyReport(Scenario scenario) {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("蒋文", Gender.FEMALE));
        ReferralId id = refer(caseId, AssistanceService.TEMPORARY_ASSISTANCE);
        // Events are seen as they are published, inside the reaction's transaction: wait for its commit instead.
        scenario.stimulate(own(() -> actors.call("civil.worker", () -> referrals.accept(id, version(id)))))
                // The answer, the first contact and the first report are three reactions: wait until all three are
                // seen.
                .andWaitForStateChange(
                        () -> ledger.find(caseId, "assist.progress", AssistanceProcedure.progressInstance(id, 1))
                                        .isPresent()
                                && ledger.find(caseId, "assist.contact", id.toString())
                                        .isPresent()
                                && ledger.find(caseId, "assist.answer", id.toString())
                                        .map(o -> o.status() == ObligationStatus.FULFILLED)
                                        .orElse(false),
                        Boolean::booleanValue)
                .andVerify(seen -> {
                    assertThat(obligation(caseId, "assist.answer", id.toString())
                                    .status())
                            .isEqualTo(ObligationStatus.FULFILLED);
                    assertThat(obligation(caseId, "assist.contact", id.toString())
                                    .status())
                            .isEqualTo(ObligationStatus.OPEN);
                    assertThat(obligation(caseId, "assist.progress", AssistanceProcedure.progressInstance(id, 1))
                                    .owingAgencyId())
                            .isEqualTo(civil);
                });
    }

    @Test
    void aDeclineWithItsReasonFulfilsTheAnswer(Scenario scenario) {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("沈杰", Gender.MALE));
        ReferralId id = refer(caseId, AssistanceService.HOUSING);
        scenario.stimulate(own(() -> {
                    actors.run("civil.worker", () -> referrals.decline(id, version(id), "对象名下有自有住房，不符合住房救助条件。"));
                    return id;
                }))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals("assist.answer"))
                .toArriveAndVerify(event -> assertThat(event.late()).isFalse());
    }

    @Test
    void theFirstContactFulfilsItsStepAndEachProgressNoteFulfilsOneMonthAndOpensTheNext(Scenario scenario) {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("韩梅", Gender.FEMALE));
        ReferralId id = refer(caseId, AssistanceService.TEMPORARY_ASSISTANCE);
        actors.run("civil.worker", () -> referrals.accept(id, version(id)));
        scenario.stimulate(own(() -> {
                    actors.run("civil.worker", () -> referrals.recordContact(id, version(id), null, "电话联系对象，已约定面谈时间。"));
                    return id;
                }))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals("assist.contact"))
                .toArriveAndVerify(event -> assertThat(event.owingAgency()).isEqualTo(civil));
        scenario.stimulate(own(() -> {
                    actors.run(
                            "civil.worker", () -> referrals.addProgressNote(id, version(id), null, "临时救助金已发放，继续跟进就业。"));
                    return id;
                }))
                .andWaitForStateChange(
                        () -> ledger.find(caseId, "assist.progress", AssistanceProcedure.progressInstance(id, 2)),
                        java.util.Optional::isPresent)
                .andVerify(second -> {
                    assertThat(obligation(caseId, "assist.progress", AssistanceProcedure.progressInstance(id, 1))
                                    .status())
                            .isEqualTo(ObligationStatus.FULFILLED);
                    assertThat(second.orElseThrow().status()).isEqualTo(ObligationStatus.OPEN);
                });
    }

    @Test
    void completionLetsTheOpenMonthlyReportLapse(Scenario scenario) {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("杨帆", Gender.MALE));
        ReferralId id = refer(caseId, AssistanceService.TEMPORARY_ASSISTANCE);
        actors.run("civil.worker", () -> referrals.accept(id, version(id)));
        scenario.stimulate(own(() -> {
                    actors.run("civil.worker", () -> referrals.complete(id, version(id), false, "对象已外出务工，联系不上，帮扶终止。"));
                    return id;
                }))
                .andWaitForStateChange(
                        () -> ledger.find(caseId, "assist.progress", AssistanceProcedure.progressInstance(id, 1))
                                .map(ObligationView::status)
                                .orElse(null),
                        ObligationStatus.WAIVED::equals)
                .andVerify(status -> assertThat(obligation(caseId, "assist.contact", id.toString())
                                .status())
                        .isEqualTo(ObligationStatus.WAIVED));
    }

    // Helpers

    private ReferralId refer(CaseId caseId, AssistanceService service) {
        return actors.call(
                "cd.county", () -> referrals.refer(caseId, new NewReferral(service, civil, "对象家庭遭遇变故，生活困难，请予帮扶。")));
    }

    private int version(ReferralId id) {
        // The test thread acts as nobody: the application's own connections, which see every row.
        return jdbc.sql("SELECT version FROM assistance_referral WHERE id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    private ObligationView obligation(CaseId caseId, String step, String instance) {
        return ledger.find(caseId, step, instance)
                .orElseThrow(() -> new AssertionError("no obligation " + step + " in " + caseId));
    }

    private static <T> BiFunction<TransactionOperations, ApplicationEventPublisher, T> own(Supplier<T> command) {
        return (transactions, publisher) -> command.get();
    }
}
