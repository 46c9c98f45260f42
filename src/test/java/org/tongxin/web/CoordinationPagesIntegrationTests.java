package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The conflict register's pages as forms: raising from a case page (refused once by its fields, nothing saved), the
 * register searched in a POST body, the conflict hidden from a non-party (404), and the coordination
 * office's response refused when stale.
 */
@IntegrationTest
class CoordinationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseSamples samples;

    @Test
    void aConflictIsRaisedFromTheCasePageFoundByItsCaseNumberAndHiddenFromOthers() throws Exception {
        CaseSamples.Sample sample = samples.assessedCase();
        String caseId = sample.caseId().toString();
        String casePage = mvc.perform(get("/cases/" + caseId).with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(casePage).contains("/conflicts/new?case=" + caseId);

        MvcResult refused = mvc.perform(post("/conflicts")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("caseId", caseId)
                        .param("point", "短"))
                .andReturn();
        assertThat(refused.getResponse().getStatus())
                .as("a refused form is a 400, never a 200")
                .isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains(
                        "id=\"type-error\"",
                        "id=\"parties-error\"",
                        "id=\"point-error\"",
                        "id=\"error-summary\"",
                        "href=\"#type\"",
                        "href=\"#parties\"",
                        "href=\"#point\"");

        String court = agencies.findByCode("CD-COURT").orElseThrow().id().toString();
        String point = "评估意见送达后法院迟迟不作出决定-" + UUID.randomUUID();
        MvcResult raised = mvc.perform(post("/conflicts")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("caseId", caseId)
                        .param("type", "COMMUNICATION")
                        .param("parties", court)
                        .param("point", point)
                        .param("handoverIds", sample.opinion().toString()))
                .andReturn();
        assertThat(raised.getResponse().getStatus()).isEqualTo(302);
        String conflictPath = raised.getResponse().getRedirectedUrl();
        assertThat(conflictPath).startsWith("/conflicts/");

        String page = mvc.perform(get(conflictPath).with(actors.as("cd.court.clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(point, "待回应");
        assertThat(mvc.perform(get(conflictPath).with(actors.as("cd.dm")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a judicial office that is no party")
                .isEqualTo(404);

        String register = mvc.perform(post("/conflicts/search")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("text", point.substring(16))
                        .param("type", "COMMUNICATION")
                        .param("sort", "-raised"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(register).contains(point.substring(0, 20));
        String other = mvc.perform(post("/conflicts/search")
                        .with(csrf())
                        .with(actors.as("cx.county"))
                        .param("text", point.substring(16)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).doesNotContain(point.substring(0, 20)).contains("没有符合条件的冲突");
        assertThat(mvc.perform(post("/conflicts/search")
                                .with(csrf())
                                .with(actors.as("cd.county"))
                                .param("type", "NOT_A_TYPE"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("a bad filter is shown, not a failure")
                .contains("type-error");

        MvcResult stale = mvc.perform(post(conflictPath + "/response")
                        .with(csrf())
                        .with(actors.as("city.coord"))
                        .param("version", "99")
                        .param("response", "已联系法院尽快作出决定"))
                .andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getContentAsString()).contains("id=\"error-summary\"");
        assertThat(mvc.perform(get(conflictPath).with(actors.as("city.coord")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("nothing changed")
                .contains("待回应");
    }
}
