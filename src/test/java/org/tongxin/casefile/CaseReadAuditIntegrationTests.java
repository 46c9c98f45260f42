package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.document.UploadFixtures;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.ApiClient.Response;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * doc/security-requirements.md S12 for the API: every read of a subject's record — the case, a search, an inbox listing cases, a
 * document downloaded from the case or from a bundle — writes one audit record naming who read, the subjects shown
 * and the API operation as the purpose; a read that finds nothing shows nobody and records no subject.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReadAuditIntegrationTests {

    static final String CASE_NUMBER = "（2025）城东刑初908号";

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
    org.tongxin.shared.jdbc.EventQuiescence events;

    ApiClient api;
    String caseId;
    String subjectId;
    String document;
    String handover;

    @BeforeAll
    void aCaseWithADeliveredDocument() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1991, 12, 1);
        caseId = api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "冯小川", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "residenceDivision": "369902003"},
                     "offence": {"category": "GAMBLING", "offenceDate": "2025-02-01", "charges": ["开设赌场罪"]},
                     "decision": {"correctionType": "PUBLIC_SURVEILLANCE", "caseNumber": "%s", "judgmentDate": "%s",
                                  "effectiveDate": "%s", "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                IdentityNumbers.compose("369902", birth, 75, Gender.MALE),
                                birth,
                                CASE_NUMBER,
                                today.minusDays(2),
                                today.minusDays(1),
                                today.minusDays(1),
                                today.plusMonths(6)))
                .expect(201)
                .text("caseId");
        subjectId = api.as("cd.county")
                .get("/api/v1/cases/" + caseId)
                .expect(200)
                .body()
                .get("subject")
                .get("subjectId")
                .asString();
        document = api.as("cd.court.clerk")
                .perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "判决书.pdf", "application/pdf", UploadFixtures.pdf("判决书"))))
                .expect(201)
                .text("documentId");
        handover = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "documentId": "%s"}, {"code": "EXECUTION_NOTICE"}]}\
                    """.formatted(document))
                .expect(201)
                .text("handoverId");
        assertThat(events.awaitAll(java.time.Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void readingTheCaseRecordsOneAuditRecordWithTheSubjectAndTheOperation() {
        Response read = api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200);
        List<Map<String, Object>> records = personalDataReads(read);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("case.view");
            assertThat(r.get("actor_username")).isEqualTo("cd.county");
            assertThat(r.get("target_id")).isEqualTo(caseId);
            assertThat(r.get("subjects")).isEqualTo(subjectId);
            assertThat(r.get("purpose")).isEqualTo("api.getCase");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void aSearchRecordsEverySubjectItShowed() {
        Response found = api.as("cd.proc")
                .post("/api/v1/cases/search", "{\"caseNumber\": \"" + CASE_NUMBER + "\"}")
                .expect(200);
        assertThat(found.body().get("total").asLong()).isEqualTo(1);
        assertThat(personalDataReads(found)).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("case.search");
            assertThat(r.get("subjects")).isEqualTo(subjectId);
            assertThat(r.get("purpose")).isEqualTo("api.searchCases");
        });
    }

    @Test
    void downloadsFromTheCaseAndFromTheBundleAreAudited() {
        Response fromCase = api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/documents/" + document)
                .expect(200);
        assertThat(fromCase.raw().getContentAsByteArray()).startsWith("%PDF".getBytes());
        assertThat(fromCase.raw().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(personalDataReads(fromCase)).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("case.document.read");
            assertThat(r.get("target_id")).isEqualTo(document);
            assertThat(r.get("subjects")).isEqualTo(subjectId);
        });
        Response listed = api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/documents")
                .expect(200);
        assertThat(personalDataReads(listed)).extracting(r -> r.get("action")).containsExactly("case.documents");
        Response fromBundle = api.as("cd.police")
                .get("/api/v1/handovers/" + handover + "/documents/" + document)
                .expect(200);
        assertThat(personalDataReads(fromBundle)).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("handover.document.read");
            assertThat(r.get("actor_username")).isEqualTo("cd.police");
        });
    }

    @Test
    void anInboxListingCasesRecordsTheSubjectsItShowed() {
        Response inbox =
                api.as("cd.county").get("/api/v1/inbox?caseId=" + caseId).expect(200);
        assertThat(inbox.body().get("total").asLong())
                .as("the receipt and the subject's report are awaited")
                .isEqualTo(2);
        assertThat(personalDataReads(inbox)).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("case.list");
            assertThat(r.get("subjects")).isEqualTo(subjectId);
            assertThat(r.get("purpose")).isEqualTo("api.getInbox");
        });
    }

    @Test
    void aReadThatFindsNothingShowsNobody() {
        Response absent = api.as("cx.county").get("/api/v1/cases/" + caseId).expect(404);
        assertThat(personalDataReads(absent)).isEmpty();
        Response nothing = api.as("cx.county")
                .post("/api/v1/cases/search", "{\"caseNumber\": \"" + CASE_NUMBER + "\"}")
                .expect(200);
        assertThat(nothing.body().get("total").asLong()).isZero();
        assertThat(personalDataReads(nothing)).isEmpty();
    }

    private List<Map<String, Object>> personalDataReads(Response response) {
        String correlation = response.raw().getHeader("X-Correlation-Id");
        assertThat(correlation).isNotBlank();
        return jdbc.sql("""
            SELECT action, outcome, actor_username, target_id, purpose, array_to_string(subject_ids, ',') AS subjects
              FROM audit_record WHERE correlation_id = :c AND category = 'PERSONAL_DATA' ORDER BY id\
            """).param("c", correlation).query().listOfRows();
    }
}
