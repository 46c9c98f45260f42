package org.tongxin.supervision.minors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The minors' steps as a module scenario (CCL ch. 7): registering a minor opens the measures and the team fitted to minors
 * on the ledger — owed by the county agency, with the policy model's deadline and legal basis, in its inbox and on the case's
 * task list — and an adult's registration opens none; the county agency opens the guardian, education and training steps
 * when it finds their trigger and records each as done, in the API and in the page; other roles are refused, the texts stay
 * with the minor's team, bad input changes nothing.
 */
@IntegrationTest
class MinorsStepsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    MinorsSteps minors;

    @Autowired
    org.tongxin.casefile.CaseDirectory directory;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    Clock clock;

    CaseFixtures fixtures() {
        return new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    List<ObligationView> minorsSteps(CaseId id) {
        return ledger.forCase(id).stream()
                .filter(o -> o.stepId().startsWith("minors."))
                .toList();
    }

    @Test
    void registeringAMinorOpensTheMeasuresAndTheTeamOwedByTheCountyAgencyAndAnAdultNone() throws Exception {
        CaseFixtures fixtures = fixtures();
        CaseId minor = fixtures.underCorrection(fixtures.minor("严小苗", Gender.FEMALE));
        CaseId adult = fixtures.underCorrection(fixtures.adult("严大林", Gender.MALE));
        reactions.awaitAll(Duration.ofSeconds(30));

        List<ObligationView> steps = minorsSteps(minor);
        assertThat(steps)
                .extracting(ObligationView::stepId)
                .containsExactlyInAnyOrder("minors.measures", "minors.team");
        for (ObligationView o : steps) {
            assertThat(o.owingAgencyId()).isEqualTo(fixtures.agency("CD-CCA"));
            assertThat(o.status()).isEqualTo(ObligationStatus.OPEN);
            assertThat(o.alertOnly())
                    .as("及时: an alert, no computed due date (policy model)")
                    .isTrue();
            assertThat(ledger.step(o).legalBasis()).startsWith("CCL 52");
        }
        assertThat(minorsSteps(adult)).as("an adult's case opens none").isEmpty();

        // Delivered again (after a crash), the reaction opens nothing twice.
        minors.openAtRegistration(minor, clock.instant());
        assertThat(minorsSteps(minor)).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_minor_step WHERE case_id = :c")
                        .param("c", minor.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        ApiClient api = new ApiClient(mvc, actors, json);
        JsonNode line = api.as("cd.county").inboxLine(minor.toString(), "minors.measures");
        assertThat(line.get("stepId").asString()).isEqualTo("minors.measures");
        assertThat(api.as("cd.county")
                        .get("/cases/" + minor)
                        .raw()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("on the case's task list, linked to the minors' page")
                .contains("/cases/" + minor + "/minors");
    }

    @Test
    void theCountyAgencyOpensAndDoesTheStepsInTheApiAndOthersAreRefused() throws Exception {
        CaseFixtures fixtures = fixtures();
        CaseId minor = fixtures.underCorrection(fixtures.minor("严小禾", Gender.MALE));
        CaseId adult = fixtures.underCorrection(fixtures.adult("严大山", Gender.MALE));
        fixtures.assignDongmen(minor);
        reactions.awaitAll(Duration.ofSeconds(30));
        ApiClient api = new ApiClient(mvc, actors, json);
        String path = "/api/v1/cases/" + minor + "/minor-steps";

        // Bad input: 400 with the field, nothing opened.
        ApiClient.Response bad =
                api.as("cd.county").in("en").post(path, Map.of("step", "minors.seal", "circumstances", ""));
        bad.expect(400);
        assertThat(bad.body().toString()).contains("notATriggeredStep").contains("circumstances");
        assertThat(minorsSteps(minor)).hasSize(2);
        // Roles: the office and the court read but may not act (403), another county's agency finds nothing (404).
        api.as("cd.dm")
                .post(path, Map.of("step", "minors.education", "circumstances", "初二辍学"))
                .expect(403);
        api.as("cd.court.clerk")
                .post(path, Map.of("step", "minors.education", "circumstances", "初二辍学"))
                .expect(403);
        api.as("cx.county").get(path).expect(404);
        api.as("cd.county")
                .post(
                        "/api/v1/cases/" + adult + "/minor-steps",
                        Map.of("step", "minors.education", "circumstances", "初二辍学"))
                .expect(422);

        JsonNode opened = api.as("cd.county")
                .post(path, Map.of("step", "minors.education", "circumstances", "初二下学期起辍学在家，尚未完成义务教育"))
                .expect(201)
                .body();
        String id = opened.get("id").asString();
        ObligationView education = ledger.find(minor, "minors.education", id).orElseThrow();
        assertThat(education.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(education.counterpartyAgencyId())
                .as("with the education department of the place")
                .isNotNull();
        api.as("cd.county")
                .post(path, Map.of("step", "minors.education", "circumstances", "again"))
                .expect(409);

        // The texts stay with the minor's team: the procuratorate sees the steps, not what was found.
        String procView = api.as("cd.proc")
                .get(path)
                .expect(200)
                .raw()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(procView).contains("minors.education").doesNotContain("辍学");
        assertThat(api.as("cd.dm").get(path).expect(200).body().toString()).contains("辍学");

        api.as("cd.county")
                .post("/api/v1/minor-steps/" + id + "/fulfilment", Map.of("version", 5, "note", "已通知"))
                .expect(409);
        api.as("cd.county")
                .post("/api/v1/minor-steps/" + id + "/fulfilment", Map.of("version", 0, "note", " "))
                .expect(400);
        JsonNode done = api.as("cd.county")
                .post("/api/v1/minor-steps/" + id + "/fulfilment", Map.of("version", 0, "note", "已书面通知区教育局，安排其回原校复学"))
                .expect(200)
                .body();
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(ledger.find(minor, "minors.education", id).orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        api.as("cd.county")
                .post("/api/v1/minor-steps/" + id + "/fulfilment", Map.of("version", 1, "note", "again"))
                .expect(409);
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE case_id = :c AND kind ="
                                + " 'minors.education.done'")
                        .param("c", minor.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void thePageShowsTheLawsWordsAndTheCountyAgencyDoesAStepThere() throws Exception {
        CaseFixtures fixtures = fixtures();
        CaseId minor = fixtures.underCorrection(fixtures.minor("严小溪", Gender.FEMALE));
        reactions.awaitAll(Duration.ofSeconds(30));
        String page = mvc.perform(get("/cases/" + minor + "/minors").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("针对未成年人的矫正措施").contains("《社区矫正法》").doesNotContain(">minors.measures<");
        MinorsSteps.MinorStepView team = actors.call("cd.county", () -> minors.ofCase(minor)).stream()
                .filter(s -> s.stepId().equals("minors.team"))
                .findFirst()
                .orElseThrow();

        int refused = mvc.perform(post("/minor-steps/" + team.id() + "/fulfil")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("version", "0")
                        .param("note", ""))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(refused).as("a refused form is not 200").isEqualTo(400);
        int forbidden = mvc.perform(post("/minor-steps/" + team.id() + "/fulfil")
                        .with(actors.as("cd.proc"))
                        .with(csrf())
                        .param("version", "0")
                        .param("note", "x"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(forbidden).isEqualTo(403);
        String redirect = mvc.perform(post("/minor-steps/" + team.id() + "/fulfil")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("version", "0")
                        .param("note", "小组有共青团干部和学校心理老师，单独报到和学习"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(redirect).isEqualTo("/cases/" + minor + "/minors");
        assertThat(ledger.find(minor, "minors.team", team.id().toString())
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
    }

    @Test
    void aMinorsTeamAndPlanAreReadByTheMinorsTeamAloneAndAnAdultsByEveryPartyWithTheFields() {
        CaseFixtures fixtures = fixtures();
        CaseId minor = fixtures.underCorrection(fixtures.minor("严小川", Gender.MALE));
        CaseId adult = fixtures.underCorrection(fixtures.adult("严大川", Gender.MALE));
        for (CaseId id : List.of(minor, adult)) {
            int version = fixtures.version(id);
            actors.call("cd.county", () -> management.makePlan(id, version, "每月个别谈话两次，参加社区公益活动，学习法律知识。"));
            int next = fixtures.version(id);
            fixtures.as(
                    "cd.county",
                    () -> management.formTeam(
                            id,
                            next,
                            List.of(new org.tongxin.casefile.CaseData.TeamMember(
                                    "王老师",
                                    org.tongxin.casefile.CaseData.TeamRole.EMPLOYER_OR_SCHOOL,
                                    Gender.FEMALE,
                                    null))));
        }
        assertThat(actors.call("cd.county", () -> directory.latestPlan(minor))).isPresent();
        assertThat(actors.call("cd.court.clerk", () -> directory.team(minor)))
                .as("the decision organ is of the team")
                .hasSize(1);
        assertThat(actors.call("cd.proc", () -> directory.latestPlan(minor)))
                .as("CCL art. 54")
                .isEmpty();
        assertThat(actors.call("cd.proc", () -> directory.team(minor))).isEmpty();
        assertThat(actors.call("cd.proc", () -> directory.latestPlan(adult))).isPresent();
        assertThat(actors.call("cd.proc", () -> directory.team(adult))).hasSize(1);
    }
}
