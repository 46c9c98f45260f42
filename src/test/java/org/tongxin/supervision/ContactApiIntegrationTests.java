package org.tongxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.ApiClient.Response;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports and visits through {@code /api/v1/cases/{id}/contacts} in City A (ordinary supervision: report every 14 days,
 * checked every 30): each record fulfils the due one and schedules the next on the ledger; a missed report is on the
 * timeline and the schedule goes on; a medical re-examination only for temporary execution.
 */
@IntegrationTest
class ContactApiIntegrationTests {

    /** Monday 2 March 2026, 10:00 in China. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, LegalTime.ZONE);

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    EventQuiescence events;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    ObligationClock ledgerClock;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(mvc, actors, json);
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        clock.setInstant(MONDAY.toInstant());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReportSchedulesTheNextAndAMissedOneIsCountedWhileTheScheduleGoesOn() {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("吕建平", Gender.MALE));
        fixtures.assignDongmen(caseId);
        Response first = api.as("cd.dm")
                .post(
                        "/api/v1/cases/" + caseId + "/contacts",
                        Map.of("kind", "REPORT_IN_PERSON", "on", "2026-03-02", "note", "到司法所当面报告近期工作情况"))
                .expect(201);
        assertThat(first.body().get("recorded").get(0).get("nextDueOn").asString())
                .isEqualTo("2026-03-16");
        settle();
        JsonNode due = api.as("cd.dm")
                .get("/api/v1/cases/" + caseId + "/contacts")
                .expect(200)
                .body()
                .get("due");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).get("stepId").asString()).isEqualTo("supervise.report");
        assertThat(due.get(0).get("instance").asString()).isEqualTo("2026-03-16");
        assertThat(due.get(0).get("owedBySubject").asBoolean())
                .as("the subject's own report, watched by the office")
                .isTrue();

        Response visit = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/contacts", Map.of("kind", "HOME_VISIT", "on", "2026-03-02"))
                .expect(201);
        assertThat(visit.body().get("recorded").get(0).get("nextDueOn").asString())
                .isEqualTo("2026-04-01");

        // Nobody reported by 16 March: the report is missed, counted on the timeline, and the next one is due 14 days
        // on.
        clock.setInstant(MONDAY.plusDays(16).toInstant());
        ledgerClock.scanNow();
        settle();
        assertThat(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/timeline")
                        .expect(200)
                        .body()
                        .toString())
                .contains("对象未按期报告")
                .doesNotContain("当面报告近期工作情况");
        JsonNode now = api.as("cd.dm")
                .get("/api/v1/cases/" + caseId + "/contacts")
                .expect(200)
                .body()
                .get("due");
        assertThat(now.toString()).contains("2026-03-30");

        Response late = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/contacts", Map.of("kind", "REPORT_PHONE", "on", "2026-03-18"))
                .expect(201);
        settle();
        assertThat(late.body().get("recorded").get(0).get("nextDueOn").asString())
                .isEqualTo("2026-04-01");
    }

    @Test
    void badInputAndTheWrongRolesAreRefused() {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("褚国华", Gender.MALE));
        fixtures.assignDongmen(caseId);
        Response bad = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/contacts", Map.of("on", "2026-03-09"))
                .expect(400);
        assertThat(bad.body().get("errors").toString()).contains("kind", "on");
        assertThat(api.as("cd.dm")
                        .post(
                                "/api/v1/cases/" + caseId + "/contacts",
                                Map.of("kind", "MEDICAL_REEXAMINATION", "on", "2026-03-02"))
                        .expect(422)
                        .code())
                .isEqualTo("CONTACT_NOT_TEMPORARY_EXECUTION");
        assertThat(api.as("cd.court.clerk")
                        .get("/api/v1/cases/" + caseId + "/contacts")
                        .expect(403)
                        .code())
                .isEqualTo("NOT_SUPERVISING_AGENCY");
        api.as("cd.nh")
                .post("/api/v1/cases/" + caseId + "/contacts", Map.of("kind", "HOME_VISIT", "on", "2026-03-02"))
                .expect(404);
        assertThat(api.as("cd.dm")
                        .get("/api/v1/cases/" + caseId + "/contacts")
                        .expect(200)
                        .body()
                        .get("recorded"))
                .isEmpty();
    }

    private void settle() {
        events.awaitAll(Duration.ofSeconds(10));
    }
}
