package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.document.UploadFixtures;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * doc/security-requirements.md S6–S8, generated from the application's own OpenAPI document: every operation × every {@link Role} (one
 * account each) × the cases a reader can meet — of its own jurisdiction, of another, escalated to its agency, with an
 * open and with an ended referral — answers 404 (no lawful role), 403 (a lawful role without the right, or a role the
 * operation's rule does not name) or the documented 2xx, and a 2xx carries only what the reader needs to know.
 * <p>
 * The role rule of each operation is {@link AccessRulesIntegrationTests#RULES} (one place); this class declares, per
 * operation, what the operation does with the object in its path ({@link #EXPECTATIONS}). An operation of the document
 * without a line there fails {@link #everyOperationOfTheApiDocumentHasAnExpectation}, so a new endpoint cannot go
 * untested. Commands carry a stale version (or an empty upload): a caller who passes access is refused after it (400,
 * 409 or 422), and the fixture is checked unchanged at the end.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedAccessMatrixIntegrationTests {

    /** The cases of the fixture, as a Chengdong reader meets them. */
    enum State {
        OWN,
        OTHER_JURISDICTION,
        ESCALATED,
        REFERRED,
        REFERRAL_ENDED
    }

    /** One demo account per role; a new role without an account here fails {@link #everyRoleHasAnAccount}. */
    static final Map<Role, String> ACCOUNTS = new EnumMap<>(Role.class);

    static {
        ACCOUNTS.put(Role.OFFICE_OFFICER, "cd.dm");
        ACCOUNTS.put(Role.OFFICE_HEAD, "cd.dm.head");
        ACCOUNTS.put(Role.COUNTY_OFFICER, "cd.county");
        ACCOUNTS.put(Role.COUNTY_HEAD, "cd.county.head");
        ACCOUNTS.put(Role.CITY_COORDINATOR, "city.coord");
        ACCOUNTS.put(Role.COURT_CLERK, "cd.court.clerk");
        ACCOUNTS.put(Role.JUDGE, "cd.court.judge");
        ACCOUNTS.put(Role.PROSECUTOR, "cd.proc");
        ACCOUNTS.put(Role.POLICE_OFFICER, "cd.police");
        ACCOUNTS.put(Role.PRISON_OFFICER, "prison.officer");
        ACCOUNTS.put(Role.ASSISTANCE_CASEWORKER, "hrss.worker");
        ACCOUNTS.put(Role.SOCIAL_WORKER, "sw.sunshine");
        ACCOUNTS.put(Role.SYSTEM_ADMIN, "sysadmin");
        ACCOUNTS.put(Role.SECURITY_ADMIN, "secadmin");
        ACCOUNTS.put(Role.AUDIT_ADMIN, "auditadmin");
        // The head of the court that decided the fixture's cases: its agency is a party, the role is not a case role.
        ACCOUNTS.put(Role.AGENCY_HEAD, "cd.court.head");
        ACCOUNTS.put(Role.NATIONAL_POLICY_EDITOR, "moj.policy");
        ACCOUNTS.put(Role.BUREAU_HEAD, "cd.bureau.head");
    }

    /**
     * The lawful roles an account may use in a case: its agency's, when the account holds a case role (a head of agency
     * or a policy editor speaks for the agency, it does not work cases; the administrators never do, doc/security-requirements.md S5).
     */
    static Set<Participation> participations(Role role, State state) {
        return role.isAdmin() || role == Role.AGENCY_HEAD || role == Role.NATIONAL_POLICY_EDITOR
                ? Set.of()
                : agencyRoles(role, state);
    }

    /** The lawful roles each account's agency holds in the fixture's cases (checked against the database). */
    static Set<Participation> agencyRoles(Role role, State state) {
        if (state == State.OTHER_JURISDICTION) {
            return Set.of();
        }
        return switch (role) {
            case OFFICE_OFFICER, OFFICE_HEAD -> Set.of(Participation.ASSIGNED_OFFICE);
            case COUNTY_OFFICER, COUNTY_HEAD -> Set.of(Participation.EXECUTING_AGENCY);
            case COURT_CLERK, JUDGE -> Set.of(Participation.DECISION_ORGAN);
            case PROSECUTOR -> Set.of(Participation.COPIED_PROCURATORATE);
            case POLICE_OFFICER -> Set.of(Participation.COPIED_POLICE);
            case CITY_COORDINATOR -> state == State.ESCALATED ? Set.of(Participation.ESCALATION) : Set.of();
            case ASSISTANCE_CASEWORKER -> state == State.REFERRED ? Set.of(Participation.ASSISTING) : Set.of();
            // The court's head: its agency decided the cases.
            case AGENCY_HEAD -> Set.of(Participation.DECISION_ORGAN);
            default -> Set.of();
        };
    }

    /** Who sees the protected fields: the case's own team and the organs that decided it or receive copies of it. */
    static final Set<Participation> PROTECTED = EnumSet.of(
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.DECISION_ORGAN,
            Participation.COPIED_PROCURATORATE,
            Participation.COPIED_POLICE,
            Participation.HANDOVER_INSTITUTION);

    static final Set<Participation> REFERRING =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);
    /** The case's own team: they open the documents the case holds itself (not sent anywhere), ADR 0025. */
    static final Set<Participation> CASE_TEAM =
            EnumSet.of(Participation.DECISION_ORGAN, Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    /** What an operation does with the object in its path, and so what each reader must get. */
    enum Kind {
        /** No object of the fixture in the path (lists, searches, creations, other modules' ids): the role rule decides. */
        ROLE_RULE,
        /** A read of the case: every lawful role reads it. */
        CASE_READ,
        /**
         * The list of the case's documents: a role that carries the protected fields; another lawful role only when a
         * document reached it (else 403), and then only what it may open.
         */
        CASE_DOCUMENT_LIST,
        /**
         * A document the case holds itself (the county's upload): the case's own team opens it, another role with the
         * protected fields finds nothing (404), a lawful role without them is refused (403).
         */
        CASE_DOCUMENT_READ,
        /** A command on the case: only the named participations (else 403). */
        CASE_COMMAND,
        /** A read of a referral: its two agencies and the case's referring parties. */
        REFERRAL_READ,
        /** The referral letter: the referring parties, the department only while the referral is open (the document rule). */
        REFERRAL_LETTER,
        /** An answer of the receiving department. */
        RECEIVING_COMMAND,
        /** A command of the referring agency. */
        REFERRING_COMMAND,
        /**
         * A read or command of a process after intake on the case (leave, contacts, termination, sealing, procuratorial
         * opinions): no lawful role in the case finds nothing (404); a lawful role gets the documented answer, a refusal
         * after the access check, or 403 — which participations may act is each process's own rule, proven by its API
         * tests and its line in AccessRulesIntegrationTests.
         */
        CASE_PROCESS
    }

    record Expectation(Kind kind, Set<Participation> rights, Set<Integer> refusedAfterAccess) {}

    static final Set<Integer> VALIDATION = Set.of(400, 409, 422);
    /** An id nobody has, and a version no object has reached. */
    static final String UNKNOWN = "00000000-0000-0000-0000-00000000a404";

    static final int STALE = 999_999;
    static final Map<String, Expectation> EXPECTATIONS = new LinkedHashMap<>();

    static void expect(Kind kind, String... operationIds) {
        for (String id : operationIds) {
            EXPECTATIONS.put(id, new Expectation(kind, Set.of(), VALIDATION));
        }
    }

    static void command(Set<Participation> rights, String... operationIds) {
        for (String id : operationIds) {
            EXPECTATIONS.put(id, new Expectation(Kind.CASE_COMMAND, rights, VALIDATION));
        }
    }

    static {
        expect(
                Kind.CASE_READ,
                "getCase",
                "getCaseTimeline",
                "listCaseObligations",
                "listCaseHandovers",
                "listCaseReferrals");
        expect(Kind.CASE_DOCUMENT_LIST, "listCaseDocuments");
        expect(Kind.CASE_DOCUMENT_READ, "downloadCaseDocument");
        command(
                EnumSet.of(Participation.DECISION_ORGAN),
                "decideCase",
                "withdrawCase",
                "notifyCountyAgency",
                "deliverLegalDocuments");
        command(EnumSet.of(Participation.EXECUTING_AGENCY, Participation.HANDOVER_INSTITUTION), "recordArrival");
        command(
                EnumSet.of(Participation.EXECUTING_AGENCY),
                "assignOffice",
                "registerCase",
                "submitAssessmentOpinion",
                "notifyMissingSubject");
        command(REFERRING, "formTeam", "makePlan", "announceEntry", "referSubject");
        command(EnumSet.of(Participation.HANDOVER_INSTITUTION), "transferSubject");
        command(PROTECTED, "uploadCaseAttachment");
        expect(Kind.REFERRAL_READ, "getReferral");
        expect(Kind.REFERRAL_LETTER, "downloadReferralLetter");
        expect(
                Kind.RECEIVING_COMMAND,
                "acceptReferral",
                "declineReferral",
                "recordReferralContact",
                "addReferralProgressNote",
                "completeReferral");
        expect(Kind.REFERRING_COMMAND, "withdrawReferral");
        expect(
                Kind.CASE_PROCESS,
                "terminateCorrection",
                "certifyTermination",
                "listSealedRecordQueries",
                "requestSealedRecordQuery",
                "refuseSealedRecordQuery",
                "approveSealedRecordQuery",
                "listProcuratorialOpinions",
                "issueProcuratorialOpinion",
                "replyToProcuratorialOpinion",
                "listCaseLeaves",
                "requestLeave",
                "warnTermExpiry",
                "recordSubjectDeath",
                "notifySubjectDeath",
                "listCaseContacts",
                "recordContact",
                "getCaseEnding",
                "getCaseAssessment",
                "decideResponse",
                "submitProposal",
                "getProposal",
                "decideArrest",
                "recordArrest",
                "recordRuling",
                "recordCommitment",
                "listPeriodicAssessments",
                "recordPeriodicAssessment");
    }

    /**
     * Operations after intake whose path names the case as {@code {id}} or another object of their own process (a leave,
     * a monitoring period, a custody record, a lost contact, a change of place): called with an id nobody has, so the
     * role rule decides and an allowed caller finds nothing (404) or is refused after the access check.
     */
    static final Set<String> PROCESS_OBJECTS = Set.of(
            "recordMonitoringPosition",
            "refuseMonitoring",
            "endMonitoring",
            "approveMonitoring",
            "recordSubjectFound",
            "recordLeaveReturn",
            "refuseLeave",
            "requestLeaveExtension",
            "approveLeave",
            "releaseFromCustody",
            "giveCustodyNotice",
            "importMonitoringPositions",
            "listMonitoringPeriods",
            "proposeMonitoring",
            "listLostContacts",
            "reportLostContact",
            "listCustody",
            "recordCustody",
            "getMonitoringPeriod",
            "listLeavesAwaitingDecision",
            "getLeave",
            "downloadLeaveNotice",
            "listMonitoringPositions",
            "ping",
            "applyForPlaceChange",
            "listPlaceChanges",
            "getPlaceChange",
            "consultNewCountyAgency",
            "replyToPlaceChangeConsultation",
            "decidePlaceChange",
            "transferPlaceChangeFile",
            "receivePlaceChangeFile",
            "forwardPlaceChangeDocuments",
            "recordReportAtNewPlace",
            "listMinorSteps",
            "openMinorStep",
            "fulfilMinorStep");

    /**
     * Operations whose object is not one of the fixture's cases or referrals: the role rule decides, an allowed caller gets
     * the documented 2xx for a read, 404 for an id nobody has, and a refusal after access for a command with a stale or
     * empty body. Listed by id so that a new operation is looked at, not waved through.
     */
    static final Set<String> ROLE_RULED = Set.of(
            // Own account
            "getMe",
            "listMyTokens",
            "createMyToken",
            "revokeMyToken",
            "listMyCredentialResets",
            // Administration
            "listUsers",
            "createUser",
            "getUser",
            "updateUser",
            "setUserRoles",
            "disableUser",
            "enableUser",
            "resetUserPassword",
            "resetUserSecondFactor",
            "unlockUser",
            "lockUser",
            "listSystemTokens",
            "issueSystemToken",
            "revokeToken",
            "requestSystemToken",
            "listSystemTokenRequests",
            "getSystemTokenRequest",
            "issueRequestedSystemToken",
            "refuseSystemTokenRequest",
            "withdrawSystemTokenRequest",
            "collectSystemToken",
            "listApiOperations",
            "requestCredentialReset",
            "listCredentialResets",
            "getCredentialReset",
            "approveCredentialReset",
            "refuseCredentialReset",
            "withdrawCredentialReset",
            "listStaff",
            "listAgencies",
            "getAgency",
            "listAgencyChildren",
            "createAgency",
            "updateAgency",
            "deactivateAgency",
            "activateAgency",
            "listDivisions",
            "createDivision",
            "searchAuditRecords",
            "verifyAuditLog",
            "computeDeadline",
            "getCalendarYear",
            "getCalendarDay",
            "putCalendarYear",
            // Policy models
            "listPolicyModels",
            "listPolicyVersions",
            "getPolicyCatalogue",
            "getPolicyStep",
            "getPolicyVersion",
            "diffPolicies",
            "createPolicyDraft",
            "getPolicyDraft",
            "diffPolicyDraft",
            "addPolicyDraftStep",
            "updatePolicyDraftStep",
            "removePolicyDraftStep",
            "revertPolicyDraftStep",
            "updatePolicyDraftSettings",
            "publishPolicyDraft",
            "discardPolicyDraft",
            // Intake without a case in the path, the ledger, handovers (ids of other tests), assistance lists
            "entrustAssessment",
            "openDecidedCase",
            "searchCases",
            "receiveTransfer",
            "getInbox",
            "getInboxCounts",
            "listEscalations",
            "takeObligation",
            "waiveObligation",
            "getHandover",
            "receiptHandover",
            "rejectHandover",
            "supplementHandover",
            "listCopiesToMe",
            "listHandoversAwaitingMe",
            "downloadHandoverDocument",
            "listReferrals",
            "getAssistanceCapacity",
            "declareAssistanceCapacity",
            "listSubjectChanges",
            "getSubjectChange",
            "confirmSubjectChange",
            "rejectSubjectChange",
            // Coordination
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
            "resolveConflict",
            // Statistics
            "getScorecards",
            "getMonthlyReport",
            "getStatisticsDashboard",
            "getHoldups",
            "listStatisticsCases",
            // What-if simulation (runs of the caller's agency; another's or an unknown one is 404)
            "startSimulation",
            "listSimulations",
            "getSimulation",
            "cancelSimulation",
            "listSimulationFigures",
            "getSimulationComparison",
            "exportSimulation");

    /**
     * Operations that read although they are POSTed: search criteria travel in the body (doc/security-requirements.md S17); the audit
     * verifier only reads the chain.
     */
    static final Set<String> POSTED_READS = Set.of("searchCases", "searchConflicts", "verifyAuditLog");

    /** Operations that answer with the audit trail: it names the cases read by their ids. */
    static final Set<String> AUDIT_TRAIL = Set.of("searchAuditRecords");

    /** Values for required query parameters, by name; a new required parameter without one fails the test. */
    static final Map<String, String> QUERY_VALUES = Map.ofEntries(
            Map.entry("region", "369900"),
            Map.entry("from", "2025-09-26"),
            Map.entry("to", "2025-10-31"),
            Map.entry("amount", "10"),
            Map.entry("unit", "WORKING_DAYS"),
            Map.entry("month", "2025-09"),
            Map.entry("figure", "OVERDUE"),
            Map.entry("version", Integer.toString(STALE)),
            Map.entry("a", UUID.randomUUID().toString()),
            Map.entry("b", UUID.randomUUID().toString()));

    /** The query of operations whose parameters depend on each other (a reader would send them together). */
    static final Map<String, String> QUERIES = Map.of(
            "computeDeadline",
            "region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS",
            "diffPolicies",
            "from=CN&to=369900",
            "getScorecards",
            "from=2025-01&to=2025-09");

    /**
     * Bodies for commands that take no version: well-formed, so that access decides first, and refused after it (a
     * document the case does not hold), so that they change nothing.
     */
    static final Map<String, String> BODIES = Map.of(
            "notifyCountyAgency",
            "{\"items\": [{\"code\": \"DECISION_DOCUMENT\", \"documentId\": \"" + UNKNOWN + "\"}]}");

    /** Role-ruled commands the façade refuses to some holders of an allowed role (403), with the reason. */
    static final Map<String, Set<Role>> REFUSED_BY_THE_FACADE = Map.of(
            // Only the city police opens a decided case (CaseManagementIntegrationTests); the account is a district's.
            "openDecidedCase", Set.of(Role.POLICE_OFFICER));

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
    CaseManagement management;

    @Autowired
    EventQuiescence events;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    /** Each account's login, made once: the matrix sends thousands of requests and no account changes meanwhile. */
    final Map<String, org.springframework.test.web.servlet.request.RequestPostProcessor> logins =
            new java.util.HashMap<>();

    JsonNode document;
    final Map<State, String> cases = new EnumMap<>(State.class);
    final Map<State, String> documents = new EnumMap<>(State.class);
    final Map<State, String> referrals = new EnumMap<>(State.class);
    final Map<State, SubjectData> subjects = new EnumMap<>(State.class);

    @BeforeAll
    void fixture() throws Exception {
        clock.reset();
        api = new ApiClient(mvc, actors, json);
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        document = json.readTree(mvc.perform(request(HttpMethod.GET, "/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String run = Integer.toString(1000 + (int) (System.nanoTime() % 9000));
        int n = 0;
        for (State state : List.of(State.OWN, State.ESCALATED, State.REFERRED, State.REFERRAL_ENDED)) {
            n++;
            LocalDate birth = fixtures.today().minusYears(40).minusDays(n);
            // Markers nobody else in the test run has: where they show up, the reader saw this subject's fields.
            SubjectData subject = new SubjectData(
                    "矩阵" + "甲乙丙丁".charAt(n - 1) + "生",
                    Gender.MALE,
                    "01",
                    IdentityDocumentType.RESIDENT_ID,
                    CaseFixtures.identityNumber(birth, Gender.MALE),
                    birth,
                    "1597" + run + "00" + n,
                    CaseFixtures.DONGMEN,
                    "东门街道矩阵路 " + run + n + " 号",
                    null,
                    null,
                    null,
                    "矩阵病历" + run + n);
            CaseId id = fixtures.underCorrection(subject);
            fixtures.assignDongmen(id);
            cases.put(state, id.toString());
            subjects.put(state, subject);
            documents.put(
                    state,
                    api.as("cd.county")
                            .perform(multipart("/api/v1/cases/" + id + "/attachments")
                                    .file(new MockMultipartFile(
                                            "file", "谈话笔录.pdf", "application/pdf", UploadFixtures.pdf("谈话笔录"))))
                            .expect(201)
                            .text("documentId"));
        }
        // The escalation brings the case to the city coordination office (as an overdue step escalated to it would).
        management.grant(
                CaseId.of(UUID.fromString(cases.get(State.ESCALATED))),
                actors.user("city.coord").agencyId(),
                Participation.ESCALATION);
        String hrss = actors.user("hrss.worker").agencyId().value().toString();
        for (State state : List.of(State.REFERRED, State.REFERRAL_ENDED)) {
            referrals.put(
                    state,
                    api.as("cd.county")
                            .post(
                                    "/api/v1/cases/" + cases.get(state) + "/referrals",
                                    Map.of(
                                            "service",
                                            "JOB_TRAINING",
                                            "toAgencyId",
                                            hrss,
                                            "note",
                                            "对象失业半年，请安排职业技能培训并推荐就业岗位。"))
                            .expect(201)
                            .text("id"));
        }
        events.awaitAll(java.time.Duration.ofSeconds(10));
        String ended = referrals.get(State.REFERRAL_ENDED);
        int version = api.as("hrss.worker")
                .get("/api/v1/referrals/" + ended)
                .expect(200)
                .number("version");
        api.as("hrss.worker")
                .post(
                        "/api/v1/referrals/" + ended + "/decline",
                        Map.of("version", version, "reason", "本季度职业技能培训名额已满，请下季度再转介。"))
                .expect(200);
        events.awaitAll(java.time.Duration.ofSeconds(10));
        // A case of another county: decided by the Chengxi court, executed in Chengxi; none of the accounts' agencies
        // is in it.
        LocalDate birth = fixtures.today().minusYears(45);
        LocalDate today = fixtures.today();
        SubjectData other = new SubjectData(
                "矩阵戊生",
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                org.tongxin.casefile.IdentityNumbers.compose(
                        "369903", birth, 500 + (int) (System.nanoTime() % 400), Gender.MALE),
                birth,
                "1597" + run + "005",
                "369903001",
                "西关街道矩阵路 " + run + "5 号",
                null,
                null,
                null,
                "矩阵病历" + run + "5");
        subjects.put(State.OTHER_JURISDICTION, other);
        String otherCase = api.as("cx.court.clerk")
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                        Map.of(
                                                "name",
                                                other.name(),
                                                "gender",
                                                "MALE",
                                                "ethnicity",
                                                "01",
                                                "idType",
                                                "RESIDENT_ID",
                                                "idNumber",
                                                other.idNumber(),
                                                "birthDate",
                                                birth.toString(),
                                                "phone",
                                                other.phone(),
                                                "residenceDivision",
                                                other.residenceDivision(),
                                                "residenceAddress",
                                                other.residenceAddress(),
                                                "health",
                                                other.health()),
                                "offence",
                                        Map.of(
                                                "category",
                                                "FRAUD",
                                                "details",
                                                "电信诈骗，涉案金额两万元。",
                                                "offenceDate",
                                                today.minusYears(1).toString(),
                                                "charges",
                                                List.of("诈骗罪")),
                                "decision",
                                        Map.of(
                                                "correctionType",
                                                "PROBATION",
                                                "caseNumber",
                                                CaseFixtures.caseNumber(),
                                                "judgmentDate",
                                                today.minusDays(3).toString(),
                                                "effectiveDate",
                                                today.minusDays(1).toString(),
                                                "termStart",
                                                today.minusDays(1).toString(),
                                                "termEnd",
                                                today.plusYears(1).toString(),
                                                "inCustody",
                                                false)))
                .expect(201)
                .text("caseId");
        cases.put(State.OTHER_JURISDICTION, otherCase);
        documents.put(
                State.OTHER_JURISDICTION,
                api.as("cx.court.clerk")
                        .perform(multipart("/api/v1/cases/" + otherCase + "/attachments")
                                .file(new MockMultipartFile(
                                        "file", "判决书.pdf", "application/pdf", UploadFixtures.pdf("判决书"))))
                        .expect(201)
                        .text("documentId"));
        events.awaitAll(java.time.Duration.ofSeconds(10));
    }

    @Test
    void everyRoleHasAnAccountWithExactlyThatRole() {
        assertThat(ACCOUNTS.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Role.class));
        ACCOUNTS.forEach((role, username) ->
                assertThat(actors.user(username).roles()).as(username).containsExactly(role));
    }

    @Test
    void theFixtureIsWhatTheExpectationsAssume() {
        for (State state : State.values()) {
            for (Map.Entry<Role, String> account : ACCOUNTS.entrySet()) {
                Set<Participation> held = new TreeSet<>(jdbc
                        .sql("SELECT participation FROM casefile_party WHERE case_id = :c AND agency_id = :a")
                        .param("c", UUID.fromString(cases.get(state)))
                        .param("a", actors.user(account.getValue()).agencyId().value())
                        .query(String.class)
                        .list()
                        .stream()
                        .map(Participation::valueOf)
                        .toList());
                assertThat(held)
                        .as("%s in the %s case", account.getValue(), state)
                        .containsExactlyInAnyOrderElementsOf(agencyRoles(account.getKey(), state));
            }
        }
    }

    @Test
    void everyOperationOfTheApiDocumentHasAnExpectation() {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations()) {
            if (!EXPECTATIONS.containsKey(op.id())
                    && !ROLE_RULED.contains(op.id())
                    && !PROCESS_OBJECTS.contains(op.id())) {
                missing.add(op.id() + " (" + op.key() + ")");
            }
            if (!AccessRulesIntegrationTests.RULES.containsKey(op.key())) {
                missing.add(op.key() + " has no role rule in AccessRulesIntegrationTests");
            }
        }
        Set<String> documented =
                new TreeSet<>(operations().stream().map(Operation::id).toList());
        for (String id : union(union(EXPECTATIONS.keySet(), ROLE_RULED), PROCESS_OBJECTS)) {
            if (!documented.contains(id)) {
                missing.add(id + " is expected here but is no operation of the document " + documented);
            }
        }
        assertThat(missing)
                .as("operations without an expectation in this matrix")
                .isEmpty();
        assertThat(operations()).hasSizeGreaterThan(140);
    }

    @Test
    void everyOperationAnswersEveryRoleInEveryStateAsItsRulesSay() throws Exception {
        // Reactions of earlier tests of the shared context still in flight would count as changes.
        assertThat(events.awaitAll(java.time.Duration.ofSeconds(60)))
                .as("earlier reactions settled")
                .isTrue();
        Map<String, Long> before = snapshot();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations()) {
            Set<String> rule = AccessRulesIntegrationTests.RULES.get(op.key());
            Expectation expectation = EXPECTATIONS.get(op.id());
            if (rule == null
                    || (expectation == null && !ROLE_RULED.contains(op.id()) && !PROCESS_OBJECTS.contains(op.id()))) {
                continue; // everyOperationOfTheApiDocumentHasAnExpectation names it
            }
            Kind kind = expectation == null ? Kind.ROLE_RULE : expectation.kind();
            List<State> states = switch (kind) {
                case ROLE_RULE -> List.of(State.OWN);
                case REFERRAL_READ, REFERRAL_LETTER, RECEIVING_COMMAND, REFERRING_COMMAND ->
                    List.of(State.REFERRED, State.REFERRAL_ENDED);
                default -> List.of(State.values());
            };
            for (State state : states) {
                for (Role role : Role.values()) {
                    Set<Integer> wanted = expected(op, expectation, rule, role, state);
                    MockHttpServletResponse response;
                    try {
                        response = call(op, ACCOUNTS.get(role), state);
                    } catch (IllegalStateException e) {
                        wrong.add(e.getMessage());
                        continue;
                    }
                    calls++;
                    int status = response.getStatus();
                    String where = "%s (%s) as %s [%s]"
                            .formatted(op.key(), op.id(), ACCOUNTS.get(role), kind == Kind.ROLE_RULE ? "-" : state);
                    if (!wanted.contains(status)) {
                        wrong.add(where + ": " + status + " instead of " + wanted + " " + excerpt(response));
                    } else if (status / 100 == 2) {
                        wrong.addAll(leaks(where, op, role, response));
                    }
                }
            }
        }
        assertThat(wrong).as("%d calls", calls).isEmpty();
        assertThat(calls).isGreaterThan(2000);
        assertThat(events.awaitAll(java.time.Duration.ofSeconds(60)))
                .as("the matrix's reactions settled")
                .isTrue();
        assertThat(snapshot()).as("the commands changed nothing").isEqualTo(before);
    }

    /** doc/security-requirements.md S17: a name or an identity number is searched in a POSTed body, never put into an address. */
    @Test
    void noOperationTakesANameOrIdentityNumberInItsAddress() {
        List<String> found = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.spec().has("parameters")) {
                for (JsonNode parameter : op.spec().get("parameters")) {
                    String name = parameter.get("name").asString().toLowerCase(java.util.Locale.ROOT);
                    if (name.contains("name")
                            || name.contains("idnumber")
                            || name.contains("identity")
                            || name.contains("phone")
                            || name.contains("subject")
                            || name.contains("address")) {
                        found.add(op.key() + " takes " + parameter.get("name").asString() + " in its "
                                + parameter.get("in").asString());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * doc/security-requirements.md S8 field by field: the case's subject as each lawful reader gets it, and the referral's shared fields for
     * the department while it is open and after it ended.
     */
    @Test
    void theCaseAndTheReferralShowEachReaderExactlyItsFields() {
        // Who the person is and where, for every reader; personal details with the protected fields (least privilege).
        Set<String> everyone = Set.of("subjectId", "name", "masked", "gender", "idType", "residenceDivision");
        Set<String> protectedFields =
                Set.of("idNumber", "phone", "residenceAddress", "health", "birthDate", "ethnicity");
        for (State state : List.of(State.OWN, State.ESCALATED, State.REFERRED)) {
            for (Role role : Role.values()) {
                Set<Participation> held = participations(role, state);
                ApiClient.Response response = api.as(ACCOUNTS.get(role)).get("/api/v1/cases/" + cases.get(state));
                if (held.isEmpty()) {
                    assertThat(response.status())
                            .as("%s, %s", ACCOUNTS.get(role), state)
                            .isEqualTo(404);
                    continue;
                }
                JsonNode caseView = response.expect(200).body();
                boolean full = held.stream().anyMatch(PROTECTED::contains);
                Set<String> shown = new TreeSet<>();
                caseView.get("subject").properties().forEach(f -> {
                    if (!f.getValue().isNull()) {
                        shown.add(f.getKey());
                    }
                });
                assertThat(shown)
                        .as("%s sees of the %s case's subject", ACCOUNTS.get(role), state)
                        .containsExactlyInAnyOrderElementsOf(full ? union(everyone, protectedFields) : everyone);
                assertThat(caseView.get("offenceDetails").isNull())
                        .as("offence details for %s", ACCOUNTS.get(role))
                        .isEqualTo(!full);
                assertThat(caseView.get("protectedFieldsVisible").asBoolean()).isEqualTo(full);
            }
        }
        JsonNode open = api.as("hrss.worker")
                .get("/api/v1/referrals/" + referrals.get(State.REFERRED))
                .expect(200)
                .body();
        Set<String> shared = new TreeSet<>();
        open.get("sharedSubject").properties().forEach(f -> shared.add(f.getKey()));
        assertThat(shared)
                .as("job training shares")
                .containsExactlyInAnyOrder("name", "gender", "age", "phone", "residenceDistrict");
        assertThat(open.get("sharedSubject").get("phone").asString())
                .isEqualTo(subjects.get(State.REFERRED).phone());
        JsonNode ended = api.as("hrss.worker")
                .get("/api/v1/referrals/" + referrals.get(State.REFERRAL_ENDED))
                .expect(200)
                .body();
        assertThat(ended.get("sharedSubject").isEmpty())
                .as("nothing once declined")
                .isTrue();
        assertThat(ended.get("caseId").isNull()).isTrue();
    }

    /** The statuses an account may get: 403 outside the role rule, else what the object decides. */
    Set<Integer> expected(Operation op, Expectation expectation, Set<String> rule, Role role, State state) {
        boolean roleAllowed = rule.contains(AccessRulesIntegrationTests.PUBLIC)
                || rule.contains(AccessRulesIntegrationTests.ANY)
                || rule.contains(role.name());
        if (!roleAllowed) {
            return Set.of(403);
        }
        Set<Integer> success = Set.of(op.documentedSuccess());
        Set<Integer> refused = op.read() ? success : VALIDATION;
        Set<Participation> held = participations(role, state);
        boolean department = role == Role.ASSISTANCE_CASEWORKER;
        boolean referring = held.stream().anyMatch(REFERRING::contains);
        if (expectation == null
                && REFUSED_BY_THE_FACADE.getOrDefault(op.id(), Set.of()).contains(role)) {
            return Set.of(403);
        }
        if (expectation == null) {
            boolean unknownObject = op.path().contains("{id}")
                    || op.path().contains("{documentId}")
                    || op.path().contains("{handoverId}")
                    || (!op.read() && op.path().contains("{region}"));
            if (unknownObject) {
                return op.read() ? Set.of(404) : union(VALIDATION, Set.of(404));
            }
            return refused;
        }
        return switch (expectation.kind()) {
            case ROLE_RULE -> refused;
            case CASE_READ -> held.isEmpty() ? Set.of(404) : success;
            case CASE_DOCUMENT_LIST ->
                held.isEmpty()
                        ? Set.of(404)
                        : held.stream().anyMatch(PROTECTED::contains) ? success : union(success, Set.of(403));
            case CASE_DOCUMENT_READ ->
                held.isEmpty()
                        ? Set.of(404)
                        : held.stream().anyMatch(CASE_TEAM::contains)
                                ? success
                                : held.stream().anyMatch(PROTECTED::contains) ? Set.of(404) : Set.of(403);
            case CASE_COMMAND ->
                held.isEmpty()
                        ? Set.of(404)
                        : held.stream().anyMatch(expectation.rights()::contains) ? VALIDATION : Set.of(403);
            case REFERRAL_READ -> referring || department ? success : Set.of(404);
            case REFERRAL_LETTER -> referring || (department && state == State.REFERRED) ? success : Set.of(404);
            case RECEIVING_COMMAND -> !(referring || department) ? Set.of(404) : department ? VALIDATION : Set.of(403);
            case REFERRING_COMMAND ->
                !(referring || department)
                        ? Set.of(404)
                        : held.contains(Participation.EXECUTING_AGENCY) ? VALIDATION : Set.of(403);
            // A process's own record under the case (a query, an opinion) is called with an id nobody has: 404 too.
            case CASE_PROCESS ->
                held.isEmpty()
                        ? Set.of(404)
                        : union(
                                union(success, VALIDATION),
                                op.path().contains("{queryId}")
                                                || op.path().contains("{opinionId}")
                                                || op.path().contains("{id}")
                                        ? Set.of(403, 404)
                                        : Set.of(403));
        };
    }

    MockHttpServletResponse call(Operation op, String username, State state) throws Exception {
        String path = op.path().replace("{caseId}", cases.get(state));
        if (path.startsWith("/api/v1/referrals/{id}")) {
            path = path.replace("{id}", referrals.get(state));
        }
        if (op.path().startsWith("/api/v1/cases/{caseId}/documents/{documentId}")) {
            path = path.replace("{documentId}", documents.get(state));
        }
        path = path.replace("{id}", UNKNOWN)
                .replace("{documentId}", UNKNOWN)
                .replace("{handoverId}", UNKNOWN)
                .replace("{queryId}", UNKNOWN)
                .replace("{opinionId}", UNKNOWN)
                .replace("{region}", op.read() ? "369900" : "999999")
                .replace("{stepId}", "docs.receipt")
                .replace("{year}", op.read() ? "2025" : "2031")
                .replace("{date}", "2025-10-01");
        StringBuilder query = new StringBuilder(QUERIES.containsKey(op.id()) ? "?" + QUERIES.get(op.id()) : "");
        if (op.spec().has("parameters") && !QUERIES.containsKey(op.id())) {
            for (JsonNode parameter : op.spec().get("parameters")) {
                if (parameter.get("in").asString().equals("query")
                        && parameter.path("required").asBoolean(false)) {
                    String name = parameter.get("name").asString();
                    if (!QUERY_VALUES.containsKey(name)) {
                        throw new IllegalStateException(
                                "no value for the required parameter " + name + " of " + op.key());
                    }
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(name)
                            .append('=')
                            .append(QUERY_VALUES.get(name));
                }
            }
        }
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (op.multipart()) {
            builder = multipart(HttpMethod.valueOf(op.method()), path + query)
                    .file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[0]));
        } else {
            MockHttpServletRequestBuilder json = request(HttpMethod.valueOf(op.method()), path + query);
            if (!op.method().equals("GET")) {
                json.contentType(MediaType.APPLICATION_JSON)
                        .content(
                                BODIES.containsKey(op.id())
                                        ? BODIES.get(op.id())
                                        : op.read() || !takesVersion(op) ? "{}" : "{\"version\": " + STALE + "}");
            }
            builder = json;
        }
        builder.with(logins.computeIfAbsent(username, actors::as));
        if (!op.method().equals("GET")) {
            builder.with(csrf());
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    /** Whether the operation's JSON body carries the version the caller read (then a stale one is sent). */
    boolean takesVersion(Operation op) {
        JsonNode schema = op.spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = document.get("components").get("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema.path("properties").has("version");
    }

    /**
     * The fixture's personal data in an answer the reader may not see: the case's own team and the organs with copies
     * see all of it, an escalation organ the case and the name, an open referral's department the case, the name and the
     * phone (its service's shared fields), everyone else nothing — not even the case's id.
     */
    List<String> leaks(String where, Operation op, Role role, MockHttpServletResponse response) throws Exception {
        String type = response.getContentType();
        if (type == null || !type.contains("json")) {
            return List.of();
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (State state : State.values()) {
            Set<Participation> held = participations(role, state);
            Map<String, String> markers = new LinkedHashMap<>();
            markers.put("case id", cases.get(state));
            markers.put("case's own document", documents.get(state));
            SubjectData s = subjects.get(state);
            if (s != null) {
                markers.put("name", s.name());
                markers.put("identity number", s.idNumber());
                markers.put("phone", s.phone());
                markers.put("address", s.residenceAddress());
                markers.put("health", s.health());
            }
            Set<String> allowed = new java.util.HashSet<>(
                    held.stream().anyMatch(PROTECTED::contains)
                            ? markers.keySet()
                            : held.contains(Participation.ESCALATION)
                                    ? Set.of("case id", "name")
                                    : held.contains(Participation.ASSISTING)
                                            ? Set.of("case id", "name", "phone")
                                            : Set.of());
            if (held.stream().noneMatch(CASE_TEAM::contains)) {
                allowed.remove("case's own document");
            }
            if (AUDIT_TRAIL.contains(op.id())) {
                // The audit log names what was read (ids), never the person's data.
                allowed.add("case id");
                allowed.add("case's own document");
            }
            markers.forEach((what, value) -> {
                if (!allowed.contains(what) && body.contains(value)) {
                    found.add(where + ": shows the " + what + " of the " + state + " case");
                }
            });
            if (s != null
                    && body.contains(s.name())
                    && !String.valueOf(response.getHeader("Cache-Control")).contains("no-store")) {
                found.add(where + ": shows a subject without Cache-Control: no-store (S17)");
            }
        }
        return found;
    }

    /**
     * Row counts of every table a person's command could change, and the fixture's versions. The ledger's clock keeps
     * working meanwhile (escalating overdue steps grants the organ one level up its role and writes the timeline without a
     * person), so its own rows and the read models built from events are left out: escalations, history, statistics, and
     * the timeline's and parties' rows no person made, the login throttle's tallies (flushed and merged every minute), and
     * the figures of what-if runs other tests started (written by the simulation executor when a run completes).
     */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : jdbc.sql("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND table_name NOT LIKE 'audit%' AND table_name NOT LIKE 'event_publication%' AND table_name NOT LIKE 'spring_session%'
              AND table_name NOT LIKE 'flyway%' AND table_name NOT LIKE 'statistics%'
              AND table_name NOT LIKE 'simulation%'
              AND table_name NOT IN ('obligation', 'obligation_escalation', 'obligation_history', 'casefile_timeline', 'casefile_party',
                                     'identity_failure_tally', 'identity_throttle', 'assessment_fact')\
            """).query(String.class).list()) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        // The clock's scans (the end of a term, lost contact) and the redelivery of earlier tests' reactions open steps
        // on
        // other cases meanwhile; the matrix's commands address the fixture's cases only.
        jdbc.sql("SELECT case_id, step_id, instance FROM obligation WHERE case_id IN (:cases) ORDER BY 1, 2, 3")
                .param("cases", cases.values().stream().map(UUID::fromString).toList())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .list()
                .forEach(step -> counts.put("obligation " + step, 1L));
        // The clock's scans also record facts for assessment (a missed report) on other cases; the fixture's own count.
        counts.put(
                "assessment_fact of the fixture's cases",
                jdbc.sql("SELECT count(*) FROM assessment_fact WHERE case_id IN (:cases)")
                        .param(
                                "cases",
                                cases.values().stream().map(UUID::fromString).toList())
                        .query(Long.class)
                        .single());
        counts.put(
                "casefile_timeline by people",
                jdbc.sql("SELECT count(*) FROM casefile_timeline WHERE actor_user_id IS NOT NULL")
                        .query(Long.class)
                        .single());
        counts.put(
                "the fixture's parties but escalations",
                jdbc.sql("SELECT count(*) FROM casefile_party WHERE participation <> 'ESCALATION' AND case_id"
                                + " IN (:cases)")
                        .param(
                                "cases",
                                cases.values().stream().map(UUID::fromString).toList())
                        .query(Long.class)
                        .single());
        for (State state : State.values()) {
            counts.put(
                    "version of the " + state + " case",
                    jdbc.sql("SELECT version FROM casefile_case WHERE id = :id")
                            .param("id", UUID.fromString(cases.get(state)))
                            .query(Long.class)
                            .single());
        }
        referrals.forEach((state, id) -> counts.put(
                "version of the " + state + " referral",
                jdbc.sql("SELECT version FROM assistance_referral WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single()));
        return counts;
    }

    static String excerpt(MockHttpServletResponse response) throws Exception {
        String body =
                response.getContentType() != null && response.getContentType().contains("json")
                        ? response.getContentAsString(StandardCharsets.UTF_8)
                        : "";
        return body.length() > 160 ? body.substring(0, 160) : body;
    }

    static <T extends Comparable<T>> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new TreeSet<>(a);
        result.addAll(b);
        return result;
    }

    record Operation(String id, String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }

        boolean read() {
            return method.equals("GET") || POSTED_READS.contains(id);
        }

        int documentedSuccess() {
            for (var response : spec.get("responses").properties()) {
                if (response.getKey().startsWith("2")) {
                    return Integer.parseInt(response.getKey());
                }
            }
            throw new AssertionError(key() + " documents no 2xx answer");
        }

        boolean multipart() {
            return spec.has("requestBody")
                    && spec.get("requestBody").get("content").has("multipart/form-data");
        }
    }

    List<Operation> operations() {
        List<Operation> result = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                result.add(new Operation(
                        operation.getValue().get("operationId").asString(),
                        operation.getKey().toUpperCase(),
                        path.getKey(),
                        operation.getValue()));
            }
        }
        return result;
    }
}
