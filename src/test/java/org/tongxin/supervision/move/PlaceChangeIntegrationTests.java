package org.tongxin.supervision.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole change of the place of execution between two counties of City A (Chengdong to Chengxi) through the API:
 * application, consultation, the new agency's reply, the decision, the file handed over and receipted, the documents
 * forwarded to the new place's procuratorate and police, the report at the new place. Afterwards Chengxi owns the
 * case and Chengdong reads only its own part; refusals change nothing.
 */
@IntegrationTest
class PlaceChangeIntegrationTests {

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

    MvcResult ok(String user, String path, Object body) throws Exception {
        MvcResult r = call(user, post(path), body);
        assertThat(r.getResponse().getStatus())
                .as(path + " " + r.getResponse().getContentAsString())
                .isBetween(200, 201);
        return r;
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    void refused(MvcResult r, int status, String code) throws Exception {
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(status);
        assertThat(body(r).get("code").asString()).isEqualTo(code);
    }

    String state(String changeId) {
        return jdbc.sql("SELECT state FROM supervision_place_change WHERE id = ?::uuid")
                .param(changeId)
                .query(String.class)
                .single();
    }

    @Test
    void aSubjectMovesFromChengdongToChengxiAndChengdongKeepsOnlyItsOwnPart() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("梁家和", Gender.MALE));
        AgencyId chengdong = fixtures.agency("CD-CCA");
        AgencyId chengxi = fixtures.agency("CX-CCA");
        String apply = "/api/v1/cases/" + id + "/place-changes";
        String moveOn = LocalDate.now(clock).plusMonths(1).toString();

        assertThat(call(
                                "cx.county",
                                post(apply),
                                Map.of(
                                        "newCountyAgencyId",
                                        chengxi.toString(),
                                        "intendedMoveOn",
                                        moveOn,
                                        "reason",
                                        "随子女迁居"))
                        .getResponse()
                        .getStatus())
                .as("Chengxi has no part in the case yet")
                .isEqualTo(404);
        MvcResult bad = call("cd.county", post(apply), Map.of("newCountyAgencyId", chengxi.toString(), "reason", " "));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("intendedMoveOn", "reason");
        MvcResult badEn = mvc.perform(post(apply)
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "newCountyAgencyId", chengdong.toString(), "intendedMoveOn", moveOn, "reason", "迁居"))))
                .andReturn();
        refused(badEn, 422, "PLACE_CHANGE_SAME_COUNTY");
        assertThat(badEn.getResponse().getContentAsString()).contains("same county agency");
        refused(
                call(
                        "cd.county",
                        post(apply),
                        Map.of(
                                "newCountyAgencyId",
                                fixtures.agency("CX-SO-XG").toString(),
                                "intendedMoveOn",
                                moveOn,
                                "reason",
                                "迁居")),
                400,
                "VALIDATION_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_place_change WHERE case_id = ?")
                        .param(id.value())
                        .query(Integer.class)
                        .single())
                .as("refusals change nothing")
                .isZero();

        String change = body(ok(
                        "cd.county",
                        apply,
                        Map.of("newCountyAgencyId", chengxi.toString(), "intendedMoveOn", moveOn, "reason", "随子女迁居")))
                .get("id")
                .asString();
        assertThat(ledger.find(id, PlaceChanges.CONSULT_STEP, change)
                        .orElseThrow()
                        .owingAgencyId())
                .isEqualTo(chengdong);
        refused(
                call(
                        "cd.county",
                        post(apply),
                        Map.of("newCountyAgencyId", chengxi.toString(), "intendedMoveOn", moveOn, "reason", "再次申请")),
                409,
                "PLACE_CHANGE_IN_PROGRESS");
        assertThat(jdbc.sql("SELECT reason_enc FROM supervision_place_change WHERE id = ?::uuid")
                        .param(change)
                        .query(byte[].class)
                        .single())
                .asString()
                .doesNotContain("随子女迁居");

        ok("cd.county", "/api/v1/place-changes/" + change + "/consultation", Map.of("version", 0));
        ObligationView reply = ledger.find(id, PlaceChanges.REPLY_STEP, change).orElseThrow();
        assertThat(reply.owingAgencyId()).as("the new agency owes its reply").isEqualTo(chengxi);
        assertThat(reply.dueAt()).isNotNull();
        refused(
                call(
                        "cd.county",
                        post("/api/v1/place-changes/" + change + "/reply"),
                        Map.of("version", 1, "accepted", true)),
                403,
                "PLACE_CHANGE_NEW_AGENCY_ONLY");
        assertThat(call(
                                "cx.county",
                                post("/api/v1/place-changes/" + change + "/reply"),
                                Map.of("version", 1, "accepted", false))
                        .getResponse()
                        .getStatus())
                .as("a refusal gives reasons")
                .isEqualTo(400);
        assertThat(state(change)).isEqualTo("CONSULTING");
        ok("cx.county", "/api/v1/place-changes/" + change + "/reply", Map.of("version", 1, "accepted", true));
        assertThat(ledger.find(id, PlaceChanges.REPLY_STEP, change)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);

        refused(
                call(
                        "cx.county",
                        post("/api/v1/place-changes/" + change + "/decision"),
                        Map.of("version", 2, "approved", true)),
                403,
                "PLACE_CHANGE_COUNTY_AGENCY_ONLY");
        ok("cd.county", "/api/v1/place-changes/" + change + "/decision", Map.of("version", 2, "approved", true));
        assertThat(ledger.find(id, PlaceChanges.TRANSFER_STEP, change)
                        .orElseThrow()
                        .owingAgencyId())
                .isEqualTo(chengdong);
        refused(
                call("cx.county", post("/api/v1/place-changes/" + change + "/receipt"), Map.of("version", 3)),
                409,
                "PLACE_CHANGE_FILE_NOT_SENT");
        ok("cd.county", "/api/v1/place-changes/" + change + "/transfer", Map.of("version", 3));
        assertThat(ledger.find(id, PlaceChanges.TRANSFER_STEP, change)
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);

        List<ObligationView> chengdongOwes = ledger.forCase(id).stream()
                .filter(o -> o.status().pending() && chengdong.equals(o.owingAgencyId()))
                .toList();
        assertThat(chengdongOwes)
                .as("the case has open work of Chengdong to move")
                .isNotEmpty();
        refused(
                call("cd.county", post("/api/v1/place-changes/" + change + "/receipt"), Map.of("version", 4)),
                403,
                "PLACE_CHANGE_NEW_AGENCY_ONLY");
        JsonNode received = body(ok("cx.county", "/api/v1/place-changes/" + change + "/receipt", Map.of("version", 4)));
        assertThat(received.get("state").asString()).isEqualTo("TRANSFERRED");

        assertThat(directory.facts(id).orElseThrow().countyAgencyId())
                .as("Chengxi executes the case")
                .isEqualTo(chengxi);
        assertThat(actors.call("cx.county", () -> handovers.ofCase(id)).stream()
                        .filter(h -> h.kind() == HandoverKind.PLACE_CHANGE_FILE))
                .singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo(HandoverStatus.RECEIPTED));
        for (ObligationView o : chengdongOwes) {
            assertThat(ledger.find(id, o.stepId(), o.instance()).orElseThrow().owingAgencyId())
                    .as("open obligation %s moved to the new county", o.stepId())
                    .isEqualTo(chengxi);
        }
        ObligationView forward =
                ledger.find(id, PlaceChanges.FORWARD_STEP, change).orElseThrow();
        assertThat(forward.owingAgencyId()).isEqualTo(chengxi);
        assertThat(forward.counterpartyAgencyId())
                .as("the procuratorate of the new place")
                .isEqualTo(directory.facts(id).orElseThrow().procuratorateId())
                .isNotNull();
        ObligationView report =
                ledger.find(id, PlaceChanges.REPORT_STEP, change).orElseThrow();
        assertThat(report.owedBySubject()).isTrue();
        assertThat(report.owingAgencyId()).as("watched by the new agency").isEqualTo(chengxi);

        refused(
                call("cd.county", post("/api/v1/place-changes/" + change + "/forwarding"), Map.of("version", 5)),
                403,
                "PLACE_CHANGE_NEW_AGENCY_ONLY");
        ok("cx.county", "/api/v1/place-changes/" + change + "/forwarding", Map.of("version", 5));
        assertThat(ledger.find(id, PlaceChanges.FORWARD_STEP, change)
                        .orElseThrow()
                        .status()
                        .pending())
                .isFalse();
        assertThat(actors.call("cx.proc", () -> handovers.ofCase(id)).stream()
                        .filter(h -> h.kind() == HandoverKind.PLACE_CHANGE_FORWARDING))
                .as("the new place's procuratorate has them")
                .singleElement()
                .satisfies(h -> assertThat(h.copies()).isNotEmpty());
        refused(
                call("cx.county", post("/api/v1/place-changes/" + change + "/forwarding"), Map.of("version", 6)),
                409,
                "PLACE_CHANGE_ALREADY_FORWARDED");

        refused(
                call(
                        "cd.county",
                        post("/api/v1/place-changes/" + change + "/report"),
                        Map.of("version", 6, "reportedAt", clock.instant().toString())),
                403,
                "PLACE_CHANGE_NEW_AGENCY_ONLY");
        ok(
                "cx.county",
                "/api/v1/place-changes/" + change + "/report",
                Map.of("version", 6, "reportedAt", clock.instant().toString()));
        assertThat(state(change)).isEqualTo("REPORTED");
        assertThat(ledger.find(id, PlaceChanges.REPORT_STEP, change)
                        .orElseThrow()
                        .status()
                        .pending())
                .isFalse();

        assertThat(actors.call("cd.county", () -> CaseDirectory.ownPartOnly(directory.decision(id))))
                .isTrue();
        assertThat(actors.call("cd.county", () -> directory.timeline(id)))
                .extracting(i -> i.kind())
                .as("Chengdong sees what it did, not what happens at the new place")
                .contains("move.applied")
                .doesNotContain("move.forwarded", "move.reported");
        assertThat(actors.call("cx.county", () -> directory.timeline(id)))
                .extracting(i -> i.kind())
                .contains("move.reported");
        MvcResult oldReads = mvc.perform(
                        get("/api/v1/cases/" + id + "/place-changes").with(actors.as("cd.county")))
                .andReturn();
        assertThat(oldReads.getResponse().getStatus()).isEqualTo(200);
    }
}
