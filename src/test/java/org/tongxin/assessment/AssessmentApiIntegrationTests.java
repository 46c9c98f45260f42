package org.tongxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.obligation.LedgerScans;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The revocation procedure through the API across agencies: the county agency's warnings, the engine's refusal before
 * the second one, the proposal with an arrest request delivered to the court with its 48-hour and 30-day clocks, the
 * court's arrest decision, the police's arrest (IN_CUSTODY), the ruling (REVOKED) and the delivery to prison.
 */
@IntegrationTest
class AssessmentApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement management;

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

    @Autowired
    MutableClock testClock;

    @Autowired
    LedgerScans scans;

    final ObjectMapper json = new ObjectMapper();
    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        testClock.reset();
        SecurityContextHolder.clearContext();
    }

    ResultActions postAs(String user, String path, String body) throws Exception {
        return mvc.perform(post(path)
                .with(actors.as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    String warning(String reasons) {
        return """
            {"kind":"WARNING","reasons":[%s],"facts":"连续两次未按规定时间报到，经训诫仍不改正","evidence":"谈话记录"}\
            """.formatted(reasons);
    }

    String obligation(CaseId id, String step) {
        return jdbc.sql("SELECT status FROM obligation WHERE case_id = :c AND step_id = :s")
                .param("c", id.value())
                .param("s", step)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void warningsThenRevocationWithArrestThenRulingThenPrison() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("王强", Gender.MALE));
        String base = "/api/v1/cases/" + id;
        postAs("cd.county", base + "/sanctions", warning("\"SERIOUS_BREACH\"")).andExpect(status().isCreated());
        String proposal = """
            {"kind":"REVOCATION","reasons":["WARNED_TWICE_NOT_CORRECTED"],"facts":"两次警告仍不改正","evidence":"警告决定书\\n谈话记录",
             "withArrest":true,"arrestReason":"可能逃跑"}\
            """;
        postAs("cd.county", base + "/proposals", proposal)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("GROUND_NOT_MET_WARNED_TWICE_NOT_CORRECTED"));
        postAs("cd.county", base + "/sanctions", warning("\"SERIOUS_BREACH\"")).andExpect(status().isCreated());
        postAs("cd.court.judge", base + "/proposals", proposal).andExpect(status().isForbidden());
        JsonNode created =
                read(postAs("cd.county", base + "/proposals", proposal).andExpect(status().isCreated()));
        String pid = created.get("id").asText();
        String p = base + "/proposals/" + pid;
        reactions.awaitAll(Duration.ofSeconds(5));
        assertThat(templates(id))
                .containsExactlyInAnyOrder("WARNING_DECISION", "WARNING_DECISION", "REVOCATION_PROPOSAL");
        assertThat(jdbc.sql("""
            SELECT f.template FROM exchange_item i JOIN document_file f ON f.id = i.document_id
             WHERE i.code = 'SANCTION_PROPOSAL' AND f.case_id = :c\
            """).param("c", id.value()).query(String.class).list())
                .containsExactly("REVOCATION_PROPOSAL");
        assertThat(obligation(id, "revoke.rule")).isEqualTo("OPEN");
        assertThat(obligation(id, "revoke.arrest.decide")).isEqualTo("OPEN");
        mvc.perform(get(p).with(actors.as("cd.proc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arrest").value("REQUESTED"));

        postAs(
                        "cd.court.judge",
                        p + "/ruling",
                        "{\"version\":0,\"granted\":true,\"ruledOn\":\"" + fixtures.today() + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ARREST_DECISION_PENDING"));
        postAs("cd.police", p + "/arrest-decision", "{\"version\":0,\"arrest\":true}")
                .andExpect(status().isForbidden());
        postAs("cd.court.judge", p + "/arrest-decision", "{\"version\":0,\"arrest\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arrest").value("APPROVED"));
        assertThat(obligation(id, "revoke.arrest.decide")).isEqualTo("FULFILLED");

        String arrestedAt = clock.instant().toString();
        postAs("cd.police", p + "/arrest", "{\"version\":1,\"arrestedAt\":\"" + arrestedAt + "\"}")
                .andExpect(status().isOk());
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.IN_CUSTODY);
        assertThat(obligation(id, "revoke.custody_limit")).isEqualTo("OPEN");

        postAs(
                        "cd.court.judge",
                        p + "/ruling",
                        "{\"version\":2,\"granted\":true,\"ruledOn\":\"" + fixtures.today() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.REVOKED);
        assertThat(obligation(id, "revoke.rule")).isEqualTo("FULFILLED");
        assertThat(obligation(id, "revoke.custody_limit")).isEqualTo("FULFILLED");
        assertThat(obligation(id, "revoke.commit")).isEqualTo("OPEN");

        UUID prison = fixtures.agency("A-PRISON").value();
        postAs(
                        "cd.police",
                        p + "/commitment",
                        "{\"version\":3,\"institutionId\":\""
                                + fixtures.agency("CD-COURT").value() + "\",\"deliveredAt\":\""
                                + clock.instant().minusSeconds(60) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("institutionId"));
        postAs(
                        "cd.police",
                        p + "/commitment",
                        "{\"version\":3,\"institutionId\":\"" + prison + "\",\"deliveredAt\":\""
                                + clock.instant().minusSeconds(60) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMMITTED"));
        assertThat(obligation(id, "revoke.commit")).isEqualTo("FULFILLED");
        mvc.perform(get(base + "/assessment").with(actors.as("cd.proc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions.length()").value(2));
        mvc.perform(get(base + "/assessment").with(actors.as("cx.court.judge"))).andExpect(status().isNotFound());
    }

    /** The case's documents of this module (the intake's own, e.g. the reporting notice, left aside). */
    java.util.List<String> templates(CaseId id) {
        return jdbc.sql("""
            SELECT template FROM document_file WHERE case_id = :c AND template IN ('WARNING_DECISION', 'REVOCATION_PROPOSAL')\
            """).param("c", id.value()).query(String.class).list();
    }

    @Test
    void badInputIsACodedBadRequestAndChangesNothing() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("赵六", Gender.MALE));
        String base = "/api/v1/cases/" + id;
        postAs("cd.county", base + "/sanctions", "{\"kind\":\"WARNING\",\"reasons\":[],\"facts\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasons"));
        postAs("cd.county", base + "/sanctions", "{\"kind\":\"REPRIMAND\",\"reasons\":[\"LATE_REPORT\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("facts"));
        postAs(
                        "cd.county",
                        base + "/sanctions",
                        "{\"kind\":\"WARNING\",\"reasons\":[\"REPRIMANDED_NOT_CORRECTED\"],\"facts\":\"x\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("GROUND_NOT_MET_REPRIMANDED_NOT_CORRECTED"));
        mvc.perform(get(base + "/assessment").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions.length()").value(0));
        assertThat(templates(id)).isEmpty();
    }

    /** Two warnings, a revocation proposal with an arrest request, the court's approval, the police's arrest: IN_CUSTODY. */
    String arrested(CaseId id) throws Exception {
        String base = "/api/v1/cases/" + id;
        postAs("cd.county", base + "/sanctions", warning("\"SERIOUS_BREACH\"")).andExpect(status().isCreated());
        postAs("cd.county", base + "/sanctions", warning("\"SERIOUS_BREACH\"")).andExpect(status().isCreated());
        String pid = read(postAs("cd.county", base + "/proposals", """
            {"kind":"REVOCATION","reasons":["WARNED_TWICE_NOT_CORRECTED"],"facts":"两次警告仍不改正","evidence":"警告决定书",
             "withArrest":true,"arrestReason":"可能逃跑"}\
            """).andExpect(status().isCreated()))
                .get("id")
                .asText();
        String p = base + "/proposals/" + pid;
        postAs("cd.court.judge", p + "/arrest-decision", "{\"version\":0,\"arrest\":true}")
                .andExpect(status().isOk());
        postAs("cd.police", p + "/arrest", "{\"version\":1,\"arrestedAt\":\"" + clock.instant() + "\"}")
                .andExpect(status().isOk());
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.IN_CUSTODY);
        return p;
    }

    @Test
    void theArrestedSubjectIsReleasedWhenThirtyDaysPassWithoutARuling() throws Exception {
        // The case is opened and the subject arrested 31 days ago; the clock then moves on to the present. (Moving it
        // into the future instead would make every open obligation of the shared test database overdue.)
        testClock.advance(Duration.ofDays(-31));
        CaseId id = fixtures.underCorrection(fixtures.adult("钱七", Gender.MALE));
        String p = arrested(id);
        reactions.awaitAll(Duration.ofSeconds(5));
        testClock.advance(Duration.ofDays(29));
        scans.scanNow();
        reactions.awaitAll(Duration.ofSeconds(5));
        assertThat(fixtures.status(id)).as("29 days after the arrest").isEqualTo(CaseStatus.IN_CUSTODY);

        testClock.reset();
        scans.scanNow();
        reactions.awaitAll(Duration.ofSeconds(10));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);
        mvc.perform(get(p).with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.arrest").value("RELEASED"))
                .andExpect(jsonPath("$.releasedAt").isNotEmpty());
        postAs(
                        "cd.court.judge",
                        p + "/ruling",
                        "{\"version\":3,\"granted\":true,\"ruledOn\":\"" + fixtures.today() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.REVOKED);
    }

    @Test
    void aRefusedProposalReleasesTheArrestedSubjectAtOnce() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("孙八", Gender.MALE));
        String p = arrested(id);
        postAs(
                        "cd.court.judge",
                        p + "/ruling",
                        "{\"version\":2,\"granted\":false,\"ruledOn\":\"" + fixtures.today() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.arrest").value("RELEASED"));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(obligation(id, "revoke.custody_limit")).isEqualTo("FULFILLED");
        assertThat(obligation(id, "revoke.rule")).isEqualTo("FULFILLED");
        assertThat(obligation(id, "revoke.commit")).isNull();
    }
}
