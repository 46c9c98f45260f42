package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.ApiClient.Response;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * doc/security-requirements.md S20–S21 for the intake API: malformed JSON, unknown fields and enum values, wrong ids, missing bodies,
 * oversized fields and stale versions each get a 4xx problem with a stable code and the fields at fault, in the
 * caller's language, never a 500, and change nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeApiErrorsIntegrationTests {

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

    ApiClient api;
    String caseId;

    @BeforeAll
    void aDecidedCase() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
        caseId = api.as("cd.court.clerk")
                .post("/api/v1/cases", decidedCase("（2025）城东刑初904号", 72))
                .expect(201)
                .text("caseId");
    }

    @Test
    void malformedJsonUnknownFieldsAndUnknownEnumValuesAreRefusedBeforeAnythingIsSaved() {
        long before = rows();
        expect(
                api.as("cd.court.clerk").post("/api/v1/assessments", "{\"subject\": {\"name\": \"孙\""),
                400,
                "MALFORMED_JSON");
        expect(
                api.as("cd.court.clerk").post("/api/v1/assessments", "{\"expedited\": false, \"isAdmin\": true}"),
                400,
                "UNKNOWN_FIELD");
        Response missingFlag = api.as("cd.court.clerk").post("/api/v1/assessments", "{\"caseNumber\": \"x\"}");
        expect(missingFlag, 400, "INVALID_VALUE");
        assertThat(missingFlag.body().get("errors").get(0).get("field").asString())
                .as("flags are sent, true or false")
                .isEqualTo("expedited");
        Response unknownType = api.as("cd.court.clerk")
                .post("/api/v1/cases", decidedCase("（2025）城东刑初905号", 73).replace("\"PROBATION\"", "\"HOUSE_ARREST\""));
        expect(unknownType, 400, "INVALID_VALUE");
        assertThat(unknownType.body().get("errors").get(0).get("field").asString())
                .isEqualTo("decision.correctionType");
        Response badId = api.as("cd.court.clerk")
                .post("/api/v1/assessments", "{\"assessingAgencyId\": \"not-a-uuid\", \"expedited\": false}");
        expect(badId, 400, "INVALID_VALUE");
        assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("assessingAgencyId");
        expect(
                api.as("cd.court.clerk")
                        .post(
                                "/api/v1/cases/" + caseId + "/legal-documents",
                                "{\"items\": [{\"code\": \"BIRTH_CERTIFICATE\"}]}"),
                400,
                "INVALID_VALUE");
        assertThat(rows()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void wrongIdsInThePathAreBadRequestsAndUnknownOnesAreAbsent() {
        Response badPath = api.as("cd.county").get("/api/v1/cases/12345");
        expect(badPath, 400, "INVALID_PARAMETER");
        assertThat(badPath.body().get("errors").get(0).get("field").asString()).isEqualTo("caseId");
        expect(api.as("cd.county").get("/api/v1/handovers/xyz"), 400, "INVALID_PARAMETER");
        expect(api.as("cd.county").get("/api/v1/cases/00000000-0000-0000-0000-000000000001"), 404, "NOT_FOUND");
        expect(api.as("cd.county").get("/api/v1/handovers/00000000-0000-0000-0000-000000000001"), 404, "NOT_FOUND");
        expect(
                api.as("cd.county").post("/api/v1/obligations/00000000-0000-0000-0000-000000000001/take", null),
                404,
                "NOT_FOUND");
        expect(api.as("cd.county").get("/api/v1/inbox?caseId=nope"), 400, "INVALID_PARAMETER");
        expect(api.as("cd.county").get("/api/v1/inbox?size=1000"), 400, "VALIDATION_FAILED");
    }

    @Test
    void missingBodiesAndMissingVersionsAreNamed() {
        expect(api.as("cd.court.clerk").post("/api/v1/assessments", null), 400, "UNREADABLE_BODY");
        expect(api.as("cd.county").post("/api/v1/cases/" + caseId + "/arrival", null), 400, "UNREADABLE_BODY");
        Response noVersion = api.as("cd.county").post("/api/v1/cases/" + caseId + "/registration", null);
        expect(noVersion, 400, "VALIDATION_FAILED");
        assertThat(noVersion.body().get("errors").get(0).get("field").asString())
                .isEqualTo("version");
        Response badTag = api.as("cd.county")
                .perform(post("/api/v1/cases/" + caseId + "/registration").header("If-Match", "*"));
        expect(badTag, 400, "VALIDATION_FAILED");
        assertThat(badTag.body().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void everyFieldAtFaultIsNamedWithItsCodeAndNothingIsSaved() {
        long before = rows();
        String body = decidedCase("（2025）城东刑初906号", 74)
                .replace("\"name\": \"郑国强\"", "\"name\": \"" + "郑".repeat(51) + "\"")
                .replace("\"guardianRelation\": null", "\"guardianRelation\": \"" + "父".repeat(21) + "\"")
                .replace("\"termEnd\": \"" + LegalTime.today(clock).plusYears(1) + "\"", "\"termEnd\": \"2001-01-01\"");
        Response refused = api.as("cd.court.clerk").post("/api/v1/cases", body);
        expect(refused, 400, "VALIDATION_FAILED");
        assertThat(fields(refused))
                .contains(
                        "subject.name:personName",
                        "subject.guardianRelation:maxLength",
                        "decision.termEnd:termEndAfterStart");
        Response english = api.as("cd.court.clerk").in("en").post("/api/v1/cases", body);
        assertThat(english.body().get("detail").asString())
                .isEqualTo("Some of what you sent is not valid; see the messages.");
        assertThat(rows()).as("nothing saved").isEqualTo(before);

        Response longPlan = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/plans",
                        "{\"version\": " + version() + ", \"content\": \"" + "方".repeat(20_001) + "\"}");
        expect(longPlan, 400, "VALIDATION_FAILED");
        assertThat(fields(longPlan)).containsExactly("content:maxLength");
        expect(
                api.as("cd.court.clerk")
                        .post("/api/v1/assessments", "{\"contact\": \"" + "x".repeat(1_100_000) + "\"}"),
                413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aCaseIsOpenedOnlyWithChargesAsTheSupremeCourtAndProcuratorateNameThem() {
        long before = rows();
        String decided = decidedCase("（2025）城东刑初908号", 75);
        Response missing =
                api.as("cd.court.clerk").post("/api/v1/cases", decided.replace(", \"charges\": [\"危险驾驶罪\"]", ""));
        expect(missing, 400, "VALIDATION_FAILED");
        assertThat(fields(missing)).containsExactly("offence.charges:required");
        Response empty = api.as("cd.court.clerk").post("/api/v1/cases", decided.replace("[\"危险驾驶罪\"]", "[]"));
        assertThat(fields(empty)).containsExactly("offence.charges:required");
        // The offence summary's words are no charge.
        Response unknown =
                api.as("cd.court.clerk").in("en").post("/api/v1/cases", decided.replace("[\"危险驾驶罪\"]", "[\"醉驾\"]"));
        expect(unknown, 400, "VALIDATION_FAILED");
        assertThat(fields(unknown)).containsExactly("offence.charges:unknownCharge");
        assertThat(unknown.body().get("errors").get(0).get("message").asString())
                .contains("醉驾")
                .contains("Supreme People");
        Response zh = api.as("cd.court.clerk")
                .post(
                        "/api/v1/assessments",
                        IntakeApiJourneyIntegrationTests.entrustment()
                                .replace("（2025）城东刑初902号", "（2025）城东刑初909号")
                                .replaceAll("\"charges\": \\[[^\\]]*\\]", "\"charges\": [\"偷窃罪\"]"));
        assertThat(fields(zh)).containsExactly("offence.charges:unknownCharge");
        assertThat(zh.body().get("errors").get(0).get("message").asString()).contains("不是最高人民法院、最高人民检察院确定的罪名");
        assertThat(rows()).as("nothing saved").isEqualTo(before);

        String id = api.as("cd.court.clerk")
                .post("/api/v1/cases", decided.replace("[\"危险驾驶罪\"]", "[\"危险驾驶罪\", \"妨害公务罪\"]"))
                .expect(201)
                .text("caseId");
        assertThat(jdbc.sql("SELECT array_to_string(charges, '、') FROM casefile_case WHERE id = :id::uuid")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("危险驾驶罪、妨害公务罪");
        assertThat(api.as("cd.court.clerk")
                        .get("/api/v1/cases/" + id)
                        .expect(200)
                        .body()
                        .get("charges"))
                .extracting(JsonNode::asString)
                .containsExactly("危险驾驶罪", "妨害公务罪");
    }

    @Test
    void aBundleThatFailsItsChecksLeavesNoCaseNoDocumentAndNoHandoverBehind() {
        long cases = rows();
        long documents =
                jdbc.sql("SELECT count(*) FROM document_file").query(Long.class).single();
        long handovers = jdbc.sql("SELECT count(*) FROM exchange_handover")
                .query(Long.class)
                .single();
        String entrustment = IntakeApiJourneyIntegrationTests.entrustment()
                .replace("（2025）城东刑初902号", "（2025）城东刑初907号")
                .replace("\"title\": \"起诉书副本\"", "\"title\": \"" + "起".repeat(201) + "\"")
                .replace(
                        IdentityNumbers.compose("369902", LocalDate.of(1988, 7, 21), 36, Gender.FEMALE),
                        IdentityNumbers.compose("369902", LocalDate.of(1988, 7, 21), 37, Gender.FEMALE));
        Response refused = api.as("cd.court.clerk").post("/api/v1/assessments", entrustment);
        expect(refused, 400, "VALIDATION_FAILED");
        assertThat(fields(refused)).containsExactly("items[1].title:maxLength");
        assertThat(rows()).isEqualTo(cases);
        assertThat(jdbc.sql("SELECT count(*) FROM document_file")
                        .query(Long.class)
                        .single())
                .isEqualTo(documents);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_handover")
                        .query(Long.class)
                        .single())
                .isEqualTo(handovers);
    }

    @Test
    void aStaleVersionIsAConflictWhetherInTheBodyOrInIfMatch() {
        int current = version();
        String office = "\"officeId\": \"" + agency("CD-SO-NH") + "\"";
        expect(
                api.as("cd.county")
                        .put(
                                "/api/v1/cases/" + caseId + "/office",
                                "{\"version\": " + (current + 7) + ", " + office + "}"),
                409,
                "STALE_VERSION");
        expect(
                api.as("cd.county")
                        .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/v1/cases/" + caseId + "/office")
                                .header("If-Match", "\"" + (current + 7) + "\"")
                                .contentType("application/json")
                                .content("{" + office + "}")),
                409,
                "STALE_VERSION");
        assertThat(version()).as("nothing changed").isEqualTo(current);
        // The version read just before works; the same version a second time is stale.
        api.as("cd.county")
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/cases/" + caseId + "/office")
                        .header("If-Match", "\"" + current + "\"")
                        .contentType("application/json")
                        .content("{" + office + "}"))
                .expect(200);
        expect(
                api.as("cd.county")
                        .put("/api/v1/cases/" + caseId + "/office", "{\"version\": " + current + ", " + office + "}"),
                409,
                "STALE_VERSION");
        String handover = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/execution-notice", null)
                .expect(201)
                .text("handoverId");
        int handoverVersion = api.as("cd.county")
                .get("/api/v1/handovers/" + handover)
                .expect(200)
                .number("version");
        expect(
                api.as("cd.county")
                        .post(
                                "/api/v1/handovers/" + handover + "/receipt",
                                "{\"version\": " + (handoverVersion + 1) + "}"),
                409,
                "STALE_VERSION");
        expect(
                api.as("cd.county")
                        .post(
                                "/api/v1/handovers/" + handover + "/rejection",
                                "{\"version\": " + handoverVersion
                                        + ", \"problems\": [{\"kind\": \"DEFECTIVE\", \"itemId\":"
                                        + " \"00000000-0000-0000-0000-000000000009\"}]}"),
                400,
                "VALIDATION_FAILED");
        expect(
                api.as("cd.court.clerk")
                        .post("/api/v1/handovers/" + handover + "/receipt", "{\"version\": " + handoverVersion + "}"),
                403,
                "NOT_RECEIVER");
    }

    // Helpers

    private static void expect(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.raw().getContentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(response.body().toString()).doesNotContain("Exception", "\tat ", "org.springframework");
    }

    private static List<String> fields(Response response) {
        List<String> fields = new java.util.ArrayList<>();
        response.body()
                .get("errors")
                .forEach(e -> fields.add(
                        e.get("field").asString() + ":" + e.get("code").asString()));
        response.body()
                .get("errors")
                .forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
        return fields;
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM casefile_case").query(Long.class).single();
    }

    private int version() {
        return api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200).number("version");
    }

    private String agency(String code) {
        return jdbc.sql("SELECT id::text FROM agency WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private String decidedCase(String caseNumber, int sequence) {
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1983, 4, 9);
        return """
            {"subject": {"name": "郑国强", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                         "birthDate": "%s", "residenceDivision": "369902002", "guardianRelation": null},
             "offence": {"category": "DANGEROUS_DRIVING", "offenceDate": "2025-01-05", "charges": ["危险驾驶罪"]},
             "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
                          "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
            """.formatted(
                        IdentityNumbers.compose("369902", birth, sequence, Gender.MALE),
                        birth,
                        caseNumber,
                        today.minusDays(2),
                        today.minusDays(1),
                        today.minusDays(1),
                        today.plusYears(1));
    }
}
