package org.tongxin.supervision.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The change of the place of execution page: the county agency records an application (a bad form answers on the page,
 * nothing stored), consults Chengxi, which then sees the case and replies from the same page, in Chinese and English.
 */
@IntegrationTest
class PlaceChangePagesIntegrationTests {

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
    void theCountyRecordsAnApplicationConsultsAndTheNewAgencyRepliesOnThePage() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("韩立新", Gender.MALE));
        String page = "/cases/" + id + "/place-change";
        String chengxi = fixtures.agency("CX-CCA").toString();
        assertThat(render("cd.county", page, "zh-CN")).contains("尚无变更执行地申请", "城西区社区矫正管理局", "登记申请");
        assertThat(render("cd.county", page, "en"))
                .contains("No application to change the place of execution", "Record the application");
        assertThat(mvc.perform(get(page).with(actors.as("cx.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("Chengxi has no part yet")
                .isEqualTo(404);

        MvcResult bad = mvc.perform(post(page)
                        .param("newCountyAgencyId", chengxi)
                        .param("reason", "")
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(bad.getResponse().getStatus())
                .as("a refused form answers with the refusal's status")
                .isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("reason-error", "is-invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_place_change WHERE case_id = ?")
                        .param(id.value())
                        .query(Integer.class)
                        .single())
                .isZero();

        MvcResult applied = mvc.perform(post(page)
                        .param("newCountyAgencyId", chengxi)
                        .param(
                                "intendedMoveOn",
                                LocalDate.now(clock).plusMonths(1).toString())
                        .param("reason", "到城西照顾父母")
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(applied.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(render("cd.county", page, "zh-CN"))
                .contains("已申请，待征求意见", "申请理由：到城西照顾父母", "征求新执行地意见")
                .doesNotContain("登记申请");
        String change = jdbc.sql("SELECT id::text FROM supervision_place_change WHERE case_id = ?")
                .param(id.value())
                .query(String.class)
                .single();
        MvcResult consulted = mvc.perform(post("/place-changes/" + change + "/steps")
                        .param("step", "consultation")
                        .param("version", "0")
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(consulted.getResponse().getRedirectedUrl()).isEqualTo(page);

        assertThat(render("cx.county", page, "en"))
                .contains("New agency consulted; its reply is due", "Accept the subject");
        MvcResult refusedWithoutReasons = mvc.perform(post("/place-changes/" + change + "/steps")
                        .param("step", "reply")
                        .param("version", "1")
                        .param("yes", "false")
                        .with(actors.as("cx.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(refusedWithoutReasons.getResponse().getStatus()).isEqualTo(400);
        assertThat(refusedWithoutReasons.getResponse().getContentAsString()).contains("is-invalid");
        MvcResult accepted = mvc.perform(post("/place-changes/" + change + "/steps")
                        .param("step", "reply")
                        .param("version", "1")
                        .param("yes", "true")
                        .with(actors.as("cx.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(render("cd.county", page, "zh-CN")).contains("新执行地同意接收，待决定", "同意变更");
    }
}
