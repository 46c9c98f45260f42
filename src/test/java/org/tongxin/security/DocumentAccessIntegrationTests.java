package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.document.UploadFixtures;
import org.tongxin.identity.Participation;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.ApiClient.Response;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 3: one rule decides a document's access on every path. For one case — its judgment delivered by the
 * Chengdong court to the county agency with copies (抄送) to the procuratorate and police and receipted, a referral
 * letter to civil affairs, a file the county holds without sending it — every kind of reader downloads each document by
 * every path that reaches it (the case's documents, the handover's documents, the referral's letter; API and pages),
 * and gets the same answer wherever the path itself is open to them: the escalation organs and the coordination office,
 * which see the handover, are refused its documents (403) as on the case's own endpoint.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentAccessIntegrationTests {

    static final String CASE_NUMBER = "（2025）城东刑初915号";

    /** One download by one path. */
    enum Path {
        JUDGMENT_CASE_API,
        JUDGMENT_CASE_PAGE,
        JUDGMENT_HANDOVER_API,
        JUDGMENT_HANDOVER_PAGE,
        RECEIPT_CASE_API,
        RECEIPT_HANDOVER_API,
        LETTER_REFERRAL_API,
        LETTER_REFERRAL_PAGE,
        LETTER_CASE_API,
        KEPT_CASE_API
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    EventQuiescence events;

    ApiClient api;
    String caseId;
    String judgment;
    String handover;
    String receipt;
    String referral;
    String letter;
    String kept;

    @BeforeAll
    void aCaseWithDocumentsOnEveryPath() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1984, 6, 9);
        caseId = api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "郑文书", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "phone": "13900004444", "residenceDivision": "369902001",
                                 "residenceAddress": "城东区东门街道解放路 9 号", "health": "良好"},
                     "offence": {"category": "FRAUD", "details": "网络诈骗。", "offenceDate": "2024-10-02", "charges": ["诈骗罪"]},
                     "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
                                  "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                IdentityNumbers.compose("369902", birth, 83, Gender.MALE),
                                birth,
                                CASE_NUMBER,
                                today.minusDays(3),
                                today.minusDays(1),
                                today.minusDays(1),
                                today.plusYears(1)))
                .expect(201)
                .text("caseId");
        judgment = upload("cd.court.clerk", "判决书.pdf");
        handover = api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "documentId": "%s"}, {"code": "EXECUTION_NOTICE"}]}\
                    """.formatted(judgment))
                .expect(201)
                .text("handoverId");
        settle();
        int version = api.as("cd.county")
                .get("/api/v1/handovers/" + handover)
                .expect(200)
                .number("version");
        receipt = api.as("cd.county")
                .post("/api/v1/handovers/" + handover + "/receipt", Map.of("version", version))
                .expect(200)
                .text("receiptDocumentId");
        settle();
        api.as("cd.county")
                .put("/api/v1/cases/" + caseId + "/office", """
                    {"version": %d, "officeId": "%s"}\
                    """.formatted(
                                caseVersion(),
                                agencies.findByCode("CD-SO-DM").orElseThrow().id()))
                .expect(200);
        Response made = api.as("cd.county")
                .post(
                        "/api/v1/cases/" + caseId + "/referrals",
                        Map.of(
                                "service",
                                "SUBSISTENCE_ALLOWANCE",
                                "toAgencyId",
                                agencies.findByCode("A-CIVIL")
                                        .orElseThrow()
                                        .id()
                                        .toString(),
                                "note",
                                "对象失业，家庭无固定收入，请审核最低生活保障。"))
                .expect(201);
        referral = made.text("id");
        letter = made.text("letterDocumentId");
        kept = upload("cd.county", "走访记录.pdf");
        settle();
        // Escalations to the organs one level up, and a conflict that brought the case to the coordination office.
        CaseId id = CaseId.of(UUID.fromString(caseId));
        caseManagement.grant(id, agencies.findByCode("A-CCA").orElseThrow().id(), Participation.ESCALATION);
        caseManagement.grant(id, agencies.findByCode("A-COURT").orElseThrow().id(), Participation.ESCALATION);
        caseManagement.grant(id, agencies.findByCode("A-COORD").orElseThrow().id(), Participation.COORDINATION);
    }

    @Test
    void everyReaderGetsTheSameAnswerForADocumentOnEveryPathThatReachesIt() {
        Map<String, Map<Path, Integer>> expected = new LinkedHashMap<>();
        // The executing county agency: receiver of the judgment, sender of the referral, holder of its own file.
        expected.put("cd.county", all(200));
        // The assigned office: the case's team, one of the referring parties.
        expected.put("cd.dm", all(200));
        // The decision organ sent the judgment; the referral letter went elsewhere.
        expected.put("cd.court.clerk", row(200, 200, 200, 200, 200, 200, 404, 404, 404, 200));
        // The copied procuratorate and police (抄送): the judgment and its receipt, nothing the case kept or referred.
        expected.put("cd.proc", row(200, 200, 200, 200, 200, 200, 404, 404, 404, 404));
        expected.put("cd.police", row(200, 200, 200, 200, 200, 200, 404, 404, 404, 404));
        // The organs one level up and the coordination office see the handover but none of the case's documents.
        for (String oversight : List.of("city.cca", "city.court.clerk", "city.coord")) {
            expected.put(oversight, row(403, 403, 403, 403, 403, 403, 404, 404, 403, 403));
        }
        // The assisting department: its referral's letter only; the handover is not its own.
        expected.put("civil.worker", row(403, 403, 404, 404, 403, 404, 200, 200, 200, 403));
        // No lawful role: nothing exists.
        expected.put("cd.nh", all(404));
        expected.put("edu.worker", all(404));
        // Administrators: nothing exists through the API; case pages are not theirs at all.
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            expected.put(admin, row(404, 403, 404, 403, 404, 404, 404, 403, 404, 404));
        }

        List<String> wrong = new ArrayList<>();
        expected.forEach((user, row) -> row.forEach((path, status) -> {
            int actual = download(user, path);
            if (actual != status) {
                wrong.add(user + " / " + path + ": " + actual + " instead of " + status);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theListOfTheCasesDocumentsHoldsExactlyWhatTheReaderMayOpen() {
        assertThat(listed("cd.county")).contains(judgment, receipt, letter, kept);
        assertThat(listed("cd.court.clerk")).contains(judgment, receipt, kept).doesNotContain(letter);
        assertThat(listed("cd.proc")).contains(judgment, receipt).doesNotContain(letter, kept);
        assertThat(listed("civil.worker")).containsExactly(letter);
        for (String refused : List.of("city.cca", "city.coord")) {
            Response response = api.as(refused)
                    .get("/api/v1/cases/" + caseId + "/documents")
                    .expect(403);
            assertThat(response.code()).isEqualTo("NO_ACCESS_TO_DOCUMENTS");
        }
        api.as("cd.nh").get("/api/v1/cases/" + caseId + "/documents").expect(404);
        // The copies list names the bundle for the procuratorate; its documents open by the same rule as above.
        assertThat(api.as("cd.proc").items("/api/v1/copies"))
                .extracting(n -> n.get("id").asString())
                .contains(handover);
    }

    @Test
    void aRefusedDownloadTellsWhyInTheReadersLanguageAndReadsNothing() {
        Response refused = api.as("city.cca")
                .in("en")
                .get("/api/v1/handovers/" + handover + "/documents/" + judgment)
                .expect(403);
        assertThat(refused.code()).isEqualTo("NO_ACCESS_TO_DOCUMENTS");
        assertThat(refused.body().get("detail").asString()).contains("documents");
        assertThat(api.as("city.cca")
                        .get("/api/v1/handovers/" + handover + "/documents/" + judgment)
                        .body()
                        .get("detail")
                        .asString())
                .contains("文书");
    }

    private int download(String user, Path path) {
        String c = "/api/v1/cases/" + caseId + "/documents/";
        String url = switch (path) {
            case JUDGMENT_CASE_API -> c + judgment;
            case JUDGMENT_CASE_PAGE -> "/cases/" + caseId + "/documents/" + judgment;
            case JUDGMENT_HANDOVER_API -> "/api/v1/handovers/" + handover + "/documents/" + judgment;
            case JUDGMENT_HANDOVER_PAGE -> "/handovers/" + handover + "/documents/" + judgment;
            case RECEIPT_CASE_API -> c + receipt;
            case RECEIPT_HANDOVER_API -> "/api/v1/handovers/" + handover + "/documents/" + receipt;
            case LETTER_REFERRAL_API -> "/api/v1/referrals/" + referral + "/letter";
            case LETTER_REFERRAL_PAGE -> "/referrals/" + referral + "/letter";
            case LETTER_CASE_API -> c + letter;
            case KEPT_CASE_API -> c + kept;
        };
        try {
            return mvc.perform(get(url).with(actors.as(user)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> listed(String user) {
        JsonNode list = api.as(user)
                .get("/api/v1/cases/" + caseId + "/documents")
                .expect(200)
                .body();
        List<String> ids = new ArrayList<>();
        list.forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    private String upload(String user, String name) {
        return api.as(user)
                .perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", name, "application/pdf", UploadFixtures.pdf(name))))
                .expect(201)
                .text("documentId");
    }

    private int caseVersion() {
        return api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200).number("version");
    }

    private void settle() {
        assertThat(events.awaitAll(java.time.Duration.ofSeconds(20))).isTrue();
    }

    private static Map<Path, Integer> all(int status) {
        Map<Path, Integer> row = new LinkedHashMap<>();
        for (Path p : Path.values()) {
            row.put(p, status);
        }
        return row;
    }

    private static Map<Path, Integer> row(int... statuses) {
        Map<Path, Integer> row = new LinkedHashMap<>();
        Path[] paths = Path.values();
        for (int i = 0; i < paths.length; i++) {
            row.put(paths[i], statuses[i]);
        }
        return row;
    }
}
