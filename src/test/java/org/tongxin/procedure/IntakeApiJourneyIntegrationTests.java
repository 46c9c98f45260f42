package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.document.UploadFixtures;
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
 * The "done when", through {@code /api/v1} alone: a court clerk, a county officer, a judicial-office officer,
 * a prosecutor and a police officer of the demo carry a new case from entrustment to entry announcement, each finding
 * the obligation in their inbox with the legal due date the service-level journey expects (the 2025 National Day
 * holiday lies inside every period), and the procuratorate receiving every copy it is owed.
 */
@IntegrationTest
class IntakeApiJourneyIntegrationTests {

    static final ZonedDateTime FRIDAY_BEFORE_NATIONAL_DAY = ZonedDateTime.of(2025, 9, 26, 10, 0, 0, 0, LegalTime.ZONE);
    static final String CASE_NUMBER = "（2025）城东刑初902号";

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
    void fiveAgenciesCarryANewCaseFromEntrustmentToEntryAnnouncementThroughTheApiAlone() throws Exception {
        clock.setInstant(FRIDAY_BEFORE_NATIONAL_DAY.toInstant());
        String office = agencies.findByCode("CD-SO-DM").orElseThrow().id().toString();
        long pendingBefore = api.as("cd.county")
                .get("/api/v1/inbox/counts")
                .expect(200)
                .body()
                .get("pending")
                .asLong();

        // The court entrusts the assessment: the county agency owes the opinion in 10 working days, across the holiday.
        Response entrusted = api.as("cd.court.clerk")
                .post("/api/v1/assessments", entrustment())
                .expect(201);
        String caseId = entrusted.text("caseId");
        assertThat(entrusted.raw().getHeader("Location")).isEqualTo("/api/v1/cases/" + caseId);
        settle();
        JsonNode assess = api.as("cd.county").inboxLine(caseId, Steps.ASSESS);
        assertThat(assess.get("dueDate").asString()).isEqualTo("2025-10-16");
        assertThat(assess.get("status").asString()).isEqualTo("OPEN");
        assertThat(assess.get("stepName").asString()).isEqualTo("完成调查评估并提交意见");
        assertThat(assess.get("legalBasis").asString()).contains("IM 14");
        assertThat(assess.get("owingAgency").get("name").asString()).isEqualTo("城东区社区矫正管理局");
        assertThat(assess.get("counterpartyAgency").get("name").asString()).isEqualTo("城东区人民法院");
        assertThat(assess.get("caseNumber").asString()).isEqualTo(CASE_NUMBER);
        assertThat(assess.get("owedBySubject").asBoolean()).isFalse();
        assertThat(assess.get("provisional").asBoolean()).isFalse();
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox/counts")
                        .expect(200)
                        .body()
                        .get("pending")
                        .asLong())
                .as("the navigation counts the new obligation")
                .isEqualTo(pendingBefore + 1);
        JsonNode english = api.as("cd.county")
                .in("en")
                .get("/api/v1/inbox?caseId=" + caseId)
                .expect(200)
                .body()
                .get("items")
                .get(0);
        assertThat(english.get("stepName").asString()).isEqualTo("Complete the assessment and submit the opinion");
        assertThat(english.get("counterpartyAgency").get("name").asString())
                .isEqualTo("Chengdong District People's Court");
        assertThat(api.as("cd.county").items("/api/v1/handovers/awaiting"))
                .as("the entrustment letter awaits the county agency's answer")
                .anyMatch(h -> h.get("caseId").asString().equals(caseId)
                        && h.get("kind").asString().equals("ASSESSMENT_ENTRUSTMENT"));

        // The officer takes it into her own inbox.
        api.as("cd.county")
                .post("/api/v1/obligations/" + assess.get("id").asString() + "/take", null)
                .expect(200);
        assertThat(api.as("cd.county")
                        .get("/api/v1/inbox?mine=true&caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("items"))
                .singleElement()
                .satisfies(o -> assertThat(o.get("assignedToMe").asBoolean()).isTrue());

        // Three days later the county agency submits its opinion, copied to the procuratorate of its place.
        clock.advance(Duration.ofDays(3));
        Response opinion = api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/assessment-opinion", """
                    {"findings": "走访社区、家属及单位，表现良好，居所固定。", "opinion": "SUITABLE",
                     "reasons": "符合社区矫正条件", "contact": "李矫正官"}\
                    """)
                .expect(201);
        String opinionHandover = opinion.text("handoverId");
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.ASSESS)
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(copies("cd.proc")).contains(opinionHandover);

        // The court decides probation, effective today: notification and delivery in 5 and 10 days, the subject's
        // report in 10.
        int version = caseVersion("cd.court.clerk", caseId);
        Response decided = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/decision", """
                    {"version": %d, "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "2025-09-26",
                     "effectiveDate": "2025-09-29", "termStart": "2025-09-29", "termEnd": "2026-09-28", "inCustody": false}}\
                    """.formatted(version, CASE_NUMBER))
                .expect(200);
        assertThat(decided.text("status")).isEqualTo("INTAKE");
        settle();
        // 29 Sep + 5 days = 4 Oct, a holiday: the period ends on the first working day after it, 9 Oct.
        assertThat(api.as("cd.court.clerk")
                        .inboxLine(caseId, Steps.NOTIFY)
                        .get("dueDate")
                        .asString())
                .isEqualTo("2025-10-09");
        assertThat(api.as("cd.court.clerk")
                        .inboxLine(caseId, Steps.DELIVER)
                        .get("dueDate")
                        .asString())
                .isEqualTo("2025-10-09");
        JsonNode report = api.as("cd.county").inboxLine(caseId, Steps.REPORT);
        assertThat(report.get("dueDate").asString()).isEqualTo("2025-10-09");
        assertThat(report.get("owedBySubject").asBoolean())
                .as("the county agency watches the subject's step")
                .isTrue();

        // The court uploads the judgment and delivers it with the execution notice, copies to procuratorate and police.
        Response judgment = api.as("cd.court.clerk")
                .perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "刑事判决书.pdf", "application/pdf", UploadFixtures.pdf("判决书"))))
                .expect(201);
        String judgmentDocument = judgment.text("documentId");
        Response delivered = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "title": "%s刑事判决书", "documentId": "%s"},
                               {"code": "EXECUTION_NOTICE"}]}\
                    """.formatted(CASE_NUMBER, judgmentDocument))
                .expect(201);
        String bundle = delivered.text("handoverId");
        assertThat(delivered.raw().getHeader("Location")).isEqualTo("/api/v1/handovers/" + bundle);
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.DELIVER)
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.NOTIFY)
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(copies("cd.proc")).contains(bundle);
        assertThat(copies("cd.police")).contains(bundle);
        JsonNode receipt = api.as("cd.county").inboxLine(caseId, Steps.RECEIPT);
        assertThat(receipt.get("dueDate").asString())
                .as("29 Sep + 5 days ends on a holiday: 9 Oct")
                .isEqualTo("2025-10-09");
        assertThat(api.as("cd.proc")
                        .get("/api/v1/handovers/" + bundle + "/documents/" + judgmentDocument)
                        .expect(200)
                        .raw()
                        .getContentType())
                .isEqualTo("application/pdf");

        // The county agency finds the guarantee missing: the receipt clock stops and the court owes a supplement.
        api.as("cd.county")
                .post("/api/v1/handovers/" + bundle + "/rejection", """
                    {"version": %d, "problems": [{"kind": "MISSING", "code": "GUARANTEE", "note": "缺接受社区矫正保证书"}]}\
                    """.formatted(handoverVersion("cd.county", bundle)))
                .expect(200);
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.RECEIPT)
                        .get("status")
                        .asString())
                .isEqualTo("PAUSED");
        JsonNode supplement = api.as("cd.court.clerk").inboxLine(caseId, Steps.SUPPLEMENT);
        assertThat(supplement.get("dueDate").asString()).isEqualTo("2025-10-09");
        assertThat(api.as("cd.court.clerk")
                        .get("/api/v1/handovers/" + bundle)
                        .expect(200)
                        .body()
                        .get("openProblems"))
                .singleElement()
                .satisfies(p -> assertThat(p.get("code").asString()).isEqualTo("GUARANTEE"));

        // A day later the court supplies it; the county agency receipts the complete bundle.
        clock.advance(Duration.ofDays(1));
        api.as("cd.court.clerk")
                .post("/api/v1/handovers/" + bundle + "/supplement", """
                    {"version": %d, "items": [{"code": "GUARANTEE", "title": "接受社区矫正保证书"}], "note": "补送保证书"}\
                    """.formatted(
                                handoverVersion("cd.court.clerk", bundle)))
                .expect(200);
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.RECEIPT)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        Response receipted = api.as("cd.county")
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/handovers/" + bundle + "/receipt")
                        .header("If-Match", "\"" + handoverVersion("cd.county", bundle) + "\""))
                .expect(200);
        assertThat(receipted.text("status")).isEqualTo("RECEIPTED");
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.RECEIPT)
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        String receiptDocument = receipted.text("receiptDocumentId");
        assertThat(api.as("cd.proc")
                        .get("/api/v1/handovers/" + bundle + "/documents/" + receiptDocument)
                        .expect(200)
                        .raw()
                        .getHeader("Content-Disposition"))
                .startsWith("attachment");

        // The subject reports in; the county agency assigns the Dongmen office and registers.
        api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/arrival", """
                    {"version": %d}\
                    """.formatted(caseVersion("cd.county", caseId)))
                .expect(200);
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId, Steps.REPORT)
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        api.as("cd.county")
                .put("/api/v1/cases/" + caseId + "/office", """
                    {"version": %d, "officeId": "%s"}\
                    """.formatted(caseVersion("cd.county", caseId), office))
                .expect(200);
        Response registered = api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/registration", """
                    {"version": %d}\
                    """.formatted(caseVersion("cd.county", caseId)))
                .expect(200);
        assertThat(registered.text("status")).isEqualTo("UNDER_CORRECTION");
        settle();

        // The judicial office finds the entrusted steps in its inbox and carries them out.
        for (String step : List.of(Steps.TEAM, Steps.PLAN, Steps.ANNOUNCE)) {
            assertThat(api.as("cd.dm")
                            .inboxLine(caseId, step)
                            .get("owingAgency")
                            .get("name")
                            .asString())
                    .as(step)
                    .isEqualTo("东门街道司法所");
        }
        LocalDate registeredOn = LegalTime.dateOf(clock.instant());
        assertThat(LocalDate.parse(api.as("cd.dm")
                        .inboxLine(caseId, Steps.PLAN)
                        .get("dueDate")
                        .asString()))
                .as("City A: one month")
                .isAfterOrEqualTo(registeredOn.plusMonths(1));
        api.as("cd.dm")
                .put("/api/v1/cases/" + caseId + "/team", """
                    {"version": %d, "members": [
                      {"name": "赵所长", "role": "OFFICE_STAFF", "gender": "MALE", "agencyId": "%s"},
                      {"name": "钱主任", "role": "COMMITTEE", "gender": "FEMALE"}]}\
                    """.formatted(caseVersion("cd.dm", caseId), office))
                .expect(200);
        api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/plans", """
                    {"version": %d, "content": "每月到司法所报告一次，参加教育学习和公益活动，由社区网格员日常走访。"}\
                    """.formatted(caseVersion("cd.dm", caseId)))
                .expect(200);
        Response announced = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/announcement", """
                    {"version": %d, "heldAt": "%s", "place": "东门街道司法所", "attendees": "矫正小组成员、家属"}\
                    """.formatted(
                                caseVersion("cd.dm", caseId), clock.instant()))
                .expect(200);
        assertThat(announced.body().get("announcedAt").isNull()).isFalse();
        settle();

        // Every obligation of the intake is fulfilled; nothing is left in any of the five inboxes for this case.
        List<JsonNode> all = new ArrayList<>();
        api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/obligations")
                .expect(200)
                .body()
                .forEach(all::add);
        assertThat(all)
                .extracting(o -> o.get("stepId").asString())
                .contains(
                        Steps.ASSESS,
                        Steps.NOTIFY,
                        Steps.DELIVER,
                        Steps.RECEIPT,
                        Steps.SUPPLEMENT,
                        Steps.REPORT,
                        Steps.REGISTER,
                        Steps.TEAM,
                        Steps.PLAN,
                        Steps.ANNOUNCE);
        assertThat(all)
                .allSatisfy(o -> assertThat(o.get("status").asString())
                        .as(o.get("stepId").asString())
                        .isEqualTo("FULFILLED"));
        for (String user : List.of("cd.court.clerk", "cd.county", "cd.dm", "cd.proc", "cd.police")) {
            assertThat(api.as(user)
                            .get("/api/v1/inbox?caseId=" + caseId)
                            .expect(200)
                            .body()
                            .get("total")
                            .asLong())
                    .as(user)
                    .isZero();
        }

        // The procuratorate follows the case: the opinion and the legal documents came to it, the timeline shows each
        // round.
        assertThat(copies("cd.proc")).contains(opinionHandover, bundle);
        List<String> kinds = new ArrayList<>();
        api.as("cd.proc")
                .get("/api/v1/cases/" + caseId + "/timeline")
                .expect(200)
                .body()
                .forEach(t -> kinds.add(t.get("kind").asString()));
        assertThat(kinds)
                .contains("handover.delivered", "handover.rejected", "handover.supplemented", "handover.receipted");
        JsonNode asProsecutor =
                api.as("cd.proc").get("/api/v1/cases/" + caseId).expect(200).body();
        assertThat(asProsecutor.get("status").asString()).isEqualTo("UNDER_CORRECTION");
        assertThat(asProsecutor.get("participations"))
                .extracting(JsonNode::asString)
                .containsExactly("COPIED_PROCURATORATE");
        List<String> documents = new ArrayList<>();
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/documents")
                .expect(200)
                .body()
                .forEach(d -> {
                    documents.add(
                            d.get("template").isNull()
                                    ? "UPLOADED"
                                    : d.get("template").asString());
                    ids.putIfAbsent(documents.getLast(), d.get("id").asString());
                });
        // The documents name the charge, not the summary of the facts, and carry numbers in the one form.
        String letter = org.tongxin.document.PdfText.of(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/documents/" + ids.get("ENTRUSTMENT_LETTER"))
                        .expect(200)
                        .raw()
                        .getContentAsByteArray())
                .replaceAll("\\s+", "");
        assertThat(letter)
                .contains("涉嫌盗窃罪一案", "并抄送城东区人民检察院", "抄送：城东区人民检察院")
                .doesNotContain("盗窃超市商品")
                .containsPattern("城东法〔\\d{4}〕\\d+号")
                .doesNotContain("字第");
        String notice = org.tongxin.document.PdfText.of(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/documents/" + ids.get("REPORTING_NOTICE"))
                        .expect(200)
                        .raw()
                        .getContentAsByteArray())
                .replaceAll("\\s+", "");
        assertThat(notice).contains("你因犯盗窃罪一案").doesNotContain("盗窃超市商品");
        String receiptText = org.tongxin.document.PdfText.of(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/documents/" + ids.get("RECEIPT"))
                        .expect(200)
                        .raw()
                        .getContentAsByteArray())
                .replaceAll("\\s+", "");
        assertThat(receiptText).containsPattern("城东矫〔\\d{4}〕\\d+号").doesNotContain("回执CD");
        assertThat(documents)
                .contains(
                        "ENTRUSTMENT_LETTER",
                        "ASSESSMENT_OPINION",
                        "REPORTING_NOTICE",
                        "RECEIPT",
                        "ENTRY_ANNOUNCEMENT",
                        "UPLOADED");
    }

    // Helpers

    private void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("reactions to the last change completed")
                .isTrue();
    }

    private List<String> copies(String user) {
        List<String> ids = new ArrayList<>();
        api.as(user).items("/api/v1/copies").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    private int caseVersion(String user, String caseId) {
        Response response = api.as(user).get("/api/v1/cases/" + caseId).expect(200);
        assertThat(response.raw().getHeader("ETag")).isEqualTo("\"" + response.number("version") + "\"");
        return response.number("version");
    }

    private int handoverVersion(String user, String handover) {
        return api.as(user).get("/api/v1/handovers/" + handover).expect(200).number("version");
    }

    static String entrustment() {
        LocalDate birth = LocalDate.of(1988, 7, 21);
        String id = IdentityNumbers.compose("369902", birth, 36, Gender.FEMALE);
        return """
            {"subject": {"name": "周晓梅", "gender": "FEMALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                         "birthDate": "%s", "phone": "13800002222", "residenceDivision": "369902001",
                         "residenceAddress": "城东区东门街道和平路 20 号"},
             "offence": {"category": "THEFT", "details": "盗窃超市商品，价值人民币二千元。", "offenceDate": "2025-05-10", "charges": ["盗窃罪"]},
             "expedited": false, "caseNumber": "%s", "contact": "王书记员",
             "materials": [{"code": "CASE_MATERIALS", "title": "起诉书副本"}]}\
            """.formatted(id, birth, CASE_NUMBER);
    }
}
