package org.tongxin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** doc/style.md 14: the OpenAPI document is public and every operation has a unique id, a summary and a security rule. */
@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void everyOperationHasAUniqueIdASummaryAndASecurityRequirement() throws Exception {
        JsonNode api = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        assertThat(api.get("openapi").asString()).startsWith("3.");
        boolean globalSecurity = api.has("security") && !api.get("security").isEmpty();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : api.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                JsonNode op = operation.getValue();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (!op.hasNonNull("operationId")
                        || !ids.add(op.get("operationId").asString())) {
                    problems.add(where + ": operationId missing or repeated");
                }
                if (!op.hasNonNull("summary") || op.get("summary").asString().isBlank()) {
                    problems.add(where + ": summary missing");
                }
                if (!op.has("security") && !globalSecurity) {
                    problems.add(where + ": no security requirement");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(operations).isGreaterThanOrEqualTo(29);
        assertThat(api.get("components").get("securitySchemes").has("bearerToken"))
                .isTrue();
    }

    /** Opening a case needs its charges: the document says so, and lists the names a client may send. */
    @Test
    void theChargesOfAnOffenceAreDocumentedAsRequiredNamesFromTheList() throws Exception {
        JsonNode api = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        JsonNode offence = api.get("components").get("schemas").get("OffenceData");
        List<String> required = new ArrayList<>();
        offence.get("required").forEach(r -> required.add(r.asString()));
        assertThat(required).contains("charges");
        JsonNode charges = offence.get("properties").get("charges");
        assertThat(charges.get("type").asString()).isEqualTo("array");
        assertThat(charges.get("minItems").asInt()).isEqualTo(1);
        assertThat(charges.get("description").asString()).contains("unknownCharge");
        List<String> names = new ArrayList<>();
        charges.get("items").get("enum").forEach(n -> names.add(n.asString()));
        assertThat(names)
                .contains("盗窃罪", "危险驾驶罪", "帮助信息网络犯罪活动罪")
                .hasSize(org.tongxin.casefile.Charges.standard().all().size());
    }

    /** Every intake step doable in the pages is an operation of the API, documented where people look for it. */
    static final Set<String> INTAKE_OPERATIONS = Set.of(
            "entrustAssessment",
            "submitAssessmentOpinion",
            "notifyCountyAgency",
            "deliverLegalDocuments",
            "transferSubject",
            "receiveTransfer",
            "notifyMissingSubject",
            "openDecidedCase",
            "getCase",
            "searchCases",
            "decideCase",
            "withdrawCase",
            "recordArrival",
            "assignOffice",
            "registerCase",
            "formTeam",
            "makePlan",
            "announceEntry",
            "getCaseTimeline",
            "listCaseDocuments",
            "downloadCaseDocument",
            "getInbox",
            "getInboxCounts",
            "listCaseObligations",
            "listEscalations",
            "takeObligation",
            "waiveObligation",
            "listCaseHandovers",
            "getHandover",
            "receiptHandover",
            "rejectHandover",
            "supplementHandover",
            "listCopiesToMe",
            "listHandoversAwaitingMe",
            "downloadHandoverDocument",
            "uploadCaseAttachment",
            // Joint meetings and the conflict register
            "listMeetings",
            "conveneMeeting",
            "getMeeting",
            "getMeetingNotice",
            "getMeetingMinutes",
            "recordMeetingMinutes",
            "recordMeetingDecision",
            "closeMeeting",
            "cancelMeeting",
            "getDecision",
            "reportDecisionDone",
            "raiseConflict",
            "listConflicts",
            "searchConflicts",
            "getConflict",
            "respondToConflict",
            "escalateConflict",
            "resolveConflict");

    /** Every referral step and the capacity of a department are operations of the API. */
    static final Set<String> ASSISTANCE_OPERATIONS = Set.of(
            "referSubject",
            "listCaseReferrals",
            "listReferrals",
            "getReferral",
            "downloadReferralLetter",
            "acceptReferral",
            "declineReferral",
            "recordReferralContact",
            "addReferralProgressNote",
            "completeReferral",
            "withdrawReferral",
            "getAssistanceCapacity",
            "declareAssistanceCapacity");

    @Test
    void everyIntakeStepIsADocumentedOperation() throws Exception {
        JsonNode api = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        java.util.Map<String, JsonNode> operations = new java.util.HashMap<>();
        for (var path : api.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.put(operation.getValue().get("operationId").asString(), operation.getValue());
            }
        }
        assertThat(operations.keySet()).containsAll(INTAKE_OPERATIONS).containsAll(ASSISTANCE_OPERATIONS);
        assertThat(operations.get("referSubject").get("tags").get(0).asString()).isEqualTo("assistance");
        assertThat(operations.get("searchCases").get("requestBody"))
                .as("search filters travel in the body")
                .isNotNull();
        assertThat(operations.get("searchConflicts").get("requestBody"))
                .as("search filters travel in the body")
                .isNotNull();
        assertThat(operations
                        .get("uploadCaseAttachment")
                        .get("requestBody")
                        .get("content")
                        .has("multipart/form-data"))
                .isTrue();
        assertThat(operations.get("entrustAssessment").get("tags").get(0).asString())
                .isEqualTo("intake");
        assertThat(operations.get("getInbox").get("parameters"))
                .extracting(p -> p.get("name").asString())
                .contains("caseId", "step", "counterparty", "mine", "overdue", "page", "size");
    }

    /** Statistics: scorecards, the monthly report, the dashboard, holdups and drill-down are documented operations. */
    static final Set<String> STATISTICS_OPERATIONS =
            Set.of("getScorecards", "getMonthlyReport", "getStatisticsDashboard", "getHoldups", "listStatisticsCases");

    @Test
    void statisticsAreDocumentedOperations() throws Exception {
        JsonNode api = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        java.util.Map<String, JsonNode> operations = new java.util.HashMap<>();
        for (var path : api.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.put(operation.getValue().get("operationId").asString(), operation.getValue());
            }
        }
        assertThat(operations.keySet()).containsAll(STATISTICS_OPERATIONS);
        assertThat(operations.get("getMonthlyReport").get("parameters"))
                .extracting(p -> p.get("name").asString())
                .contains("month", "district", "format");
        assertThat(operations.get("getScorecards").get("parameters"))
                .extracting(p -> p.get("name").asString())
                .contains("from", "to", "agencyType", "district", "format");
        assertThat(operations.get("getScorecards").get("tags").get(0).asString())
                .isEqualTo("statistics");
    }
}
