package org.tongxin.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
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
 * Assistance referrals through {@code /api/v1} as the demo's officers and caseworkers: the whole journey with its
 * deadlines on the ledger, a decline with (and without) a reason, the subject's fields each kind of department sees
 * (doc/security-requirements.md S8), the waiting list behind the declared places, and who finds a referral at all.
 */
@IntegrationTest
class ReferralApiIntegrationTests {

    /** Monday 15 September 2025, 10:00 in China: an ordinary working week. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2025, 9, 15, 10, 0, 0, 0, LegalTime.ZONE);

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
    AgencyManagement agencyManagement;

    @Autowired
    CaseManagement management;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    CaseFixtures fixtures;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc, actors, json);
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCountyRefersCivilAffairsAcceptsContactsReportsAndCompletesWithEveryDeadlineOnTheLedger() {
        clock.setInstant(MONDAY.toInstant());
        CaseId caseId = fixtures.underCorrection(fixtures.adult("赵建军", Gender.MALE));
        String civil = code("A-CIVIL");

        Response made = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of(
                                "service",
                                "SUBSISTENCE_ALLOWANCE",
                                "toAgencyId",
                                civil,
                                "note",
                                "对象失业半年，家庭无固定收入，请审核最低生活保障。"))
                .expect(201);
        String id = made.text("id");
        assertThat(made.raw().getHeader("Location")).isEqualTo("/api/v1/referrals/" + id);
        assertThat(made.text("status")).isEqualTo("DELIVERED");
        assertThat(made.body().get("letterDocumentId").isNull()).isFalse();
        settle();

        // The answer is owed by civil affairs to the county agency: 5 working days from Monday 15 September.
        JsonNode answer = api.as("civil.worker").inboxLine(caseId.toString(), "assist.answer");
        assertThat(answer.get("dueDate").asString()).isEqualTo("2025-09-22");
        assertThat(deadline(api.as("cd.county").get("/api/v1/referrals/" + id).expect(200), "assist.answer")
                        .get("owingAgencyId")
                        .asString())
                .isEqualTo(civil);
        Response letter = api.as("civil.worker")
                .get("/api/v1/referrals/" + id + "/letter")
                .expect(200);
        assertThat(letter.raw().getContentType()).isEqualTo("application/pdf");

        clock.setInstant(MONDAY.plusDays(2).toInstant());
        Response accepted = api.as("civil.worker")
                .post("/api/v1/referrals/" + id + "/acceptance", Map.of("version", made.number("version")))
                .expect(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(deadline(accepted, "assist.answer").get("status").asString()).isEqualTo("FULFILLED");
        // First contact: 10 working days from the acceptance on Wednesday 17 September (Sunday 28 September is worked).
        assertThat(deadline(accepted, "assist.contact").get("dueDate").asString())
                .isEqualTo("2025-09-30");
        assertThat(deadline(accepted, "assist.progress").get("status").asString())
                .isEqualTo("OPEN");

        Response contacted = api.as("civil.worker")
                .post(
                        "/api/v1/referrals/" + id + "/contact",
                        Map.of("version", accepted.number("version"), "note", "电话联系对象，约定下周入户核查。"))
                .expect(200);
        assertThat(contacted.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(deadline(contacted, "assist.contact").get("status").asString())
                .isEqualTo("FULFILLED");

        clock.setInstant(MONDAY.plusDays(20).toInstant());
        Response noted = api.as("civil.worker")
                .post(
                        "/api/v1/referrals/" + id + "/progress-notes",
                        Map.of("version", contacted.number("version"), "note", "已入户核查，低保申请材料已受理。"))
                .expect(200);
        List<JsonNode> progress = deadlines(noted, "assist.progress");
        assertThat(progress).extracting(p -> p.get("status").asString()).containsExactly("FULFILLED", "OPEN");
        assertThat(noted.number("progressNotes")).isEqualTo(1);

        Response completed = api.as("civil.worker")
                .post(
                        "/api/v1/referrals/" + id + "/completion",
                        Map.of("version", noted.number("version"), "delivered", true, "note", "低保已批准，自十月起按月发放。"))
                .expect(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(completed.body().get("delivered").asBoolean()).isTrue();
        assertThat(deadlines(completed, "assist.progress"))
                .extracting(p -> p.get("status").asString())
                .containsExactly("FULFILLED", "WAIVED");
        assertThat(api.as("civil.worker")
                        .get("/api/v1/inbox?caseId=" + caseId)
                        .expect(200)
                        .body()
                        .get("items"))
                .isEmpty();

        // The referral is on the case timeline for the referring agency; the department, its task done, no longer sees
        // the case at all. The referring agency reads the notes and the outcome.
        JsonNode timeline = api.as("cd.county")
                .get("/api/v1/cases/" + caseId + "/timeline")
                .expect(200)
                .body();
        assertThat(timeline.toString()).contains("帮扶转介：最低生活保障", "帮扶结束，已提供：最低生活保障");
        api.as("civil.worker").get("/api/v1/cases/" + caseId + "/timeline").expect(404);
        Response county = api.as("cd.county").get("/api/v1/referrals/" + id).expect(200);
        assertThat(county.text("outcomeNote")).isEqualTo("低保已批准，自十月起按月发放。");
        assertThat(county.body().get("notes")).hasSize(2);
        assertThat(api.as("cd.county").items("/api/v1/referrals?direction=outgoing&status=COMPLETED"))
                .extracting(n -> n.get("id").asString())
                .contains(id);
    }

    /**
     * Issue 9, item 6: a department sees the subject's shared fields only while its referral is open, and the case only as
     * long as a referral of it is open. Declined, withdrawn or completed, it keeps its own record of the referral (its
     * answer) but neither the case (number, offence, term, obligations, timeline) nor the subject's fields, the letter
     * included; another open referral of the same case keeps the case open to it.
     */
    @Test
    void aDepartmentSeesTheCaseAndTheSharedFieldsOnlyWhileAReferralToItIsOpen() {
        clock.setInstant(MONDAY.toInstant());
        SubjectData subject = fixtures.adult("钱转介", Gender.MALE);
        CaseId caseId = fixtures.underCorrection(subject);
        String civil = code("A-CIVIL");
        String hrss = code("A-HRSS");
        String training = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of("service", "JOB_TRAINING", "toAgencyId", hrss, "note", "对象失业半年，请安排职业技能培训并推荐就业岗位。"))
                .expect(201)
                .text("id");
        String allowance = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of(
                                "service",
                                "SUBSISTENCE_ALLOWANCE",
                                "toAgencyId",
                                civil,
                                "note",
                                "对象失业，家庭无固定收入，请审核最低生活保障。"))
                .expect(201)
                .text("id");
        String temporary = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of("service", "TEMPORARY_ASSISTANCE", "toAgencyId", civil, "note", "对象生活困难，请给予临时救助。"))
                .expect(201)
                .text("id");
        settle();

        // While open: the case (without its protected fields) and the shared fields, the phone among them.
        api.as("hrss.worker").get("/api/v1/cases/" + caseId).expect(200);
        Response open =
                api.as("hrss.worker").get("/api/v1/referrals/" + training).expect(200);
        assertThat(open.body().get("sharedSubject").get("phone").asString()).isEqualTo(subject.phone());
        assertThat(open.text("caseNumber")).isNotNull();

        // HRSS declines: its answer stays its own, the case and the subject are gone.
        Response declined = api.as("hrss.worker")
                .post(
                        "/api/v1/referrals/" + training + "/decline",
                        Map.of("version", open.number("version"), "reason", "本季度职业技能培训名额已满，请下季度再转介。"))
                .expect(200);
        settle();
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        endedForDepartment("hrss.worker", caseId, training, subject, "本季度职业技能培训名额已满，请下季度再转介。");

        // Civil affairs declines one of its two referrals: the other is open, so the case stays open to it.
        int version = api.as("civil.worker")
                .get("/api/v1/referrals/" + allowance)
                .expect(200)
                .number("version");
        api.as("civil.worker")
                .post(
                        "/api/v1/referrals/" + allowance + "/decline",
                        Map.of("version", version, "reason", "对象有劳动能力，暂不符合最低生活保障条件。"))
                .expect(200);
        settle();
        api.as("civil.worker").get("/api/v1/cases/" + caseId).expect(200);
        assertThat(api.as("civil.worker")
                        .get("/api/v1/referrals/" + temporary)
                        .expect(200)
                        .body()
                        .get("sharedSubject")
                        .get("phone")
                        .asString())
                .isEqualTo(subject.phone());
        endedForDepartment("civil.worker", null, allowance, subject, "对象有劳动能力，暂不符合最低生活保障条件。");

        // The county withdraws the last one: now civil affairs has no case either.
        int last = api.as("cd.county")
                .get("/api/v1/referrals/" + temporary)
                .expect(200)
                .number("version");
        api.as("cd.county")
                .post(
                        "/api/v1/referrals/" + temporary + "/withdrawal",
                        Map.of("version", last, "reason", "对象已找到工作，不再需要临时救助。"))
                .expect(200);
        settle();
        endedForDepartment("civil.worker", caseId, temporary, subject, null);

        // The referring agency still reads everything.
        Response county =
                api.as("cd.county").get("/api/v1/referrals/" + training).expect(200);
        assertThat(county.text("caseNumber")).isNotNull();
        assertThat(county.body().get("sharedSubject").get("phone").asString()).isEqualTo(subject.phone());
        api.as("cd.county").get("/api/v1/referrals/" + training + "/letter").expect(200);
    }

    /** What a department reads after its referral ended; {@code caseId} null when another referral keeps the case open. */
    private void endedForDepartment(String worker, CaseId caseId, String referral, SubjectData subject, String answer) {
        Response record = api.as(worker).get("/api/v1/referrals/" + referral).expect(200);
        assertThat(record.body().get("caseId").isNull()).as("no case").isTrue();
        assertThat(record.body().get("caseNumber").isNull()).isTrue();
        assertThat(record.body().get("sharedSubject").isEmpty())
                .as("no subject fields")
                .isTrue();
        assertThat(record.body().get("letterDocumentId").isNull()).isTrue();
        if (answer != null) {
            assertThat(record.text("declineReason")).as("its own answer").isEqualTo(answer);
        }
        assertThat(record.body().toString()).doesNotContain(subject.phone(), subject.name(), subject.idNumber());
        // The letter holds the subject's fields: refused by the case's document rule, 404 once the case is gone, 403
        // while
        // another referral keeps the department in the case.
        api.as(worker).get("/api/v1/referrals/" + referral + "/letter").expect(caseId == null ? 403 : 404);
        JsonNode listed = api.as(worker).items("/api/v1/referrals?direction=incoming").stream()
                .filter(n -> n.get("id").asString().equals(referral))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("caseNumber").isNull()).isTrue();
        if (caseId != null) {
            api.as(worker).get("/api/v1/cases/" + caseId).expect(404);
            api.as(worker).get("/api/v1/cases/" + caseId + "/timeline").expect(404);
            api.as(worker).get("/api/v1/cases/" + caseId + "/obligations").expect(404);
            api.as(worker).get("/api/v1/cases/" + caseId + "/referrals").expect(404);
        }
    }

    @Test
    void hrssDeclinesOnlyWithAReasonAndTheCountyReadsIt() {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("钱小东", Gender.MALE));
        Response made = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of(
                                "service",
                                "JOB_TRAINING",
                                "toAgencyId",
                                code("A-HRSS"),
                                "note",
                                "对象有意学习电工技能，请安排职业技能培训。"))
                .expect(201);
        String id = made.text("id");
        settle();

        Response noReason = api.as("hrss.worker")
                .in("en")
                .post("/api/v1/referrals/" + id + "/decline", Map.of("version", made.number("version")))
                .expect(400);
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(noReason.body().get("errors").get(0).get("code").asString()).isEqualTo("required");
        Response tooShort = api.as("hrss.worker")
                .post(
                        "/api/v1/referrals/" + id + "/decline",
                        Map.of("version", made.number("version"), "reason", "名额满"))
                .expect(400);
        assertThat(tooShort.body().get("errors").get(0).get("code").asString()).isEqualTo("minLength");
        assertThat(tooShort.body().get("errors").get(0).get("message").asString())
                .isEqualTo("至少需要 10 个字。");
        Response unchanged = api.as("cd.county").get("/api/v1/referrals/" + id).expect(200);
        assertThat(unchanged.text("status")).isEqualTo("DELIVERED");
        assertThat(unchanged.number("version")).isEqualTo(made.number("version"));

        Response stale = api.as("hrss.worker")
                .post(
                        "/api/v1/referrals/" + id + "/decline",
                        Map.of("version", made.number("version") + 1, "reason", "本期电工培训班已满员，下期三月开班。"))
                .expect(409);
        assertThat(stale.code()).isEqualTo("STALE_VERSION");
        assertThat(api.as("cd.county")
                        .post("/api/v1/referrals/" + id + "/acceptance", Map.of("version", made.number("version")))
                        .status())
                .as("only caseworkers answer")
                .isEqualTo(403);
        assertThat(api.as("edu.worker")
                        .post("/api/v1/referrals/" + id + "/acceptance", Map.of("version", made.number("version")))
                        .status())
                .as("another department does not even find it")
                .isEqualTo(404);

        Response declined = api.as("hrss.worker")
                .post(
                        "/api/v1/referrals/" + id + "/decline",
                        Map.of("version", made.number("version"), "reason", "本期电工培训班已满员，下期三月开班。"))
                .expect(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        assertThat(deadline(declined, "assist.answer").get("status").asString()).isEqualTo("FULFILLED");
        assertThat(api.as("cd.county")
                        .get("/api/v1/referrals/" + id)
                        .expect(200)
                        .text("declineReason"))
                .isEqualTo("本期电工培训班已满员，下期三月开班。");
        assertThat(api.as("hrss.worker")
                        .post("/api/v1/referrals/" + id + "/acceptance", Map.of("version", declined.number("version")))
                        .expect(409)
                        .code())
                .isEqualTo("REFERRAL_NOT_DELIVERED");
    }

    @Test
    void eachDepartmentSeesExactlyTheFieldsItsServiceNeedsAndTheCaseStillHidesProtectedFields() throws Exception {
        SubjectData subject = fixtures.adult("孙丽华", Gender.FEMALE);
        CaseId caseId = fixtures.underCorrection(subject);
        record Expectation(String service, String agency, String caseworker) {}
        for (Expectation e : List.of(
                new Expectation("SUBSISTENCE_ALLOWANCE", "A-CIVIL", "civil.worker"),
                new Expectation("JOB_PLACEMENT", "A-HRSS", "hrss.worker"),
                new Expectation("PSYCHOLOGICAL_COUNSELLING", "A-SO-HEART", "sw.heart"),
                new Expectation("SCHOOLING", "A-EDU", "edu.worker"))) {
            String id = api.as("cd.county")
                    .post(
                            "/api/v1/cases/" + caseId + "/referrals",
                            Map.of(
                                    "service",
                                    e.service(),
                                    "toAgencyId",
                                    code(e.agency()),
                                    "note",
                                    "转介说明：对象近期情绪低落，与家人关系紧张。"))
                    .expect(201)
                    .text("id");
            AssistanceService service = AssistanceService.valueOf(e.service());
            List<String> keys =
                    SharedField.of(service).stream().map(SharedField::key).toList();

            Response seen =
                    api.as(e.caseworker()).get("/api/v1/referrals/" + id).expect(200);
            List<String> shown = new ArrayList<>();
            seen.body().get("sharedSubject").propertyNames().forEach(shown::add);
            assertThat(shown).as(e.service()).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(seen.body().get("sharedSubject").get("name").asString()).isEqualTo("孙丽华");
            String text = seen.body().toString();
            assertThat(text.contains(subject.idNumber()))
                    .as("%s: identity number", e.service())
                    .isEqualTo(keys.contains("idNumber"));
            assertThat(text.contains(subject.residenceAddress()))
                    .as("%s: address", e.service())
                    .isEqualTo(keys.contains("residenceAddress"));
            assertThat(text).as("never offence details").doesNotContain("盗窃电动自行车");
            assertThat(seen.body().get("note").isNull())
                    .as("%s: the note", e.service())
                    .isEqualTo(!keys.contains("referralNote"));

            // The case itself, which the referral opened to them, keeps its protected fields hidden.
            Response theCase =
                    api.as(e.caseworker()).get("/api/v1/cases/" + caseId).expect(200);
            assertThat(theCase.body().get("protectedFieldsVisible").asBoolean()).isFalse();
            assertThat(theCase.body().toString())
                    .doesNotContain(subject.idNumber())
                    .doesNotContain("盗窃电动自行车");
        }
        // The page shows the same cut: job placement never shows the identity number.
        String jobs = api.as("cd.county").items("/api/v1/referrals?direction=outgoing&service=JOB_PLACEMENT").stream()
                .filter(n -> n.get("caseId").asString().equals(caseId.toString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String page = api.as("hrss.worker")
                .get("/referrals/" + jobs)
                .expect(200)
                .raw()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("孙丽华", "与接收单位共享的对象信息").doesNotContain(subject.idNumber());
        long audited = jdbc.sql(
                        "SELECT count(*) FROM audit_record WHERE action = 'case.subject.assistance' AND target_id = :c")
                .param("c", caseId.toString())
                .query(Long.class)
                .single();
        assertThat(audited).as("every read of the shared fields is audited").isGreaterThanOrEqualTo(5);
    }

    @Test
    void referralsBeyondTheDeclaredPlacesWaitInOrderAndAFreedPlaceGoesToTheFirstOfThem() {
        JsonNode line = housing(
                api.as("civil.worker").get("/api/v1/assistance/capacity").expect(200));
        int occupied = line.get("occupied").asInt();
        api.as("civil.worker")
                .put(
                        "/api/v1/assistance/capacity",
                        Map.of(
                                "lines",
                                List.of(Map.of(
                                        "service",
                                        "HOUSING",
                                        "places",
                                        occupied + 1,
                                        "staff",
                                        2,
                                        "version",
                                        line.get("version").asInt()))))
                .expect(200);

        List<String> ids = new ArrayList<>();
        for (String name : List.of("周一", "周二", "周三")) {
            CaseId caseId = fixtures.underCorrection(fixtures.adult(name + "民", Gender.MALE));
            ids.add(api.as("cd.county")
                    .post(
                            "/api/v1/cases/" + caseId + "/referrals",
                            Map.of(
                                    "service",
                                    "HOUSING",
                                    "toAgencyId",
                                    code("A-CIVIL"),
                                    "note",
                                    "对象租住的房屋即将到期，无力续租，请协助住房救助。"))
                    .expect(201)
                    .text("id"));
        }
        List<Response> answers = new ArrayList<>();
        for (String id : ids) {
            int version = api.as("civil.worker")
                    .get("/api/v1/referrals/" + id)
                    .expect(200)
                    .number("version");
            answers.add(api.as("civil.worker")
                    .post("/api/v1/referrals/" + id + "/acceptance", Map.of("version", version))
                    .expect(200));
        }
        assertThat(answers).extracting(r -> r.text("status")).containsExactly("ACCEPTED", "WAITING", "WAITING");
        assertThat(answers.get(1).number("waitingPosition")).isEqualTo(1);
        assertThat(answers.get(2).number("waitingPosition")).isEqualTo(2);
        assertThat(api.as("cd.county")
                        .get("/api/v1/referrals/" + ids.get(2))
                        .expect(200)
                        .number("waitingPosition"))
                .as("the referring side sees the position too")
                .isEqualTo(2);
        assertThat(deadlines(answers.get(1), "assist.contact"))
                .as("no contact clock while waiting")
                .isEmpty();
        assertThat(api.as("civil.worker")
                        .post(
                                "/api/v1/referrals/" + ids.get(1) + "/contact",
                                Map.of("version", answers.get(1).number("version"), "note", "电话联系"))
                        .expect(409)
                        .code())
                .isEqualTo("REFERRAL_WAITING");
        JsonNode full = housing(
                api.as("civil.worker").get("/api/v1/assistance/capacity").expect(200));
        assertThat(full.get("waiting").asInt()).isEqualTo(2);
        assertThat(full.get("free").asInt()).isZero();

        api.as("civil.worker")
                .post(
                        "/api/v1/referrals/" + ids.get(0) + "/completion",
                        Map.of(
                                "version",
                                answers.get(0).number("version"),
                                "delivered",
                                false,
                                "note",
                                "对象已搬回父母家中居住，不再需要住房救助。"))
                .expect(200);
        settle();
        Response second =
                api.as("civil.worker").get("/api/v1/referrals/" + ids.get(1)).expect(200);
        assertThat(second.text("status")).isEqualTo("ACCEPTED");
        assertThat(deadline(second, "assist.contact").get("status").asString()).isEqualTo("OPEN");
        assertThat(api.as("civil.worker")
                        .get("/api/v1/referrals/" + ids.get(2))
                        .expect(200)
                        .number("waitingPosition"))
                .isEqualTo(1);

        // Stale capacity is refused; more places place the rest.
        JsonNode now = housing(
                api.as("civil.worker").get("/api/v1/assistance/capacity").expect(200));
        assertThat(api.as("civil.worker")
                        .put(
                                "/api/v1/assistance/capacity",
                                Map.of(
                                        "lines",
                                        List.of(Map.of(
                                                "service",
                                                "HOUSING",
                                                "places",
                                                500,
                                                "staff",
                                                3,
                                                "version",
                                                now.get("version").asInt() - 1))))
                        .expect(409)
                        .code())
                .isEqualTo("STALE_VERSION");
        assertThat(api.as("civil.worker")
                        .put(
                                "/api/v1/assistance/capacity",
                                Map.of(
                                        "lines",
                                        List.of(Map.of(
                                                "service", "JOB_TRAINING", "places", 5, "staff", 1, "version", 0))))
                        .expect(400)
                        .body()
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("notOffered");
        api.as("civil.worker")
                .put(
                        "/api/v1/assistance/capacity",
                        Map.of(
                                "lines",
                                List.of(Map.of(
                                        "service",
                                        "HOUSING",
                                        "places",
                                        500,
                                        "staff",
                                        3,
                                        "version",
                                        now.get("version").asInt()))))
                .expect(200);
        assertThat(api.as("civil.worker")
                        .get("/api/v1/referrals/" + ids.get(2))
                        .expect(200)
                        .text("status"))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void onlyAProviderOfTheServiceServingTheDistrictReceivesAndNobodyElseFindsTheReferral() {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("吴海涛", Gender.MALE));
        String path = "/api/v1/cases/" + caseId + "/referrals";
        Response wrongType = api.as("cd.county")
                .post(path, Map.of("service", "SCHOOLING", "toAgencyId", code("A-HRSS"), "note", "对象十六岁，辍学在家，请协助复学。"))
                .expect(400);
        assertThat(wrongType.body().get("errors").get(0).get("code").asString()).isEqualTo("wrongProvider");
        AgencyId chengxiEducation = agencies.findByCode("CX-EDU-T")
                .map(a -> a.id())
                .orElseGet(() -> actors.call(
                        "sysadmin",
                        () -> agencyManagement.register(new AgencyDraft(
                                "CX-EDU-T",
                                "城西区教育局",
                                "Chengxi District Education Bureau",
                                AgencyType.EDUCATION_BUREAU,
                                AgencyLevel.COUNTY,
                                null,
                                "369903",
                                null,
                                null,
                                null,
                                List.of("369903")))));
        Response otherDistrict = api.as("cd.county")
                .post(
                        path,
                        Map.of(
                                "service",
                                "SCHOOLING",
                                "toAgencyId",
                                chengxiEducation.toString(),
                                "note",
                                "对象十六岁，辍学在家，请协助复学。"))
                .expect(400);
        assertThat(otherDistrict.body().get("errors").get(0).get("code").asString())
                .isEqualTo("notServingDistrict");
        assertThat(api.as("cd.court.clerk")
                        .post(
                                path,
                                Map.of(
                                        "service",
                                        "SCHOOLING",
                                        "toAgencyId",
                                        code("A-EDU"),
                                        "note",
                                        "对象十六岁，辍学在家，请协助复学。"))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("cd.dm")
                        .post(
                                path,
                                Map.of(
                                        "service",
                                        "SCHOOLING",
                                        "toAgencyId",
                                        code("A-EDU"),
                                        "note",
                                        "对象十六岁，辍学在家，请协助复学。"))
                        .status())
                .as("an office the case is not assigned to")
                .isEqualTo(404);
        assertThat(api.as("cd.county")
                        .post(path, Map.of("service", "SCHOOLING", "note", "短"))
                        .expect(400)
                        .body()
                        .get("errors"))
                .hasSize(2);
        assertThat(count(caseId)).as("nothing was saved").isZero();

        String id = api.as("cd.county")
                .post(path, Map.of("service", "SCHOOLING", "toAgencyId", code("A-EDU"), "note", "对象十六岁，辍学在家，请协助复学。"))
                .expect(201)
                .text("id");
        assertThat(api.as("cd.county")
                        .post(
                                path,
                                Map.of(
                                        "service",
                                        "SCHOOLING",
                                        "toAgencyId",
                                        code("A-EDU"),
                                        "note",
                                        "对象十六岁，辍学在家，请协助复学。"))
                        .expect(409)
                        .code())
                .isEqualTo("REFERRAL_ALREADY_OPEN");
        for (String stranger : List.of("civil.worker", "cx.county", "sw.sunshine", "city.coord")) {
            assertThat(api.as(stranger).get("/api/v1/referrals/" + id).status())
                    .as(stranger)
                    .isEqualTo(404);
            assertThat(api.as(stranger)
                            .get("/api/v1/referrals/" + id + "/letter")
                            .status())
                    .as(stranger)
                    .isEqualTo(404);
        }
        assertThat(api.as("civil.worker").items("/api/v1/referrals?direction=incoming"))
                .extracting(n -> n.get("id").asString())
                .doesNotContain(id);
        assertThat(api.as("edu.worker").items("/api/v1/referrals?direction=incoming"))
                .extracting(n -> n.get("id").asString())
                .contains(id);
        assertThat(api.as("edu.worker")
                        .get("/api/v1/referrals?direction=sideways")
                        .expect(400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");

        // The referring agency may withdraw it before an answer, with a reason; the answer's clock lapses.
        int version =
                api.as("cd.county").get("/api/v1/referrals/" + id).expect(200).number("version");
        Response withdrawn = api.as("cd.county")
                .post("/api/v1/referrals/" + id + "/withdrawal", Map.of("version", version, "reason", "对象已由其父母联系学校复学。"))
                .expect(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        settle();
        assertThat(deadline(api.as("cd.county").get("/api/v1/referrals/" + id).expect(200), "assist.answer")
                        .get("status")
                        .asString())
                .isEqualTo("WAIVED");
    }

    @Test
    void thePagesRefuseADeclineWithoutReasonAndBadCapacityInTheFormAndChangeNothing() throws Exception {
        CaseId caseId = fixtures.underCorrection(fixtures.adult("许文博", Gender.MALE));
        Response made = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of(
                                "service",
                                "SOCIAL_INSURANCE",
                                "toAgencyId",
                                code("A-HRSS"),
                                "note",
                                "对象原单位社保中断，请协助办理社会保险接续。"))
                .expect(201);
        String id = made.text("id");
        var page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/referrals/" + id + "/decline")
                                .with(actors.as("hrss.worker"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("version", Integer.toString(made.number("version")))
                                .param("reason", " "))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("有错误", "必填", "不予接收的理由", "href=\"#decline-reason\"");
        assertThat(api.as("hrss.worker")
                        .get("/api/v1/referrals/" + id)
                        .expect(200)
                        .text("status"))
                .isEqualTo("DELIVERED");

        var capacity = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/assistance/capacity")
                        .with(actors.as("hrss.worker"))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .params(capacityRows(new String[][] {
                            {"JOB_TRAINING", "0", "", ""},
                            {"JOB_PLACEMENT", "0", "-3", "2"},
                            {"SOCIAL_INSURANCE", "0", "", ""}
                        })))
                .andReturn()
                .getResponse();
        assertThat(capacity.getStatus()).isEqualTo(400);
        String refused = capacity.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("帮扶名额和人员", "lines[1].places-error", "须在 0 到 10000 之间");
        // What was typed comes back in its own row only.
        assertThat(refused.split("value=\"-3\"", -1)).hasSize(2);
        assertThat(api.as("hrss.worker")
                        .get("/api/v1/assistance/capacity")
                        .expect(200)
                        .body()
                        .get("lines")
                        .toString())
                .doesNotContain("\"places\":-3");

        // Places declared with the staff left empty: no staff, saved.
        var declared = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/assistance/capacity")
                        .with(actors.as("hrss.worker"))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .params(capacityRows(new String[][] {
                            {"JOB_TRAINING", "0", "", ""},
                            {"JOB_PLACEMENT", "0", "7", ""},
                            {"SOCIAL_INSURANCE", "0", "", ""}
                        })))
                .andReturn()
                .getResponse();
        assertThat(declared.getStatus()).isEqualTo(302);
        assertThat(api.as("hrss.worker")
                        .get("/api/v1/assistance/capacity")
                        .expect(200)
                        .body()
                        .get("lines")
                        .toString())
                .contains("\"service\":\"JOB_PLACEMENT\",\"places\":7,\"staff\":0");
    }

    // Helpers

    /** The capacity page's rows as posted: service, version, places, staff. */
    private static org.springframework.util.MultiValueMap<String, String> capacityRows(String[][] rows) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        for (int i = 0; i < rows.length; i++) {
            form.add("lines[" + i + "].service", rows[i][0]);
            form.add("lines[" + i + "].version", rows[i][1]);
            form.add("lines[" + i + "].places", rows[i][2]);
            form.add("lines[" + i + "].staff", rows[i][3]);
        }
        return form;
    }

    private String code(String agencyCode) {
        return agencies.findByCode(agencyCode).orElseThrow().id().toString();
    }

    private long count(CaseId caseId) {
        // The test thread acts as nobody: the application's own connections, which see every row.
        return jdbc.sql("SELECT count(*) FROM assistance_referral WHERE case_id = :c")
                .param("c", caseId.value())
                .query(Long.class)
                .single();
    }

    private void settle() {
        events.awaitAll(java.time.Duration.ofSeconds(10));
    }

    private static JsonNode housing(Response capacity) {
        for (JsonNode l : capacity.body().get("lines")) {
            if (l.get("service").asString().equals("HOUSING")) {
                return l;
            }
        }
        throw new AssertionError("no HOUSING line");
    }

    private static JsonNode deadline(Response referral, String step) {
        List<JsonNode> found = deadlines(referral, step);
        assertThat(found).as(step).isNotEmpty();
        return found.get(0);
    }

    private static List<JsonNode> deadlines(Response referral, String step) {
        List<JsonNode> found = new ArrayList<>();
        referral.body().get("deadlines").forEach(d -> {
            if (d.get("stepId").asString().equals(step)) {
                found.add(d);
            }
        });
        return found;
    }
}
