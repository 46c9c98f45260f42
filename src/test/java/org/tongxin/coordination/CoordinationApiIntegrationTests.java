package org.tongxin.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.document.PdfText;
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
 * Joint meetings and the conflict register through the API: a conflict raised on a case reaches the coordination
 * office's inbox and the case timeline and is hidden from non-parties; a conflict about a procedure becomes an agenda
 * item of a meeting, whose notice and minutes are Chinese PDFs; the meeting's decisions land in the named agencies'
 * inboxes (about the case, or about the decision itself), are reported done, and come back for review at the next
 * meeting.
 */
@IntegrationTest
class CoordinationApiIntegrationTests {

    /** A Monday after the 2025 National Day holiday. */
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

    String agency(String code) {
        return agencies.findByCode(code).orElseThrow().id().toString();
    }

    @Test
    void aConflictOnACaseGoesToTheCoordinationOfficeAndOntoTheTimelineAndStaysHiddenFromOthers() {
        clock.setInstant(MONDAY.toInstant());
        String caseId = openCase("（2025）城东刑初941号", 871);
        settle();
        Response raised = api.as("cd.county")
                .post(
                        "/api/v1/conflicts",
                        Map.of(
                                "caseId",
                                caseId,
                                "type",
                                "COMMUNICATION",
                                "parties",
                                List.of(agency("CD-COURT")),
                                "point",
                                "法院送达的法律文书缺少判决书副本，社区矫正对象已先行报到，谁来开展工作不明确",
                                "stepId",
                                "docs.receipt"))
                .expect(201);
        String id = raised.text("id");
        assertThat(raised.text("state")).isEqualTo("RAISED");
        assertThat(raised.text("legalBasis")).as("from the policy model").isNotBlank();
        assertThat(raised.text("responseObligation")).isEqualTo("OPEN");
        assertThat(raised.text("caseNumber")).isEqualTo("（2025）城东刑初941号");

        JsonNode respond = api.as("city.coord").inboxLine(caseId, "conflict.respond");
        assertThat(respond.get("dueDate").asString()).as("three working days").isEqualTo("2025-10-23");
        assertThat(api.as("cd.court.clerk").get("/api/v1/conflicts/" + id).status())
                .as("a party")
                .isEqualTo(200);
        assertThat(api.as("city.coord").get("/api/v1/conflicts/" + id).status())
                .as("the coordination office")
                .isEqualTo(200);
        assertThat(api.as("cd.dm").get("/api/v1/conflicts/" + id).code())
                .as("not a party")
                .isEqualTo("NOT_FOUND");
        assertThat(api.as("civil.worker").get("/api/v1/conflicts/" + id).status())
                .isEqualTo(404);
        assertThat(api.as("cx.county")
                        .post("/api/v1/conflicts/search", Map.of("caseNumber", "城东刑初941"))
                        .expect(200)
                        .body()
                        .get("total")
                        .asLong())
                .as("other county: absent from search")
                .isZero();
        assertThat(api.as("cd.court.clerk")
                        .post("/api/v1/conflicts/search", Map.of("caseNumber", "城东刑初941"))
                        .expect(200)
                        .body()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .as("found by its case number")
                .isEqualTo(id);

        settle();
        assertThat(api.as("cd.county")
                        .get("/api/v1/cases/" + caseId + "/timeline")
                        .expect(200)
                        .body()
                        .toString())
                .contains("coordination.conflict-raised");

        int version = raised.number("version");
        api.as("cd.county")
                .post("/api/v1/conflicts/" + id + "/response", Map.of("version", version, "response", "已联系法院补送"))
                .expect(403);
        api.as("city.coord")
                .post(
                        "/api/v1/conflicts/" + id + "/response",
                        Map.of("version", version + 1, "response", "已联系城东区人民法院补送判决书"))
                .expect(409);
        Response tooShort = api.as("city.coord")
                .in("en")
                .post("/api/v1/conflicts/" + id + "/response", Map.of("version", version, "response", "好"))
                .expect(400);
        assertThat(tooShort.body().get("errors").get(0).get("field").asString()).isEqualTo("response");
        Response answered = api.as("city.coord")
                .post(
                        "/api/v1/conflicts/" + id + "/response",
                        Map.of("version", version, "response", "已联系城东区人民法院补送判决书，在补齐前由县级社区矫正机构先行接收"))
                .expect(200);
        assertThat(answered.text("state")).isEqualTo("RESPONDED");
        assertThat(answered.text("responseObligation")).isEqualTo("FULFILLED");
    }

    @Test
    void aMeetingDecidesAndTheNamedAgenciesCarryItOutThenTheNextMeetingReviewsIt() {
        clock.setInstant(MONDAY.toInstant());
        String caseId = openCase("（2025）城东刑初942号", 872);
        settle();
        // A conflict about a procedure, without a case: the coordination office owes its response about the conflict.
        Response conflict = api.as("cd.county")
                .post(
                        "/api/v1/conflicts",
                        Map.of(
                                "type",
                                "CAPACITY",
                                "parties",
                                List.of(agency("A-CIVIL"), agency("A-HRSS")),
                                "point",
                                "失业社区矫正对象的职业培训和低保救助，人社与民政互相推诿"))
                .expect(201);
        String conflictId = conflict.text("id");
        JsonNode line = api.as("city.coord").items("/api/v1/inbox?step=conflict.respond").stream()
                .filter(o -> conflictId.equals(o.get("matterId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("matterKind").asString()).isEqualTo("CONFLICT");
        assertThat(line.get("caseId").isNull()).isTrue();

        api.as("cd.county")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "就业救助衔接",
                                "scheduledAt",
                                "2025-10-20T14:00",
                                "place",
                                "A市司法局三楼会议室",
                                "attendees",
                                List.of(agency("A-HRSS")),
                                "agenda",
                                List.of(Map.of("kind", "TOPIC", "topic", "议题"))))
                .expect(403);
        Response badMeeting = api.as("city.coord")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "就业救助衔接",
                                "scheduledAt",
                                "2025-10-19T14:00",
                                "place",
                                "会",
                                "attendees",
                                List.of(),
                                "agenda",
                                List.of()))
                .expect(400);
        assertThat(badMeeting.body().get("errors").findValuesAsString("field"))
                .contains("scheduledAt", "place", "attendees", "agenda");

        Response convened = api.as("city.coord")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "失业社区矫正对象就业和救助衔接",
                                "scheduledAt",
                                "2025-10-20T14:00",
                                "place",
                                "A市司法局三楼会议室",
                                "attendees",
                                List.of(agency("CD-CCA")),
                                "agenda",
                                List.of(
                                        Map.of("kind", "TOPIC", "topic", "社区矫正对象就业安置情况通报"),
                                        Map.of("kind", "CONFLICT", "conflictId", conflictId))))
                .expect(201);
        String meetingId = convened.text("id");
        assertThat(convened.body().get("attendees").findValuesAsString("name"))
                .as("the conflict's parties are invited")
                .contains("A市民政局", "A市人力资源和社会保障局", "城东区社区矫正管理局");
        assertThat(api.as("cd.county")
                        .get("/api/v1/conflicts/" + conflictId)
                        .expect(200)
                        .text("state"))
                .isEqualTo("ESCALATED");
        assertThat(ids(api.as("civil.worker").items("/api/v1/meetings"))).contains(meetingId);
        assertThat(ids(api.as("cd.dm").items("/api/v1/meetings"))).doesNotContain(meetingId);
        api.as("cd.dm").get("/api/v1/meetings/" + meetingId).expect(404);

        Response notice = api.as("civil.worker")
                .get("/api/v1/meetings/" + meetingId + "/notice")
                .expect(200);
        assertThat(notice.raw().getContentType()).isEqualTo("application/pdf");
        assertThat(PdfText.of(notice.raw().getContentAsByteArray()).replaceAll("\\s+", ""))
                .contains("联席会议通知", "失业社区矫正对象就业和救助衔接", "A市民政局", "协调冲突：工作能力类");
        // Issued with its number from the office's sequence of the year, centred right under the title, the same every
        // time.
        String noticeNumber = numberUnderTitle(notice.raw().getContentAsByteArray(), "联席会议通知");
        assertThat(noticeNumber).matches("A市矫委〔2025〕\\d+号");
        assertThat(numberUnderTitle(
                        api.as("city.coord")
                                .get("/api/v1/meetings/" + meetingId + "/notice")
                                .expect(200)
                                .raw()
                                .getContentAsByteArray(),
                        "联席会议通知"))
                .as("rendered again")
                .isEqualTo(noticeNumber);

        int version = convened.number("version");
        assertThat(api.as("city.coord")
                        .post(
                                "/api/v1/meetings/" + meetingId + "/minutes",
                                Map.of("version", version, "minutes", "会议纪要内容"))
                        .expect(422)
                        .code())
                .isEqualTo("MEETING_NOT_YET_HELD");
        clock.setInstant(MONDAY.plusHours(8).toInstant());
        Response held = api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + meetingId + "/minutes",
                        Map.of("version", version, "minutes", "会议听取了城东区社区矫正管理局的情况介绍，民政、人社部门分别说明了各自政策，议定如下。"))
                .expect(200);
        assertThat(held.text("status")).isEqualTo("HELD");
        version = held.number("version");

        Response civil = api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + meetingId + "/decisions",
                        Map.of("version", version, "text", "审核该社区矫正对象的最低生活保障申请", "agencyId", agency("A-CIVIL")))
                .expect(201);
        assertThat(civil.text("dueDate"))
                .as("20 working days after the meeting")
                .isEqualTo("2025-11-17");
        assertThat(civil.text("obligationStatus"))
                .as("the meeting's coordination office sees it")
                .isEqualTo("OPEN");
        version = api.as("city.coord")
                .get("/api/v1/meetings/" + meetingId)
                .expect(200)
                .number("version");
        Response saturday = api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + meetingId + "/decisions",
                        Map.of(
                                "version",
                                version,
                                "text",
                                "安排职业技能培训",
                                "agencyId",
                                agency("A-HRSS"),
                                "dueDate",
                                "2025-11-01"))
                .expect(400);
        assertThat(saturday.body().get("errors").get(0).get("code").asString()).isEqualTo("dueDateNotWorkingDay");
        Response notParty = api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + meetingId + "/decisions",
                        Map.of("version", version, "text", "安排职业技能培训", "agencyId", agency("A-HRSS"), "caseId", caseId))
                .expect(400);
        assertThat(notParty.body().get("errors").get(0).get("code").asString()).isEqualTo("caseNotVisible");
        Response county = api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + meetingId + "/decisions",
                        Map.of(
                                "version",
                                version,
                                "text",
                                "向民政、人社部门提供该对象的就业困难情况说明",
                                "agencyId",
                                agency("CD-CCA"),
                                "dueDate",
                                "2025-11-03"))
                .expect(201);
        assertThat(county.text("dueDate")).isEqualTo("2025-11-03");

        String civilId = civil.text("id");
        JsonNode civilLine = api.as("civil.worker").items("/api/v1/inbox?step=meeting.decision").stream()
                .filter(o -> civilId.equals(o.get("matterId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(civilLine.get("matterKind").asString()).isEqualTo("MEETING_DECISION");
        assertThat(civilLine.get("dueDate").asString()).isEqualTo("2025-11-17");

        api.as("hrss.worker")
                .post("/api/v1/decisions/" + civilId + "/done", Map.of("version", 0, "note", "已办理"))
                .expect(403);
        api.as("cd.dm")
                .post("/api/v1/decisions/" + civilId + "/done", Map.of("version", 0, "note", "已办理"))
                .expect(404);
        clock.setInstant(MONDAY.plusDays(3).toInstant());
        Response done = api.as("civil.worker")
                .post("/api/v1/decisions/" + civilId + "/done", Map.of("version", 0, "note", "已受理低保申请并完成入户核查"))
                .expect(200);
        assertThat(done.body().get("done").asBoolean()).isTrue();
        assertThat(done.body().get("late").asBoolean()).isFalse();
        assertThat(done.text("obligationStatus")).isEqualTo("FULFILLED");
        assertThat(api.as("civil.worker")
                        .post("/api/v1/decisions/" + civilId + "/done", Map.of("version", 1, "note", "再次报告"))
                        .expect(409)
                        .code())
                .isEqualTo("DECISION_DONE");

        Response minutes = api.as("city.coord")
                .get("/api/v1/meetings/" + meetingId + "/minutes")
                .expect(200);
        assertThat(PdfText.of(minutes.raw().getContentAsByteArray()).replaceAll("\\s+", ""))
                .contains("联席会议纪要", "审核该社区矫正对象的最低生活保障申请", "A市民政局");
        String minutesNumber = numberUnderTitle(minutes.raw().getContentAsByteArray(), "联席会议纪要");
        assertThat(minutesNumber).matches("A市矫委〔2025〕\\d+号").isNotEqualTo(noticeNumber);
        assertThat(Integer.parseInt(minutesNumber.replaceAll(".*〕(\\d+)号", "$1")))
                .as("given after the notice's, from the same sequence")
                .isGreaterThan(Integer.parseInt(noticeNumber.replaceAll(".*〕(\\d+)号", "$1")));
        assertThat(numberUnderTitle(
                        api.as("civil.worker")
                                .get("/api/v1/meetings/" + meetingId + "/minutes")
                                .expect(200)
                                .raw()
                                .getContentAsByteArray(),
                        "联席会议纪要"))
                .as("rendered again, for another reader")
                .isEqualTo(minutesNumber);

        version = api.as("city.coord")
                .get("/api/v1/meetings/" + meetingId)
                .expect(200)
                .number("version");
        assertThat(api.as("city.coord")
                        .post("/api/v1/meetings/" + meetingId + "/closure", Map.of("version", version))
                        .expect(200)
                        .text("status"))
                .isEqualTo("CLOSED");

        // The next meeting reviews both: the county's still open, civil affairs' done this week.
        Response next = api.as("city.coord")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "第四季度联席会议",
                                "scheduledAt",
                                "2025-10-30T09:30",
                                "place",
                                "A市司法局三楼会议室",
                                "attendees",
                                List.of(agency("A-CIVIL")),
                                "agenda",
                                List.of(Map.of("kind", "TOPIC", "topic", "年度工作总结"))))
                .expect(201);
        List<String> reviewed = new ArrayList<>();
        next.body().get("agenda").forEach(i -> {
            if ("REVIEW".equals(i.get("kind").asString())) {
                reviewed.add(i.get("decisionId").asString());
            }
        });
        assertThat(reviewed).contains(civilId, county.text("id"));
        int nextVersion = next.number("version");
        api.as("city.coord")
                .post(
                        "/api/v1/meetings/" + next.text("id") + "/cancellation",
                        Map.of("version", nextVersion, "reason", "改期召开"))
                .expect(200);

        Response resolved = api.as("city.coord")
                .post(
                        "/api/v1/conflicts/" + conflictId + "/resolution",
                        Map.of(
                                "version",
                                        api.as("city.coord")
                                                .get("/api/v1/conflicts/" + conflictId)
                                                .expect(200)
                                                .number("version"),
                                "resolution", "联席会议明确：人社部门负责职业培训，民政部门负责低保审核，县级机构提供情况说明",
                                "lessons", "救助类转介应当在转介时写明牵头部门和配合部门"))
                .expect(200);
        assertThat(resolved.text("state")).isEqualTo("RESOLVED");
        JsonNode found = api.as("civil.worker")
                .post("/api/v1/conflicts/search", Map.of("text", "互相推诿", "type", "CAPACITY"))
                .expect(200)
                .body();
        assertThat(ids(toList(found.get("items")))).contains(conflictId);
    }

    @Test
    void minutesAndTheirDecisionsAreRecordedTogetherOrNotAtAll() {
        clock.setInstant(MONDAY.toInstant());
        Response convened = api.as("city.coord")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "社区矫正对象教育帮扶协调会",
                                "scheduledAt",
                                "2025-10-20T09:00",
                                "place",
                                "A市教育局会议室",
                                "attendees",
                                List.of(agency("A-EDU")),
                                "agenda",
                                List.of(Map.of("kind", "TOPIC", "topic", "未成年社区矫正对象复学"))))
                .expect(201);
        String path = "/api/v1/meetings/" + convened.text("id") + "/minutes";
        int version = convened.number("version");
        Response refused = api.as("city.coord")
                .post(
                        path,
                        Map.of(
                                "version",
                                version,
                                "minutes",
                                "会议研究了未成年社区矫正对象的复学安排。",
                                "decisions",
                                List.of(
                                        Map.of("text", "协调学校接收复学", "agencyId", agency("A-EDU")),
                                        Map.of("text", "提供复学所需的情况说明"))))
                .expect(400);
        assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("decisions[1].agencyId");
        assertThat(api.as("city.coord")
                        .get("/api/v1/meetings/" + convened.text("id"))
                        .expect(200)
                        .text("status"))
                .as("nothing saved")
                .isEqualTo("CONVENED");
        assertThat(api.as("edu.worker").items("/api/v1/inbox?step=meeting.decision"))
                .isEmpty();

        Response held = api.as("city.coord")
                .post(
                        path,
                        Map.of(
                                "version",
                                version,
                                "minutes",
                                "会议研究了未成年社区矫正对象的复学安排。",
                                "decisions",
                                List.of(
                                        Map.of(
                                                "text",
                                                "协调学校接收复学",
                                                "agencyId",
                                                agency("A-EDU"),
                                                "dueDate",
                                                "2025-10-31"),
                                        Map.of("text", "提供复学所需的情况说明", "agencyId", agency("CD-CCA")))))
                .expect(200);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.body().get("decisions")).hasSize(2);
        assertThat(held.body().get("decisions").get(0).get("dueDate").asString())
                .isEqualTo("2025-10-31");
        assertThat(api.as("edu.worker").items("/api/v1/inbox?step=meeting.decision"))
                .extracting(o -> o.get("dueDate").asString())
                .contains("2025-10-31");
    }

    @Test
    void aMeetingsCourseAnswersTheStatusFirstThenTheVersionThenWhatWasTyped() {
        clock.setInstant(MONDAY.toInstant());
        Response convened = api.as("city.coord")
                .post(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "失联人员查找协调会",
                                "scheduledAt",
                                "2025-10-20T10:00",
                                "place",
                                "A市司法局二楼会议室",
                                "attendees",
                                List.of(agency("CD-CCA")),
                                "agenda",
                                List.of(Map.of("kind", "TOPIC", "topic", "失联人员查找分工"))))
                .expect(201);
        String meeting = "/api/v1/meetings/" + convened.text("id");
        int read = convened.number("version");

        // A conflict taken onto the convened meeting's agenda: listed last, its parties invited, the meeting's version
        // moved.
        String conflictId = api.as("cd.county")
                .post(
                        "/api/v1/conflicts",
                        Map.of(
                                "type",
                                "RESPONSIBILITY",
                                "parties",
                                List.of(agency("CD-PSB")),
                                "point",
                                "失联人员查找由谁牵头，双方意见不一"))
                .expect(201)
                .text("id");
        int conflictVersion = api.as("city.coord")
                .get("/api/v1/conflicts/" + conflictId)
                .expect(200)
                .number("version");
        api.as("city.coord")
                .post(
                        "/api/v1/conflicts/" + conflictId + "/escalation",
                        Map.of("version", conflictVersion, "note", "需提交联席会议研究", "meetingId", convened.text("id")))
                .expect(200);
        Response onAgenda = api.as("city.coord").get(meeting).expect(200);
        List<JsonNode> agenda = toList(onAgenda.body().get("agenda"));
        assertThat(agenda)
                .hasSize(convened.body().get("agenda").size() + 1)
                .last()
                .satisfies(i -> {
                    assertThat(i.get("kind").asString()).isEqualTo("CONFLICT");
                    assertThat(i.get("conflictId").asString()).isEqualTo(conflictId);
                    assertThat(i.get("position").asInt()).isEqualTo(agenda.size());
                });
        assertThat(onAgenda.body().get("attendees").findValuesAsString("name")).contains("A市公安局城东区分局");
        assertThat(onAgenda.number("version")).isEqualTo(read + 1);
        assertThat(api.as("cd.police").get(meeting).expect(200).text("id"))
                .as("an invited party sees it")
                .isEqualTo(convened.text("id"));

        // The form read before the conflict came is stale; a bad reason on a stale form is still the stale form.
        assertThat(api.as("city.coord")
                        .post(meeting + "/cancellation", Map.of("version", read, "reason", "改期"))
                        .expect(409)
                        .code())
                .isEqualTo("STALE_VERSION");
        int version = onAgenda.number("version");
        assertThat(api.as("city.coord")
                        .post(meeting + "/cancellation", Map.of("version", version, "reason", " "))
                        .expect(400)
                        .body()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("reason");
        assertThat(api.as("city.coord")
                        .post(meeting + "/closure", Map.of("version", version))
                        .expect(409)
                        .code())
                .isEqualTo("MEETING_NOT_HELD");
        assertThat(api.as("city.coord")
                        .post(meeting + "/decisions", Map.of("version", version, "text", ""))
                        .expect(409)
                        .code())
                .as("the status before what was typed")
                .isEqualTo("MEETING_NOT_HELD");

        clock.setInstant(MONDAY.toInstant().plus(Duration.ofHours(3)));
        Response held = api.as("city.coord")
                .post(meeting + "/minutes", Map.of("version", version, "minutes", "会议明确由公安机关牵头查找失联人员。"))
                .expect(200);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.text("heldAt")).as("held at its time").isEqualTo(convened.text("scheduledAt"));
        version = held.number("version");
        Response amended = api.as("city.coord")
                .post(meeting + "/minutes", Map.of("version", version, "minutes", "会议明确由公安机关牵头查找失联人员，司法行政机关配合。"))
                .expect(200);
        assertThat(amended.text("status")).isEqualTo("HELD");
        assertThat(amended.text("minutes")).isEqualTo("会议明确由公安机关牵头查找失联人员，司法行政机关配合。");
        assertThat(api.as("city.coord")
                        .post(meeting + "/minutes", Map.of("version", version, "minutes", "又一次修改纪要内容"))
                        .expect(409)
                        .code())
                .as("the amendment moved the version")
                .isEqualTo("STALE_VERSION");
        assertThat(api.as("city.coord")
                        .post(meeting + "/cancellation", Map.of("version", amended.number("version"), "reason", ""))
                        .expect(409)
                        .code())
                .as("a held meeting is not cancelled, whatever the reason")
                .isEqualTo("MEETING_NOT_CONVENED");

        Response decision = api.as("city.coord")
                .post(
                        meeting + "/decisions",
                        Map.of(
                                "version",
                                amended.number("version"),
                                "text",
                                "公安机关指定查找联络人",
                                "agencyId",
                                agency("CD-PSB"),
                                "dueDate",
                                "2025-10-31"))
                .expect(201);
        String path = "/api/v1/decisions/" + decision.text("id");
        assertThat(api.as("cd.county")
                        .post(path + "/done", Map.of("version", 0, "note", "代为报告"))
                        .expect(403)
                        .code())
                .isEqualTo("DECISION_NOT_YOURS");
        Response closed = api.as("city.coord")
                .post(
                        meeting + "/closure",
                        Map.of(
                                "version",
                                api.as("city.coord").get(meeting).expect(200).number("version")))
                .expect(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(api.as("city.coord")
                        .post(meeting + "/closure", Map.of("version", closed.number("version")))
                        .expect(409)
                        .code())
                .isEqualTo("MEETING_NOT_HELD");
        assertThat(api.as("city.coord")
                        .post(meeting + "/minutes", Map.of("version", closed.number("version"), "minutes", "关闭后补记"))
                        .expect(409)
                        .code())
                .isEqualTo("MEETING_NOT_CONVENED");

        // The decision outlives the closed meeting: the named agency reports it, once, under the decision's version.
        assertThat(api.as("cd.police")
                        .post(path + "/done", Map.of("version", 1, "note", "已指定联络人"))
                        .expect(409)
                        .code())
                .isEqualTo("STALE_VERSION");
        Response done = api.as("cd.police")
                .post(path + "/done", Map.of("version", 0, "note", "已指定刑侦大队民警为联络人"))
                .expect(200);
        assertThat(done.body().get("done").asBoolean()).isTrue();
        assertThat(done.body().get("late").asBoolean()).isFalse();
        assertThat(done.number("version")).isEqualTo(1);
        assertThat(api.as("cd.police")
                        .post(path + "/done", Map.of("version", 0, "note", ""))
                        .expect(409)
                        .code())
                .as("done before anything else")
                .isEqualTo("DECISION_DONE");
    }

    // Helpers

    private String openCase(String caseNumber, int sequence) {
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1984, 4, 4);
        return api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "郑立新", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
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

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<String> ids(List<JsonNode> items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    /** The document number: the line right under the title, centred (GB/T 9704), read from the PDF's text positions. */
    static String numberUnderTitle(byte[] pdf, String title) {
        org.tongxin.document.PdfLayout layout = org.tongxin.document.PdfLayout.of(pdf);
        org.tongxin.document.PdfLayout.Line titleLine = layout.line(title);
        org.tongxin.document.PdfLayout.Line number =
                layout.lines().stream().filter(titleLine::above).findFirst().orElseThrow();
        assertThat(number.centred()).as("number centred: %s", number).isTrue();
        assertThat(number.text()).doesNotContain("　　号");
        return number.text();
    }
}
