package org.tongxin.supervision.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The monitoring page in both languages: the county agency proposes with the law's grounds in words, the bureau's head
 * approves from the same page, the county agency imports and reads positions; a bad form answers on the page.
 */
@IntegrationTest
class MonitoringPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String render(String user, String path, String lang) throws Exception {
        MvcResult result =
                mvc.perform(get(path + "?lang=" + lang).with(actors.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("</html>").doesNotContain("??", "Exception", "系统内部错误");
        return html;
    }

    @Test
    void theCountyProposesTheBureauHeadApprovesAndOnlyTheCountyReadsAndImportsPositions() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("蒋春生", Gender.MALE));
        String page = "/cases/" + id + "/monitoring";
        assertThat(render("cd.county", page, "zh-CN")).contains("尚未使用电子定位", "违反人民法院禁止令");
        assertThat(render("cd.county", page, "en")).contains("Breach of a court prohibition order");

        MvcResult bad = mvc.perform(post(page)
                        .param("reason", "")
                        .param("months", "3")
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("error-summary", "ground-error", "is-invalid");

        MvcResult proposed = mvc.perform(post(page)
                        .param("ground", "PROHIBITION_ORDER_BREACH")
                        .param("reason", "进入禁止进入的场所")
                        .param("deviceId", "EM-PAGE-" + id.toString().substring(0, 6))
                        .param("months", "2")
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(proposed.getResponse().getRedirectedUrl()).isEqualTo(page);
        String pending = render("cd.bureau.head", page, "zh-CN");
        assertThat(pending).contains("待审批", "批准").doesNotContain("位置信息只向");
        String periodId = jdbc.sql("SELECT id::text FROM supervision_monitoring_period WHERE case_id = :c")
                .param("c", id.value())
                .query(String.class)
                .single();
        MvcResult approved = mvc.perform(post("/monitoring-periods/" + periodId + "/approval")
                        .param("version", "0")
                        .with(actors.as("cd.bureau.head"))
                        .with(csrf()))
                .andReturn();
        assertThat(approved.getResponse().getRedirectedUrl())
                .as("the bureau's part ends with its decision")
                .isEqualTo("/inbox");

        String time =
                clock.instant().plusSeconds(1).atOffset(ZoneOffset.ofHours(8)).toString();
        MvcResult imported = mvc.perform(multipart("/cases/" + id + "/monitoring/import")
                        .file(new MockMultipartFile(
                                "file",
                                "p.csv",
                                "text/csv",
                                ("time,latitude,longitude,accuracy\n" + time + ",31.2304,121.4737,15\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(render("cd.county", page, "zh-CN")).contains("已批准", "31.230400", "15.0 米", "提请延长使用电子定位装置");
        assertThat(render("cd.county", page, "en")).contains("Approved", "121.473700", "15.0 m");
        assertThat(mvc.perform(get(page).with(actors.as("cd.court.clerk")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the court has no part in monitoring")
                .isEqualTo(403);
    }
}
