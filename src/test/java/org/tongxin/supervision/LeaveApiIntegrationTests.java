package org.tongxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
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
import org.tongxin.document.PdfText;
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
 * Leave through {@code /api/v1} as the City A demo's officers (City A entrusts its judicial offices with up to 7 days):
 * the office's approval with its notice PDF, the return watched on the ledger as the subject's step, an overdue return
 * and its follow-up, an extension decided at the level of the new length, the agency one level up for a long leave, and
 * coded refusals that change nothing.
 */
@IntegrationTest
class LeaveApiIntegrationTests {

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

    CaseId caseInDongmen(String name) {
        CaseId id = fixtures.underCorrection(fixtures.adult(name, Gender.MALE));
        fixtures.assignDongmen(id);
        return id;
    }

    static Map<String, Object> leave(String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SINGLE");
        body.put("destination", "广东省广州市越秀区");
        body.put("reason", "探望住院的母亲");
        body.put("departOn", from);
        body.put("returnOn", to);
        return body;
    }

    @Test
    void theEntrustedOfficeApprovesAShortLeaveAndTheReturnIsWatchedAsTheSubjectsStep() {
        CaseId caseId = caseInDongmen("韩立新");
        Response made = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", leave("2026-03-06", "2026-03-10"))
                .expect(201);
        String id = made.text("id");
        assertThat(made.text("status")).isEqualTo("REQUESTED");
        assertThat(made.text("approver")).isEqualTo("JUDICIAL_OFFICE");
        assertThat(made.number("days")).isEqualTo(5);
        assertThat(made.body().get("lateApplication").asBoolean()).isFalse();
        assertThat(made.body().get("approvingAgency").get("id").asString())
                .isEqualTo(fixtures.agency("CD-SO-DM").toString());
        settle();
        assertThat(api.as("cd.dm.head").inboxLine(caseId.toString(), "leave.approve"))
                .isNotNull();
        assertThat(api.as("cd.dm.head").get("/api/v1/leaves").expect(200).body().toString())
                .contains(id);

        // Another office of the county finds nothing; the decision organ has a role in the case but not in its leave.
        assertThat(api.as("cd.nh").get("/api/v1/leaves/" + id).expect(404).code())
                .isNotBlank();
        assertThat(api.as("cd.court.clerk")
                        .get("/api/v1/leaves/" + id)
                        .expect(403)
                        .code())
                .isEqualTo("NOT_SUPERVISING_AGENCY");

        Response approved = api.as("cd.dm.head")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version")))
                .expect(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.body().get("notice").asBoolean()).isTrue();
        settle();
        Response pdf =
                api.as("cd.county").get("/api/v1/leaves/" + id + "/notice").expect(200);
        assertThat(pdf.raw().getContentType()).isEqualTo("application/pdf");
        assertThat(PdfText.of(pdf.raw().getContentAsByteArray())).contains("社区矫正对象外出审批通知书", "韩立新", "广东省广州市越秀区");
        assertThat(api.as("cd.dm")
                        .obligation(caseId.toString(), "leave.approve")
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        JsonNode back = api.as("cd.county").obligation(caseId.toString(), "leave.return");
        assertThat(back.get("status").asString()).isEqualTo("OPEN");

        // Back on the last day: the return is fulfilled on time.
        clock.setInstant(MONDAY.plusDays(8).toInstant());
        Response returned = api.as("cd.dm")
                .post(
                        "/api/v1/leaves/" + id + "/return",
                        Map.of("version", approved.number("version"), "returnedOn", "2026-03-10"))
                .expect(200);
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId.toString(), "leave.return")
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/timeline")
                        .expect(200)
                        .body()
                        .toString())
                .contains("批准外出")
                .doesNotContain("广州");
    }

    @Test
    void aReturnOverdueTurnsTheLeaveAndOpensTheOfficesFollowUpUntilTheSubjectIsBack() {
        CaseId caseId = caseInDongmen("郑国强");
        Response made = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", leave("2026-03-03", "2026-03-04"))
                .expect(201);
        String id = made.text("id");
        assertThat(made.body().get("lateApplication").asBoolean())
                .as("one day ahead of three")
                .isTrue();
        Response approved = api.as("cd.county")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version")))
                .expect(200);
        settle();

        clock.setInstant(MONDAY.plusDays(3).toInstant());
        ledgerClock.scanNow();
        settle();
        Response overdue = api.as("cd.dm").get("/api/v1/leaves/" + id).expect(200);
        assertThat(overdue.text("status")).isEqualTo("RETURN_OVERDUE");
        JsonNode followUp = api.as("cd.dm").inboxLine(caseId.toString(), "supervise.verify");
        assertThat(followUp.get("dueDate").asString()).isEqualTo("2026-03-06");

        Response late = api.as("cd.dm")
                .post(
                        "/api/v1/leaves/" + id + "/return",
                        Map.of("version", overdue.number("version"), "returnedOn", "2026-03-05"))
                .expect(200);
        assertThat(late.text("status")).isEqualTo("RETURNED");
        settle();
        assertThat(api.as("cd.county")
                        .obligation(caseId.toString(), "leave.return")
                        .get("status")
                        .asString())
                .isEqualTo("FULFILLED_LATE");
        assertThat(approved.number("version")).isLessThan(late.number("version"));
    }

    @Test
    void anExtensionBeyondTheOfficesSevenDaysGoesToTheCountyAgency() {
        CaseId caseId = caseInDongmen("邓文华");
        Response made = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", leave("2026-03-06", "2026-03-10"))
                .expect(201);
        String id = made.text("id");
        Response approved = api.as("cd.dm.head")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version")))
                .expect(200);
        Response asked = api.as("cd.dm")
                .post(
                        "/api/v1/leaves/" + id + "/extension",
                        Map.of("version", approved.number("version"), "returnOn", "2026-03-14", "reason", "母亲需手术，继续陪护"))
                .expect(200);
        assertThat(asked.text("status")).isEqualTo("EXTENSION_REQUESTED");
        assertThat(asked.text("extensionApprover")).isEqualTo("COUNTY_AGENCY");
        assertThat(api.as("cd.dm.head")
                        .post("/api/v1/leaves/" + id + "/approval", Map.of("version", asked.number("version")))
                        .expect(403)
                        .code())
                .isEqualTo("NOT_LEAVE_APPROVER");
        Response extended = api.as("cd.county")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", asked.number("version")))
                .expect(200);
        assertThat(extended.text("status")).isEqualTo("APPROVED");
        assertThat(extended.text("returnOn")).isEqualTo("2026-03-14");
        settle();
        // The return now falls due at the end of the new last day; the old one lapsed.
        java.util.List<String> returns = new java.util.ArrayList<>();
        for (JsonNode o : api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/obligations")
                .expect(200)
                .body()) {
            if (o.get("stepId").asString().equals("leave.return")) {
                returns.add(o.get("status").asString() + " " + o.get("dueAt").asString());
            }
        }
        assertThat(returns).containsExactlyInAnyOrder("WAIVED 2026-03-10T16:00:00Z", "OPEN 2026-03-14T16:00:00Z");
    }

    @Test
    void aLeaveOverThirtyDaysIsForTheAgencyOneLevelUpWhichGainsTheCase() {
        CaseId caseId = caseInDongmen("孔德明");
        Response made = api.as("cd.county")
                .post("/api/v1/cases/" + caseId + "/leaves", leave("2026-03-09", "2026-04-20"))
                .expect(201);
        String id = made.text("id");
        assertThat(made.text("approver")).isEqualTo("SUPERIOR_AGENCY");
        assertThat(api.as("cd.county.head")
                        .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version")))
                        .expect(403)
                        .code())
                .isEqualTo("NOT_LEAVE_APPROVER");
        Response approved = api.as("city.cca")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version")))
                .expect(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        Response pdf =
                api.as("city.cca").get("/api/v1/leaves/" + id + "/notice").expect(200);
        assertThat(PdfText.of(pdf.raw().getContentAsByteArray())).contains("上一级社区矫正机构", "抄送");
    }

    @Test
    void badInputAndStaleVersionsAreRefusedWithCodesAndChangeNothing() {
        CaseId caseId = caseInDongmen("魏志远");
        Response bad = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", Map.of("kind", "SINGLE", "departOn", "2026-03-01"))
                .expect(400);
        assertThat(bad.body().get("errors").toString()).contains("destination", "reason", "departOn", "returnOn");
        api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", Map.of("kind", "SOMETIMES"))
                .expect(400);
        Response tooLong = api.as("cd.dm")
                .post(
                        "/api/v1/cases/" + caseId + "/leaves",
                        Map.of(
                                "kind",
                                "FREQUENT",
                                "destination",
                                "邻市工地",
                                "reason",
                                "在邻市务工需经常往返",
                                "departOn",
                                "2026-03-06",
                                "returnOn",
                                "2026-10-01"))
                .expect(422);
        assertThat(tooLong.code()).isEqualTo("LEAVE_FREQUENT_TOO_LONG");
        assertThat(api.as("cd.dm")
                        .get("/api/v1/cases/" + caseId + "/leaves")
                        .expect(200)
                        .body())
                .isEmpty();

        Response made = api.as("cd.dm")
                .post("/api/v1/cases/" + caseId + "/leaves", leave("2026-03-06", "2026-03-07"))
                .expect(201);
        String id = made.text("id");
        Response noReason = api.as("cd.dm.head")
                .post("/api/v1/leaves/" + id + "/refusal", Map.of("version", made.number("version")))
                .expect(400);
        assertThat(noReason.body().get("errors").toString()).contains("reason");
        api.as("cd.dm.head")
                .post("/api/v1/leaves/" + id + "/approval", Map.of("version", made.number("version") + 5))
                .expect(409);
        Response notAway = api.as("cd.dm")
                .post(
                        "/api/v1/leaves/" + id + "/return",
                        Map.of("version", made.number("version"), "returnedOn", "2026-03-02"))
                .expect(400);
        assertThat(notAway.body().get("errors").toString()).contains("returnedOn");
        Response refused = api.as("cd.dm.head")
                .post(
                        "/api/v1/leaves/" + id + "/refusal",
                        Map.of("version", made.number("version"), "reason", "正处于严管期，外出理由不充分"))
                .expect(200);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(refused.text("refusalReason")).isEqualTo("正处于严管期，外出理由不充分");
        assertThat(api.as("cd.dm.head")
                        .post("/api/v1/leaves/" + id + "/approval", Map.of("version", refused.number("version")))
                        .expect(403)
                        .code())
                .as("nothing pending: nobody decides it")
                .isEqualTo("NOT_LEAVE_APPROVER");
        assertThat(api.as("cd.dm")
                        .in("en")
                        .post(
                                "/api/v1/leaves/" + id + "/return",
                                Map.of("version", refused.number("version"), "returnedOn", "2026-03-02"))
                        .expect(400)
                        .body()
                        .toString())
                .contains("returnedOn");
    }

    private void settle() {
        events.awaitAll(Duration.ofSeconds(10));
    }
}
