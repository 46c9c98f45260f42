package org.tongxin.procedure;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The end of correction in the pages (CCL arts. 44, 45): the county agency announces the release on a pardon (told what
 * is missing first, nothing changed), issues the certificate with the notice to the decision organ, and records a death
 * and its notice on another case; the procuratorate reads how the case ended without forms, the police may not act, a
 * stranger finds nothing.
 */
@IntegrationTest
class TerminationPagesIntegrationTests {

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
    CaseDirectory cases;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    Clock clock;

    @Test
    void theCountyAgencyAnnouncesTheReleaseOnAPardonAndIssuesTheCertificate() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("解赦免", Gender.MALE));
        String page = "/cases/" + id + "/ending";
        String version = Integer.toString(cases.version(id));

        mvc.perform(get(page).with(actors.as("cd.county")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宣告解除社区矫正")))
                .andExpect(content().string(containsString("社区矫正对象死亡")));
        mvc.perform(get(page).with(actors.as("cd.proc")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由执行地社区矫正机构办理解除或终止矫正")))
                .andExpect(content().string(not(containsString("宣告解除</button>"))));
        mvc.perform(get(page).with(actors.as("cx.county"))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/termination")
                        .with(actors.as("cd.police"))
                        .with(csrf())
                        .param("version", version)
                        .param("reason", "PARDON"))
                .andExpect(status().isForbidden());

        mvc.perform(post(page + "/termination")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("version", version)
                        .param("endedOn", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("terminate-reason-error")));
        assertThat(cases.facts(id).orElseThrow().status()).as("nothing changed").isEqualTo(CaseStatus.UNDER_CORRECTION);

        mvc.perform(post(page + "/termination")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("version", version)
                        .param("reason", "PARDON")
                        .param("endedOn", LegalTime.today(clock).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));
        assertThat(cases.facts(id).orElseThrow().status()).isEqualTo(CaseStatus.TERMINATED);
        mvc.perform(get(page).with(actors.as("cd.county")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未通知社区矫正决定机关")))
                .andExpect(content().string(containsString("发放证明书并通知")))
                .andExpect(content().string(not(containsString("登记死亡</button>"))));

        mvc.perform(post(page + "/certificate").with(actors.as("cd.county")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));
        mvc.perform(get(page).with(actors.as("cd.proc")).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("解除社区矫正证明书（PDF）")));
        mvc.perform(post(page + "/certificate")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("lang", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已经通知过")));
    }

    @Test
    void theCountyAgencyRecordsADeathAndNotifiesIt() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("终亡故", Gender.MALE));
        String page = "/cases/" + id + "/ending";
        String version = Integer.toString(cases.version(id));

        mvc.perform(post(page + "/death")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("version", version)
                        .param("diedOn", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("death-diedOn-error")));
        mvc.perform(post(page + "/death")
                        .with(actors.as("cd.dm"))
                        .with(csrf())
                        .param("version", version)
                        .param("diedOn", LegalTime.today(clock).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/death")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .param("version", version)
                        .param("diedOn", LegalTime.today(clock).minusDays(1).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));
        assertThat(cases.facts(id).orElseThrow().status()).isEqualTo(CaseStatus.DECEASED);
        mvc.perform(post(page + "/death-notice").with(actors.as("cd.county")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        reactions.awaitAll(Duration.ofSeconds(20));
        mvc.perform(get(page).with(actors.as("cd.county")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ended by death")))
                .andExpect(content().string(containsString("Death notice (PDF)")));
    }
}
