package org.tongxin.supervision.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lost contact through the API: the search opens at once on the ledger, the police are asked to assist and the court
 * notified with a copy to the procuratorate; found, the search is done; still missing a month on, the revocation ground
 * is announced once (on the timeline, for the assessment module).
 */
@IntegrationTest
class LostContactIntegrationTests {

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
    Handovers handovers;

    @Autowired
    LostContacts lostContacts;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    Clock clock;

    MvcResult call(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request = request.with(actors.as(user)).with(csrf());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theSearchOpensAtOnceWithThePoliceAndTheCourtToldAndEndsWhenFound() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("滕家明", Gender.MALE));
        String path = "/api/v1/cases/" + id + "/lost-contacts";
        assertThat(call("cd.county", post(path), Map.of("circumstances", "x"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(call(
                                "cd.court.clerk",
                                post(path),
                                Map.of("lostSince", clock.instant().toString(), "circumstances", "x"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        MvcResult reported = call(
                "cd.county",
                post(path),
                Map.of(
                        "lostSince",
                        clock.instant().minusSeconds(3600).toString(),
                        "circumstances",
                        "连续两天电话关机，到住处走访无人，家属称其外出未归"));
        assertThat(reported.getResponse().getStatus())
                .as(reported.getResponse().getContentAsString())
                .isEqualTo(201);
        String record = body(reported).get("id").asString();
        assertThat(ledger.find(id, LostContacts.SEARCH_STEP, record)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.OPEN);
        assertThat(actors.call("cd.county", () -> handovers.ofCase(id)).stream()
                        .map(h -> h.kind())
                        .toList())
                .contains(HandoverKind.LOST_CONTACT_ASSISTANCE, HandoverKind.LOST_CONTACT_NOTICE);
        assertThat(call(
                                "cd.county",
                                post(path),
                                Map.of("lostSince", clock.instant().toString(), "circumstances", "again"))
                        .getResponse()
                        .getStatus())
                .as("one search at a time")
                .isEqualTo(409);
        MvcResult courtView = call("cd.court.clerk", get(path), null);
        assertThat(courtView.getResponse().getStatus()).isEqualTo(200);
        assertThat(courtView.getResponse().getContentAsString())
                .as("the court sees the facts, not the texts")
                .doesNotContain("电话关机");

        MvcResult found = call(
                "cd.county",
                post("/api/v1/lost-contacts/" + record + "/found"),
                Map.of("version", 1, "foundAt", clock.instant().toString(), "note", "在邻县亲戚家找到，已责令返回并训诫"));
        assertThat(found.getResponse().getStatus())
                .as(found.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(ledger.find(id, LostContacts.SEARCH_STEP, record)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
    }

    @Test
    void stillMissingAMonthOnIsAnnouncedOnceAsARevocationGround() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("钱立伟", Gender.MALE));
        Instant lostSince = clock.instant().minus(Duration.ofDays(33));
        MvcResult reported = call(
                "cd.county",
                post("/api/v1/cases/" + id + "/lost-contacts"),
                Map.of("lostSince", lostSince.toString(), "circumstances", "报到后再未联系，手机停机"));
        assertThat(reported.getResponse().getStatus()).isEqualTo(201);
        assertThat(lostContacts.announceMonthsElapsed()).isGreaterThanOrEqualTo(1);
        assertThat(lostContacts.announceMonthsElapsed()).as("once").isZero();
        reactions.awaitAll(Duration.ofSeconds(5));
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE case_id = :c AND kind = 'missing.overAMonth'")
                        .param("c", id.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
