package org.tongxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Periodic assessment and classified management through the API and the page: the county agency assesses a period,
 * moves the level down with its reason and revises the plan on the record; the level then sets the reporting interval;
 * refused input changes nothing; other agencies read (the procuratorate) or are refused (403, 404).
 */
@IntegrationTest
class PeriodicAssessmentApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory cases;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.tongxin.policy.PolicyModels policies;

    @Autowired
    org.tongxin.shared.jdbc.EventQuiescence reactions;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    ResultActions record(String user, CaseId id, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/periodic-assessments")
                .with(actors.as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long rows(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM assessment_periodic WHERE case_id = :c")
                .param("c", id.value())
                .query(Long.class)
                .single();
    }

    @Test
    void theCountyAgencyAssessesChangesTheLevelAndRevisesThePlanOnTheRecord() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("孙考核", Gender.MALE));
        int caseVersion = fixtures.version(id);
        fixtures.as("cd.county", () -> management.makePlan(id, caseVersion, "入矫初期：每周到司法所报告一次，每月走访一次，参加公益活动。"));
        LocalDate today = LocalDate.now(clock);
        String from = today.minusMonths(3).toString();
        String to = today.minusDays(1).toString();
        String body = """
            {"periodFrom":"%s","periodTo":"%s","result":"GOOD","factsConsidered":"按时报告，参加教育学习和公益活动",
             "newLevel":"LENIENT","levelReason":"PERIODIC_ASSESSMENT","levelReasonText":"连续三个月表现良好",
             "revisedPlan":"调整为宽管：每月电话报告一次，每两个月走访一次，继续参加职业培训。"}\
            """.formatted(from, to);

        record("cd.dm", id, body).andExpect(status().isForbidden());
        record("cx.county", id, body).andExpect(status().isNotFound());
        record("cd.county", id, body.replace("\"GOOD\"", "\"POOR\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("LENIENT_NEEDS_GOOD_RESULT"));
        record("cd.county", id, body.replace("连续三个月表现良好", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("levelReasonText"));
        assertThat(rows(id)).isZero();
        assertThat(cases.facts(id).orElseThrow().supervisionLevel()).isNotEqualTo(SupervisionLevel.LENIENT);

        record("cd.county", id, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty());
        assertThat(cases.facts(id).orElseThrow().supervisionLevel()).isEqualTo(SupervisionLevel.LENIENT);
        int plan = jdbc.sql("SELECT max(number) FROM casefile_plan WHERE case_id = :c")
                .param("c", id.value())
                .query(Integer.class)
                .single();
        assertThat(actors.call("cd.county", () -> cases.latestPlan(id)))
                .hasValueSatisfying(p -> assertThat(p).contains("调整为宽管"));

        mvc.perform(get("/api/v1/cases/" + id + "/periodic-assessments").with(actors.as("cd.proc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result").value("GOOD"))
                .andExpect(jsonPath("$[0].levelTo").value("LENIENT"))
                .andExpect(jsonPath("$[0].planNumber").value(plan));
        mvc.perform(get("/api/v1/cases/" + id + "/periodic-assessments").with(actors.as("cx.county")))
                .andExpect(status().isNotFound());

        record("cd.county", id, body.replace("\"LENIENT\"", "\"ORDINARY\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("PERIOD_ALREADY_ASSESSED"));
        assertThat(rows(id)).isEqualTo(1);

        reactions.awaitAll(java.time.Duration.ofSeconds(10));
        mvc.perform(get("/api/v1/cases/" + id + "/timeline")
                        .with(actors.as("cd.county"))
                        .param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("表现良好")));
        assertThat(jdbc.sql("SELECT kind FROM casefile_timeline WHERE case_id = :c AND kind LIKE '%plan%'")
                        .param("c", id.value())
                        .query(String.class)
                        .list())
                .as("each version of the plan once on the timeline")
                .containsExactlyInAnyOrder("plan.made", "plan.revised");
        assertThat(plan).isEqualTo(2);
        mvc.perform(get("/api/v1/cases/" + id + "/timeline")
                        .with(actors.as("cd.county"))
                        .param("lang", "zh-CN"))
                .andExpect(content().string(containsString("调整矫正方案（第 2 版）")));
        mvc.perform(get("/cases/" + id + "/assessment/periodic")
                        .with(actors.as("cd.county"))
                        .param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宽管")))
                .andExpect(content().string(containsString("连续三个月表现良好")));
    }

    @Test
    void aStricterLevelBringsTheOpenReportForward() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("钱等级", Gender.MALE));
        LocalDate reported = LocalDate.now(clock).minusDays(2);
        mvc.perform(post("/api/v1/cases/" + id + "/contacts")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REPORT_IN_PERSON\",\"on\":\"%s\",\"note\":\"当面报告\"}".formatted(reported)))
                .andExpect(status().isCreated());
        reactions.awaitAll(java.time.Duration.ofSeconds(10));
        org.tongxin.policy.PolicySettings settings = policies.inForce(
                        cases.facts(id).orElseThrow().policyRegion(), reported)
                .settings();
        assertThat(openReports(id))
                .containsExactly(reported.plusDays(settings.reportIntervalDays(SupervisionLevel.ORDINARY))
                        .toString());

        record("cd.county", id, """
            {"periodFrom":"%s","periodTo":"%s","result":"POOR","factsConsidered":"多次迟报","newLevel":"STRICT",
             "levelReason":"VIOLATION","levelReasonText":"多次迟报，调整为严管"}\
            """.formatted(reported.minusMonths(1), reported))
                .andExpect(status().isCreated());
        reactions.awaitAll(java.time.Duration.ofSeconds(10));
        LocalDate strict = reported.plusDays(settings.reportIntervalDays(SupervisionLevel.STRICT));
        assertThat(openReports(id))
                .containsExactly((strict.isBefore(LocalDate.now(clock)) ? LocalDate.now(clock) : strict).toString());
    }

    java.util.List<String> openReports(CaseId id) {
        return jdbc.sql("SELECT instance FROM obligation WHERE case_id = :c AND step_id = 'supervise.report' AND"
                        + " status IN ('OPEN', 'OVERDUE')")
                .param("c", id.value())
                .query(String.class)
                .list();
    }

    @Test
    void aRefusedFormAnswersWithItsStatusAndKeepsWhatWasTyped() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("周考核", Gender.FEMALE));
        mvc.perform(post("/cases/" + id + "/assessment/periodic")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("periodFrom", "2026-01-01")
                        .param("periodTo", "2025-12-01")
                        .param("result", "GOOD")
                        .param("factsConsidered", "按时报告"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("按时报告")));
        assertThat(rows(id)).isZero();
    }
}
