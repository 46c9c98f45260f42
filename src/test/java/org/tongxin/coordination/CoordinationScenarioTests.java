package org.tongxin.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.coordination.CoordinationEvents.ConflictRaised;
import org.tongxin.coordination.CoordinationEvents.DecisionDone;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;

/**
 * The coordination module's reactions as module scenarios: a decision of a joint meeting opens meeting.decision in the
 * named agency's inbox, reporting it done fulfils it and publishes DecisionDone, and a raised conflict opens
 * conflict.respond for the coordination office. Without a web environment, so that row-level security sees the demo
 * user acting.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"platform", "demo", "procedure"},
        webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, Actors.class})
class CoordinationScenarioTests {

    /** Monday 20 October 2025, an ordinary working day. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2025, 10, 20, 9, 0, 0, 0, LegalTime.ZONE);

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingDecisions decisions;

    @Autowired
    Conflicts conflicts;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    Inboxes inboxes;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    MutableClock clock;

    AgencyId civil;
    AgencyId coordination;

    @BeforeEach
    void setUp() {
        clock.setInstant(MONDAY.toInstant());
        civil = agencies.findByCode("A-CIVIL").orElseThrow().id();
        coordination = agencies.findByCode("A-COORD").orElseThrow().id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDecisionOpensMeetingDecisionInTheNamedAgencysInbox(Scenario scenario) {
        MeetingId meeting = heldMeeting();
        scenario.stimulate(own(() -> actors.call(
                        "city.coord",
                        () -> decisions.record(
                                meeting,
                                meetings.view(meeting).version(),
                                new NewDecision("为该社区矫正对象办理临时救助", civil.value(), null, null)))))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.stepId().equals(MeetingDecisions.DECISION_STEP)
                        && e.owingAgency().equals(civil))
                .toArriveAndVerify((event, decision) -> {
                    assertThat(event.caseId())
                            .as("about the decision, not a case")
                            .isNull();
                    List<ObligationView> inbox = actors.call(
                            "civil.worker",
                            () -> inboxes.inbox(
                                            new Inboxes.InboxFilter(
                                                    null, MeetingDecisions.DECISION_STEP, null, false, false),
                                            new PageQuery(0, PageQuery.MAX_SIZE, "due", false))
                                    .items());
                    assertThat(inbox)
                            .extracting(ObligationView::matter)
                            .contains(ObligationMatter.decision(decision.value()));
                    // Twenty working days from Monday 20 October 2025.
                    assertThat(ledger.find(
                                            ObligationMatter.decision(decision.value()),
                                            MeetingDecisions.DECISION_STEP,
                                            "")
                                    .orElseThrow()
                                    .dueDate())
                            .isEqualTo(LocalDate.of(2025, 11, 17));
                });
    }

    @Test
    void reportingADecisionDoneFulfilsItsObligation(Scenario scenario) {
        MeetingId meeting = heldMeeting();
        DecisionId decision = actors.call(
                "city.coord",
                () -> decisions.record(
                        meeting,
                        meetings.view(meeting).version(),
                        new NewDecision("核查该对象的低保申请材料", civil.value(), null, LocalDate.of(2025, 10, 31))));
        scenario.stimulate(own(() -> {
                    actors.run("civil.worker", () -> decisions.reportDone(decision, 0, "已核查并受理"));
                    return decision;
                }))
                .andWaitForEventOfType(DecisionDone.class)
                .matching(e -> e.decisionId().equals(decision))
                .toArriveAndVerify(event -> {
                    assertThat(event.late()).isFalse();
                    assertThat(event.owingAgency()).isEqualTo(civil);
                    assertThat(ledger.find(
                                            ObligationMatter.decision(decision.value()),
                                            MeetingDecisions.DECISION_STEP,
                                            "")
                                    .orElseThrow()
                                    .status())
                            .isEqualTo(ObligationStatus.FULFILLED);
                });
    }

    @Test
    void aRaisedConflictOpensConflictRespondForTheCoordinationOffice(Scenario scenario) {
        scenario.stimulate(own(() -> actors.call(
                        "cd.county",
                        () -> conflicts.raise(new ConflictViews.NewConflict(
                                null,
                                ConflictType.RESPONSIBILITY,
                                List.of(agencies.findByCode("CD-PSB")
                                        .orElseThrow()
                                        .id()
                                        .value()),
                                "社区矫正对象失联后，查找工作由谁牵头，双方意见不一",
                                "report.missed",
                                List.of(),
                                List.of())))))
                .andWaitForEventOfType(ObligationOpened.class)
                .matching(e -> e.stepId().equals(Conflicts.RESPONSE_STEP)
                        && e.owingAgency().equals(coordination))
                .toArriveAndVerify((event, conflict) -> {
                    ObligationView respond = ledger.find(
                                    ObligationMatter.conflict(conflict.value()), Conflicts.RESPONSE_STEP, "")
                            .orElseThrow();
                    assertThat(respond.dueDate()).as("three working days").isEqualTo(LocalDate.of(2025, 10, 23));
                    assertThat(respond.counterpartyAgencyId())
                            .isEqualTo(
                                    agencies.findByCode("CD-CCA").orElseThrow().id());
                });
    }

    @Test
    void aRaisedConflictIsPublishedWithItsParties(Scenario scenario) {
        AgencyId police = agencies.findByCode("CD-PSB").orElseThrow().id();
        scenario.stimulate(own(() -> actors.call(
                        "cd.county",
                        () -> conflicts.raise(new ConflictViews.NewConflict(
                                null,
                                ConflictType.COMMUNICATION,
                                List.of(police.value()),
                                "协查通报长期没有回复",
                                null,
                                List.of(),
                                List.of())))))
                .andWaitForEventOfType(ConflictRaised.class)
                .toArriveAndVerify(event -> {
                    assertThat(event.parties())
                            .contains(
                                    police,
                                    agencies.findByCode("CD-CCA").orElseThrow().id());
                    assertThat(event.caseId()).isNull();
                    assertThat(event.type()).isEqualTo(ConflictType.COMMUNICATION);
                });
    }

    private MeetingId heldMeeting() {
        return actors.call("city.coord", () -> {
            MeetingId id = meetings.convene(new NewMeeting(
                    "救助衔接协调会",
                    LocalDateTime.of(2025, 10, 20, 8, 30),
                    "A市司法局会议室",
                    List.of(civil.value()),
                    List.of(new AgendaInput(AgendaKind.TOPIC, "低保和临时救助的衔接", null, null))));
            meetings.recordMinutes(id, meetings.view(id).version(), "会议研究了低保和临时救助的衔接问题。");
            return id;
        });
    }

    private static <T> BiFunction<TransactionOperations, ApplicationEventPublisher, T> own(Supplier<T> command) {
        return (transactions, publisher) -> command.get();
    }
}
