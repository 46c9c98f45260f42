package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tongxin.obligation.LedgerFixtures.at;
import static org.tongxin.obligation.LedgerFixtures.startOf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.tongxin.casefile.CaseManagement;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * Obligations about a matter instead of a case (a joint-meeting decision, a conflict): opened once per matter, step and
 * instance, in the owing agency's inbox with a link to the matter, warned, overdue and escalated by the clock like any
 * other, fulfilled by matter, never on a case timeline, and visible in the database only to the owing agency, the
 * counterparty, the agencies it was escalated to and the coordination office (row-level security).
 */
@IntegrationTest
class ObligationMatterIntegrationTests {

    @Autowired
    ObligationLedger ledger;

    @Autowired
    ObligationClock obligationClock;

    @Autowired
    Inboxes inboxes;

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

    CaseFixtures cases;
    LedgerFixtures fixtures;
    LedgerFixtures.SchedulerHold scheduler;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new LedgerFixtures.SchedulerHold(dataSource);
        cases = new CaseFixtures(management, agencies, actors, jdbc, clock);
        fixtures = new LedgerFixtures(policies, jdbc);
    }

    @AfterEach
    void tearDown() throws Exception {
        clock.reset();
        SecurityContextHolder.clearContext();
        scheduler.close();
    }

    OpenObligation decision(ObligationMatter matter, String owing) {
        ResolvedPolicy policy = fixtures.cityA(clock.instant());
        ProcedureStep step = policy.require("meeting.decision");
        return OpenObligation.forMatter(
                matter,
                step,
                "",
                policy.version(),
                policy.settings(),
                cases.agency(owing),
                cases.agency("A-COORD"),
                step.deadline().amount(),
                clock.instant());
    }

    /** Every obligation escalated to the user's agency, page after page (the list is shared with other tests). */
    List<ObligationId> escalatedTo(String username) {
        List<ObligationId> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            var found = actors.call(
                    username, () -> inboxes.escalatedToMe(PageQuery.of(p, 100, null, java.util.Set.of("due"), "due")));
            found.items().forEach(o -> all.add(o.id()));
            if ((page + 1) * 100L >= found.total()) {
                return all;
            }
        }
    }

    Optional<ObligationView> seenBy(String username, ObligationId id) {
        return actors.call(username, () -> ledger.find(id));
    }

    @Test
    void aDecisionWithoutACaseIsInTheOwingAgencysInboxAndLinksToItsMatter() {
        clock.setInstant(at("2025-09-26T10:00"));
        ObligationMatter matter = ObligationMatter.decision(UUID.randomUUID());
        ObligationId id = ledger.open(decision(matter, "A-CIVIL"));
        assertThat(ledger.open(decision(matter, "A-CIVIL")))
                .as("opened once per matter, step and instance")
                .isEqualTo(id);

        ObligationView o = ledger.find(matter, "meeting.decision", "").orElseThrow();
        assertThat(o.id()).isEqualTo(id);
        assertThat(o.caseId()).isNull();
        assertThat(o.matter()).isEqualTo(matter);
        assertThat(o.workPath()).isEqualTo("/decisions/" + matter.id());
        // Twenty working days from Friday 26 September 2025, over the National Day holiday (28 September and 11 October
        // worked).
        assertThat(o.dueDate()).isEqualTo(java.time.LocalDate.of(2025, 10, 30));

        List<ObligationView> inbox = actors.call(
                        "civil.worker",
                        () -> inboxes.inbox(
                                new Inboxes.InboxFilter(null, "meeting.decision", null, false, false),
                                PageQuery.of(0, 100, null, java.util.Set.of("due"), "due")))
                .items();
        assertThat(inbox).extracting(ObligationView::id).contains(id);
    }

    @Test
    void onlyTheOwingAgencyTheCounterpartyTheEscalationAndTheCoordinationOfficeSeeACaselessObligation() {
        clock.setInstant(at("2025-09-26T10:00"));
        ObligationMatter matter = ObligationMatter.decision(UUID.randomUUID());
        ObligationId id = ledger.open(decision(matter, "CD-CCA"));

        assertThat(seenBy("cd.county", id)).as("owing agency").isPresent();
        assertThat(seenBy("city.coord", id))
                .as("counterparty, the coordination office")
                .isPresent();
        assertThat(seenBy("civil.worker", id)).as("another department").isEmpty();
        assertThat(seenBy("cd.court.clerk", id)).isEmpty();
        assertThat(seenBy("city.cca", id))
                .as("the organ one level up, before any escalation")
                .isEmpty();
        assertThat(actors.call("civil.worker", () -> ledger.forMatter(matter))).isEmpty();
        assertThat(actors.call("cd.county", () -> ledger.forMatter(matter)))
                .extracting(ObligationView::id)
                .containsExactly(id);

        // Overdue on the day after the 20th working day, escalated at once to the organ one level up.
        clock.setInstant(startOf("2025-10-31").plusSeconds(60));
        obligationClock.scanNow();
        assertThat(seenBy("city.cca", id)).as("escalated to it").isPresent();
        assertThat(escalatedTo("city.cca")).as("in its list of escalations").contains(id);
    }

    @Test
    void aCaselessObligationTurnsOverdueEscalatesAndIsFulfilledLateWithoutATimeline() {
        clock.setInstant(at("2025-09-26T10:00"));
        ObligationMatter matter = ObligationMatter.conflict(UUID.randomUUID());
        ResolvedPolicy policy = fixtures.cityA(clock.instant());
        ProcedureStep step = policy.require("conflict.respond");
        ObligationId id = ledger.open(OpenObligation.forMatter(
                matter,
                step,
                "",
                policy.version(),
                policy.settings(),
                cases.agency("A-COORD"),
                cases.agency("CD-CCA"),
                step.deadline().amount(),
                clock.instant()));
        ObligationView opened = ledger.find(id).orElseThrow();
        // Three working days: 28 September (a worked Sunday), 29 and 30 September.
        assertThat(opened.dueDate()).isEqualTo(java.time.LocalDate.of(2025, 9, 30));

        clock.setInstant(startOf("2025-10-01").plusSeconds(60));
        obligationClock.scanNow();
        ObligationView overdue = ledger.find(id).orElseThrow();
        assertThat(overdue.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(jdbc.sql("SELECT count(*) FROM obligation_escalation WHERE obligation_id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single())
                .as("the coordination office owes it: nobody above it")
                .isZero();

        // The civil affairs bureau owes a decision: it has no parent in the directory, so it goes to the coordination
        // office (level 2) at once.
        clock.setInstant(at("2025-09-26T10:00"));
        ObligationMatter civil = ObligationMatter.decision(UUID.randomUUID());
        ObligationId civilId = ledger.open(decision(civil, "A-CIVIL"));
        clock.setInstant(at("2025-10-29T09:00"));
        obligationClock.scanNow();
        assertThat(ledger.find(civilId).orElseThrow().warnedAt())
                .as("two working days before")
                .isNotNull();
        clock.setInstant(startOf("2025-10-31").plusSeconds(60));
        obligationClock.scanNow();
        ObligationView escalated = ledger.find(civilId).orElseThrow();
        assertThat(escalated.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(escalated.escalationLevel()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT agency_id FROM obligation_escalation WHERE obligation_id = :id ORDER BY level")
                        .param("id", civilId.value())
                        .query(UUID.class)
                        .list())
                .containsExactly(cases.agency("A-COORD").value());
        assertThat(seenBy("city.coord", civilId)).isPresent();

        ObligationView fulfilled = ledger.fulfil(civil, "meeting.decision", "", clock.instant(), ActorRef.SYSTEM)
                .orElseThrow();
        assertThat(fulfilled.status()).isEqualTo(ObligationStatus.FULFILLED_LATE);
        assertThat(fixtures.history(civilId))
                .startsWith("OPENED", "WARNED", "OVERDUE", "ESCALATED")
                .endsWith("FULFILLED_LATE");
        assertThat(ledger.fulfil(civil, "meeting.decision", "", clock.instant(), ActorRef.SYSTEM)
                        .orElseThrow()
                        .status())
                .as("fulfilling again changes nothing")
                .isEqualTo(ObligationStatus.FULFILLED_LATE);

        // The ledger's events about it reach the timeline listener, which has no case to write to and completes.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                    SELECT count(*) FROM event_publication
                     WHERE listener_id LIKE '%TimelineRecorder%' AND completion_date IS NULL AND serialized_event LIKE :id\
                    """)
                                .param("id", "%" + civilId.value() + "%")
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    @Test
    void anObligationIsAboutACaseOrAMatterNeverBoth() {
        ResolvedPolicy policy = fixtures.cityA(at("2025-09-26T10:00"));
        ProcedureStep step = policy.require("meeting.decision");
        AgencyId civil = cases.agency("A-CIVIL");
        assertThatThrownBy(() -> new OpenObligation(
                        null,
                        step,
                        "",
                        policy.version(),
                        policy.settings(),
                        civil,
                        false,
                        null,
                        20,
                        false,
                        at("2025-09-26T10:00"),
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
        clock.setInstant(at("2025-09-26T10:00"));
        ObligationId id = ledger.open(decision(ObligationMatter.decision(UUID.randomUUID()), "A-CIVIL"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE obligation SET case_id = gen_random_uuid() WHERE id = :id")
                        .param("id", id.value())
                        .update())
                .hasMessageContaining("obligation_case_or_matter");
        assertThatThrownBy(() -> jdbc.sql("UPDATE obligation SET matter_id = NULL WHERE id = :id")
                        .param("id", id.value())
                        .update())
                .hasMessageContaining("obligation_case_or_matter");
    }
}
