package org.tongxin.supervision.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic monitoring end to end through the API (CCL arts. 29 and 34): the county agency proposes, the county
 * judicial bureau's head approves, the period's end is a clock on the ledger; positions from the monitoring system's
 * token scoped to monitoring positions are stored encrypted inside the period and refused outside it, and only the
 * executing agency reads them; an import is all or nothing.
 */
@IntegrationTest
class MonitoringIntegrationTests {

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
    CaseDirectory directory;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    Clock clock;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    MvcResult call(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request = request.with(actors.as(user)).with(csrf());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    MvcResult position(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/monitoring/positions")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    long positions(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM supervision_monitoring_position WHERE case_id = :c")
                .param("c", id.value())
                .query(Long.class)
                .single();
    }

    /** A system token of the county agency, requested by its head and issued by the security administrator. */
    String systemToken(List<String> operations) throws Exception {
        MvcResult created = call(
                "cd.county.head",
                post("/api/v1/system-token-requests"),
                Map.of(
                        "name",
                        "电子定位平台",
                        "purpose",
                        "电子定位平台上报位置信息",
                        "roles",
                        List.of("COUNTY_OFFICER"),
                        "operations",
                        operations,
                        "lifetimeDays",
                        30));
        assertThat(created.getResponse().getStatus())
                .as(created.getResponse().getContentAsString())
                .isEqualTo(201);
        String id = body(created).get("id").asString();
        assertThat(call("secadmin", post("/api/v1/system-token-requests/" + id + "/issue"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        return body(call(
                        "cd.county.head", post("/api/v1/system-token-requests/" + id + "/token"), Map.of("version", 1)))
                .get("token")
                .asString();
    }

    static String iso(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    Map<String, Object> at(Instant time, String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", device);
        body.put("time", iso(time));
        body.put("latitude", 39.9042123);
        body.put("longitude", 116.4073456);
        body.put("accuracy", 12.5);
        return body;
    }

    @Test
    void proposedApprovedPositionsInsideStoredOutsideRefusedAndOnlyTheExecutingAgencyReadsThem() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("车明远", Gender.MALE));
        String device = "EM-" + UUID.randomUUID().toString().substring(0, 8);
        String periods = "/api/v1/cases/" + id + "/monitoring-periods";

        MvcResult bad = call(
                "cd.county",
                post(periods),
                Map.of("ground", "LEFT_AREA_WITHOUT_APPROVAL", "reason", "x", "deviceId", device, "months", 4));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(call(
                                "cx.county",
                                post(periods),
                                Map.of(
                                        "ground",
                                        "LEFT_AREA_WITHOUT_APPROVAL",
                                        "reason",
                                        "x",
                                        "deviceId",
                                        device,
                                        "months",
                                        3))
                        .getResponse()
                        .getStatus())
                .as("another county: no such case")
                .isEqualTo(404);

        MvcResult proposed = call(
                "cd.county",
                post(periods),
                Map.of(
                        "ground",
                        "LEFT_AREA_WITHOUT_APPROVAL",
                        "reason",
                        "三月五日未经批准前往外省",
                        "deviceId",
                        device,
                        "months",
                        3));
        assertThat(proposed.getResponse().getStatus())
                .as(proposed.getResponse().getContentAsString())
                .isEqualTo(201);
        String period = body(proposed).get("id").asString();
        assertThat(body(proposed).get("state").asString()).isEqualTo("PROPOSED");
        assertThat(directory.parties(id))
                .contains(new LawfulRole(
                        agencies.findByCode("CD-JB").orElseThrow().id(), Participation.APPROVING_BUREAU));
        ObligationView approval =
                ledger.find(id, Monitoring.APPROVE_STEP, period).orElseThrow();
        assertThat(approval.owingAgencyId())
                .isEqualTo(agencies.findByCode("CD-JB").orElseThrow().id());
        assertThat(call(
                                "cd.county",
                                post(periods),
                                Map.of(
                                        "ground",
                                        "WARNED_FOR_NOT_REPORTING",
                                        "reason",
                                        "y",
                                        "deviceId",
                                        device,
                                        "months",
                                        1))
                        .getResponse()
                        .getStatus())
                .as("one proposal at a time")
                .isEqualTo(409);

        String token = systemToken(List.of("recordMonitoringPosition"));
        MvcResult early = position(token, at(clock.instant().minusSeconds(3600), device));
        assertThat(early.getResponse().getStatus()).as("not approved yet").isEqualTo(422);
        assertThat(body(early).get("code").asString()).isEqualTo("POSITION_OUTSIDE_APPROVED_PERIOD");

        assertThat(call("cd.county", post("/api/v1/monitoring-periods/" + period + "/approval"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .as("the county agency cannot approve its own proposal")
                .isEqualTo(403);
        assertThat(call(
                                "cx.bureau.head",
                                post("/api/v1/monitoring-periods/" + period + "/approval"),
                                Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .as("another county's bureau: no such case")
                .isEqualTo(404);
        MvcResult approved = call(
                "cd.bureau.head", post("/api/v1/monitoring-periods/" + period + "/approval"), Map.of("version", 0));
        assertThat(approved.getResponse().getStatus())
                .as(approved.getResponse().getContentAsString())
                .isEqualTo(200);
        Instant startsAt = Instant.parse(body(approved).get("startsAt").asString());
        assertThat(body(approved).get("state").asString()).isEqualTo("APPROVED");
        assertThat(ledger.find(id, Monitoring.APPROVE_STEP, period)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
        ObligationView clockOnLedger =
                ledger.find(id, Monitoring.RENEW_END_STEP, period).orElseThrow();
        assertThat(clockOnLedger.status()).isEqualTo(ObligationStatus.OPEN);
        // The clock runs to the period's end (the ledger's month rule may move a due day off a rest day).
        assertThat(clockOnLedger.dueDate())
                .isBetween(
                        LegalTime.dateOf(startsAt).plusMonths(3),
                        LegalTime.dateOf(startsAt).plusMonths(3).plusDays(3));
        assertThat(Instant.parse(body(approved).get("endsAt").asString()))
                .isEqualTo(startsAt.atZone(LegalTime.ZONE).plusMonths(3).toInstant());
        assertThat(directory.parties(id))
                .as("the bureau's role ends with its decision")
                .doesNotContain(new LawfulRole(
                        agencies.findByCode("CD-JB").orElseThrow().id(), Participation.APPROVING_BUREAU));

        long before = positions(id);
        MvcResult stored = position(token, at(startsAt.plusSeconds(1), device));
        assertThat(stored.getResponse().getStatus())
                .as(stored.getResponse().getContentAsString())
                .isEqualTo(201);
        assertThat(body(stored).get("caseId").asString()).isEqualTo(id.toString());
        assertThat(position(token, at(startsAt.plusSeconds(1), device))
                        .getResponse()
                        .getStatus())
                .as("sent again")
                .isEqualTo(200);
        Map<String, Object> byCase = at(startsAt.plusSeconds(2), null);
        byCase.remove("deviceId");
        byCase.put("caseId", id.toString());
        assertThat(position(token, byCase).getResponse().getStatus()).isEqualTo(201);
        assertThat(positions(id)).isEqualTo(before + 2);

        MvcResult outside = position(token, at(startsAt.minusSeconds(60), device));
        assertThat(outside.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(outside).get("code").asString()).isEqualTo("POSITION_OUTSIDE_APPROVED_PERIOD");
        Map<String, Object> wrong = at(startsAt.plusSeconds(3), device);
        wrong.put("latitude", 91);
        wrong.put("time", "2026-03-01T08:30:00");
        MvcResult invalid = position(token, wrong);
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(invalid).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.getResponse().getContentAsString()).contains("\"time\"");
        MvcResult latitude = position(
                token,
                Map.of(
                        "deviceId",
                        device,
                        "time",
                        iso(startsAt.plusSeconds(4)),
                        "latitude",
                        91,
                        "longitude",
                        116,
                        "accuracy",
                        5));
        assertThat(latitude.getResponse().getStatus()).isEqualTo(400);
        assertThat(latitude.getResponse().getContentAsString()).contains("\"latitude\"");
        MvcResult unknown = position(token, at(startsAt.plusSeconds(5), "NO-SUCH-DEVICE"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(unknown).get("code").asString()).isEqualTo("MONITORING_DEVICE_UNKNOWN");
        assertThat(positions(id)).as("nothing refused was stored").isEqualTo(before + 2);

        byte[] sealed = jdbc.sql("SELECT location_enc FROM supervision_monitoring_position WHERE case_id = :c LIMIT 1")
                .param("c", id.value())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain("39.90");

        assertThat(call("cd.county", post("/api/v1/monitoring/positions"), at(startsAt.plusSeconds(6), device))
                        .getResponse()
                        .getStatus())
                .as("a person cannot send positions")
                .isEqualTo(403);
        String other = systemToken(List.of("getInbox"));
        assertThat(position(other, at(startsAt.plusSeconds(6), device))
                        .getResponse()
                        .getStatus())
                .as("a token of another scope")
                .isEqualTo(403);

        MvcResult read = call("cd.county", get("/api/v1/cases/" + id + "/monitoring/positions"), null);
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(read).get("total").asLong()).isEqualTo(2);
        assertThat(body(read).get("items").get(0).get("latitude").asDouble()).isEqualTo(39.9042123);
        assertThat(body(read).get("items").get(0).get("accuracy").asDouble()).isEqualTo(12.5);
        assertThat(call("cd.court.clerk", get("/api/v1/cases/" + id + "/monitoring/positions"), null)
                        .getResponse()
                        .getStatus())
                .as("the decision organ does not read positions")
                .isEqualTo(403);
        assertThat(call("cx.county", get("/api/v1/cases/" + id + "/monitoring/positions"), null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        MvcResult ended = call(
                "cd.county",
                post("/api/v1/monitoring-periods/" + period + "/end"),
                Map.of("version", 1, "reason", "对象已按规定报告，不再需要"));
        assertThat(ended.getResponse().getStatus())
                .as(ended.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(ledger.find(id, Monitoring.RENEW_END_STEP, period)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(position(token, at(clock.instant().plusSeconds(1), device))
                        .getResponse()
                        .getStatus())
                .as("after the end")
                .isEqualTo(422);
    }

    @Test
    void aTokenRequestNamesTheMonitoringPositionsScopeAlone() throws Exception {
        MvcResult mixed = call(
                "cd.county.head",
                post("/api/v1/system-token-requests"),
                Map.of(
                        "name",
                        "电子定位平台",
                        "purpose",
                        "上报位置",
                        "roles",
                        List.of("COUNTY_OFFICER"),
                        "operations",
                        List.of("recordMonitoringPosition", "getInbox"),
                        "lifetimeDays",
                        30));
        assertThat(mixed.getResponse().getStatus()).isEqualTo(400);
        assertThat(mixed.getResponse().getContentAsString()).contains("monitoringScopeAlone");
    }

    @Test
    void anImportIsAllOrNothingWithEveryBadRowReported() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("费文杰", Gender.MALE));
        MvcResult proposed = call(
                "cd.county",
                post("/api/v1/cases/" + id + "/monitoring-periods"),
                Map.of(
                        "ground",
                        "PUBLIC_SECURITY_PENALTY",
                        "reason",
                        "因违反监督管理规定被治安拘留",
                        "deviceId",
                        "EM-IMPORT-" + id.toString().substring(0, 6),
                        "months",
                        1));
        String period = body(proposed).get("id").asString();
        Instant startsAt = Instant.parse(body(call(
                        "cd.bureau.head",
                        post("/api/v1/monitoring-periods/" + period + "/approval"),
                        Map.of("version", 0)))
                .get("startsAt")
                .asString());
        String good1 = iso(startsAt.plusSeconds(10)) + ",30.1,120.2,8";
        String good2 = iso(startsAt.plusSeconds(20)) + ",30.2,120.3,9.5";
        String csv = "time,latitude,longitude,accuracy\n" + good1 + "\n" + iso(startsAt.minusSeconds(600))
                + ",30.1,120.2,8\n" + "yesterday,95,120.2,8\n" + good2 + "\n";
        MvcResult rejected = mvc.perform(multipart("/api/v1/cases/" + id + "/monitoring/positions/import")
                        .file(new MockMultipartFile(
                                "file", "positions.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(rejected.getResponse().getStatus()).isEqualTo(422);
        JsonNode problem = body(rejected);
        assertThat(problem.get("code").asString()).isEqualTo("POSITION_IMPORT_REJECTED");
        assertThat(rejected.getResponse().getContentAsString())
                .contains("rows[3].time", "outsideApprovedPeriod", "rows[4].time", "rows[4].latitude");
        assertThat(positions(id)).as("all or nothing").isZero();

        String fixed = "time,latitude,longitude,accuracy\n" + good1 + "\n" + good2 + "\n";
        MvcResult imported = mvc.perform(multipart("/api/v1/cases/" + id + "/monitoring/positions/import")
                        .file(new MockMultipartFile(
                                "file", "positions.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)))
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(imported.getResponse().getStatus())
                .as(imported.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(body(imported).get("stored").asInt()).isEqualTo(2);
        assertThat(positions(id)).isEqualTo(2);
    }
}
