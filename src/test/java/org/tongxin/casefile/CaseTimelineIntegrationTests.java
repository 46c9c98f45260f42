package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.support.Actors;
import org.tongxin.support.ApplicationRole;
import org.tongxin.support.IntegrationTest;

/**
 * The case timeline: every module's events of a case, written once by an asynchronous listener after the change
 * commits (a redelivered event writes nothing twice), each reader seeing only the entries whose audience includes
 * their agency's role in the case.
 */
@IntegrationTest
class CaseTimelineIntegrationTests {

    /** An event another module might publish: seen only by the executing agency and the assigned office. */
    record SupervisionNoteRecorded(UUID eventId, CaseId caseId, Instant occurredAt, ActorRef actor, String topic)
            implements TimelineEntry {

        public String timelineKind() {
            return "supervision.note";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("topic", topic);
        }

        public Set<Participation> audience() {
            return EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);
        }
    }

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
    }

    /** The case's own entries for a reader (the ledger's, which the intake procedure adds, are tested with the ledger). */
    List<TimelineItem> timeline(String username, CaseId id) {
        return fixtures.as(username, () -> directory.timeline(id)).stream()
                .filter(item -> !item.kind().startsWith("obligation."))
                .toList();
    }

    long rows(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE case_id = :id AND kind NOT LIKE 'obligation.%'")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }

    /** Waits until no publication to the timeline listener mentioning {@code text} is outstanding. */
    void awaitTimelineListener(String text) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                    SELECT count(*) FROM event_publication
                     WHERE listener_id LIKE '%TimelineRecorder%' AND completion_date IS NULL AND serialized_event LIKE :text\
                    """)
                                .param("text", "%" + text + "%")
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    @Test
    void everyStepOfTheCaseAppearsOnceNewestFirstInTheReadersLanguage() {
        CaseId id = fixtures.assessing(fixtures.adult("邹明", Gender.MALE));
        int assessing = fixtures.version(id);
        fixtures.as(
                "cd.court.clerk", () -> management.decide(id, assessing, fixtures.decision(CorrectionType.PROBATION)));
        management.documentsState(id, DocumentsState.RECEIPTED);
        int decided = fixtures.version(id);
        fixtures.as("cd.county", () -> management.recordArrival(id, decided, false, null));
        fixtures.assignDongmen(id);
        int assigned = fixtures.version(id);
        fixtures.as("cd.county", () -> management.register(id, assigned));

        List<String> kinds = List.of(
                "case.registered", "office.assigned", "subject.reported", "case.decided", "assessment.entrusted");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(timeline("cd.county", id))
                        .extracting(TimelineItem::kind)
                        .containsAll(kinds));
        awaitTimelineListener(id.toString());

        List<TimelineItem> items = timeline("cd.county", id);
        assertThat(items).extracting(TimelineItem::kind).containsExactlyElementsOf(kinds);
        assertThat(rows(id)).isEqualTo(kinds.size());
        TimelineItem decision = items.get(3);
        assertThat(decision.text()).isEqualTo("作出社区矫正决定（" + fixtures.today().minusDays(10) + " 生效）");
        assertThat(decision.actorAgencyId()).isEqualTo(fixtures.agency("CD-COURT"));
        assertThat(items.getFirst().actorName()).isNotBlank();
        assertThat(items.getFirst().actorAgencyId()).isEqualTo(fixtures.agency("CD-CCA"));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(timeline("cd.proc", id).getFirst().text()).isEqualTo("Registered; file opened");
    }

    @Test
    void aRedeliveredEventIsWrittenOnlyOnce() {
        CaseId id = fixtures.decided();
        SupervisionNoteRecorded note =
                new SupervisionNoteRecorded(UUID.randomUUID(), id, clock.instant(), ActorRef.SYSTEM, "home-visit");
        publish(note);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(timeline("cd.county", id))
                        .extracting(TimelineItem::kind)
                        .contains("supervision.note"));
        publish(note);
        publish(new SupervisionNoteRecorded(
                note.eventId(), id, note.occurredAt().plusSeconds(5), ActorRef.SYSTEM, "again"));
        awaitTimelineListener(note.eventId().toString());

        assertThat(timeline("cd.county", id))
                .filteredOn(item -> item.kind().equals("supervision.note"))
                .singleElement()
                .satisfies(item -> assertThat(item.args()).containsEntry("topic", "home-visit"));
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE source_event = :e")
                        .param("e", note.eventId().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eachReaderSeesOnlyTheEntriesMeantForTheirRoleInTheCase() {
        CaseId id = fixtures.decided();
        fixtures.assignDongmen(id);
        UUID eventId = UUID.randomUUID();
        publish(new SupervisionNoteRecorded(eventId, id, clock.instant(), ActorRef.SYSTEM, "home-visit"));
        awaitTimelineListener(eventId.toString());
        awaitTimelineListener(id.toString());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows(id)).isEqualTo(3));

        for (String user : List.of("cd.county", "cd.dm")) {
            assertThat(timeline(user, id))
                    .as(user)
                    .extracting(TimelineItem::kind)
                    .containsExactly("supervision.note", "office.assigned", "case.decided");
        }
        for (String user : List.of("cd.court.clerk", "cd.proc", "cd.police")) {
            assertThat(timeline(user, id))
                    .as(user)
                    .extracting(TimelineItem::kind)
                    .containsExactly("office.assigned", "case.decided");
        }
        assertThatThrownBy(() -> timeline("cx.county", id))
                .isInstanceOf(org.tongxin.shared.error.TongxinException.class);
    }

    @Test
    void anEventOfAnUnknownCaseLeavesNoTrace() {
        CaseId unknown = CaseId.of(UUID.randomUUID());
        UUID eventId = UUID.randomUUID();
        publish(new SupervisionNoteRecorded(eventId, unknown, clock.instant(), ActorRef.SYSTEM, "lost"));
        awaitTimelineListener(eventId.toString());
        assertThat(rows(unknown)).isZero();
    }

    @Test
    void theApplicationCanNeitherChangeNorDeleteTimelineEntries() throws Exception {
        CaseId id = fixtures.decided();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows(id)).isPositive());
        // A person's request runs as the application role, which has no right to change the timeline.
        try (ApplicationRole role = ApplicationRole.connect(dataSource)) {
            assertThatThrownBy(() ->
                            role.jdbc().update("UPDATE casefile_timeline SET kind = 'x' WHERE case_id = ?", id.value()))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> role.jdbc().update("DELETE FROM casefile_timeline WHERE case_id = ?", id.value()))
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        // The application's own work runs as the owner: the trigger refuses it too.
        assertThatThrownBy(() -> jdbc.sql("UPDATE casefile_timeline SET kind = 'x' WHERE case_id = :id")
                        .param("id", id.value())
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM casefile_timeline WHERE case_id = :id")
                        .param("id", id.value())
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
    }
}
