package org.tongxin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.identity.Role;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 11 and doc/security-requirements.md S21: the API's request bodies under a fuzzer (Jazzer). Each test starts from valid
 * bodies of its endpoints — opening and searching cases, conflicts and meetings, referrals and capacity, tokens — and
 * sends what the fuzzer makes of them (or, now and then, the fuzzer's raw bytes) as the callers who may send them, a
 * system token among them. Whatever comes in, the answer is never a 5xx: bad input is a coded 4xx.
 * <p>
 * {@code ./mvnw verify} replays the stored inputs under {@code ApiBodyFuzzIntegrationTestsInputs/} (among them those that
 * once answered 500); {@code .ci/run} fuzzes each test for a bounded time with {@code JAZZER_FUZZ=1}.
 */
@IntegrationTest
class ApiBodyFuzzIntegrationTests {

    /** An endpoint with its caller and a valid body to start from ({@code {case}}, {@code {referral}} filled in). */
    record Target(HttpMethod method, String path, String caller, String template) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    JdbcClient jdbc;

    private static final Map<String, RequestPostProcessor> CALLERS = new ConcurrentHashMap<>();

    /**
     * The application's own connections (its embedded database, a new pooled connection under load) go to loopback; a
     * connection anywhere else a request makes is still a finding (server-side request forgery).
     */
    private static void databaseOnLoopbackOnly() {
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections((host, port) -> "localhost".equals(host)
                || host.startsWith("127.")
                || "::1".equals(host)
                || "0:0:0:0:0:0:0:1".equals(host));
    }

    private static volatile String caseId;
    private static volatile String referralId;

    @FuzzTest(maxDuration = "60s")
    void caseBodies(FuzzedDataProvider data) throws Exception {
        databaseOnLoopbackOnly();
        LocalDate today = LegalTime.today(clock);
        String person = """
            {"name": "模糊测试", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
             "birthDate": "1990-05-06", "phone": "13900001111", "residenceDivision": "369902001",
             "residenceAddress": "城东区东门街道幸福路 1 号", "guardianName": "王大山", "guardianRelation": "父亲",
             "guardianPhone": "13900002222", "health": "良好"}\
            """.formatted(IdentityNumbers.compose(
                "369902", LocalDate.of(1990, 5, 6), 1 + Math.floorMod(data.consumeInt(), 900), Gender.MALE));
        String offence = """
            {"category": "THEFT", "details": "盗窃。", "offenceDate": "%s", "charges": ["盗窃罪"]}\
            """.formatted(today.minusYears(1));
        fuzz(
                data,
                List.of(
                        new Target(HttpMethod.POST, "/api/v1/cases", "cd.court.clerk", """
                            {"subject": %s, "offence": %s,
                             "decision": {"correctionType": "PROBATION", "caseNumber": "（2026）城东刑初8%03d号", "judgmentDate": "%s",
                                          "effectiveDate": "%s", "termStart": "%s", "termEnd": "%s", "countyAgencyId": null,
                                          "inCustody": false, "handoverInstitutionId": null}}\
                            """.formatted(
                                        person,
                                        offence,
                                        Math.floorMod(data.consumeInt(), 1000),
                                        today.minusDays(10),
                                        today.minusDays(5),
                                        today.minusDays(5),
                                        today.plusYears(1))),
                        new Target(HttpMethod.POST, "/api/v1/assessments", "cd.court.clerk", """
                            {"subject": %s, "offence": %s, "assessingAgencyId": null, "expedited": false,
                             "caseNumber": "（2026）城东刑初7%03d号", "contact": "书记员 0700-8100555",
                             "materials": [{"code": "CASE_MATERIALS", "title": "起诉书", "documentId": null}]}\
                            """.formatted(
                                        person, offence, Math.floorMod(data.consumeInt(), 1000))),
                        new Target(
                                HttpMethod.POST,
                                "/api/v1/cases/search?page=0&size=20&sort=-updated",
                                "cd.county",
                                """
                                {"name": "李", "idNumber": "369902199005060011", "caseNumber": "（2026）城东刑初1号", "status": "INTAKE",
                                 "officeId": null}\
                                """)));
    }

    @FuzzTest(maxDuration = "60s")
    void coordinationBodies(FuzzedDataProvider data) throws Exception {
        databaseOnLoopbackOnly();
        String police = agency("CD-PSB");
        String civil = agency("A-CIVIL");
        String when = LegalTime.today(clock).plusDays(7) + "T09:30";
        fuzz(
                data,
                List.of(
                        new Target(
                                HttpMethod.POST,
                                "/api/v1/conflicts",
                                data.consumeBoolean() ? "cd.county" : "system:CD-CCA",
                                """
                                {"caseId": null, "type": "RESPONSIBILITY", "parties": ["%s"], "point": "失联人员的查找由谁负责，双方各执一词",
                                 "stepId": "report.missed", "handoverIds": [], "obligationIds": []}\
                                """.formatted(police)),
                        new Target(HttpMethod.POST, "/api/v1/conflicts/search", "cd.county", """
                            {"text": "查找", "type": "RESPONSIBILITY", "state": "RAISED", "agencyId": "%s", "caseNumber": "城东",
                             "page": 0, "size": 20, "sort": "-raised"}\
                            """.formatted(police)),
                        new Target(
                                HttpMethod.POST,
                                "/api/v1/meetings",
                                data.consumeBoolean() ? "city.coord" : "system:A-COORD",
                                """
                                {"title": "联席会议", "scheduledAt": "%s", "place": "A市司法局会议室", "attendees": ["%s"],
                                 "agenda": [{"kind": "TOPIC", "topic": "就业困难对象的帮扶分工", "caseId": null, "conflictId": null}]}\
                                """.formatted(when, civil))));
    }

    @FuzzTest(maxDuration = "60s")
    void referralBodies(FuzzedDataProvider data) throws Exception {
        databaseOnLoopbackOnly();
        referralFixture();
        fuzz(
                data,
                List.of(
                        new Target(
                                HttpMethod.POST, "/api/v1/cases/" + caseId + "/referrals", "cd.county", """
                                    {"service": "JOB_TRAINING", "toAgencyId": "%s", "note": "对象失业半年，请安排职业技能培训。"}\
                                    """.formatted(
                                                agency("A-HRSS"))),
                        new Target(
                                HttpMethod.POST, "/api/v1/referrals/" + referralId + "/decline", "civil.worker", """
                                    {"version": 0, "reason": "对象有劳动能力，暂不符合条件。"}\
                                    """),
                        new Target(
                                HttpMethod.POST,
                                "/api/v1/referrals/" + referralId + "/contact",
                                "civil.worker",
                                """
                                {"version": 1, "on": "%s", "note": "电话联系对象。"}\
                                """.formatted(LegalTime.today(clock))),
                        new Target(
                                HttpMethod.POST,
                                "/api/v1/referrals/" + referralId + "/completion",
                                "civil.worker",
                                """
                                {"version": 2, "delivered": true, "note": "低保已批准，按月发放。"}\
                                """),
                        new Target(
                                HttpMethod.POST, "/api/v1/referrals/" + referralId + "/withdrawal", "cd.county", """
                                    {"version": 0, "reason": "对象已找到工作，不再需要。"}\
                                    """),
                        new Target(HttpMethod.PUT, "/api/v1/assistance/capacity", "civil.worker", """
                            {"lines": [{"service": "HOUSING", "places": 5, "staff": 2, "version": 0}]}\
                            """)));
    }

    @FuzzTest(maxDuration = "60s")
    void tokenBodies(FuzzedDataProvider data) throws Exception {
        databaseOnLoopbackOnly();
        fuzz(
                data,
                List.of(
                        new Target(HttpMethod.POST, "/api/v1/me/tokens", "cd.county", """
                            {"name": "报表脚本", "lifetimeDays": 30}\
                            """),
                        new Target(HttpMethod.POST, "/api/v1/system-tokens", "secadmin", """
                            {"name": "公安接口", "agencyId": "%s", "roles": ["POLICE_OFFICER"], "lifetimeDays": 90}\
                            """.formatted(
                                        agency("CD-PSB")))));
    }

    /** Picks a target, builds the body (mutated, or raw bytes now and then) and asserts the answer is not a 5xx. */
    private void fuzz(FuzzedDataProvider data, List<Target> targets) throws Exception {
        Target target = targets.get(data.consumeInt(0, targets.size() - 1));
        boolean raw = data.consumeInt(0, 9) == 0;
        byte[] body = raw
                ? data.consumeRemainingAsBytes()
                : json.writeValueAsBytes(BodyMutator.mutate(json.readTree(target.template()), data));
        MockHttpServletRequestBuilder call = request(target.method(), target.path())
                .with(caller(target.caller()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        MvcResult result = mvc.perform(call).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status)
                .as(
                        "%s %s as %s with %s answered %s",
                        target.method(),
                        target.path(),
                        target.caller(),
                        new String(body, StandardCharsets.UTF_8),
                        result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isLessThan(500);
    }

    private RequestPostProcessor caller(String name) {
        return CALLERS.computeIfAbsent(
                name,
                n -> n.startsWith("system:")
                        ? actors.asSystemToken(
                                n.substring("system:".length()),
                                n.endsWith("COORD") ? Role.CITY_COORDINATOR : Role.COUNTY_OFFICER)
                        : actors.as(n));
    }

    private String agency(String code) {
        return agencies.findByCode(code).orElseThrow().id().toString();
    }

    /** A case under correction with a referral to civil affairs, made once for the referral bodies. */
    private synchronized void referralFixture() {
        if (referralId != null) {
            return;
        }
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("模糊转介", Gender.MALE));
        caseId = id.toString();
        try {
            String made = mvc.perform(request(HttpMethod.POST, "/api/v1/cases/" + caseId + "/referrals")
                            .with(caller("cd.county"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                {"service": "SUBSISTENCE_ALLOWANCE", "toAgencyId": "%s", "note": "对象失业，家庭无固定收入，请审核最低生活保障。"}\
                                """.formatted(agency("A-CIVIL"))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            JsonNode referral = json.readTree(made);
            referralId = referral.get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("the referral fixture could not be made", e);
        }
        assertThat(UUID.fromString(referralId)).isNotNull();
    }
}
