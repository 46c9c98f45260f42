package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The ledger through the API when things go wrong: a subject who does not report in time is searched for and the
 * decision organ told at once (IM art. 17), overdue steps sort first in the owing agency's inbox and climb to the
 * organ one level up and then to the coordination office, and a head of the owing organ waives a step that no
 * longer applies — each seen by the agency concerned in its own inbox or escalation list.
 */
@IntegrationTest
class ObligationApiIntegrationTests {

    /** A Monday after the 2025 National Day holiday: no holiday in the periods below. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2025, 10, 20, 9, 0, 0, 0, LegalTime.ZONE);

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
    ObligationClock obligationClock;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc, actors, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSubjectWhoDoesNotReportIsSearchedForAndOverdueStepsClimbToTheOrganAboveAndTheCoordinationOffice() {
        clock.setInstant(MONDAY.toInstant());
        String caseId = openCase("（2025）城东刑初911号", 81);
        settle();
        JsonNode report = api.as("cd.county").inboxLine(caseId, "report.self");
        assertThat(report.get("dueDate").asString()).as("20 Oct + 10 days").isEqualTo("2025-10-30");

        // Eleven days on nobody has come, and the court has neither notified nor delivered.
        clock.setInstant(
                ZonedDateTime.of(2025, 10, 31, 10, 0, 0, 0, LegalTime.ZONE).toInstant());
        obligationClock.scanNow();
        settle();
        assertThat(api.as("cd.county")
                        .inboxLine(caseId, "report.self")
                        .get("status")
                        .asString())
                .isEqualTo("OVERDUE");
        JsonNode missed = api.as("cd.county").inboxLine(caseId, "report.missed");
        assertThat(missed.get("alertOnly").asBoolean())
                .as("immediately: an alert, no counted date")
                .isTrue();
        assertThat(missed.get("counterpartyAgency").get("name").asString()).isEqualTo("城东区人民法院");
        assertThat(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId)
                        .expect(200)
                        .text("arrivalState"))
                .isEqualTo("MISSING");
        JsonNode overdueOnly = api.as("cd.county")
                .get("/api/v1/inbox?overdue=true&caseId=" + caseId)
                .expect(200)
                .body();
        assertThat(overdueOnly.get("items"))
                .extracting(o -> o.get("stepId").asString())
                .containsExactly("report.self");
        JsonNode first = api.as("cd.county")
                .get("/api/v1/inbox?caseId=" + caseId)
                .expect(200)
                .body()
                .get("items")
                .get(0);
        assertThat(first.get("status").asString()).as("overdue first").isEqualTo("OVERDUE");
        // The subject's lateness is the subject's: watched by the county agency, never counted in its overdue figures.
        JsonNode lateReport = api.as("cd.county").inboxLine(caseId, "report.self");
        assertThat(lateReport.get("actionable").asBoolean()).isFalse();
        assertThat(lateReport.get("standing").asString()).isEqualTo("WAITING_FOR_SUBJECT");
        assertThat(lateReport.get("waitingFor").get("text").asString()).isEqualTo("等待社区矫正对象报到");
        JsonNode counts =
                api.as("cd.county").get("/api/v1/inbox/counts").expect(200).body();
        assertThat(counts.get("awaitingSubject").asLong()).isPositive();
        assertThat(counts.get("pending").asLong())
                .isEqualTo(counts.get("toDo").asLong()
                        + counts.get("waiting").asLong()
                        + counts.get("awaitingSubject").asLong());
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox?show=todo&caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("items"))
                .extracting(o -> o.get("stepId").asString())
                .containsExactly("report.missed");
        // The organs one level up see what is overdue below them, and may now read the case.
        assertThat(escalated("city.court.clerk", caseId)).contains("docs.notify", "docs.deliver");
        assertThat(escalated("city.cca", caseId))
                .as("the subject's lateness is not the county agency idling")
                .doesNotContain("report.self");
        api.as("city.court.clerk").get("/api/v1/cases/" + caseId).expect(200);
        assertThat(escalated("city.coord", caseId)).isEmpty();
        api.as("city.coord").get("/api/v1/cases/" + caseId).expect(404);

        // The county agency reports its search to the court at once, with a copy to the procuratorate.
        String notice = api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/missing-notice", """
                    {"searchRecord": "10月31日电话联系本人及家属未果，走访居住地无人，已请东门派出所协助查找。"}\
                    """)
                .expect(201)
                .text("handoverId");
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, "report.missed")
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(ids(api.as("cd.proc").items("/api/v1/copies"))).contains(notice);
        assertThat(ids(api.as("cd.court.clerk").items("/api/v1/handovers/awaiting")))
                .contains(notice);
        api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/missing-notice", """
                    {"searchRecord": "再次通报：仍未找到社区矫正对象。"}\
                    """)
                .expect(409);

        // Two working days later the court's overdue steps reach the coordination office.
        clock.setInstant(
                ZonedDateTime.of(2025, 11, 6, 10, 0, 0, 0, LegalTime.ZONE).toInstant());
        obligationClock.scanNow();
        settle();
        assertThat(escalated("city.coord", caseId)).contains("docs.notify", "docs.deliver");
        JsonNode coordinated =
                api.as("city.coord").get("/api/v1/cases/" + caseId).expect(200).body();
        assertThat(coordinated.get("participations"))
                .extracting(JsonNode::asString)
                .containsExactly("COORDINATION");
        assertThat(coordinated.get("protectedFieldsVisible").asBoolean()).isFalse();
    }

    @Test
    void theCountysLinesWaitForTheCourtWhileItCorrectsTheDocumentsAndAreToDoAgainOnceResent() {
        clock.setInstant(MONDAY.toInstant());
        String caseId = openCase("（2025）城东刑初913号", 83);
        settle();
        // The subject reports in before the court delivered anything: registration cannot start yet.
        api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/arrival", "{\"version\": %d}".formatted(caseVersion(caseId)))
                .expect(200);
        settle();
        JsonNode register = api.as("cd.county").inboxLine(caseId, "intake.register");
        assertThat(register.get("standing").asString()).isEqualTo("NOT_STARTED");
        assertThat(register.get("actionable").asBoolean()).isFalse();
        assertThat(register.get("dueAt").isNull())
                .as("no clock before the documents")
                .isTrue();
        assertThat(register.get("waitingFor").get("reason").asString()).isEqualTo("DOCUMENTS_NOT_DELIVERED");
        assertThat(register.get("waitingFor").get("agency").get("name").asString())
                .isEqualTo("城东区人民法院");
        assertThat(register.get("waitingFor").get("text").asString()).isEqualTo("尚未开始：等待城东区人民法院送达法律文书");
        assertThat(steps("cd.county", caseId, "todo")).doesNotContain("intake.register");
        assertThat(steps("cd.county", caseId, "waiting"))
                .as("the subject has reported")
                .containsExactly("intake.register");
        JsonNode refused =
                api.as("cd.county").get("/api/v1/inbox?show=later").expect(400).body();
        assertThat(refused.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("show");

        // The court delivers; the county agency returns the documents: the guarantee is missing.
        String bundle = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "title": "刑事判决书"}, {"code": "EXECUTION_NOTICE"}]}\
                    """)
                .expect(201)
                .text("handoverId");
        settle();
        api.as("cd.county")
                .post("/api/v1/handovers/" + bundle + "/rejection", """
                    {"version": %d, "problems": [{"kind": "MISSING", "code": "GUARANTEE", "note": "缺接受社区矫正保证书"}]}\
                    """.formatted(handoverVersion("cd.county", bundle)))
                .expect(200);
        settle();
        JsonNode receipt = api.as("cd.county")
                .in("en")
                .get("/api/v1/inbox?show=waiting&caseId=" + caseId + "&step=docs.receipt")
                .expect(200)
                .body()
                .get("items")
                .get(0);
        assertThat(receipt.get("standing").asString()).isEqualTo("WAITING_FOR_ORGAN");
        assertThat(receipt.get("waitingFor").get("text").asString())
                .isEqualTo("Waiting for Chengdong District People's Court to correct the documents");
        assertThat(api.as("cd.county")
                        .inboxLine(caseId, "intake.register")
                        .get("waitingFor")
                        .get("reason")
                        .asString())
                .isEqualTo("DOCUMENTS_CORRECTION");

        // Three weeks on: the court's supplement is overdue and climbs to the court above; the county agency's lines do
        // not.
        clock.setInstant(MONDAY.plusDays(21).toInstant());
        obligationClock.scanNow();
        settle();
        assertThat(escalated("city.court.clerk", caseId)).contains("docs.supplement");
        assertThat(escalated("city.cca", caseId)).doesNotContain("docs.receipt", "intake.register");
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox?overdue=true&caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("items"))
                .extracting(o -> o.get("stepId").asString())
                .doesNotContain("docs.receipt", "intake.register");

        // The court resends: the receipt is the county agency's to do again; registration starts with the receipt.
        api.as("cd.court.clerk")
                .post("/api/v1/handovers/" + bundle + "/supplement", """
                    {"version": %d, "items": [{"code": "GUARANTEE", "title": "接受社区矫正保证书"}]}\
                    """.formatted(
                                handoverVersion("cd.court.clerk", bundle)))
                .expect(200);
        settle();
        JsonNode resent = api.as("cd.county").inboxLine(caseId, "docs.receipt");
        assertThat(resent.get("actionable").asBoolean()).isTrue();
        assertThat(resent.get("waitingFor").isNull()).isTrue();
        assertThat(steps("cd.county", caseId, "todo")).contains("docs.receipt").doesNotContain("intake.register");
        api.as("cd.county")
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/handovers/" + bundle + "/receipt")
                        .header("If-Match", "\"" + handoverVersion("cd.county", bundle) + "\""))
                .expect(200);
        settle();
        JsonNode started = api.as("cd.county").inboxLine(caseId, "intake.register");
        assertThat(started.get("standing").asString()).isEqualTo("TO_DO");
        assertThat(started.get("dueAt").isNull())
                .as("its clock runs from the receipt")
                .isFalse();
        assertThat(steps("cd.county", caseId, "todo")).contains("intake.register");
    }

    @Test
    void aHeadOfTheOwingOrganWaivesAStepThatNoLongerAppliesWithItsReason() {
        clock.setInstant(MONDAY.toInstant());
        String caseId = openCase("（2025）城东刑初912号", 82);
        settle();
        JsonNode notify = api.as("cd.court.clerk").inboxLine(caseId, "docs.notify");
        String path = "/api/v1/obligations/" + notify.get("id").asString() + "/waiver";
        int version = notify.get("version").asInt();
        Response clerk =
                api.as("cd.court.clerk").post(path, "{\"version\": " + version + ", \"reason\": \"通知书已随法律文书一并送达\"}");
        assertThat(clerk.status()).as("only heads waive").isEqualTo(403);
        Response tooShort = api.as("cd.court.judge")
                .post(path, "{\"version\": " + version + ", \"reason\": \"已送\"}")
                .expect(400);
        assertThat(tooShort.body().get("errors").get(0).get("code").asString()).isEqualTo("waiverReason");
        api.as("cd.court.judge")
                .post(path, "{\"version\": " + (version + 1) + ", \"reason\": \"通知书已随法律文书一并送达\"}")
                .expect(409);
        api.as("cx.court.judge")
                .post(path, "{\"version\": " + version + ", \"reason\": \"通知书已随法律文书一并送达\"}")
                .expect(404);
        JsonNode waived = api.as("cd.court.judge")
                .post(path, "{\"version\": " + version + ", \"reason\": \"通知书已随法律文书一并送达\"}")
                .expect(200)
                .body();
        assertThat(waived.get("status").asString()).isEqualTo("WAIVED");
        assertThat(waived.get("waiverReason").asString()).isEqualTo("通知书已随法律文书一并送达");
        assertThat(api.as("cd.court.clerk")
                        .get("/api/v1/inbox?caseId=" + caseId + "&step=docs.notify")
                        .expect(200)
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        api.as("cd.court.judge")
                .post(path, "{\"version\": " + waived.get("version").asInt() + ", \"reason\": \"再次免除此事项\"}")
                .expect(409);
    }

    // Helpers

    private String openCase(String caseNumber, int sequence) {
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1986, 8, 8);
        return api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "何东升", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "residenceDivision": "369902001"},
                     "offence": {"category": "PICKING_QUARRELS", "offenceDate": "2025-03-03", "charges": ["寻衅滋事罪"]},
                     "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
                                  "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                IdentityNumbers.compose("369902", birth, sequence, Gender.MALE),
                                birth,
                                caseNumber,
                                today.minusDays(3),
                                today,
                                today,
                                today.plusYears(1)))
                .expect(201)
                .text("caseId");
    }

    private void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("reactions to the last change completed")
                .isTrue();
    }

    private List<String> steps(String user, String caseId, String show) {
        List<String> steps = new ArrayList<>();
        api.as(user)
                .get("/api/v1/inbox?size=100&show=" + show + "&caseId=" + caseId)
                .expect(200)
                .body()
                .get("items")
                .forEach(o -> steps.add(o.get("stepId").asString()));
        return steps;
    }

    private int caseVersion(String caseId) {
        return api.as("cd.county")
                .get("/api/v1/cases/" + caseId)
                .expect(200)
                .body()
                .get("version")
                .asInt();
    }

    private int handoverVersion(String user, String handover) {
        return api.as(user)
                .get("/api/v1/handovers/" + handover)
                .expect(200)
                .body()
                .get("version")
                .asInt();
    }

    private List<String> escalated(String user, String caseId) {
        List<String> steps = new ArrayList<>();
        api.as(user).items("/api/v1/escalations").forEach(o -> {
            if (o.get("caseId").asString().equals(caseId)) {
                steps.add(o.get("stepId").asString());
            }
        });
        return steps;
    }

    private static List<String> ids(List<JsonNode> items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
