package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionOperations;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.Gender;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationEvents.ObligationPaused;
import org.tongxin.obligation.ObligationEvents.ObligationResumed;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.Standing;
import org.tongxin.obligation.WaitReason;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;

/**
 * Each intake step as a module scenario: a stimulus (a command of the step's organ, or an event) and the ledger's
 * answer it must produce, with the legal due date where the step has one. The whole journey is
 * IntakeJourneyIntegrationTests. The test bootstraps the procedure module with the modules it depends on (and the
 * platform's database and the City A demo), not the whole application, and without a web environment: the test
 * thread acts as the application itself unless a demo user acts.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"platform", "demo"},
        webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, Actors.class})
class IntakeStepScenarioTests {

    /** Monday 6 October 2025, inside the National Day holiday (1–8 October; 11 October is a working Saturday). */
    static final Instant IN_THE_HOLIDAY =
            ZonedDateTime.of(2025, 10, 6, 9, 30, 0, 0, LegalTime.ZONE).toInstant();
    /** Monday 15 September 2025, an ordinary working day. */
    static final Instant ORDINARY_MONDAY =
            ZonedDateTime.of(2025, 9, 15, 9, 30, 0, 0, LegalTime.ZONE).toInstant();

    @Autowired
    IntakeFixture fixture;

    @Autowired
    Intake intake;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    org.tongxin.obligation.ObligationClock obligationClock;

    AgencyId court;
    AgencyId county;

    @BeforeEach
    void agencies() {
        court = fixture.agency("CD-COURT");
        county = fixture.agency("CD-CCA");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anExpeditedEntrustmentGivesTheAssessingAgencyFiveWorkingDays(Scenario scenario) {
        clock.setInstant(IN_THE_HOLIDAY);
        scenario.stimulate(own(() -> fixture.entrusted(true)))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.stepId().equals(Steps.ASSESS))
                .toArriveAndVerify((event, caseId) -> {
                    assertThat(event.caseId()).isEqualTo(caseId);
                    assertThat(event.owingAgency()).isEqualTo(county);
                    // Counted from the delivery on 6 Oct: 9, 10, 11 (working Saturday), 13, 14 October.
                    assertThat(obligation(caseId, Steps.ASSESS).dueDate()).isEqualTo(LocalDate.of(2025, 10, 14));
                });
    }

    @Test
    void theOpinionDischargesTheAssessment(Scenario scenario) {
        CaseId caseId = fixture.entrusted(false);
        scenario.stimulate(own(() -> fixture.actors.call(
                        "cd.county",
                        () -> intake.submitOpinion(
                                caseId,
                                new Opinion("走访了家属和社区，居所固定，表现良好。", Recommendation.SUITABLE, "符合社区矫正的适用条件", null)))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.ASSESS))
                .toArriveAndVerify(event -> {
                    assertThat(event.stepId()).isEqualTo(Steps.ASSESS);
                    assertThat(event.late()).isFalse();
                });
    }

    @Test
    void returningTheEntrustmentForMissingMaterialsStopsTheAssessmentClockUntilTheyCome(Scenario scenario) {
        CaseId caseId = fixture.entrusted(false);
        HandoverId letter = handover(caseId, HandoverKind.ASSESSMENT_ENTRUSTMENT);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county",
                        () -> fixture.handovers.reject(
                                letter,
                                fixture.version(letter, "cd.county"),
                                List.of(new Problem(ItemCode.CASE_MATERIALS, null, ProblemKind.MISSING, "缺起诉书副本")),
                                null))))
                .andWaitForEventOfType(ObligationPaused.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.ASSESS))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.ASSESS));
        fixture.settle();
        assertThat(obligation(caseId, Steps.ASSESS).waitReason())
                .as("the court's move: supply the materials")
                .contains(WaitReason.MATERIALS_SUPPLEMENT);
        assertThat(obligation(caseId, Steps.ASSESS).waitingForAgencyId()).isEqualTo(court);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.court.clerk",
                        () -> fixture.handovers.supplement(
                                letter,
                                fixture.version(letter, "cd.court.clerk"),
                                List.of(new NewItem(ItemCode.CASE_MATERIALS, "起诉书副本", null)),
                                null))))
                .andWaitForEventOfType(ObligationResumed.class)
                .matching(e -> e.caseId().equals(caseId))
                .toArriveAndVerify(event ->
                        assertThat(obligation(caseId, Steps.ASSESS).status()).isEqualTo(ObligationStatus.OPEN));
        fixture.settle();
        assertThat(obligation(caseId, Steps.ASSESS).actionable())
                .as("the county agency's to do again")
                .isTrue();
    }

    @Test
    void aProbationDecisionOpensNotificationDeliveryAndReportingFromTheDayItTakesEffect(Scenario scenario) {
        clock.setInstant(ORDINARY_MONDAY);
        LocalDate effective = LocalDate.of(2025, 9, 15);
        scenario.stimulate(own(() -> fixture.decided(CorrectionType.PROBATION, effective, null)))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.stepId().equals(Steps.REPORT))
                .toArriveAndVerify((event, caseId) -> {
                    assertThat(event.caseId()).isEqualTo(caseId);
                    assertThat(obligation(caseId, Steps.PLACE).status()).isEqualTo(ObligationStatus.FULFILLED);
                    assertThat(obligation(caseId, Steps.INFORM).status()).isEqualTo(ObligationStatus.FULFILLED);
                    // 15 Sep + 5 days = Saturday 20 Sep: the period ends on the next working day.
                    assertThat(obligation(caseId, Steps.NOTIFY).dueDate()).isEqualTo(LocalDate.of(2025, 9, 22));
                    assertThat(obligation(caseId, Steps.DELIVER).dueDate()).isEqualTo(LocalDate.of(2025, 9, 25));
                    ObligationView report = obligation(caseId, Steps.REPORT);
                    assertThat(report.owedBySubject()).isTrue();
                    assertThat(report.owingAgencyId()).isEqualTo(county);
                    assertThat(report.dueDate()).isEqualTo(LocalDate.of(2025, 9, 25));
                });
    }

    @Test
    void aCourtDecidedTemporaryExecutionIsOwedByTheDetentionCentreHandingOver(Scenario scenario) {
        AgencyId detention = fixture.agency("A-DC");
        scenario.stimulate(own(
                        () -> fixture.decided(CorrectionType.TEMPORARY_EXECUTION, LegalTime.today(clock), detention)))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.stepId().equals(Steps.TRANSFER_COURT))
                .toArriveAndVerify((event, caseId) -> {
                    assertThat(event.owingAgency()).isEqualTo(detention);
                    assertThat(ledger.find(caseId, Steps.REPORT, ""))
                            .as("handed over, not reporting in")
                            .isEmpty();
                });
    }

    @Test
    void theExecutionNoticeDischargesTheNotification(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PUBLIC_SURVEILLANCE, LegalTime.today(clock), null);
        scenario.stimulate(own(() -> fixture.actors.call(
                        "cd.court.clerk", () -> intake.notifyCounty(caseId, new Delivery(List.of(), null)))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.NOTIFY))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.NOTIFY));
    }

    @Test
    void deliveringTheDocumentsOpensTheCountyAgencysReceipt(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PAROLE, LegalTime.today(clock), null);
        scenario.stimulate(own(() -> fixture.delivered(caseId)))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.RECEIPT))
                .toArriveAndVerify(event -> {
                    assertThat(event.stepId()).isEqualTo(Steps.RECEIPT);
                    assertThat(event.owingAgency()).isEqualTo(county);
                    assertThat(obligation(caseId, Steps.DELIVER).status()).isEqualTo(ObligationStatus.FULFILLED);
                });
    }

    @Test
    void aRejectionStopsTheReceiptClockAndTheCourtOwesTheSupplement(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county",
                        () -> fixture.handovers.reject(
                                bundle,
                                fixture.version(bundle, "cd.county"),
                                List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, null)),
                                "请补送保证书"))))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.SUPPLEMENT))
                .toArriveAndVerify(event -> {
                    assertThat(event.stepId()).isEqualTo(Steps.SUPPLEMENT);
                    assertThat(event.owingAgency()).isEqualTo(court);
                    // The event is seen inside the reaction's transaction, which pauses the receipt too: wait for its
                    // commit.
                    fixture.settle();
                    assertThat(obligation(caseId, Steps.RECEIPT).status()).isEqualTo(ObligationStatus.PAUSED);
                });
    }

    @Test
    void theSupplementRestartsTheReceiptClockAndTheReceiptDischargesIt(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        fixture.actors.run(
                "cd.county",
                () -> fixture.handovers.reject(
                        bundle,
                        fixture.version(bundle, "cd.county"),
                        List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, null)),
                        null));
        fixture.settle();
        scenario.stimulate(own(() -> fixture.as(
                        "cd.court.clerk",
                        () -> fixture.handovers.supplement(
                                bundle,
                                fixture.version(bundle, "cd.court.clerk"),
                                List.of(new NewItem(ItemCode.GUARANTEE, null, null)),
                                null))))
                // The resumption and the supplement's fulfilment are separate reactions: wait for the latter's commit.
                .andWaitForStateChange(
                        () -> ledger.find(caseId, Steps.SUPPLEMENT, "1")
                                .map(o -> o.status())
                                .orElse(null),
                        status -> status == ObligationStatus.FULFILLED)
                .andVerify(
                        status -> assertThat(obligation(caseId, Steps.RECEIPT).status())
                                .isNotEqualTo(ObligationStatus.FULFILLED));
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county",
                        () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null))))
                .andWaitForStateChange(
                        () -> obligation(caseId, Steps.RECEIPT).status(),
                        status -> status == ObligationStatus.FULFILLED)
                .andVerify(status -> assertThat(
                                fixture.cases.facts(caseId).orElseThrow().documentsState())
                        .isEqualTo(DocumentsState.RECEIPTED));
    }

    @Test
    void aLapsedReportingPeriodMakesTheSubjectMissingAndOwesTheDecisionOrganANoticeAtOnce(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        ObligationView report = obligation(caseId, Steps.REPORT);
        scenario.publish(() -> new ObligationOverdue(
                        UUID.randomUUID(),
                        report.id(),
                        caseId,
                        Steps.REPORT,
                        "社区矫正对象报到",
                        "Subject reports in",
                        county,
                        report.dueAt(),
                        clock.instant(),
                        ActorRef.SYSTEM))
                // Events are seen as they are published, inside the reaction's transaction: wait for its commit
                // instead.
                .andWaitForStateChange(() -> ledger.find(caseId, Steps.MISSED, ""), java.util.Optional::isPresent)
                .andVerify(missed -> {
                    assertThat(missed.orElseThrow().owingAgencyId()).isEqualTo(county);
                    assertThat(fixture.cases.facts(caseId).orElseThrow().arrivalState())
                            .isEqualTo(ArrivalState.MISSING);
                });
        scenario.stimulate(own(() -> fixture.actors.call(
                        "cd.county",
                        () -> intake.notifyMissing(caseId, new MissingNotice("已电话联系家属、走访居所，均未找到本人。", null)))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.MISSED))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.MISSED));
    }

    @Test
    void reportingInBeforeTheDocumentsCameShowsRegistrationNotStartedWaitingForTheCourt(Scenario scenario) {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county",
                        () -> fixture.caseManagement.recordArrival(caseId, fixture.caseVersion(caseId), false, null))))
                .andWaitForStateChange(() -> ledger.find(caseId, Steps.REGISTER, ""), java.util.Optional::isPresent)
                .andVerify(found -> {
                    ObligationView register = found.orElseThrow();
                    assertThat(register.standing())
                            .as("registration needs the documents (CCL art. 22)")
                            .isEqualTo(Standing.NOT_STARTED);
                    assertThat(register.dueAt())
                            .as("no clock before its trigger")
                            .isNull();
                    assertThat(register.waitingForAgencyId()).isEqualTo(court);
                    assertThat(register.waitReason()).contains(WaitReason.DOCUMENTS_NOT_DELIVERED);
                    assertThat(obligation(caseId, Steps.REPORT).status()).isEqualTo(ObligationStatus.FULFILLED);
                });
        // A month on, the court has still not delivered: the county agency's registration is neither overdue nor
        // escalated.
        clock.advance(java.time.Duration.ofDays(30));
        obligationClock.scanNow();
        fixture.settle();
        ObligationView register = obligation(caseId, Steps.REGISTER);
        assertThat(register.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(register.escalationLevel()).isZero();
        assertThat(register.notStarted()).isTrue();
    }

    @Test
    void documentsReturnedForCorrectionAreTheCourtsMoveUntilResentAndRegistrationStartsWithTheReceipt() {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        fixture.actors.run(
                "cd.county",
                () -> fixture.caseManagement.recordArrival(caseId, fixture.caseVersion(caseId), false, null));
        fixture.settle();
        HandoverId bundle = fixture.delivered(caseId);
        assertThat(obligation(caseId, Steps.REGISTER).waitReason())
                .as("now the county agency's own receipt comes first")
                .contains(WaitReason.DOCUMENTS_TO_RECEIPT);
        assertThat(obligation(caseId, Steps.REGISTER).waitingForAgencyId()).isNull();

        // The reactions do several things each: wait until all of them committed (the scenario's 10 s are short on a
        // loaded machine), then look.
        fixture.actors.run(
                "cd.county",
                () -> fixture.handovers.reject(
                        bundle,
                        fixture.version(bundle, "cd.county"),
                        List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, null)),
                        "请补送保证书"));
        fixture.settle();
        ObligationView returned = obligation(caseId, Steps.RECEIPT);
        assertThat(returned.standing()).isEqualTo(Standing.WAITING_FOR_ORGAN);
        assertThat(returned.waitingForAgencyId())
                .as("the court must correct and resend")
                .isEqualTo(court);
        assertThat(returned.waitReason()).contains(WaitReason.DOCUMENTS_CORRECTION);
        assertThat(returned.status()).isEqualTo(ObligationStatus.PAUSED);
        assertThat(obligation(caseId, Steps.REGISTER).waitReason()).contains(WaitReason.DOCUMENTS_CORRECTION);
        assertThat(obligation(caseId, Steps.REGISTER).waitingForAgencyId()).isEqualTo(court);

        // Three weeks without the correction: the court's supplement is overdue; the county agency's lines are not.
        clock.advance(java.time.Duration.ofDays(21));
        obligationClock.scanNow();
        fixture.settle();
        assertThat(ledger.find(caseId, Steps.SUPPLEMENT, "1").orElseThrow().status())
                .isEqualTo(ObligationStatus.OVERDUE);
        for (String step : List.of(Steps.RECEIPT, Steps.REGISTER)) {
            assertThat(obligation(caseId, step).status()).as(step).isNotEqualTo(ObligationStatus.OVERDUE);
            assertThat(obligation(caseId, step).escalationLevel()).as(step).isZero();
        }

        fixture.actors.run(
                "cd.court.clerk",
                () -> fixture.handovers.supplement(
                        bundle,
                        fixture.version(bundle, "cd.court.clerk"),
                        List.of(new NewItem(ItemCode.GUARANTEE, null, null)),
                        null));
        fixture.settle();
        assertThat(obligation(caseId, Steps.RECEIPT).actionable())
                .as("back to the county's to do")
                .isTrue();
        assertThat(obligation(caseId, Steps.RECEIPT).waitingForAgencyId()).isNull();
        assertThat(obligation(caseId, Steps.RECEIPT).status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(obligation(caseId, Steps.REGISTER).waitReason()).contains(WaitReason.DOCUMENTS_TO_RECEIPT);

        fixture.actors.run(
                "cd.county", () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null));
        fixture.settle();
        ObligationView register = obligation(caseId, Steps.REGISTER);
        assertThat(register.notStarted()).isFalse();
        assertThat(register.actionable()).isTrue();
        assertThat(register.dueAt()).as("its clock runs from the receipt").isNotNull();
        assertThat(register.waitingReason()).isNull();
    }

    @Test
    void receivingTheTransferIsTheArrivalOfATemporaryExecutionSubject(Scenario scenario) {
        AgencyId detention = fixture.agency("A-DC");
        CaseId caseId = fixture.decided(CorrectionType.TEMPORARY_EXECUTION, LegalTime.today(clock), detention);
        HandoverId transfer = fixture.actors.call(
                "detention.officer",
                () -> intake.transferSubject(
                        caseId,
                        new Delivery(
                                List.of(
                                        new NewItem(ItemCode.DECISION_DOCUMENT, "暂予监外执行决定书", null),
                                        new NewItem(ItemCode.MEDICAL_ASSESSMENT, "病情诊断", null)),
                                null)));
        fixture.settle();
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county", () -> intake.receiveTransfer(transfer, fixture.version(transfer, "cd.county")))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.TRANSFER_COURT))
                .toArriveAndVerify(event -> {
                    assertThat(event.stepId()).isEqualTo(Steps.TRANSFER_COURT);
                    assertThat(fixture.cases.facts(caseId).orElseThrow().arrivalState())
                            .isEqualTo(ArrivalState.TRANSFERRED);
                });
    }

    @Test
    void registrationOpensTheEntrustedStepsForTheAssignedOfficeWhichDischargesThem(Scenario scenario) {
        AgencyId office = fixture.agency("CD-SO-NH");
        CaseId caseId = readyToRegister();
        fixture.actors.run(
                "cd.county", () -> fixture.caseManagement.assignOffice(caseId, fixture.caseVersion(caseId), office));
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county", () -> fixture.caseManagement.register(caseId, fixture.caseVersion(caseId)))))
                .andWaitForStateChange(() -> ledger.find(caseId, Steps.PLAN, "").isPresent(), Boolean::booleanValue)
                .andVerify(found -> {
                    for (String step : List.of(Steps.TEAM, Steps.PLAN, Steps.ANNOUNCE)) {
                        assertThat(obligation(caseId, step).owingAgencyId())
                                .as(step)
                                .isEqualTo(office);
                    }
                    assertThat(obligation(caseId, Steps.REGISTER).status()).isEqualTo(ObligationStatus.FULFILLED);
                });
        scenario.stimulate(own(() -> fixture.as(
                        "cd.nh",
                        () -> fixture.caseManagement.formTeam(
                                caseId,
                                fixture.caseVersion(caseId),
                                List.of(new TeamMember("周所长", TeamRole.OFFICE_STAFF, Gender.MALE, office))))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.TEAM))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.TEAM));
        scenario.stimulate(own(() -> fixture.as(
                        "cd.nh",
                        () -> fixture.caseManagement.makePlan(
                                caseId, fixture.caseVersion(caseId), "每周电话报告，每月到所报告，参加公益活动两次以上。"))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.PLAN))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.PLAN));
        scenario.stimulate(own(() -> fixture.as(
                        "cd.nh",
                        () -> fixture.caseManagement.announce(
                                caseId,
                                fixture.caseVersion(caseId),
                                new AnnouncementData(clock.instant(), "南湖街道司法所", "矫正小组成员")))))
                .andWaitForEventOfType(ObligationFulfilled.class)
                .matching(e -> e.caseId().equals(caseId) && e.stepId().equals(Steps.ANNOUNCE))
                .toArriveAndVerify(event -> assertThat(event.stepId()).isEqualTo(Steps.ANNOUNCE));
    }

    @Test
    void anOfficeAssignedAfterRegistrationTakesOverTheEntrustedSteps(Scenario scenario) {
        AgencyId office = fixture.agency("CD-SO-XH");
        CaseId caseId = readyToRegister();
        fixture.actors.run("cd.county", () -> fixture.caseManagement.register(caseId, fixture.caseVersion(caseId)));
        fixture.settle();
        assertThat(obligation(caseId, Steps.TEAM).owingAgencyId()).isEqualTo(county);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.county",
                        () -> fixture.caseManagement.assignOffice(caseId, fixture.caseVersion(caseId), office))))
                .andWaitForStateChange(() -> obligation(caseId, Steps.ANNOUNCE).owingAgencyId(), office::equals)
                .andVerify(owner -> assertThat(obligation(caseId, Steps.TEAM).owingAgencyId())
                        .isEqualTo(office));
    }

    @Test
    void withdrawingAnAssessedCaseLapsesItsPendingObligations(Scenario scenario) {
        CaseId caseId = fixture.entrusted(false);
        scenario.stimulate(own(() -> fixture.as(
                        "cd.court.clerk", () -> fixture.caseManagement.withdraw(caseId, fixture.caseVersion(caseId)))))
                .andWaitForStateChange(() -> obligation(caseId, Steps.ASSESS).status(), ObligationStatus.WAIVED::equals)
                .andVerify(status -> assertThat(obligation(caseId, Steps.ASSESS).waiverReason())
                        .contains("未适用社区矫正"));
    }

    // Helpers

    private CaseId readyToRegister() {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        fixture.actors.run(
                "cd.county", () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null));
        fixture.settle();
        fixture.actors.run(
                "cd.county",
                () -> fixture.caseManagement.recordArrival(caseId, fixture.caseVersion(caseId), false, null));
        fixture.settle();
        return caseId;
    }

    /** The stimulus runs its commands in their own transactions as the acting user, not inside the scenario's. */
    private static <T> BiFunction<TransactionOperations, ApplicationEventPublisher, T> own(Supplier<T> command) {
        return (transactions, publisher) -> command.get();
    }

    private HandoverId handover(CaseId caseId, HandoverKind kind) {
        return fixture.handovers.findOfCase(caseId).stream()
                .filter(h -> h.kind() == kind)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private ObligationView obligation(CaseId caseId, String step) {
        return ledger.find(caseId, step, "")
                .orElseThrow(() -> new AssertionError("no obligation " + step + " in " + caseId));
    }
}
