package org.tongxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
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
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The sentence reduction (提请减刑, CCL art. 33) across agencies: the county agency proposes to the intermediate court of
 * the place by handover with the 减刑建议书, copy to the city procuratorate; the court's 30-day clock runs against it; its
 * ruling moves the term's end. And the police penalty proposal carries its own 提请治安管理处罚建议书.
 */
@IntegrationTest
class CommutationApiIntegrationTests {

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
    EventQuiescence reactions;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    ResultActions postAs(String user, String path, String body) throws Exception {
        return mvc.perform(post(path)
                .with(actors.as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String obligation(CaseId id, String step, String column) {
        return jdbc.sql("SELECT " + column + " FROM obligation WHERE case_id = :c AND step_id = :s")
                .param("c", id.value())
                .param("s", step)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    String template(CaseId id, String template) {
        return jdbc.sql("SELECT template FROM document_file WHERE case_id = :c AND template = :t")
                .param("c", id.value())
                .param("t", template)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void theIntermediateCourtRulesOnTheProposalAndTheTermEndsEarlier() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("吴减刑", Gender.MALE));
        String base = "/api/v1/cases/" + id;
        String proposal = """
            {"kind":"COMMUTATION","reasons":["MERITORIOUS_SERVICE"],"facts":"协助公安机关抓获在逃人员","evidence":"公安机关证明\\n考核记录"}\
            """;
        postAs("cd.dm", base + "/proposals", proposal).andExpect(status().isForbidden());
        postAs("cd.county", base + "/proposals", proposal.replace("MERITORIOUS_SERVICE", "GOOD_CONDUCT"))
                .andExpect(status().isBadRequest());
        String pid = new tools.jackson.databind.json.JsonMapper()
                .readTree(postAs("cd.county", base + "/proposals", proposal)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        reactions.awaitAll(Duration.ofSeconds(10));
        postAs("cd.county", base + "/proposals", proposal)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PROPOSAL_PENDING"));

        String court = agencies.findByCode("A-COURT").orElseThrow().id().toString();
        assertThat(template(id, "COMMUTATION_PROPOSAL")).isNotNull();
        assertThat(obligation(id, "commutation.rule", "status")).isEqualTo("OPEN");
        assertThat(obligation(id, "commutation.rule", "owing_agency_id::text")).isEqualTo(court);
        assertThat(jdbc.sql("""
            SELECT count(*) FROM exchange_handover h WHERE h.case_id = :c AND h.kind = 'COMMUTATION_PROPOSAL'
               AND h.receiver_agency_id = :court\
            """)
                        .param("c", id.value())
                        .param("court", java.util.UUID.fromString(court))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get(base + "/proposals/" + pid).with(actors.as("city.proc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("COMMUTATION"));

        String p = base + "/proposals/" + pid;
        LocalDate end = cases.facts(id).orElseThrow().termEnd();
        postAs(
                        "cd.court.judge",
                        p + "/ruling",
                        "{\"version\":0,\"granted\":true,\"ruledOn\":\"%s\",\"termEnd\":\"%s\"}"
                                .formatted(LocalDate.now(clock), end.minusMonths(3)))
                .andExpect(status().isForbidden());
        postAs(
                        "city.court.judge",
                        p + "/ruling",
                        "{\"version\":0,\"granted\":true,\"ruledOn\":\"%s\"}".formatted(LocalDate.now(clock)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("termEnd"));
        postAs(
                        "city.court.judge",
                        p + "/ruling",
                        "{\"version\":0,\"granted\":true,\"ruledOn\":\"%s\",\"termEnd\":\"%s\"}"
                                .formatted(LocalDate.now(clock), end.plusDays(1)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("TERM_END_NOT_REDUCED"));
        assertThat(cases.facts(id).orElseThrow().termEnd()).isEqualTo(end);

        postAs(
                        "city.court.judge",
                        p + "/ruling",
                        "{\"version\":0,\"granted\":true,\"ruledOn\":\"%s\",\"termEnd\":\"%s\"}"
                                .formatted(LocalDate.now(clock), end.minusMonths(3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.newTermEnd").value(end.minusMonths(3).toString()));
        reactions.awaitAll(Duration.ofSeconds(10));
        assertThat(cases.facts(id).orElseThrow().termEnd()).isEqualTo(end.minusMonths(3));
        assertThat(obligation(id, "commutation.rule", "status")).isIn("FULFILLED", "FULFILLED_LATE");
    }

    @Test
    void aPolicePenaltyProposalCarriesItsLetter() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("郑处罚", Gender.MALE));
        String base = "/api/v1/cases/" + id;
        postAs("cd.county", base + "/proposals", """
            {"kind":"POLICE_PENALTY","reasons":["SERIOUS_BREACH"],"facts":"多次进入禁止进入的娱乐场所","evidence":"现场记录"}\
            """).andExpect(status().isCreated());
        assertThat(template(id, "POLICE_PENALTY_PROPOSAL")).isNotNull();
        assertThat(jdbc.sql("""
            SELECT f.template FROM exchange_item i JOIN document_file f ON f.id = i.document_id
             WHERE i.code = 'SANCTION_PROPOSAL' AND f.case_id = :c\
            """).param("c", id.value()).query(String.class).list())
                .containsExactly("POLICE_PENALTY_PROPOSAL");
    }
}
