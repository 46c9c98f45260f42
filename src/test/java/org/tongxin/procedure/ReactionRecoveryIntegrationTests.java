package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.platform.EventRedelivery;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * An acknowledged handover is never lost between its commit and the reactions of other modules: when the reaction
 * fails (as when the process dies after the commit), the event publication registry keeps the event, and
 * delivering it again brings the ledger and the case where they belong, once, however often it is delivered.
 */
@IntegrationTest
class ReactionRecoveryIntegrationTests {

    @Autowired
    IntakeFixture fixture;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    MutableClock clock;

    @Autowired
    EventRedelivery redelivery;

    @AfterEach
    void removeFault() throws SQLException {
        asOwner("DROP TRIGGER IF EXISTS test_fault ON obligation; DROP FUNCTION IF EXISTS test_fault()");
        clock.reset();
    }

    @Test
    void aReceiptWhoseReactionFailedIsAppliedOnceWhenItsEventIsDeliveredAgain() throws SQLException {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        // The ledger refuses to close this case's receipt, as a dying process would never get to it.
        asOwner("""
            CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.case_id = '%s' AND NEW.step_id = 'docs.receipt' AND NEW.status LIKE 'FULFILLED%%' THEN
                    RAISE EXCEPTION 'simulated crash before the reaction committed';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_fault BEFORE UPDATE ON obligation FOR EACH ROW EXECUTE FUNCTION test_fault();
            """.formatted(caseId.value()));

        fixture.as("cd.county", () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null));
        fixture.settle();

        assertThat(fixture.handovers.find(bundle).orElseThrow().status())
                .as("the receipt itself committed")
                .isEqualTo(HandoverStatus.RECEIPTED);
        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().status())
                .isEqualTo(ObligationStatus.OPEN);
        assertThat(fixture.cases.facts(caseId).orElseThrow().documentsState()).isEqualTo(DocumentsState.DELIVERED);
        assertThat(pendingReactions())
                .as("the registry still holds the event for the procedure")
                .isNotEmpty();

        asOwner("DROP TRIGGER test_fault ON obligation; DROP FUNCTION test_fault()");
        incomplete.resubmitIncompletePublications(publication -> true);
        fixture.settle();
        incomplete.resubmitIncompletePublications(publication -> true);
        fixture.settle();

        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(fixture.cases.facts(caseId).orElseThrow().documentsState()).isEqualTo(DocumentsState.RECEIPTED);
        assertThat(pendingReactions()).isEmpty();
        assertThat(jdbc.sql("""
            SELECT count(*) FROM obligation_history h JOIN obligation o ON o.id = h.obligation_id
             WHERE o.case_id = :c AND o.step_id = 'docs.receipt' AND h.event LIKE 'FULFILLED%'\
            """).param("c", caseId.value()).query(Long.class).single())
                .as("fulfilled once")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE case_id = :c AND kind = 'handover.receipted'")
                        .param("c", caseId.value())
                        .query(Long.class)
                        .single())
                .as("on the timeline once")
                .isEqualTo(1);
    }

    @Test
    void aRedeliveryCutShortByACrashIsDeliveredAgainOnTheNextRound() throws SQLException {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        asOwner("""
            CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.case_id = '%s' AND NEW.step_id = 'docs.receipt' AND NEW.status LIKE 'FULFILLED%%' THEN
                    RAISE EXCEPTION 'simulated crash before the reaction committed';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_fault BEFORE UPDATE ON obligation FOR EACH ROW EXECUTE FUNCTION test_fault();
            """.formatted(caseId.value()));
        fixture.as("cd.county", () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null));
        fixture.settle();
        asOwner("DROP TRIGGER test_fault ON obligation; DROP FUNCTION test_fault()");
        // A redelivery claimed the publication, and the process died before the reaction completed.
        jdbc.sql("""
            UPDATE event_publication SET status = 'RESUBMITTED', last_resubmission_date = :at
             WHERE completion_date IS NULL AND serialized_event LIKE :c\
            """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("c", "%" + bundle.value() + "%")
                .update();
        incomplete.resubmitIncompletePublications(publication -> true);
        assertThat(pendingReactions())
                .as("the registry alone never claims a RESUBMITTED publication again")
                .isNotEmpty();
        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().status())
                .isEqualTo(ObligationStatus.OPEN);

        clock.advance(java.time.Duration.ofMinutes(5));
        await().atMost(java.time.Duration.ofSeconds(60)).until(redelivery::redeliver);
        fixture.settle();

        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(pendingReactions()).isEmpty();
    }

    @Test
    void reactionsDeliveredOutOfOrderLeaveTheCaseAsIfTheyHadRunInOrder() throws SQLException {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        // The reaction to the rejection dies before it commits (here: it cannot open the supplement) ...
        asOwner("""
            CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.case_id = '%s' AND NEW.step_id = 'docs.supplement' THEN
                    RAISE EXCEPTION 'simulated crash before the reaction committed';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_fault BEFORE INSERT ON obligation FOR EACH ROW EXECUTE FUNCTION test_fault();
            """.formatted(caseId.value()));
        fixture.as(
                "cd.county",
                () -> fixture.handovers.reject(
                        bundle,
                        fixture.version(bundle, "cd.county"),
                        List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, null)),
                        "请补送保证书"));
        fixture.settle();
        // ... the court supplies the document two hours later, and the reaction to that runs first ...
        clock.advance(java.time.Duration.ofHours(2));
        fixture.as(
                "cd.court.clerk",
                () -> fixture.handovers.supplement(
                        bundle,
                        fixture.version(bundle, "cd.court.clerk"),
                        List.of(new NewItem(ItemCode.GUARANTEE, null, null)),
                        "补送保证书"));
        fixture.settle();
        assertThat(ledger.find(caseId, Steps.SUPPLEMENT, "1"))
                .as("not opened yet")
                .isEmpty();
        // ... and the rejection's reaction is delivered again only afterwards.
        asOwner("DROP TRIGGER test_fault ON obligation; DROP FUNCTION test_fault()");
        incomplete.resubmitIncompletePublications(publication -> true);
        fixture.settle();

        // As in order: the receipt clock stopped for the two hours and runs again, the court's move (ADR 0039) made;
        // the
        // supplement owed and done.
        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().status())
                .isEqualTo(ObligationStatus.OPEN);
        assertThat(ledger.find(caseId, Steps.RECEIPT, "").orElseThrow().actionable())
                .isTrue();
        assertThat(jdbc.sql("""
            SELECT h.event FROM obligation_history h JOIN obligation o ON o.id = h.obligation_id
             WHERE o.case_id = :c AND o.step_id = 'docs.receipt' ORDER BY h.id\
            """).param("c", caseId.value()).query(String.class).list())
                .containsExactly("OPENED", "PAUSED", "RESUMED", "WAITING", "WAITING_ENDED");
        assertThat(ledger.find(caseId, Steps.SUPPLEMENT, "1").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(fixture.cases.facts(caseId).orElseThrow().documentsState())
                .as("the bundle is delivered again")
                .isEqualTo(DocumentsState.DELIVERED);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND"
                                + " serialized_event LIKE :b")
                        .param("b", "%" + bundle.value() + "%")
                        .query(Long.class)
                        .single())
                .as("every reaction completed")
                .isZero();
    }

    @Test
    void anArrivalWhoseReactionRunsOnlyAfterTheRegistrationStillLeavesTheRegistrationStepFulfilled()
            throws SQLException {
        CaseId caseId = fixture.decided(CorrectionType.PROBATION, LegalTime.today(clock), null);
        HandoverId bundle = fixture.delivered(caseId);
        fixture.as("cd.county", () -> fixture.handovers.receipt(bundle, fixture.version(bundle, "cd.county"), null));
        fixture.settle();
        // The reaction to the arrival dies before it commits (here: it cannot open the registration step) ...
        asOwner("""
            CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.case_id = '%s' AND NEW.step_id = 'intake.register' THEN
                    RAISE EXCEPTION 'simulated crash before the reaction committed';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_fault BEFORE INSERT ON obligation FOR EACH ROW EXECUTE FUNCTION test_fault();
            """.formatted(caseId.value()));
        fixture.actors.run(
                "cd.county",
                () -> fixture.caseManagement.recordArrival(caseId, fixture.caseVersion(caseId), false, null));
        fixture.settle();
        // ... the officer registers the subject meanwhile (documents receipted, subject present) ...
        fixture.actors.run("cd.county", () -> fixture.caseManagement.register(caseId, fixture.caseVersion(caseId)));
        fixture.settle();
        assertThat(ledger.find(caseId, Steps.REGISTER, "")).as("not opened yet").isEmpty();
        // ... and the arrival's reaction is delivered again only afterwards: the step opens and the kept fulfilment
        // closes it.
        asOwner("DROP TRIGGER test_fault ON obligation; DROP FUNCTION test_fault()");
        incomplete.resubmitIncompletePublications(publication -> true);
        fixture.settle();

        assertThat(ledger.find(caseId, Steps.REGISTER, ""))
                .as("the registration step exists and is done")
                .hasValueSatisfying(o -> assertThat(o.status().pending()).isFalse());
        assertThat(ledger.find(caseId, Steps.REPORT, "").orElseThrow().status().pending())
                .isFalse();
    }

    @Test
    void deliveringAnEventTwiceChangesNothingTheSecondTime() {
        CaseId caseId = fixture.decided(CorrectionType.PAROLE, LocalDate.of(2025, 9, 29), null);
        fixture.delivered(caseId);
        long before = historyRows(caseId);
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, status = 'FAILED' WHERE serialized_event"
                        + " LIKE :c")
                .param("c", "%" + caseId.value() + "%")
                .update();
        incomplete.resubmitIncompletePublications(publication -> true);
        fixture.settle();
        assertThat(historyRows(caseId))
                .as("no obligation opened or fulfilled twice")
                .isEqualTo(before);
        assertThat(ledger.forCase(caseId))
                .extracting(o -> o.stepId() + "#" + o.instance())
                .doesNotHaveDuplicates();
    }

    private List<String> pendingReactions() {
        return jdbc.sql("""
            SELECT listener_id FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%HandoverReceipted'\
            """).query(String.class).list();
    }

    private long historyRows(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM obligation_history WHERE case_id = :c")
                .param("c", caseId.value())
                .query(Long.class)
                .single();
    }

    /** DDL as the owner role (the application role may not create triggers). */
    private void asOwner(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        environment.getRequiredProperty("spring.datasource.url"),
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"));
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
