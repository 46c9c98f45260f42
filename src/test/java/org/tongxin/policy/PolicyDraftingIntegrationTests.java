package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model's editor — the national policy editor for the baseline, a region's city coordinator for its model — drafts,
 * checks and publishes a new version of it, through the API and the pages; nobody else may, and nobody edits another
 * region's model. Publications change the shared database for good (published versions are immutable), so the tests that
 * publish first move the clock decades ahead: their "tomorrow" is a day no other test looks at.
 */
@IntegrationTest
@RecordApplicationEvents
class PolicyDraftingIntegrationTests {

    static final String CITY_A = "369900";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    PolicyModels policies;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PolicyDrafting drafting;

    @Autowired
    org.tongxin.support.RegionalCoordinators editors;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MvcResult call(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(actors.as(user)).with(csrf())).andReturn();
    }

    MvcResult api(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return call(user, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** A step as the API takes it: the step as it applies with one change, and the draft's version. */
    ObjectNode stepBody(StepDraft step, int version) {
        ObjectNode node = (ObjectNode) json.valueToTree(step);
        node.put("version", version);
        return node;
    }

    /** Starts from a clean slate: another test (or the access matrix) may have left a draft open. */
    void discardOpenDraft(String region) throws Exception {
        var open = policies.draft(region);
        if (open.isPresent()) {
            assertThat(call(
                                    editors.editorOf(region),
                                    delete("/api/v1/policy/drafts/" + open.get().id() + "?version="
                                            + open.get().version()))
                            .getResponse()
                            .getStatus())
                    .isEqualTo(204);
        }
    }

    UUID createDraft(String region) throws Exception {
        discardOpenDraft(region);
        MvcResult created = call(editors.editorOf(region), post("/api/v1/policy/" + region + "/drafts"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        return UUID.fromString(body(created).get("id").asString());
    }

    int lock(UUID draft) {
        return policies.versionInfo(draft).orElseThrow().version();
    }

    List<String> auditActions(UUID target) {
        return jdbc.sql("SELECT action || ':' || coalesce(details, '') FROM audit_record WHERE target_id = :t ORDER BY"
                        + " id")
                .param("t", target.toString())
                .query(String.class)
                .list();
    }

    Map<String, Object> ownRow(UUID version, String step) {
        return jdbc.sql("SELECT * FROM policy_step WHERE version_id = :v AND step_id = :s")
                .param("v", version)
                .param("s", step)
                .query()
                .singleRow();
    }

    int ownRows(UUID version, String step) {
        return jdbc.sql("SELECT count(*) FROM policy_step WHERE version_id = :v AND step_id = :s")
                .param("v", version)
                .param("s", step)
                .query(Integer.class)
                .single();
    }

    @Test
    void aCoordinatorShortensCityAsReceiptDeadlineAndItAppliesFromTheEffectiveDateOnly() throws Exception {
        clock.setInstant(Instant.parse("2091-03-05T02:00:00Z"));
        LocalDate today = LegalTime.today(clock);
        LocalDate tomorrow = today.plusDays(1);
        UUID draft = createDraft(CITY_A);
        assertThat(policies.versionInfo(draft).orElseThrow().published()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM policy_step WHERE version_id = :v AND change = 'OVERRIDDEN'")
                        .param("v", draft)
                        .query(Integer.class)
                        .single())
                .as("City A's own overrides are copied into the draft")
                .isEqualTo(2);

        // Only the differing field is stored for a variant ...
        StepDraft inheritedReceipt = StepDraft.of(policies.version(draft).require("docs.receipt"));
        assertThat(api(
                                "city.coord",
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.receipt"),
                                stepBody(inheritedReceipt.withDeadline("CALENDAR_DAYS", 3, null), lock(draft)))
                        .getResponse()
                        .getStatus())
                .as("a region's own period cannot rest on the baseline's article")
                .isEqualTo(400);
        StepDraft receipt = inheritedReceipt.withLegalBasis("IM 16 [R step, organ]; CITYA [P deadline]", "P");
        MvcResult edited = api(
                "city.coord",
                put("/api/v1/policy/drafts/" + draft + "/steps/docs.receipt"),
                stepBody(receipt.withDeadline("CALENDAR_DAYS", 3, null), lock(draft)));
        assertThat(edited.getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> row = ownRow(draft, "docs.receipt");
        assertThat(row)
                .containsEntry("change", "OVERRIDDEN")
                .containsEntry("deadline_kind", "CALENDAR_DAYS")
                .containsEntry("deadline_amount", 3);
        assertThat(row.get("name_zh")).isNull();
        assertThat(row.get("owes")).isNull();
        assertThat(row.get("legal_basis"))
                .as("the region's own source")
                .isEqualTo("IM 16 [R step, organ]; CITYA [P deadline]");
        // ... and nothing once the step equals the parent's again.
        assertThat(api(
                                "city.coord",
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.receipt"),
                                stepBody(inheritedReceipt, lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(ownRows(draft, "docs.receipt")).isZero();
        assertThat(policies.version(draft).require("docs.receipt").origin()).isEqualTo(ProcedureStep.Origin.INHERITED);
        assertThat(api(
                                "city.coord",
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.receipt"),
                                stepBody(receipt.withDeadline("CALENDAR_DAYS", 3, null), lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        // The diff against the catalogue in force shows it, in the API and on the draft's page.
        JsonNode diff = body(call("city.coord", get("/api/v1/policy/drafts/" + draft + "/diff")));
        JsonNode change = null;
        for (JsonNode c : diff.get("changed")) {
            if (c.get("stepId").asString().equals("docs.receipt")) {
                change = c;
            }
        }
        assertThat(change).as("docs.receipt changed").isNotNull();
        assertThat(change.get("fields").get(0).get("name").asString()).isEqualTo("deadline");
        assertThat(change.get("fields").get(0).get("before").asString()).isEqualTo("CALENDAR_DAYS 5");
        assertThat(change.get("fields").get(0).get("after").asString()).isEqualTo("CALENDAR_DAYS 3");
        String page = call("city.coord", get("/policy/drafts/" + draft + "?lang=zh-CN"))
                .getResponse()
                .getContentAsString();
        String receiptChange = page.substring(page.indexOf("id=\"change-docs.receipt\""));
        assertThat(receiptChange.substring(0, receiptChange.indexOf("</table>")))
                .contains("<del>5 日</del>", "<ins>3 日</ins>");

        // Publishing needs a note and a date that is not in the past.
        MvcResult noNote = api(
                "city.coord",
                post("/api/v1/policy/drafts/" + draft + "/publish"),
                Map.of("version", lock(draft), "effectiveFrom", tomorrow.toString()));
        assertThat(noNote.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noNote).get("code").asString()).isEqualTo("POLICY_NOTE_REQUIRED");
        assertThat(api(
                                "city.coord",
                                put("/api/v1/policy/drafts/" + draft + "/settings"),
                                Map.of(
                                        "version",
                                        lock(draft),
                                        "noteZh",
                                        "送达回执期限缩短为 3 日",
                                        "noteEn",
                                        "Receipt within 3 days",
                                        "warningWorkingDays",
                                        3))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        MvcResult past = api(
                "city.coord",
                post("/api/v1/policy/drafts/" + draft + "/publish"),
                Map.of(
                        "version",
                        lock(draft),
                        "effectiveFrom",
                        today.minusDays(1).toString()));
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(past).get("errors").get(0).get("field").asString()).isEqualTo("effectiveFrom");
        assertThat(body(past).get("errors").get(0).get("code").asString()).isEqualTo("notInPast");

        MvcResult published = api(
                "city.coord",
                post("/api/v1/policy/drafts/" + draft + "/publish"),
                Map.of("version", lock(draft), "effectiveFrom", tomorrow.toString()));
        assertThat(published.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(published).get("effectiveFrom").asString()).isEqualTo(tomorrow.toString());
        assertThat(events.stream(PolicyVersionPublished.class))
                .containsExactly(new PolicyVersionPublished(CITY_A, draft, tomorrow));

        // From tomorrow City A's receipt is due in 3 days; today it is still 5, and a past day never changes.
        ResolvedPolicy fromTomorrow = policies.inForce(CITY_A, tomorrow);
        assertThat(fromTomorrow.version().versionId()).isEqualTo(draft);
        assertThat(fromTomorrow.require("docs.receipt").deadline())
                .isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 3));
        assertThat(fromTomorrow.require("plan.make").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.MONTHS, 1));
        assertThat(fromTomorrow.settings().warningWorkingDays()).isEqualTo(3);
        assertThat(policies.inForce(CITY_A, today).require("docs.receipt").deadline())
                .isEqualTo(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5));
        assertThat(policies.inForce(CITY_A, LocalDate.of(2025, 10, 1))
                        .require("docs.receipt")
                        .deadline()
                        .amount())
                .isEqualTo(5);
        var history = policies.history(CITY_A);
        assertThat(history.getFirst().version().id()).isEqualTo(draft);
        assertThat(history.getFirst().publishedBy())
                .isEqualTo(actors.user("city.coord").id().value());

        // When tomorrow comes, the matrix shows the new deadline by default.
        clock.advance(Duration.ofDays(1));
        String matrix =
                call("cd.county", get("/policy?lang=zh-CN")).getResponse().getContentAsString();
        String matrixRow = matrix.substring(matrix.indexOf("data-step=\"docs.receipt\""));
        assertThat(matrixRow.substring(0, matrixRow.indexOf("</tr>"))).contains("3 日");
        assertThat(body(call("cd.county", get("/api/v1/policy/369900/steps/docs.receipt")))
                        .get("step")
                        .get("deadline")
                        .get("amount")
                        .asInt())
                .isEqualTo(3);

        // A published version cannot be published again, changed or discarded.
        int lock = lock(draft);
        MvcResult again = api(
                "city.coord",
                post("/api/v1/policy/drafts/" + draft + "/publish"),
                Map.of("version", lock, "effectiveFrom", tomorrow.plusDays(5).toString()));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("code").asString()).isEqualTo("POLICY_VERSION_PUBLISHED");
        assertThat(body(again).get("detail").asString()).contains("已经发布");
        assertThat(api(
                                "city.coord",
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.receipt"),
                                stepBody(receipt.withDeadline("CALENDAR_DAYS", 2, null), lock))
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        assertThat(call("city.coord", delete("/api/v1/policy/drafts/" + draft + "?version=" + lock))
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        assertThat(policies.inForce(CITY_A, tomorrow)
                        .require("docs.receipt")
                        .deadline()
                        .amount())
                .isEqualTo(3);

        assertThat(auditActions(draft))
                .extracting(a -> a.substring(0, a.indexOf(':')))
                .containsExactly(
                        "policy.draft",
                        "policy.step",
                        "policy.step",
                        "policy.step",
                        "policy.settings",
                        "policy.publish");
        assertThat(auditActions(draft).getLast())
                .contains("\"effectiveFrom\":\"" + tomorrow + "\"", "\"region\":\"369900\"");
    }

    @Test
    void aCorrectionOfTheBaselineReachesEveryVariantThatDidNotChangeTheStep() throws Exception {
        clock.setInstant(Instant.parse("2093-06-01T02:00:00Z"));
        LocalDate today = LegalTime.today(clock);
        LocalDate tomorrow = today.plusDays(1);
        UUID cityAv1 = policies.versions(CITY_A).getLast().id();
        UUID draft = createDraft(PolicyModels.NATIONAL);

        StepDraft notify = StepDraft.of(policies.version(draft).require("docs.notify"));
        assertThat(api(
                                "moj.policy",
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.notify"),
                                stepBody(notify.withDeadline("CALENDAR_DAYS", 7, null), lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        Map<String, Object> row = ownRow(draft, "docs.notify");
        assertThat(row)
                .as("the baseline replaces its full row")
                .containsEntry("change", "DEFINED")
                .containsEntry("deadline_amount", 7)
                .containsEntry("name_zh", notify.nameZh())
                .containsEntry("legal_basis", "CCL 20 [V]");

        StepDraft archive = new StepDraft(
                "docs.archive",
                "归档法律文书",
                "File the legal documents",
                "收到法律文书",
                "Receipt of the documents",
                "COUNTY_AGENCY",
                null,
                List.of("PROCURATORATE"),
                null,
                "WORKING_DAYS",
                3,
                null,
                "档案",
                "File",
                "IM 16 [R]",
                "R",
                false,
                "documents",
                null,
                null);
        assertThat(api("moj.policy", post("/api/v1/policy/drafts/" + draft + "/steps"), stepBody(archive, lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(ownRow(draft, "docs.archive")).containsEntry("change", "DEFINED");
        MvcResult duplicate =
                api("moj.policy", post("/api/v1/policy/drafts/" + draft + "/steps"), stepBody(archive, lock(draft)));
        assertThat(duplicate.getResponse().getStatus()).isEqualTo(400);
        assertThat(duplicate.getResponse().getContentAsString()).contains("\"field\":\"id\"", "\"code\":\"taken\"");
        assertThat(call(
                                "moj.policy",
                                delete("/api/v1/policy/drafts/" + draft + "/steps/leave.frequent?version="
                                        + lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(ownRows(draft, "leave.frequent"))
                .as("the baseline deletes a removed step")
                .isZero();

        Map<String, Object> rules = new java.util.LinkedHashMap<>();
        for (PolicySetting setting : PolicySetting.values()) {
            int value = PolicySettings.BUILT_IN.get(setting);
            rules.put(setting.key(), setting.kind() == PolicySetting.Kind.FLAG ? (Object) (value != 0) : value);
        }
        assertThat(api(
                                "moj.policy",
                                put("/api/v1/policy/drafts/" + draft + "/settings"),
                                Map.of(
                                        "version",
                                        lock(draft),
                                        "warningWorkingDays",
                                        2,
                                        "promptAlertHours",
                                        24,
                                        "immediateAlertHours",
                                        2,
                                        "escalationWorkingDays",
                                        2,
                                        "noteZh",
                                        "通知期限延长为 7 日",
                                        "rules",
                                        rules))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(api(
                                "moj.policy",
                                post("/api/v1/policy/drafts/" + draft + "/publish"),
                                Map.of("version", lock(draft), "effectiveFrom", tomorrow.toString()))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        ResolvedPolicy baseline = policies.inForce(PolicyModels.NATIONAL, tomorrow);
        assertThat(baseline.require("docs.notify").deadline().amount()).isEqualTo(7);
        assertThat(baseline.step("leave.frequent")).isEmpty();
        assertThat(baseline.step("docs.archive")).isPresent();
        ResolvedPolicy cityA = policies.inForce(CITY_A, tomorrow);
        assertThat(cityA.parentVersion().versionId()).isEqualTo(draft);
        assertThat(cityA.require("docs.notify").deadline().amount())
                .as("inherited from the corrected baseline")
                .isEqualTo(7);
        assertThat(cityA.require("docs.notify").origin()).isEqualTo(ProcedureStep.Origin.INHERITED);
        assertThat(cityA.require("plan.make").deadline())
                .as("City A's own rule stays")
                .isEqualTo(DeadlineRule.of(DeadlineKind.MONTHS, 1));
        assertThat(cityA.step("docs.archive")).isPresent();
        assertThat(policies.inForce(CITY_A, today)
                        .require("docs.notify")
                        .deadline()
                        .amount())
                .isEqualTo(5);
        assertThat(policies.version(cityAv1).require("docs.notify").deadline().amount())
                .as("a version as published resolves over the parent of its own effective date")
                .isEqualTo(5);
        assertThat(policies.version(cityAv1, tomorrow)
                        .require("docs.notify")
                        .deadline()
                        .amount())
                .isEqualTo(7);

        // A draft of City A started while the correction is scheduled shows only what the draft itself changes.
        UUID cityDraft = createDraft(CITY_A);
        assertThat(actors.call("city.coord", () -> drafting.diff(cityDraft)).empty())
                .isTrue();
        assertThat(policies.version(cityDraft).require("docs.notify").deadline().amount())
                .isEqualTo(7);
        discardOpenDraft(CITY_A);
    }

    @Test
    void aVariantRemovesRestoresAddsAndCannotClearWhatItsParentSets() throws Exception {
        String editor = editors.editorOf("110000");
        UUID draft = createDraft("110000");
        assertThat(call(
                                editor,
                                delete("/api/v1/policy/drafts/" + draft + "/steps/docs.supplement?version="
                                        + lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(ownRow(draft, "docs.supplement")).containsEntry("change", "REMOVED");
        assertThat(policies.version(draft).step("docs.supplement")).isEmpty();
        JsonNode restored = body(api(
                editor,
                post("/api/v1/policy/drafts/" + draft + "/steps/docs.supplement/revert"),
                Map.of("version", lock(draft))));
        assertThat(restored.get("removed")).isEmpty();
        assertThat(ownRows(draft, "docs.supplement")).isZero();
        assertThat(policies.version(draft).require("docs.supplement").origin())
                .isEqualTo(ProcedureStep.Origin.INHERITED);

        StepDraft visit = new StepDraft(
                "intake.home_visit",
                "入户走访",
                "Home visit",
                "登记接收",
                "Registration",
                "JUDICIAL_OFFICE",
                "SUBJECT",
                List.of(),
                null,
                "WORKING_DAYS",
                5,
                null,
                "走访记录",
                "Visit record",
                "BJ [R]",
                "R",
                false,
                "intake",
                null,
                null);
        assertThat(api(editor, post("/api/v1/policy/drafts/" + draft + "/steps"), stepBody(visit, lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(ownRow(draft, "intake.home_visit"))
                .containsEntry("change", "ADDED")
                .containsEntry("owes", "JUDICIAL_OFFICE");
        assertThat(call(
                                editor,
                                delete("/api/v1/policy/drafts/" + draft + "/steps/intake.home_visit?version="
                                        + lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(ownRows(draft, "intake.home_visit"))
                .as("a step the parent lacks is simply gone")
                .isZero();

        StepDraft deliver = StepDraft.of(policies.version(draft).require("docs.deliver"));
        StepDraft noCounterparty = new StepDraft(
                deliver.id(),
                deliver.nameZh(),
                deliver.nameEn(),
                deliver.triggerZh(),
                deliver.triggerEn(),
                deliver.owes(),
                null,
                List.of(),
                deliver.watcher(),
                deliver.deadlineKind(),
                deliver.deadlineAmount(),
                null,
                null,
                deliver.documentsEn(),
                deliver.legalBasis(),
                deliver.confidence(),
                deliver.pausable(),
                deliver.group(),
                deliver.noteZh(),
                deliver.noteEn());
        MvcResult cleared = api(
                editor,
                put("/api/v1/policy/drafts/" + draft + "/steps/docs.deliver"),
                stepBody(noCounterparty, lock(draft)));
        assertThat(cleared.getResponse().getStatus()).isEqualTo(400);
        assertThat(cleared.getResponse().getContentAsString())
                .contains("\"field\":\"counterparty\"", "\"code\":\"inheritedValue\"");
        // Copies and an optional text can be cleared: stored as an empty list and an empty string.
        StepDraft fewerCopies = new StepDraft(
                deliver.id(),
                deliver.nameZh(),
                deliver.nameEn(),
                deliver.triggerZh(),
                deliver.triggerEn(),
                deliver.owes(),
                deliver.counterparty(),
                List.of(),
                deliver.watcher(),
                deliver.deadlineKind(),
                deliver.deadlineAmount(),
                null,
                null,
                deliver.documentsEn(),
                "CCL 20 [V step, deadline]; BJ [R organ]",
                "V/R",
                deliver.pausable(),
                deliver.group(),
                deliver.noteZh(),
                deliver.noteEn());
        assertThat(api(
                                editor,
                                put("/api/v1/policy/drafts/" + draft + "/steps/docs.deliver"),
                                stepBody(fewerCopies, lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        ProcedureStep changed = policies.version(draft).require("docs.deliver");
        assertThat(changed.copies()).isEmpty();
        assertThat(changed.documentsZh()).isNull();
        assertThat(changed.documentsEn()).isEqualTo(deliver.documentsEn());
        assertThat(changed.origin()).isEqualTo(ProcedureStep.Origin.OVERRIDDEN);
        discardOpenDraft("110000");
        assertThat(policies.draft("110000")).isEmpty();
        assertThat(auditActions(draft).getLast()).startsWith("policy.draft:").contains("discard");
    }

    @Test
    void invalidStepsAreRefusedWithEveryFieldAtFaultInTheCallersLanguage() throws Exception {
        String editor = editors.editorOf("310000");
        UUID draft = createDraft("310000");
        StepDraft bad = new StepDraft(
                "Leave Review",
                "",
                "x".repeat(201),
                null,
                null,
                "MAYOR",
                null,
                List.of("POLICE", "SHERIFF"),
                null,
                "SOMETIMES",
                null,
                null,
                null,
                null,
                " ",
                "V",
                false,
                "leave",
                null,
                null);
        MvcResult result = api(editor, post("/api/v1/policy/drafts/" + draft + "/steps"), stepBody(bad, lock(draft)));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = body(result);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        Map<String, String> errors = new java.util.HashMap<>();
        problem.get("errors")
                .forEach(
                        e -> errors.put(e.get("field").asString(), e.get("code").asString()));
        assertThat(errors)
                .containsEntry("id", "stepId")
                .containsEntry("nameZh", "required")
                .containsEntry("nameEn", "maxLength")
                .containsEntry("owes", "policyOrgan")
                .containsEntry("copies", "policyOrgan")
                .containsEntry("deadlineKind", "deadlineKind")
                .containsEntry("legalBasis", "required");
        assertThat(result.getResponse().getContentAsString()).contains("须为小写字母和下划线", "请从列表中选择机关");

        StepDraft counted = StepDraft.of(policies.version(draft).require("leave.review"));
        MvcResult ranges = mvc.perform(put("/api/v1/policy/drafts/" + draft + "/steps/leave.review")
                        .with(actors.as(editor))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                json.writeValueAsString(stepBody(counted.withDeadline("MONTHS", 25, 30), lock(draft)))))
                .andReturn();
        assertThat(ranges.getResponse().getStatus()).isEqualTo(400);
        assertThat(ranges.getResponse().getContentAsString())
                .contains(
                        "\"field\":\"deadlineAmount\"",
                        "\"code\":\"range\"",
                        "between 0 and 24",
                        "\"field\":\"deadlineExpedited\"",
                        "expedited period cannot be longer");
        MvcResult noAmount = api(
                editor,
                put("/api/v1/policy/drafts/" + draft + "/steps/leave.review"),
                stepBody(counted.withDeadline("WORKING_DAYS", null, null), lock(draft)));
        assertThat(noAmount.getResponse().getContentAsString())
                .contains("\"field\":\"deadlineAmount\"", "\"code\":\"deadlineAmount\"");
        MvcResult renamed = api(
                editor,
                put("/api/v1/policy/drafts/" + draft + "/steps/leave.review"),
                stepBody(counted.withId("leave.reviewed"), lock(draft)));
        assertThat(renamed.getResponse().getContentAsString()).contains("\"code\":\"stepIdFixed\"");
        MvcResult settings = api(
                editor,
                put("/api/v1/policy/drafts/" + draft + "/settings"),
                Map.of("version", lock(draft), "promptAlertHours", 0, "escalationWorkingDays", 31));
        assertThat(settings.getResponse().getContentAsString())
                .contains("\"field\":\"promptAlertHours\"", "\"field\":\"escalationWorkingDays\"");
        assertThat(api(
                                editor,
                                put("/api/v1/policy/drafts/" + draft + "/steps/no.such_step"),
                                stepBody(counted.withId("no.such_step"), lock(draft)))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(api(
                                editor,
                                put("/api/v1/policy/drafts/" + UUID.randomUUID() + "/steps/leave.review"),
                                stepBody(counted, 0))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(policies.version(draft).require("leave.review").deadline().kind())
                .isEqualTo(DeadlineKind.PROMPTLY);
        discardOpenDraft("310000");
    }

    @Test
    void aStaleEditIsAConflictForTheApiAndAFormErrorOnThePage() throws Exception {
        String editor = editors.editorOf("310000");
        UUID draft = createDraft("310000");
        int read = lock(draft);
        StepDraft verify = StepDraft.of(policies.version(draft).require("supervise.verify"));
        assertThat(api(
                                editor,
                                put("/api/v1/policy/drafts/" + draft + "/steps/supervise.verify"),
                                stepBody(verify.withDeadline("WORKING_DAYS", 10, null), read))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        MvcResult stale = api(
                editor,
                put("/api/v1/policy/drafts/" + draft + "/steps/supervise.verify"),
                stepBody(verify.withDeadline("WORKING_DAYS", 20, null), read));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(stale).get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(policies.version(draft)
                        .require("supervise.verify")
                        .deadline()
                        .amount())
                .isEqualTo(10);

        MvcResult form = call(
                editor,
                post("/policy/drafts/" + draft + "/steps/supervise.verify")
                        .param("version", String.valueOf(read))
                        .param("nameZh", verify.nameZh())
                        .param("nameEn", verify.nameEn())
                        .param("owes", verify.owes())
                        .param("deadlineKind", "WORKING_DAYS")
                        .param("deadlineAmount", "20")
                        .param("legalBasis", verify.legalBasis())
                        .param("confidence", verify.confidence())
                        .param("group", "supervision"));
        assertThat(form.getResponse().getStatus()).isEqualTo(409);
        assertThat(form.getResponse().getContentAsString())
                .contains("其他人已修改了这条记录", "value=\"20\"", "id=\"error-summary\"");
        assertThat(auditActions(draft))
                .filteredOn(a -> a.startsWith("policy.step"))
                .hasSize(1);
        discardOpenDraft("310000");
    }

    @Test
    void theDraftingPagesCreateEditValidateAndDiscard() throws Exception {
        String editor = editors.editorOf("110000");
        discardOpenDraft("110000");
        MvcResult created = call(editor, post("/policy/110000/drafts"));
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        UUID draft = policies.draft("110000").orElseThrow().id();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/policy/drafts/" + draft);
        MvcResult again = call(editor, post("/policy/110000/drafts"));
        assertThat(again.getResponse().getRedirectedUrl())
                .as("one open draft per model")
                .isEqualTo("/policy/drafts/" + draft);
        assertThat(call(editor, post("/api/v1/policy/110000/drafts"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);

        String form = call(editor, get("/policy/drafts/" + draft + "/steps/move.reply?lang=zh-CN"))
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("编辑步骤 move.reply", "value=\"5\"");
        StepDraft reply = StepDraft.of(policies.version(draft).require("move.reply"));
        MvcResult saved = call(
                editor,
                post("/policy/drafts/" + draft + "/steps/move.reply")
                        .param("version", String.valueOf(lock(draft)))
                        .param("nameZh", reply.nameZh())
                        .param("nameEn", reply.nameEn())
                        .param("triggerZh", reply.triggerZh())
                        .param("triggerEn", reply.triggerEn())
                        .param("owes", reply.owes())
                        .param("counterparty", reply.counterparty())
                        .param("deadlineKind", "WORKING_DAYS")
                        .param("deadlineAmount", "9")
                        .param("documentsZh", reply.documentsZh())
                        .param("documentsEn", reply.documentsEn())
                        .param("legalBasis", "IM 30 [R step, organ]; BJ [R deadline]")
                        .param("confidence", "R")
                        .param("group", reply.group())
                        .param("noteZh", reply.noteZh())
                        .param("noteEn", reply.noteEn()));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/policy/drafts/" + draft);
        assertThat(policies.version(draft).require("move.reply").deadline())
                .isEqualTo(DeadlineRule.of(DeadlineKind.WORKING_DAYS, 9));

        MvcResult invalid = call(
                editor,
                post("/policy/drafts/" + draft + "/steps")
                        .param("version", String.valueOf(lock(draft)))
                        .param("id", "Bad Id")
                        .param("deadlineKind", "CALENDAR_DAYS")
                        .param("deadlineAmount", "abc")
                        .param("lang", "zh-CN"));
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(invalid.getResponse().getContentAsString()).contains("有错误", "请按正确的格式填写", "href=\"#deadlineAmount\"");
        MvcResult invalid2 = call(
                editor,
                post("/policy/drafts/" + draft + "/steps")
                        .param("version", String.valueOf(lock(draft)))
                        .param("id", "Bad Id")
                        .param("deadlineKind", "CALENDAR_DAYS")
                        .param("deadlineExpedited", "3"));
        assertThat(invalid2.getResponse().getContentAsString())
                .contains("须为小写字母和下划线", "此期限种类须填写数额", "id=\"id-error\"", "value=\"Bad Id\"");

        MvcResult settings = call(
                editor,
                post("/policy/drafts/" + draft + "/settings")
                        .param("version", String.valueOf(lock(draft)))
                        .param("warningWorkingDays", "abc")
                        .param("promptAlertHours", "999"));
        assertThat(settings.getResponse().getContentAsString()).contains("请按正确的格式填写", "value=\"abc\"");
        MvcResult publish = call(
                editor,
                post("/policy/drafts/" + draft + "/publish")
                        .param("version", String.valueOf(lock(draft)))
                        .param("effectiveFrom", "2020-01-01"));
        assertThat(publish.getResponse().getContentAsString()).contains("施行日期不能早于今天");

        MvcResult removed = call(
                editor,
                post("/policy/drafts/" + draft + "/steps/docs.supplement/remove")
                        .param("version", String.valueOf(lock(draft))));
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/policy/drafts/" + draft);
        assertThat(call(editor, get("/policy/drafts/" + draft + "?lang=zh-CN"))
                        .getResponse()
                        .getContentAsString())
                .contains("本草稿删除的上级步骤", "删除的步骤（1 个）");

        MvcResult discarded = call(
                editor, post("/policy/drafts/" + draft + "/discard").param("version", String.valueOf(lock(draft))));
        assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/policy/110000/versions");
        assertThat(policies.draft("110000")).isEmpty();
        assertThat(call(editor, get("/policy/drafts/" + draft)).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aCityCoordinatorDraftsNeitherTheNationalBaselineNorAnotherRegionsModel() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM policy_version")
                .query(Long.class)
                .single();
        for (String region : List.of(PolicyModels.NATIONAL, "110000")) {
            MvcResult api = call("city.coord", post("/api/v1/policy/" + region + "/drafts"));
            assertThat(api.getResponse().getStatus()).as(region).isEqualTo(403);
            assertThat(body(api).get("code").asString()).isEqualTo("POLICY_REGION_NOT_YOURS");
            assertThat(call("city.coord", post("/policy/" + region + "/drafts"))
                            .getResponse()
                            .getStatus())
                    .as(region)
                    .isEqualTo(403);
        }
        assertThat(call("moj.policy", post("/api/v1/policy/" + CITY_A + "/drafts"))
                        .getResponse()
                        .getStatus())
                .as("the national editor keeps the baseline, not the regions")
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version")
                        .query(Long.class)
                        .single())
                .as("no draft made")
                .isEqualTo(before);
        assertThat(actors.call("city.coord", () -> drafting.mayEdit(PolicyModels.NATIONAL)))
                .isFalse();
        assertThat(actors.call("moj.policy", () -> drafting.mayEdit(PolicyModels.NATIONAL)))
                .isTrue();
        assertThat(call("city.coord", get("/policy?region=CN&lang=zh-CN"))
                        .getResponse()
                        .getContentAsString())
                .as("no button where the coordinator may not draft")
                .doesNotContain("新建草稿");
        assertThat(call("moj.policy", get("/policy?region=CN&lang=zh-CN"))
                        .getResponse()
                        .getContentAsString())
                .containsAnyOf("新建草稿", "继续编辑草稿");
    }

    @Test
    void onlyTheRegionsEditorsDraftAndOnlyTheySeeItsDrafts() throws Exception {
        UUID draft = createDraft("310000");
        for (String user : List.of("cd.county", "cd.court.clerk", "sysadmin")) {
            assertThat(call(user, post("/api/v1/policy/310000/drafts"))
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(call(user, post("/policy/310000/drafts")).getResponse().getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(call(user, get("/policy/drafts/" + draft)).getResponse().getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api(user, put("/api/v1/policy/drafts/" + draft + "/steps/leave.review"), Map.of("version", 0))
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api(user, post("/api/v1/policy/drafts/" + draft + "/publish"), Map.of("version", 0))
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
        }
        // Editors of other models: the model is there (starting a draft is refused), its draft is not (404).
        for (String user : List.of("cd.county", "cd.court.clerk", "sysadmin", "city.coord", "moj.policy")) {
            if (user.equals("city.coord") || user.equals("moj.policy")) {
                assertThat(call(user, post("/api/v1/policy/310000/drafts"))
                                .getResponse()
                                .getStatus())
                        .as(user)
                        .isEqualTo(403);
                assertThat(call(user, get("/policy/drafts/" + draft))
                                .getResponse()
                                .getStatus())
                        .as(user)
                        .isEqualTo(404);
                assertThat(api(
                                        user,
                                        put("/api/v1/policy/drafts/" + draft + "/steps/leave.review"),
                                        Map.of("version", lock(draft)))
                                .getResponse()
                                .getStatus())
                        .as(user)
                        .isEqualTo(404);
                assertThat(api(
                                        user,
                                        post("/api/v1/policy/drafts/" + draft + "/publish"),
                                        Map.of("version", lock(draft)))
                                .getResponse()
                                .getStatus())
                        .as(user)
                        .isEqualTo(404);
                assertThat(call(user, delete("/api/v1/policy/drafts/" + draft + "?version=" + lock(draft)))
                                .getResponse()
                                .getStatus())
                        .as(user)
                        .isEqualTo(404);
            }
            assertThat(call(user, get("/api/v1/policy/versions/" + draft))
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(404);
            assertThat(call(user, get("/policy/diff?from=310000&toVersion=" + draft))
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(404);
            assertThat(body(call(user, get("/api/v1/policy/310000/versions"))))
                    .extracting(v -> v.get("status").asString())
                    .doesNotContain("DRAFT");
        }
        assertThat(call(editors.editorOf("310000"), get("/api/v1/policy/versions/" + draft))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(policies.draft("310000")).isPresent();
        discardOpenDraft("310000");
    }

    @Test
    void aVariantSetsLeaveLimitsAndContactIntervalsOrInheritsThemAndBadValuesChangeNothing() throws Exception {
        UUID draft = createDraft(CITY_A);
        JsonNode created = body(call("city.coord", get("/api/v1/policy/drafts/" + draft)));
        assertThat(created.get("own").get("rules").get("leaveOfficeEntrusted").asBoolean())
                .as("copied from the version in force")
                .isTrue();
        assertThat(created.get("own")
                        .get("rules")
                        .get("reportIntervalDaysOrdinary")
                        .asInt())
                .isEqualTo(14);
        assertThat(created.get("own").get("rules").has("leaveCountyMaxDays"))
                .as("inherited from the baseline")
                .isFalse();

        int before = lock(draft);
        Map<String, Object> unknown =
                new java.util.HashMap<>(Map.of("version", before, "rules", Map.of("noSuchSetting", 3)));
        MvcResult refused = api("city.coord", put("/api/v1/policy/drafts/" + draft + "/settings"), unknown);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains("\"field\":\"rules.noSuchSetting\"", "unknownSetting");
        MvcResult type = api(
                "city.coord",
                put("/api/v1/policy/drafts/" + draft + "/settings"),
                Map.of("version", before, "rules", Map.of("leaveOfficeEntrusted", 1, "leaveCountyMaxDays", "30")));
        assertThat(body(type).get("errors"))
                .extracting(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .containsExactlyInAnyOrder("leaveOfficeEntrusted:type", "leaveCountyMaxDays:type");
        MvcResult above = api(
                "city.coord",
                put("/api/v1/policy/drafts/" + draft + "/settings"),
                Map.of("version", before, "rules", Map.of("leaveOfficeMaxDays", 10, "leaveCountyMaxDays", 7)));
        assertThat(body(above).get("errors").get(0).get("code").asString()).isEqualTo("leaveOfficeAboveCounty");
        assertThat(lock(draft)).as("nothing changed").isEqualTo(before);

        Map<String, Object> rules = new java.util.HashMap<>();
        rules.put("leaveOfficeEntrusted", false);
        rules.put("leaveOfficeMaxDays", 5);
        rules.put("reportIntervalDaysStrict", 10);
        rules.put("contactIntervalDaysStrict", null);
        MvcResult saved = api(
                "city.coord",
                put("/api/v1/policy/drafts/" + draft + "/settings"),
                Map.of("version", before, "noteZh", "短期请假不再委托司法所", "rules", rules));
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        JsonNode own = body(saved).get("own").get("rules");
        assertThat(own.get("leaveOfficeEntrusted").asBoolean()).isFalse();
        assertThat(own.has("contactIntervalDaysStrict")).as("null inherits").isFalse();
        assertThat(own.has("reportIntervalDaysOrdinary"))
                .as("left out: inherits")
                .isFalse();
        JsonNode settings = body(saved).get("settings");
        assertThat(settings.get("leave").get("officeMaxDays").asInt()).isEqualTo(5);
        assertThat(settings.get("contact")
                        .get("STRICT")
                        .get("reportIntervalDays")
                        .asInt())
                .isEqualTo(10);
        assertThat(settings.get("contact")
                        .get("STRICT")
                        .get("contactIntervalDays")
                        .asInt())
                .as("the baseline's")
                .isEqualTo(15);
        assertThat(settings.get("contact")
                        .get("ORDINARY")
                        .get("reportIntervalDays")
                        .asInt())
                .isEqualTo(15);
        assertThat(auditActions(draft))
                .anyMatch(a -> a.startsWith("policy.settings:") && a.contains("leaveOfficeMaxDays"));

        JsonNode diff = body(call("city.coord", get("/api/v1/policy/drafts/" + draft + "/diff")));
        assertThat(diff.get("settings"))
                .extracting(f -> f.get("name").asString())
                .contains("leaveOfficeEntrusted", "leaveOfficeMaxDays", "reportIntervalDaysStrict");

        String page = call("city.coord", get("/policy/drafts/" + draft + "?lang=zh-CN"))
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("请假审批", "分级报告与联系", "司法所可批准的天数上限", "沿用上级（否）", "id=\"setting-change-leaveOfficeMaxDays\"");
        MvcResult typed = call(
                "city.coord",
                post("/policy/drafts/" + draft + "/settings")
                        .param("version", String.valueOf(lock(draft)))
                        .param("leaveOfficeMaxDays", "abc")
                        .param("reportIntervalDaysLenient", "45")
                        .param("lang", "zh-CN"));
        assertThat(typed.getResponse().getContentAsString()).contains("请按正确的格式填写", "value=\"abc\"", "value=\"45\"");
        MvcResult form = call(
                "city.coord",
                post("/policy/drafts/" + draft + "/settings")
                        .param("version", String.valueOf(lock(draft)))
                        .param("leaveOfficeEntrusted", "")
                        .param("leaveOfficeMaxDays", "6")
                        .param("noteZh", "司法所可批准 6 日"));
        assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/policy/drafts/" + draft);
        ResolvedPolicy resolved = policies.version(draft);
        assertThat(resolved.settings().leave().officeEntrusted())
                .as("inherited again: the baseline says no")
                .isFalse();
        assertThat(resolved.settings().leave().officeMaxDays()).isEqualTo(6);
        discardOpenDraft(CITY_A);
    }
}
