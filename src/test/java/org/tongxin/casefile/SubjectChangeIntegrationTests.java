package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
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
 * Issue 9, item 4: a court of another district opens a case for a person Chengdong already supervises and states their
 * name, phone, address, health and guardian differently. The person's record is not overwritten: the new case links to
 * it and shows what its court stated (the court never sees the record), the differences wait as a proposed change for
 * Chengdong's county agency, which confirms or rejects it (page and API, audited, on its case's timeline).
 */
@IntegrationTest
class SubjectChangeIntegrationTests {

    static final AtomicInteger PEOPLE = new AtomicInteger(400);

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
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
    }

    /** A person as a court states them (names, phones and addresses chosen by the test). */
    record Person(
            String idNumber,
            LocalDate birth,
            String name,
            String phone,
            String division,
            String address,
            String health,
            String guardian,
            String guardianPhone) {}

    String open(String clerk, Person p, String caseNumber) {
        LocalDate today = LegalTime.today(clock);
        return api.as(clerk)
                .post("/api/v1/cases", """
                    {"subject": {"name": "%s", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "phone": "%s", "residenceDivision": "%s", "residenceAddress": "%s", "health": "%s",
                                 "guardianName": "%s", "guardianRelation": "父亲", "guardianPhone": "%s"},
                     "offence": {"category": "THEFT", "details": "盗窃。", "offenceDate": "%s", "charges": ["盗窃罪"]},
                     "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
                                  "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                p.name(),
                                p.idNumber(),
                                p.birth(),
                                p.phone(),
                                p.division(),
                                p.address(),
                                p.health(),
                                p.guardian(),
                                p.guardianPhone(),
                                today.minusYears(1),
                                caseNumber,
                                today.minusDays(3),
                                today.minusDays(1),
                                today.minusDays(1),
                                today.plusYears(1)))
                .expect(201)
                .text("caseId");
    }

    Person chengdong(String name) {
        LocalDate birth = LocalDate.of(1988, 3, 14);
        String number = IdentityNumbers.compose("369902", birth, PEOPLE.incrementAndGet(), Gender.MALE);
        return new Person(
                number, birth, name, "13901110001", "369902001", "城东区东门街道幸福路 1 号", "高血压", "王大山", "13901110002");
    }

    /** The same person as Chengxi's court states them: another spelling, phone, address, health and guardian. */
    static Person asChengxiStatesThem(Person p) {
        return new Person(
                p.idNumber(),
                p.birth(),
                p.name().substring(0, 1) + "晓明",
                "13902220001",
                "369903001",
                "城西区西关街道和平路 9 号",
                "糖尿病",
                "李小河",
                "13902220002");
    }

    @Test
    void aCourtOfAnotherDistrictNeitherOverwritesNorLearnsTheRecordAndTheExecutingAgencyConfirms() {
        Person original = chengdong("孙建国");
        String first = open("cd.court.clerk", original, "（2025）城东刑初931号");
        Person stated = asChengxiStatesThem(original);
        String second = open("cx.court.clerk", stated, "（2025）城西刑初931号");
        settle();

        // The record is untouched: Chengdong's case shows what it knew.
        JsonNode record = api.as("cd.county")
                .get("/api/v1/cases/" + first)
                .expect(200)
                .body()
                .get("subject");
        assertThat(record.get("name").asString()).isEqualTo("孙建国");
        assertThat(record.get("phone").asString()).isEqualTo(original.phone());
        assertThat(record.get("residenceAddress").asString()).isEqualTo(original.address());
        assertThat(record.get("health").asString()).isEqualTo(original.health());
        assertThat(record.get("guardianName").asString()).isEqualTo(original.guardian());

        // The new case links to the same person and shows what its court stated; nothing of the record reaches the
        // court.
        assertThat(subjectIdOf("cx.court.clerk", second))
                .isEqualTo(record.get("subjectId").asString());
        String courtsView = api.as("cx.court.clerk")
                .get("/api/v1/cases/" + second)
                .expect(200)
                .body()
                .toString();
        assertThat(courtsView)
                .contains(stated.name(), stated.phone(), stated.address(), stated.health(), stated.guardian())
                .doesNotContain(
                        "孙建国",
                        original.phone(),
                        original.address(),
                        original.health(),
                        original.guardian(),
                        original.guardianPhone());
        assertThat(api.as("cx.county")
                        .get("/api/v1/cases/" + second)
                        .expect(200)
                        .body()
                        .get("subject")
                        .get("phone")
                        .asString())
                .isEqualTo(stated.phone());
        // The court finds its case by the name it gave, not by the record's.
        assertThat(searchByName("cx.court.clerk", stated.name())).contains(second);
        assertThat(searchByName("cx.court.clerk", "孙建国")).doesNotContain(second);
        // Nor does the new case's timeline say the record differed.
        assertThat(api.as("cx.court.clerk")
                        .get("/api/v1/cases/" + second + "/timeline")
                        .expect(200)
                        .body()
                        .toString())
                .doesNotContain("subject.change");

        // Chengdong's county agency has the proposal, the fields side by side, and its case's timeline says so.
        List<JsonNode> listed = api.as("cd.county").items("/api/v1/subject-changes?status=PROPOSED");
        JsonNode summary = listed.stream()
                .filter(n -> n.get("cases").toString().contains(first))
                .findFirst()
                .orElseThrow();
        String id = summary.get("id").asString();
        assertThat(summary.get("cases").toString()).doesNotContain(second);
        Response proposal =
                api.as("cd.county").get("/api/v1/subject-changes/" + id).expect(200);
        assertThat(proposal.body().get("mayDecide").asBoolean()).isTrue();
        Map<String, String[]> lines = new java.util.HashMap<>();
        proposal.body()
                .get("lines")
                .forEach(l -> lines.put(l.get("field").asString(), new String[] {
                    l.get("current").asString(), l.get("proposed").asString()
                }));
        assertThat(lines)
                .containsOnlyKeys(
                        "NAME",
                        "PHONE",
                        "RESIDENCE_DIVISION",
                        "RESIDENCE_ADDRESS",
                        "HEALTH",
                        "GUARDIAN_NAME",
                        "GUARDIAN_PHONE");
        assertThat(lines.get("PHONE")).containsExactly(original.phone(), stated.phone());
        assertThat(lines.get("HEALTH")).containsExactly(original.health(), stated.health());
        assertThat(proposal.body().toString()).doesNotContain(second);
        assertThat(timeline("cd.county", first)).contains("城西区人民法院新立案件填报的对象信息与档案不一致");
        assertThat(timeline("cd.court.clerk", first))
                .as("only the executing agency and its office")
                .doesNotContain("新立案件填报的对象信息");

        // Who decides: nobody but Chengdong's county agency officers.
        api.as("cx.county").get("/api/v1/subject-changes/" + id).expect(404);
        api.as("cd.nh").get("/api/v1/subject-changes/" + id).expect(404);
        api.as("cx.court.clerk").get("/api/v1/subject-changes/" + id).expect(403);
        api.as("secadmin").get("/api/v1/subject-changes/" + id).expect(403);
        int version = proposal.number("version");
        api.as("cx.county")
                .post("/api/v1/subject-changes/" + id + "/confirmation", Map.of("version", version))
                .expect(404);
        api.as("cx.court.clerk")
                .post("/api/v1/subject-changes/" + id + "/confirmation", Map.of("version", version))
                .expect(403);
        api.as("cd.county")
                .post("/api/v1/subject-changes/" + id + "/confirmation", Map.of("version", version + 1))
                .expect(409);

        Response confirmed = api.as("cd.county")
                .post("/api/v1/subject-changes/" + id + "/confirmation", Map.of("version", version))
                .expect(200);
        settle();
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        JsonNode updated = api.as("cd.county")
                .get("/api/v1/cases/" + first)
                .expect(200)
                .body()
                .get("subject");
        assertThat(updated.get("phone").asString()).isEqualTo(stated.phone());
        assertThat(updated.get("name").asString()).isEqualTo(stated.name());
        assertThat(updated.get("residenceAddress").asString()).isEqualTo(stated.address());
        assertThat(timeline("cd.county", first)).contains("确认对象资料变更");
        Response twice = api.as("cd.county")
                .post("/api/v1/subject-changes/" + id + "/confirmation", Map.of("version", confirmed.number("version")))
                .expect(409);
        assertThat(twice.code()).isEqualTo("SUBJECT_CHANGE_DECIDED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'subject.change.confirm' AND"
                                + " target_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'subject.change.view' AND target_id"
                                + " = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aRejectionNeedsItsReasonAndLeavesTheRecordAsItWas() {
        Person original = chengdong("钱永安");
        String first = open("cd.court.clerk", original, "（2025）城东刑初932号");
        Person stated = asChengxiStatesThem(original);
        open("cx.court.clerk", stated, "（2025）城西刑初932号");
        settle();
        String id = api.as("cd.county").items("/api/v1/subject-changes").stream()
                .filter(n -> n.get("cases").toString().contains(first))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        int version = api.as("cd.county")
                .get("/api/v1/subject-changes/" + id)
                .expect(200)
                .number("version");

        Response noReason = api.as("cd.county")
                .in("en")
                .post("/api/v1/subject-changes/" + id + "/rejection", Map.of("version", version))
                .expect(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.as("cd.dm")
                        .post(
                                "/api/v1/subject-changes/" + id + "/rejection",
                                Map.of("version", version, "reason", "经核实原电话仍在使用"))
                        .status())
                .as("the office reads, the county agency decides")
                .isEqualTo(403);

        Response rejected = api.as("cd.county")
                .post(
                        "/api/v1/subject-changes/" + id + "/rejection",
                        Map.of("version", version, "reason", "经入户核实，对象仍在原住址居住，原电话仍在使用。"))
                .expect(200);
        settle();
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("rejectionReason")).isEqualTo("经入户核实，对象仍在原住址居住，原电话仍在使用。");
        JsonNode record = api.as("cd.county")
                .get("/api/v1/cases/" + first)
                .expect(200)
                .body()
                .get("subject");
        assertThat(record.get("phone").asString()).isEqualTo(original.phone());
        assertThat(timeline("cd.county", first)).contains("驳回对象资料变更");
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_subject_change WHERE id = CAST(:id AS UUID) AND"
                                + " rejection_reason_enc IS NOT NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the reason is stored encrypted")
                .isEqualTo(1);
    }

    @Test
    void theSameDataProposesNothingAndAFieldLeftBlankRemovesNothing() {
        Person original = chengdong("赵平安");
        String first = open("cd.court.clerk", original, "（2025）城东刑初933号");
        long before = jdbc.sql("SELECT count(*) FROM casefile_subject_change")
                .query(Long.class)
                .single();
        String second = api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "%s", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "residenceDivision": "%s"},
                     "offence": {"category": "THEFT", "offenceDate": "%s", "charges": ["盗窃罪"]},
                     "decision": {"correctionType": "PROBATION", "caseNumber": "（2025）城东刑初934号", "judgmentDate": "%s",
                                  "effectiveDate": "%s", "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                original.name(),
                                original.idNumber(),
                                original.birth(),
                                original.division(),
                                LegalTime.today(clock).minusYears(1),
                                LegalTime.today(clock).minusDays(3),
                                LegalTime.today(clock).minusDays(1),
                                LegalTime.today(clock).minusDays(1),
                                LegalTime.today(clock).plusYears(1)))
                .expect(201)
                .text("caseId");
        settle();
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_subject_change")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        // The court's second case shows what it stated (no phone), even though the record has one.
        JsonNode stated = api.as("cd.court.clerk")
                .get("/api/v1/cases/" + second)
                .expect(200)
                .body()
                .get("subject");
        assertThat(stated.get("phone").isNull()).isTrue();
        assertThat(api.as("cd.county")
                        .get("/api/v1/cases/" + first)
                        .expect(200)
                        .body()
                        .get("subject")
                        .get("phone")
                        .asString())
                .isEqualTo(original.phone());
    }

    private String subjectIdOf(String user, String caseId) {
        return api.as(user)
                .get("/api/v1/cases/" + caseId)
                .expect(200)
                .body()
                .get("subject")
                .get("subjectId")
                .asString();
    }

    private List<String> searchByName(String user, String name) {
        JsonNode found = api.as(user)
                .post("/api/v1/cases/search", Map.of("name", name))
                .expect(200)
                .body();
        List<String> ids = new java.util.ArrayList<>();
        found.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private String timeline(String user, String caseId) {
        return api.as(user)
                .get("/api/v1/cases/" + caseId + "/timeline")
                .expect(200)
                .body()
                .toString();
    }

    private void settle() {
        assertThat(events.awaitAll(java.time.Duration.ofSeconds(20))).isTrue();
    }
}
