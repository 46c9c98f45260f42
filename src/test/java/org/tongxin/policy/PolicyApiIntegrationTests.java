package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read side of the policy API, as another agency's system uses it. */
@IntegrationTest
class PolicyApiIntegrationTests {

    /** City A\'s own assistance and coordination deadlines (doc/procedures.md, policy-configured). */
    static final String[] COORDINATION_STEPS = {
        "assist.answer", "assist.contact", "assist.progress", "meeting.decision", "conflict.respond"
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    PolicyModels policies;

    MvcResult call(String url) throws Exception {
        return mvc.perform(get(url).with(actors.as("cd.court.clerk"))).andReturn();
    }

    JsonNode read(String url) throws Exception {
        MvcResult result = call(url);
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void modelsVersionsAndTheCatalogueInForceOnADate() throws Exception {
        assertThat(read("/api/v1/policy/models"))
                .extracting(m -> m.get("region").asString())
                .containsExactly("CN", "110000", "310000", "369900");
        JsonNode versions = read("/api/v1/policy/369900/versions");
        assertThat(versions.get(versions.size() - 1).get("number").asInt()).isEqualTo(1);
        assertThat(versions.get(versions.size() - 1).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(versions.get(versions.size() - 1).get("effectiveFrom").asString())
                .isEqualTo("2020-07-01");

        JsonNode catalogue = read("/api/v1/policy/369900/steps?date=2025-10-01");
        assertThat(catalogue.get("region").asString()).isEqualTo("369900");
        assertThat(catalogue.get("version").get("number").asInt())
                .as("the corrected version, in force from the first day")
                .isEqualTo(3);
        assertThat(catalogue.get("parentVersion").get("region").asString()).isEqualTo("CN");
        assertThat(catalogue.get("parentVersion").get("number").asInt()).isEqualTo(3);
        assertThat(catalogue.get("steps")).hasSize(70);
        JsonNode settings = catalogue.get("settings");
        assertThat(settings.get("immediateAlertHours").asInt()).isEqualTo(2);
        assertThat(settings.get("leave").get("officeEntrusted").asBoolean()).isTrue();
        assertThat(settings.get("leave").get("countyMaxDays").asInt()).isEqualTo(30);
        assertThat(settings.get("contact")
                        .get("STRICT")
                        .get("reportIntervalDays")
                        .asInt())
                .isEqualTo(7);
        assertThat(catalogue.get("settingOrigins").get("leaveOfficeEntrusted").asString())
                .isEqualTo("369900");
        assertThat(catalogue.get("settingOrigins").get("leaveCountyMaxDays").asString())
                .as("inherited")
                .isEqualTo("CN");
        JsonNode plan = null;
        for (JsonNode s : catalogue.get("steps")) {
            if (s.get("id").asString().equals("plan.make")) {
                plan = s;
            }
        }
        assertThat(plan.get("deadline").get("kind").asString()).isEqualTo("MONTHS");
        assertThat(plan.get("deadline").get("amount").asInt()).isEqualTo(1);
        assertThat(plan.get("origin").asString()).isEqualTo("OVERRIDDEN");
    }

    @Test
    void oneStepWithWhatItsParentSays() throws Exception {
        JsonNode plan = read("/api/v1/policy/369900/steps/plan.make?date=2025-10-01");
        assertThat(plan.get("step").get("owes").asString()).isEqualTo("COUNTY_AGENCY");
        assertThat(plan.get("parentStep").get("deadline").get("kind").asString())
                .isEqualTo("PROMPTLY");
        assertThat(plan.get("overrides"))
                .extracting(f -> f.get("name").asString())
                .contains("deadline", "note");
        JsonNode receipt = read("/api/v1/policy/CN/steps/docs.receipt?date=2025-10-01");
        assertThat(receipt.get("step").get("legalBasis").asString()).isEqualTo("IM 16 [R]");
        JsonNode im = receipt.get("step").get("sources").get(0);
        assertThat(im.get("citation").asString()).isEqualTo("《社区矫正法实施办法》第十六条");
        assertThat(im.get("citationEn").asString()).isEqualTo("Implementation Measures, art. 16");
        assertThat(im.get("confidence").asString()).isEqualTo("R");
        assertThat(im.get("articles").get(0).get("text").isNull())
                .as("the official text was not found: citation only")
                .isTrue();
        JsonNode custody =
                read("/api/v1/policy/CN/steps/custody.notice?date=2025-10-01").get("step");
        assertThat(custody.get("confidence").asString()).isEqualTo("V/R");
        JsonNode ccl = custody.get("sources").get(0);
        assertThat(ccl.get("confidence").asString()).isEqualTo("V");
        assertThat(ccl.get("aspects")).extracting(JsonNode::asString).containsExactlyInAnyOrder("STEP", "ORGAN");
        assertThat(ccl.get("articles").get(0).get("citationEn").asString())
                .isEqualTo("Community Correction Law, art. 32");
        assertThat(ccl.get("articles").get(0).get("text").asString()).startsWith("社区矫正对象有被依法决定拘留");
        assertThat(custody.get("sources").get(1).get("aspects"))
                .extracting(JsonNode::asString)
                .containsExactly("DEADLINE");
        JsonNode cityA =
                read("/api/v1/policy/369900/steps/plan.make?date=2025-10-01").get("step");
        assertThat(cityA.get("confidence").asString())
                .as("City A's own period never claims V")
                .isEqualTo("P");
        assertThat(receipt.get("step").get("pausable").asBoolean()).isTrue();
        assertThat(receipt.get("parentStep").isNull()).isTrue();
    }

    @Test
    void theDiffOfTwoRegionsOrTwoVersions() throws Exception {
        JsonNode diff = read("/api/v1/policy/diff?from=CN&to=369900&date=2025-10-01");
        assertThat(diff.get("from").get("region").asString()).isEqualTo("CN");
        assertThat(diff.get("added"))
                .extracting(s -> s.get("id").asString())
                .containsExactlyInAnyOrder(COORDINATION_STEPS);
        assertThat(diff.get("changed"))
                .extracting(c -> c.get("stepId").asString())
                .containsExactlyInAnyOrder("plan.make", "procuratorate.reply");
        assertThat(diff.get("settings"))
                .extracting(f -> f.get("name").asString())
                .contains("leaveOfficeEntrusted", "reportIntervalDaysOrdinary")
                .doesNotContain("immediateAlertHours", "leaveCountyMaxDays");
        JsonNode plan = diff.get("changed").get(0).get("stepId").asString().equals("plan.make")
                ? diff.get("changed").get(0)
                : diff.get("changed").get(1);
        assertThat(plan.get("fields").get(0).get("name").asString()).isEqualTo("deadline");
        assertThat(plan.get("fields").get(0).get("before").asString()).isEqualTo("PROMPTLY");
        assertThat(plan.get("fields").get(0).get("after").asString()).isEqualTo("MONTHS 1");

        String cn = policies.inForce("CN", LocalDate.of(2025, 10, 1))
                .version()
                .versionId()
                .toString();
        String shanghai = policies.inForce("310000", LocalDate.of(2025, 10, 1))
                .version()
                .versionId()
                .toString();
        JsonNode byVersion = read("/api/v1/policy/diff?fromVersion=" + cn + "&toVersion=" + shanghai);
        assertThat(byVersion.get("added"))
                .extracting(s -> s.get("id").asString())
                .containsExactly("leave.review");
        assertThat(read("/api/v1/policy/versions/" + shanghai).get("steps")).hasSize(66);

        String cnFirst = policies.versions("CN").getLast().id().toString();
        JsonNode correction = read("/api/v1/policy/diff?fromVersion=" + cnFirst + "&toVersion=" + cn);
        assertThat(correction.get("added"))
                .extracting(s -> s.get("id").asString())
                .contains(
                        "procuratorate.reply",
                        "revoke.arrest.decide",
                        "revoke.custody_limit",
                        "commutation.rule",
                        "move.forward",
                        "minors.seal");
        assertThat(correction.get("removed"))
                .extracting(s -> s.get("id").asString())
                .containsExactly("revoke.arrest");
        assertThat(correction.get("settings")).anySatisfy(f -> {
            assertThat(f.get("name").asString()).isEqualTo("immediateAlertHours");
            assertThat(f.get("before").asString()).isEqualTo("24");
            assertThat(f.get("after").asString()).isEqualTo("2");
        });
    }

    @Test
    void unknownRegionsVersionsAndStepsAre404AndBadInput400() throws Exception {
        for (String url : new String[] {
            "/api/v1/policy/440300/steps",
            "/api/v1/policy/440300/versions",
            "/api/v1/policy/369900/steps/no.such",
            "/api/v1/policy/versions/00000000-0000-0000-0000-000000000000",
            "/api/v1/policy/diff?from=CN&to=440300"
        }) {
            assertThat(call(url).getResponse().getStatus()).as(url).isEqualTo(404);
        }
        MvcResult missing = call("/api/v1/policy/diff?from=CN");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(missing.getResponse().getContentAsString()).contains("\"field\":\"to\"", "\"code\":\"required\"");
        assertThat(call("/api/v1/policy/CN/steps?date=yesterday").getResponse().getStatus())
                .isEqualTo(400);
        MvcResult early = call("/api/v1/policy/CN/steps?date=2019-01-01");
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(early.getResponse().getContentAsString()).contains("POLICY_NOT_IN_FORCE");
    }
}
