package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
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
 * The intake's other paths through the API: a temporary-execution subject handed over by the detention centre and
 * received by the county agency (the receipt is the arrival), and an assessment after which the court decides not to
 * apply community correction (the pending steps lapse).
 */
@IntegrationTest
class IntakeApiPathsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventQuiescence events;

    ApiClient api;

    @BeforeEach
    void client() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
    }

    @Test
    void theDetentionCentreHandsATemporaryExecutionSubjectOverAndTheReceiptIsTheArrival() {
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1970, 1, 15);
        String centre = jdbc.sql("SELECT id::text FROM agency WHERE code = 'A-DC'")
                .query(String.class)
                .single();
        String caseId = api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "林正平", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "residenceDivision": "369902001", "health": "肝硬化失代偿期"},
                     "offence": {"category": "CORRUPTION_BRIBERY", "offenceDate": "2023-08-01", "charges": ["受贿罪"]},
                     "decision": {"correctionType": "TEMPORARY_EXECUTION", "caseNumber": "（2025）城东刑初913号", "judgmentDate": "%s",
                                  "effectiveDate": "%s", "termStart": "%s", "termEnd": "%s", "inCustody": true,
                                  "handoverInstitutionId": "%s"}}\
                    """.formatted(
                                IdentityNumbers.compose("369902", birth, 83, Gender.MALE),
                                birth,
                                today.minusDays(2),
                                today.minusDays(1),
                                today.minusDays(1),
                                today.plusYears(1),
                                centre))
                .expect(201)
                .text("caseId");
        settle();
        JsonNode transfer = api.as("detention.officer")
                .get("/api/v1/inbox?caseId=" + caseId)
                .expect(200)
                .body()
                .get("items")
                .get(0);
        assertThat(transfer.get("stepId").asString()).isEqualTo(Steps.TRANSFER_COURT);
        assertThat(transfer.get("counterpartyAgency").get("name").asString()).isEqualTo("城东区社区矫正管理局");

        // Only the institution named in the decision hands over; the police of the place may not.
        api.as("cd.police")
                .post("/api/v1/cases/" + caseId + "/transfer", "{\"items\": [{\"code\": \"DECISION_DOCUMENT\"}]}")
                .expect(403);
        String handover = api.as("detention.officer")
                .post("/api/v1/cases/" + caseId + "/transfer", """
                    {"items": [{"code": "DECISION_DOCUMENT", "title": "暂予监外执行决定书"}, {"code": "MEDICAL_ASSESSMENT"}],
                     "note": "今日上午移交"}\
                    """)
                .expect(201)
                .text("handoverId");
        settle();
        int version = api.as("cd.county")
                .get("/api/v1/handovers/" + handover)
                .expect(200)
                .number("version");
        Response generic = api.as("cd.county")
                .post("/api/v1/handovers/" + handover + "/receipt", "{\"version\": " + version + "}");
        assertThat(generic.status()).isEqualTo(409);
        assertThat(generic.code()).isEqualTo("USE_TRANSFER_RECEIPT");
        api.as("cd.court.clerk")
                .post("/api/v1/handovers/" + handover + "/transfer-receipt", "{\"version\": " + version + "}")
                .expect(403);

        Response received = api.as("cd.county")
                .post("/api/v1/handovers/" + handover + "/transfer-receipt", "{\"version\": " + version + "}")
                .expect(200);
        assertThat(received.text("caseId")).isEqualTo(caseId);
        settle();
        JsonNode c =
                api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200).body();
        assertThat(c.get("arrivalState").asString()).isEqualTo("TRANSFERRED");
        assertThat(c.get("handoverInstitution").get("name").asString()).isEqualTo("A市看守所");
        assertThat(api.as("detention.officer")
                        .get("/api/v1/inbox?caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("total")
                        .asLong())
                .as("the transfer is done")
                .isZero();
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox?caseId=" + caseId + "&step=intake.register")
                        .expect(200)
                        .body()
                        .get("total")
                        .asLong())
                .as("registration follows the arrival")
                .isEqualTo(1);
        assertThat(api.as("detention.officer")
                        .get("/api/v1/handovers/" + handover)
                        .expect(200)
                        .text("status"))
                .isEqualTo("RECEIPTED");
        api.as("cd.county")
                .post("/api/v1/handovers/" + handover + "/transfer-receipt", "{\"version\": " + (version + 1) + "}")
                .expect(409);
    }

    @Test
    void aCourtThatDecidesAgainstCommunityCorrectionWithdrawsTheCaseAndItsPendingStepsLapse() {
        String entrustment = IntakeApiJourneyIntegrationTests.entrustment()
                .replace("（2025）城东刑初902号", "（2025）城东刑初914号")
                .replace(
                        IdentityNumbers.compose("369902", LocalDate.of(1988, 7, 21), 36, Gender.FEMALE),
                        IdentityNumbers.compose("369902", LocalDate.of(1988, 7, 21), 38, Gender.FEMALE))
                .replace("\"expedited\": false", "\"expedited\": true");
        String caseId = api.as("cd.court.clerk")
                .post("/api/v1/assessments", entrustment)
                .expect(201)
                .text("caseId");
        settle();
        JsonNode assess = api.as("cd.county")
                .get("/api/v1/inbox?caseId=" + caseId)
                .expect(200)
                .body()
                .get("items")
                .get(0);
        assertThat(assess.get("deadlineAmount").asInt())
                .as("expedited: 5 working days")
                .isEqualTo(5);
        int version = api.as("cd.court.clerk")
                .get("/api/v1/cases/" + caseId)
                .expect(200)
                .number("version");
        api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/withdrawal", "{\"version\": " + version + "}")
                .expect(403);
        Response withdrawn = api.as("cd.court.clerk")
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/cases/" + caseId + "/withdrawal")
                        .header("If-Match", "\"" + version + "\""))
                .expect(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        settle();
        JsonNode obligations = api.as("cd.court.clerk")
                .get("/api/v1/cases/" + caseId + "/obligations")
                .expect(200)
                .body();
        assertThat(obligations)
                .filteredOn(o -> o.get("stepId").asString().equals(Steps.ASSESS))
                .singleElement()
                .satisfies(o -> assertThat(o.get("status").asString())
                        .as("the assessment lapsed")
                        .isEqualTo("WAIVED"));
        assertThat(obligations)
                .allSatisfy(o -> assertThat(o.get("status").asString()).isIn("WAIVED", "FULFILLED"));
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox?caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/assessment-opinion", """
                    {"findings": "走访社区、家属及单位，表现良好。", "opinion": "SUITABLE", "reasons": "符合条件"}\
                    """)
                .expect(409);
    }

    private void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("reactions to the last change completed")
                .isTrue();
    }
}
