package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.ApiClient.Response;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * doc/security-requirements.md S6–S7 for the case endpoints, as a matrix: for one case in intake (decided by the Chengdong court,
 * executed by the Chengdong county agency, assigned to the Dongmen office, copied to the Chengdong procuratorate and
 * police, referred to the civil affairs bureau), who may read it, who may act on it, who gets 403 for a lawful role
 * without the right, and who finds nothing at all (404, absent from search too).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseJurisdictionIntegrationTests {

    static final String CASE_NUMBER = "（2025）城东刑初903号";

    /** What a caller gets: the case's content, 403 (a lawful role without the right), 404 (nothing), 401 (not logged in). */
    enum Outcome {
        OK,
        FORBIDDEN,
        ABSENT,
        UNAUTHENTICATED
    }

    /** What each probe answers when the caller may do it (a command's probe is refused by validation, after access). */
    record Probe(String name, int allowedStatus) {}

    static final Probe READ = new Probe("read the case", 200);
    static final Probe TIMELINE = new Probe("read the timeline", 200);
    static final Probe OBLIGATIONS = new Probe("read the obligations", 200);
    static final Probe HANDOVERS = new Probe("read the handovers", 200);
    static final Probe DOCUMENTS = new Probe("list the documents", 200);
    static final Probe DOWNLOAD = new Probe("download a document", 200);
    static final Probe TEAM = new Probe("form the team", 400);
    static final Probe DECIDE = new Probe("decide", 400);
    static final Probe ATTACH = new Probe("upload a file", 400);

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
    TestAccounts accounts;

    ApiClient api;
    String caseId;
    String judgment;

    @BeforeAll
    void aCaseInIntake() {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
        LocalDate today = LegalTime.today(clock);
        LocalDate birth = LocalDate.of(1979, 2, 3);
        caseId = api.as("cd.court.clerk")
                .post("/api/v1/cases", """
                    {"subject": {"name": "吴建国", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                                 "birthDate": "%s", "phone": "13900003333", "residenceDivision": "369902001",
                                 "residenceAddress": "城东区东门街道解放路 3 号", "health": "高血压"},
                     "offence": {"category": "FRAUD", "details": "电信诈骗，涉案金额三万元。", "offenceDate": "2024-11-02", "charges": ["诈骗罪"]},
                     "decision": {"correctionType": "PROBATION", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
                                  "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                    """.formatted(
                                IdentityNumbers.compose("369902", birth, 71, Gender.MALE),
                                birth,
                                CASE_NUMBER,
                                today.minusDays(3),
                                today.minusDays(1),
                                today.minusDays(1),
                                today.plusYears(1)))
                .expect(201)
                .text("caseId");
        judgment = api.as("cd.court.clerk")
                .perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "判决书.pdf", "application/pdf", UploadFixtures.pdf("判决书"))))
                .expect(201)
                .text("documentId");
        api.as("cd.court.clerk")
                .post("/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "documentId": "%s"}, {"code": "EXECUTION_NOTICE"}]}\
                    """.formatted(judgment))
                .expect(201);
        api.as("cd.county")
                .put("/api/v1/cases/" + caseId + "/office", """
                    {"version": %d, "officeId": "%s"}\
                    """.formatted(
                        version(), agencies.findByCode("CD-SO-DM").orElseThrow().id()))
                .expect(200);
        // A referral (the assistance module will make these): the civil affairs bureau gains its limited role.
        caseManagement.grant(
                CaseId.of(java.util.UUID.fromString(caseId)),
                agencies.findByCode("A-CIVIL").orElseThrow().id(),
                Participation.ASSISTING);
    }

    @Test
    void eachCallerReadsActsIsRefusedOrFindsNothingAsTheirLawfulRoleSays() {
        Map<String, Map<Probe, Outcome>> matrix = new LinkedHashMap<>();
        Set<Probe> reads = Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS);
        Set<Probe> documents = Set.of(DOCUMENTS, DOWNLOAD, ATTACH);
        // The owner office reads everything and carries out the entrusted steps, but does not decide.
        matrix.put("cd.dm", row(reads, documents, Set.of(TEAM), Set.of(DECIDE), Set.of()));
        // The executing county agency: everything of its county, not the decision.
        matrix.put("cd.county", row(reads, documents, Set.of(TEAM), Set.of(DECIDE), Set.of()));
        // Another office of the same county, another county's agency: the case does not exist for them.
        matrix.put(
                "cd.nh",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(DECIDE),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH, TEAM)));
        matrix.put(
                "cx.county",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(DECIDE),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH, TEAM)));
        // The decision organ decides and reads; it does not form the team.
        matrix.put("cd.court.clerk", row(reads, documents, Set.of(DECIDE), Set.of(TEAM), Set.of()));
        // Another court: a deciding role, but not in this case.
        matrix.put(
                "cx.court.clerk",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(TEAM),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH, DECIDE)));
        // The copied procuratorate and police read and supervise; the police's deciding role is not this case's
        // decision.
        matrix.put("cd.proc", row(reads, documents, Set.of(), Set.of(TEAM, DECIDE), Set.of()));
        matrix.put("cd.police", row(reads, documents, Set.of(), Set.of(TEAM, DECIDE), Set.of()));
        // An assisting department: nothing unless referred; once referred, the case without its documents.
        matrix.put(
                "edu.worker",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(TEAM, DECIDE),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH)));
        matrix.put(
                "civil.worker",
                row(reads, Set.of(), Set.of(), Set.of(TEAM, DECIDE, DOCUMENTS, DOWNLOAD, ATTACH), Set.of()));
        // The city coordination office, while no conflict or meeting brings the case to it.
        matrix.put(
                "city.coord",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(TEAM, DECIDE),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH)));
        // The county judicial bureau, while no approval is asked of it (APPROVING_BUREAU, ADR 0021): the case does not
        // exist.
        matrix.put(
                "cd.bureau.head",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(TEAM, DECIDE),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, ATTACH)));
        // The head of the deciding court speaks for it (system tokens) but works no case: the case does not exist for
        // it.
        matrix.put(
                "cd.court.head",
                row(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(TEAM, DECIDE, ATTACH),
                        Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD)));
        // Administrators never read case content: absent when reading, refused when acting.
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            matrix.put(
                    admin,
                    row(
                            Set.of(),
                            Set.of(),
                            Set.of(),
                            Set.of(TEAM, DECIDE, ATTACH),
                            Set.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD)));
        }

        List<String> wrong = new ArrayList<>();
        matrix.forEach((user, expected) -> expected.forEach((probe, outcome) -> {
            int status = call(user, probe).status();
            int wanted = switch (outcome) {
                case OK -> probe.allowedStatus();
                case FORBIDDEN -> 403;
                case ABSENT -> 404;
                case UNAUTHENTICATED -> 401;
            };
            if (status != wanted) {
                wrong.add(user + " / " + probe.name() + ": " + status + " instead of " + wanted);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void searchListsTheCaseOnlyForItsParties() {
        for (String party : List.of("cd.dm", "cd.county", "cd.court.clerk", "cd.proc", "cd.police", "civil.worker")) {
            assertThat(search(party)).as(party).isEqualTo(1);
        }
        for (String stranger : List.of(
                "cd.nh",
                "cx.county",
                "cx.court.clerk",
                "edu.worker",
                "city.coord",
                "sysadmin",
                "secadmin",
                "auditadmin",
                "cd.court.head",
                "cd.proc.head")) {
            assertThat(search(stranger)).as(stranger).isZero();
        }
    }

    @Test
    void protectedFieldsReachOnlyThePartiesEntitledToThem() {
        JsonNode county =
                api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200).body();
        assertThat(county.get("protectedFieldsVisible").asBoolean()).isTrue();
        assertThat(county.get("subject").get("idNumber").asString()).hasSize(18);
        assertThat(county.get("subject").get("health").asString()).isEqualTo("高血压");
        assertThat(county.get("offenceDetails").asString()).contains("电信诈骗");
        assertThat(county.get("participations")).extracting(JsonNode::asString).containsExactly("EXECUTING_AGENCY");
        JsonNode referred = api.as("civil.worker")
                .get("/api/v1/cases/" + caseId)
                .expect(200)
                .body();
        assertThat(referred.get("protectedFieldsVisible").asBoolean()).isFalse();
        assertThat(referred.get("subject").get("name").asString()).isEqualTo("吴建国");
        JsonNode idNumber = referred.get("subject").get("idNumber");
        assertThat(idNumber.isNull() || idNumber.asString().contains("*"))
                .as("no identity number, at most a masked one: %s", idNumber)
                .isTrue();
        for (String hidden : List.of("phone", "residenceAddress", "health", "guardianPhone")) {
            assertThat(referred.get("subject").get(hidden).isNull()).as(hidden).isTrue();
        }
        assertThat(referred.get("offenceDetails").isNull()).isTrue();
        Response refused = api.as("civil.worker")
                .get("/api/v1/cases/" + caseId + "/documents")
                .expect(403);
        assertThat(refused.code()).isEqualTo("NO_ACCESS_TO_DOCUMENTS");
    }

    @Test
    void aDisabledAccountIsTurnedAwayAtItsNextRequest() {
        TestAccounts.Account officer = accounts.countyOfficer();
        api.as(officer.username()).get("/api/v1/cases/" + caseId).expect(200);
        String id = officer.id().toString();
        int version = api.as("sysadmin").get("/api/v1/users/" + id).expect(200).number("version");
        api.as("sysadmin")
                .post("/api/v1/users/" + id + "/disable", "{\"version\": " + version + "}")
                .expect(200);
        for (Probe probe : List.of(READ, TIMELINE, OBLIGATIONS, HANDOVERS, DOCUMENTS, DOWNLOAD, TEAM, DECIDE, ATTACH)) {
            Response response = call(officer.username(), probe);
            assertThat(response.status()).as(probe.name()).isEqualTo(401);
            assertThat(response.code()).as(probe.name()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(api.as(officer.username()).post("/api/v1/cases/search", "{}").status())
                .isEqualTo(401);
    }

    // Helpers

    private static Map<Probe, Outcome> row(
            Set<Probe> reads, Set<Probe> documents, Set<Probe> acts, Set<Probe> forbidden, Set<Probe> absent) {
        Map<Probe, Outcome> row = new LinkedHashMap<>();
        reads.forEach(p -> row.put(p, Outcome.OK));
        documents.forEach(p -> row.put(p, Outcome.OK));
        acts.forEach(p -> row.put(p, Outcome.OK));
        forbidden.forEach(p -> row.put(p, Outcome.FORBIDDEN));
        absent.forEach(p -> row.put(p, Outcome.ABSENT));
        return row;
    }

    private Response call(String user, Probe probe) {
        String base = "/api/v1/cases/" + caseId;
        ApiClient.Caller caller = api.as(user);
        if (probe == READ) {
            return caller.get(base);
        } else if (probe == TIMELINE) {
            return caller.get(base + "/timeline");
        } else if (probe == OBLIGATIONS) {
            return caller.get(base + "/obligations");
        } else if (probe == HANDOVERS) {
            return caller.get(base + "/handovers");
        } else if (probe == DOCUMENTS) {
            return caller.get(base + "/documents");
        } else if (probe == DOWNLOAD) {
            return caller.get(base + "/documents/" + judgment);
        } else if (probe == TEAM) {
            // An empty team is refused by validation, which comes after the access decision.
            return caller.put(base + "/team", "{\"version\": " + version() + ", \"members\": []}");
        } else if (probe == DECIDE) {
            // A decision without a type is refused by validation, after the access decision.
            return caller.post(
                    base + "/decision", "{\"version\": " + version() + ", \"decision\": {\"inCustody\": false}}");
        } else if (probe == ATTACH) {
            // An empty file is refused by the upload rules, which come after the access decision.
            return caller.perform(multipart(base + "/attachments")
                    .file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[0])));
        }
        throw new IllegalArgumentException(probe.name());
    }

    private int version() {
        return api.as("cd.county").get("/api/v1/cases/" + caseId).expect(200).number("version");
    }

    private long search(String user) {
        return api.as(user)
                .post("/api/v1/cases/search", "{\"caseNumber\": \"" + CASE_NUMBER + "\"}")
                .expect(200)
                .body()
                .get("total")
                .asLong();
    }
}
