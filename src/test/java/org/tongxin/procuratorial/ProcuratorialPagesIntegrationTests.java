package org.tongxin.procuratorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.tongxin.obligation.ObligationView;
import org.tongxin.procuratorial.ProcuratorialSupervision.OpinionView;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Procuratorial supervision in the pages (CCL art. 62): the copied procuratorate's prosecutor issues a correction opinion
 * about a step of the case to the county agency (told what is missing first, nothing kept), the county agency finds it
 * with its deadline and replies in writing (not adopted needs its reasons), the reply closes the ledger's step; another
 * role may not issue, an agency not addressed has no reply form, a stranger finds nothing.
 */
@IntegrationTest
class ProcuratorialPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    ProcuratorialSupervision supervision;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    Clock clock;

    @Test
    void theProcuratorateIssuesAnOpinionInThePageAndTheCountyAgencyRepliesThere() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("纪检页", Gender.MALE));
        // The case's steps are opened by the procedure's reactions: the opinion names one of them.
        reactions.awaitAll(Duration.ofSeconds(20));
        String page = "/cases/" + id + "/opinions";
        String county = agencies.findByCode("CD-CCA").orElseThrow().id().value().toString();

        mvc.perform(get(page).with(actors.as("cd.proc")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本案尚无纠正意见或检察建议")))
                .andExpect(content().string(containsString("提出纠正意见或检察建议")));
        mvc.perform(get(page).with(actors.as("cd.county")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("提出纠正意见或检察建议</h2>"))));
        mvc.perform(get(page).with(actors.as("cx.county"))).andExpect(status().isNotFound());

        // Told what is missing, nothing kept.
        mvc.perform(post(page)
                        .with(actors.as("cd.proc"))
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("content", "短"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("issue-kind-error")))
                .andExpect(content().string(containsString("issue-addressedAgencyId-error")));
        assertThat(actors.call("cd.proc", () -> supervision.ofCase(id))).isEmpty();
        mvc.perform(post(page)
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("kind", "CORRECTION_OPINION")
                        .param("addressedAgencyId", county)
                        .param("content", "未按规定时间组织入矫宣告，请予纠正。"))
                .andExpect(status().isForbidden());

        mvc.perform(post(page)
                        .with(actors.as("cd.proc"))
                        .with(csrf())
                        .param("kind", "CORRECTION_OPINION")
                        .param("addressedAgencyId", county)
                        .param("stepId", "intake.announce")
                        .param("content", "未按规定时间组织入矫宣告，请予纠正并书面回复。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));
        OpinionView opinion =
                actors.call("cd.county", () -> supervision.ofCase(id)).getFirst();
        ObligationView reply =
                ledger.find(id, "procuratorate.reply", opinion.id().toString()).orElseThrow();
        assertThat(reply.status().pending()).isTrue();

        mvc.perform(get(page).with(actors.as("cd.county")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未按规定时间组织入矫宣告")))
                .andExpect(content().string(containsString("待书面回复")))
                .andExpect(content().string(containsString("提交书面回复")));
        mvc.perform(get(page).with(actors.as("cd.police")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("提交书面回复"))))
                .andExpect(content().string(not(containsString("未按规定时间组织入矫宣告"))));
        mvc.perform(get("/cases/" + id + "/steps/procuratorate.reply").with(actors.as("cd.county")))
                .andExpect(redirectedUrl(page));

        String replyPath = page + "/" + opinion.id() + "/reply";
        mvc.perform(post(replyPath)
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("version", Integer.toString(opinion.version()))
                        .param("adopted", "NOT_ADOPTED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("reply-" + opinion.id() + "-reasons-error")));
        mvc.perform(post(replyPath)
                        .with(actors.as("cd.police"))
                        .with(csrf())
                        .param("version", Integer.toString(opinion.version()))
                        .param("adopted", "ADOPTED"))
                .andExpect(status().isForbidden());
        mvc.perform(post(replyPath)
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("version", Integer.toString(opinion.version()))
                        .param("adopted", "ADOPTED")
                        .param("reasons", "已于次日补办入矫宣告，并完善了提醒机制。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));

        assertThat(ledger.find(id, "procuratorate.reply", opinion.id().toString())
                        .orElseThrow()
                        .status()
                        .pending())
                .isFalse();
        List<OpinionView> after = actors.call("cd.proc", () -> supervision.ofCase(id));
        assertThat(after.getFirst().adopted()).isTrue();
        mvc.perform(get(page).with(actors.as("cd.proc")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Replied in writing")))
                .andExpect(content().string(containsString("Adopted")));
    }
}
