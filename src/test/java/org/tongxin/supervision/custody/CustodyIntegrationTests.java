package org.tongxin.supervision.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
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
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Custody during correction through the API: the county agency records a detention the police decided, the case is
 * IN_CUSTODY, the police station owes its notice (custody.notice) and gives it as a handover to the county agency with a
 * copy to the procuratorate; the release brings the case back; refusals change nothing.
 */
@IntegrationTest
class CustodyIntegrationTests {

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
    Clock clock;

    MvcResult call(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.with(actors.as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theCountyRecordsADetentionThePoliceNotifyAndTheReleaseResumesCorrection() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("鲁国强", Gender.MALE));
        String station = agencies.findByCode("CD-PS-DM").orElseThrow().id().toString();
        Instant detainedAt = clock.instant();

        MvcResult bad = call(
                "cd.county",
                post("/api/v1/cases/" + id + "/custody"),
                Map.of("detainingOrganId", station, "detainedAt", detainedAt.toString()));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(call(
                                "cd.court.clerk",
                                post("/api/v1/cases/" + id + "/custody"),
                                Map.of(
                                        "kind",
                                        "ADMINISTRATIVE_DETENTION",
                                        "detainingOrganId",
                                        station,
                                        "detainedAt",
                                        detainedAt.toString()))
                        .getResponse()
                        .getStatus())
                .as("the court did not detain him and is not the county agency")
                .isEqualTo(403);

        MvcResult recorded = call(
                "cd.county",
                post("/api/v1/cases/" + id + "/custody"),
                Map.of(
                        "kind",
                        "ADMINISTRATIVE_DETENTION",
                        "detainingOrganId",
                        station,
                        "detainedAt",
                        detainedAt.toString()));
        assertThat(recorded.getResponse().getStatus())
                .as(recorded.getResponse().getContentAsString())
                .isEqualTo(201);
        String custody = body(recorded).get("id").asString();
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.IN_CUSTODY);
        ObligationView notice = ledger.find(id, Custody.NOTICE_STEP, custody).orElseThrow();
        assertThat(notice.owingAgencyId().value().toString())
                .as("owed by the organ that detained him")
                .isEqualTo(station);
        assertThat(notice.status()).isEqualTo(ObligationStatus.OPEN);

        assertThat(call("cd.county", post("/api/v1/custody/" + custody + "/notice"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MvcResult given = call("cd.station", post("/api/v1/custody/" + custody + "/notice"), Map.of("version", 0));
        assertThat(given.getResponse().getStatus())
                .as(given.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(ledger.find(id, Custody.NOTICE_STEP, custody).orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(actors.call("cd.county", () -> handovers.ofCase(id)).stream()
                        .filter(h -> h.kind() == HandoverKind.CUSTODY_NOTICE)
                        .toList())
                .singleElement()
                .satisfies(h -> assertThat(h.copies()).isNotEmpty());
        MvcResult again = call("cd.station", post("/api/v1/custody/" + custody + "/notice"), Map.of("version", 1));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("code").asString()).isEqualTo("CUSTODY_NOTICE_ALREADY_GIVEN");

        MvcResult released = call(
                "cd.county",
                post("/api/v1/custody/" + custody + "/release"),
                Map.of("version", 1, "releasedAt", clock.instant().toString()));
        assertThat(released.getResponse().getStatus())
                .as(released.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(call(
                                "cd.county",
                                post("/api/v1/custody/" + custody + "/release"),
                                Map.of(
                                        "version",
                                        2,
                                        "releasedAt",
                                        clock.instant().toString()))
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
    }
}
