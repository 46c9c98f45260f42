package org.tongxin.supervision.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.ContactKind;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change of the place of execution across two regions with different policy models, through the API: a subject of
 * Chengdong (City A, model 369900) moves to Xuhui (Shanghai, model 310000). The case's jurisdiction and its policy region
 * move with the receipt of the file; the open work moves to the new agency; the steps opened afterwards follow Shanghai's
 * model (its reporting interval, not City A's); Chengdong reads what it produced and the case's state, and nothing that
 * happens at the new place.
 */
@IntegrationTest
class PlaceChangeAcrossRegionsIntegrationTests {

    /** Xuhui district of Shanghai (徐汇区): a county-level division of the Shanghai-style model's region. */
    static final String XUHUI = "310104";

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
    AgencyManagement agencyManagement;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    PolicyModels policies;

    @Autowired
    Clock clock;

    @Autowired
    org.tongxin.shared.jdbc.EventQuiescence reactions;

    MvcResult call(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.with(actors.as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
    }

    JsonNode ok(String user, String path, Object body) throws Exception {
        MvcResult r = call(user, post(path), body);
        assertThat(r.getResponse().getStatus())
                .as(path + " " + r.getResponse().getContentAsString())
                .isBetween(200, 201);
        reactions.awaitAll(java.time.Duration.ofSeconds(30));
        return json.readTree(r.getResponse().getContentAsString());
    }

    /** Xuhui's community correction agency, procuratorate and police (the demo's, or made once where the demo is not loaded). */
    synchronized AgencyId xuhui() {
        for (Object[] a : new Object[][] {
            {"XH-CCA", "徐汇区社区矫正管理局", AgencyType.CORRECTION_AGENCY},
            {"XH-PROC", "徐汇区人民检察院", AgencyType.PROCURATORATE},
            {"XH-PSB", "上海市公安局徐汇分局", AgencyType.PUBLIC_SECURITY}
        }) {
            if (agencies.findByCode((String) a[0]).isEmpty()) {
                agencyManagement.register(new AgencyDraft(
                        (String) a[0],
                        (String) a[1],
                        null,
                        (AgencyType) a[2],
                        AgencyLevel.COUNTY,
                        null,
                        XUHUI,
                        null,
                        null,
                        null,
                        List.of(XUHUI)));
            }
        }
        return agencies.findByCode("XH-CCA").orElseThrow().id();
    }

    String timeline(String user, CaseId id) {
        return String.join(
                ",",
                actors.call(user, () -> directory.timeline(id)).stream()
                        .map(i -> i.kind())
                        .toList());
    }

    @Test
    void aSubjectMovesFromCityAToShanghaiAndTheNewClocksFollowShanghaisModel() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("欧阳迁", Gender.MALE));
        AgencyId chengdong = fixtures.agency("CD-CCA");
        AgencyId xuhui = xuhui();
        String shanghai = accounts.create("XH-CCA", Set.of(Role.COUNTY_OFFICER), false, true, null)
                .username();
        String shanghaiProc = accounts.create("XH-PROC", Set.of(Role.PROSECUTOR), false, true, null)
                .username();
        LocalDate today = LegalTime.today(clock);
        assertThat(directory.facts(id).orElseThrow().policyRegion()).isEqualTo("369900");
        assertThat(policies.regionFor(XUHUI)).isEqualTo("310000");

        // The two models differ where this test looks: the reporting interval of the case's supervision level.
        SupervisionLevel level = directory.facts(id).orElseThrow().supervisionLevel() == null
                ? SupervisionLevel.ORDINARY
                : directory.facts(id).orElseThrow().supervisionLevel();
        int cityA = policies.inForce("369900", today).settings().reportIntervalDays(level);
        int shanghaiDays = policies.inForce("310000", today).settings().reportIntervalDays(level);
        assertThat(cityA)
                .as("City A and Shanghai report at different intervals")
                .isNotEqualTo(shanghaiDays);

        // Chengdong starts the reporting schedule under City A's model.
        ok(
                "cd.county",
                "/api/v1/cases/" + id + "/contacts",
                Map.of("kind", ContactKind.REPORT_IN_PERSON, "on", today.toString(), "note", "按时到县矫正机构报告"));
        ObligationView before = openReport(id);
        assertThat(before.dueDate()).isEqualTo(today.plusDays(cityA));
        assertThat(before.policyRegion()).isEqualTo("369900");
        assertThat(before.owingAgencyId()).isEqualTo(chengdong);

        String apply = "/api/v1/cases/" + id + "/place-changes";
        String change = ok(
                        "cd.county",
                        apply,
                        Map.of(
                                "newCountyAgencyId",
                                xuhui.toString(),
                                "intendedMoveOn",
                                today.plusMonths(1).toString(),
                                "reason",
                                "随配偶调动迁居上海"))
                .get("id")
                .asString();
        ok("cd.county", "/api/v1/place-changes/" + change + "/consultation", Map.of("version", 0));
        ObligationView reply = ledger.find(id, PlaceChanges.REPLY_STEP, change).orElseThrow();
        assertThat(reply.owingAgencyId())
                .as("the Shanghai agency owes its reply")
                .isEqualTo(xuhui);
        ok(shanghai, "/api/v1/place-changes/" + change + "/reply", Map.of("version", 1, "accepted", true));
        ok("cd.county", "/api/v1/place-changes/" + change + "/decision", Map.of("version", 2, "approved", true));
        ok("cd.county", "/api/v1/place-changes/" + change + "/transfer", Map.of("version", 3));
        ok(shanghai, "/api/v1/place-changes/" + change + "/receipt", Map.of("version", 4));

        assertThat(directory.facts(id).orElseThrow().countyAgencyId())
                .as("Xuhui executes the case")
                .isEqualTo(xuhui);
        assertThat(directory.facts(id).orElseThrow().policyRegion())
                .as("the case follows Shanghai's model")
                .isEqualTo("310000");
        assertThat(directory.facts(id).orElseThrow().procuratorateId())
                .isEqualTo(agencies.findByCode("XH-PROC").orElseThrow().id());
        assertThat(openReport(id).owingAgencyId())
                .as("the open report moved to the new agency")
                .isEqualTo(xuhui);
        ObligationView forward =
                ledger.find(id, PlaceChanges.FORWARD_STEP, change).orElseThrow();
        assertThat(forward.owingAgencyId()).isEqualTo(xuhui);
        assertThat(forward.policyRegion())
                .as("a step opened at the new place is Shanghai's")
                .isEqualTo("310000");

        ok(shanghai, "/api/v1/place-changes/" + change + "/forwarding", Map.of("version", 5));
        ok(
                shanghai,
                "/api/v1/place-changes/" + change + "/report",
                Map.of("version", 6, "reportedAt", clock.instant().toString()));
        assertThat(actors.call(shanghaiProc, () -> directory.timeline(id)))
                .as("the new place's procuratorate has the case")
                .isNotEmpty();

        // The subject reports at the new place: the next report is due by Shanghai's interval.
        ok(
                shanghai,
                "/api/v1/cases/" + id + "/contacts",
                Map.of("kind", ContactKind.REPORT_IN_PERSON, "on", today.toString(), "note", "到徐汇区社区矫正机构报到后首次报告"));
        ObligationView after = openReport(id);
        assertThat(after.dueDate())
                .as("Shanghai's %d days, not City A's %d", shanghaiDays, cityA)
                .isEqualTo(today.plusDays(shanghaiDays));
        assertThat(after.policyRegion()).isEqualTo("310000");
        assertThat(after.owingAgencyId()).isEqualTo(xuhui);

        // Chengdong keeps what it produced and the case's state, nothing new, and may do nothing more.
        assertThat(actors.call("cd.county", () -> CaseDirectory.ownPartOnly(directory.decision(id))))
                .isTrue();
        assertThat(timeline("cd.county", id))
                .contains("move.applied")
                .doesNotContain("move.forwarded", "move.reported");
        assertThat(timeline(shanghai, id)).contains("move.reported");
        MvcResult more = call(
                "cd.county",
                post("/api/v1/cases/" + id + "/contacts"),
                Map.of("kind", ContactKind.HOME_VISIT, "on", today.toString()));
        assertThat(more.getResponse().getStatus())
                .as("the former county records nothing new")
                .isEqualTo(403);
        MvcResult state = mvc.perform(
                        get("/api/v1/cases/" + id + "/place-changes").with(actors.as("cd.county")))
                .andReturn();
        assertThat(state.getResponse().getStatus()).isEqualTo(200);
        assertThat(state.getResponse().getContentAsString()).contains("REPORTED");
        assertThat(call("cx.county", get("/api/v1/cases/" + id + "/place-changes"), Map.of())
                        .getResponse()
                        .getStatus())
                .as("an agency with no part still gets 404")
                .isEqualTo(404);
    }

    /** The case's one open report (supervise.report) on the ledger. */
    ObligationView openReport(CaseId id) {
        return ledger.forCase(id).stream()
                .filter(o -> o.stepId().equals(ContactKind.REPORT) && o.status().pending())
                .reduce((a, b) -> {
                    throw new AssertionError("more than one open report: " + a + ", " + b);
                })
                .orElseThrow();
    }
}
