package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.NewAssessment;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The case file's commands against the real database, as the demo accounts of Chengdong (城东区) would use them: a
 * case from the entrusted assessment to the entry announcement, the agencies that gain a lawful role on the way,
 * refusals that are 4xx and leave nothing half-saved, and optimistic locking.
 */
@IntegrationTest
class CaseManagementIntegrationTests {

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    AgencyId agency(String code) {
        return fixtures.agency(code);
    }

    CaseView view(String username, CaseId id) {
        return fixtures.as(username, () -> directory.view(id, "test"));
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).as("status of %s", e.code()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    static List<FieldProblem> problems(Runnable action) {
        try {
            action.run();
        } catch (TongxinException e) {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            return e.fieldProblems();
        }
        throw new AssertionError("accepted");
    }

    long count(String table, CaseId id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }

    @Test
    void anEntrustedAssessmentGoesToTheCountyAgencyOfTheResidenceAndIsDecidedThere() {
        CaseId id = fixtures.assessing(fixtures.adult("周杰", Gender.MALE));
        CaseView assessing = view("cd.county", id);
        assertThat(assessing.status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(assessing.countyAgencyId()).isEqualTo(agency("CD-CCA"));
        assertThat(assessing.decisionOrganId()).isEqualTo(agency("CD-COURT"));
        assertThat(assessing.policyRegion()).isEqualTo("369900");
        assertThat(directory.parties(id))
                .containsExactlyInAnyOrder(
                        new LawfulRole(agency("CD-COURT"), Participation.DECISION_ORGAN),
                        new LawfulRole(agency("CD-CCA"), Participation.EXECUTING_AGENCY));

        int version = fixtures.version(id);
        fixtures.as(
                "cd.court.judge", () -> management.decide(id, version, fixtures.decision(CorrectionType.PROBATION)));

        CaseFacts facts = directory.facts(id).orElseThrow();
        assertThat(facts.status()).isEqualTo(CaseStatus.INTAKE);
        assertThat(facts.correctionType()).isEqualTo(CorrectionType.PROBATION);
        assertThat(facts.effectiveDate()).isEqualTo(fixtures.today().minusDays(10));
        assertThat(directory.parties(id))
                .containsExactlyInAnyOrder(
                        new LawfulRole(agency("CD-COURT"), Participation.DECISION_ORGAN),
                        new LawfulRole(agency("CD-CCA"), Participation.EXECUTING_AGENCY),
                        new LawfulRole(agency("CD-PROC"), Participation.COPIED_PROCURATORATE),
                        new LawfulRole(agency("CD-PSB"), Participation.COPIED_POLICE));
        assertThat(fixtures.version(id)).isEqualTo(version + 1);
    }

    @Test
    void anAssessmentCanBeEntrustedToASocialOrganisationButNotToACourt() {
        SubjectData subject = fixtures.adult("吴敏", Gender.FEMALE);
        CaseId id = fixtures.as(
                "cd.court.clerk",
                () -> management.entrustAssessment(
                        new NewAssessment(subject, fixtures.offence(), agency("A-SO-SUN"), true, null)));
        assertThat(directory.facts(id).orElseThrow())
                .extracting(CaseFacts::countyAgencyId, CaseFacts::expedited)
                .containsExactly(agency("A-SO-SUN"), true);
        assertThat(problems(() -> fixtures.as(
                        "cd.court.clerk",
                        () -> management.entrustAssessment(new NewAssessment(
                                fixtures.adult("吴敏", Gender.FEMALE),
                                fixtures.offence(),
                                agency("CX-COURT"),
                                false,
                                null)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("assessingAgencyId", "assessingAgency"));
    }

    @Test
    void aCaseGoesFromDecisionThroughIntakeToTheEntryAnnouncement() {
        CaseId id = fixtures.decided(fixtures.adult("郑浩", Gender.MALE));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.INTAKE);

        management.documentsState(id, DocumentsState.DELIVERED);
        int v1 = fixtures.version(id);
        Instant reportedAt =
                clock.instant().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fixtures.as("cd.county", () -> management.recordArrival(id, v1, false, reportedAt));
        management.documentsState(id, DocumentsState.RECEIPTED);
        int v2 = fixtures.version(id);
        fixtures.as("cd.county", () -> management.assignOffice(id, v2, agency("CD-SO-DM")));
        int v3 = fixtures.version(id);
        fixtures.as("cd.county", () -> management.register(id, v3));

        CaseView registered = view("cd.dm", id);
        assertThat(registered.status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(registered.arrivalState()).isEqualTo(ArrivalState.REPORTED);
        assertThat(registered.arrivedAt()).isEqualTo(reportedAt);
        assertThat(registered.officeId()).isEqualTo(agency("CD-SO-DM"));
        assertThat(registered.access().holds(Participation.ASSIGNED_OFFICE)).isTrue();

        List<TeamMember> team = List.of(
                new TeamMember(" 赵强 ", TeamRole.OFFICE_STAFF, Gender.MALE, agency("CD-SO-DM")),
                new TeamMember("王建国", TeamRole.GUARDIAN, Gender.MALE, null));
        int v4 = fixtures.version(id);
        fixtures.as("cd.dm", () -> management.formTeam(id, v4, team));
        int v5 = fixtures.version(id);
        fixtures.as("cd.dm", () -> management.makePlan(id, v5, "每周到司法所报告一次；参加公益活动每月不少于八小时；接受心理辅导。"));
        int v6 = fixtures.version(id);
        Instant held = clock.instant();
        fixtures.as("cd.dm", () -> management.announce(id, v6, new AnnouncementData(held, " 东门街道司法所 ", "赵强、王建国")));

        CaseFacts facts = directory.facts(id).orElseThrow();
        assertThat(facts.intakeComplete()).isTrue();
        assertThat(fixtures.as("cd.county", () -> directory.team(id)))
                .extracting(TeamMember::name, TeamMember::role)
                .containsExactly(tuple("赵强", TeamRole.OFFICE_STAFF), tuple("王建国", TeamRole.GUARDIAN));
        assertThat(fixtures.as("cd.county", () -> directory.latestPlan(id)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("每周"));
        assertThat(fixtures.as("cd.county", () -> directory.announcement(id))).hasValueSatisfying(a -> {
            assertThat(a.place()).isEqualTo("东门街道司法所");
            assertThat(a.hostAgencyId()).isEqualTo(agency("CD-SO-DM"));
        });
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_id = :id ORDER BY id")
                        .param("id", id.toString())
                        .query(String.class)
                        .list())
                .containsSubsequence(
                        "case.decided",
                        "case.reported",
                        "case.office-assigned",
                        "case.registered",
                        "case.team",
                        "case.plan",
                        "case.announced");
    }

    @Test
    void aTemporaryExecutionSubjectIsHandedOverByThePrisonNamedInTheDecision() {
        SubjectData subject = fixtures.adult("冯刚", Gender.MALE);
        CaseId id = fixtures.as(
                "cd.court.clerk",
                () -> management.openDecided(new NewDecidedCase(
                        subject, fixtures.offence(), fixtures.decision(CorrectionType.TEMPORARY_EXECUTION))));
        assertThat(directory.parties(id))
                .contains(new LawfulRole(agency("A-PRISON"), Participation.HANDOVER_INSTITUTION));
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as("prison.officer", () -> management.recordArrival(id, version, false, null)),
                403,
                "NOT_EXECUTING_AGENCY");
        fixtures.as("prison.officer", () -> management.recordArrival(id, version, true, null));
        assertThat(directory.facts(id).orElseThrow().arrivalState()).isEqualTo(ArrivalState.TRANSFERRED);
    }

    @Test
    void theCityPoliceMayOpenADecidedCaseButACountyAgencyOrDistrictPoliceMayNot() {
        CaseId id = fixtures.as(
                "city.police",
                () -> management.openDecided(new NewDecidedCase(
                        fixtures.adult("褚亮", Gender.MALE),
                        fixtures.offence(),
                        fixtures.decision(CorrectionType.TEMPORARY_EXECUTION))));
        assertThat(directory.facts(id).orElseThrow().decisionOrganId()).isEqualTo(agency("A-PSB"));
        for (String user : new String[] {"cd.county", "cd.police", "cd.proc", "sysadmin"}) {
            long before = jdbc.sql("SELECT count(*) FROM casefile_case")
                    .query(Long.class)
                    .single();
            refused(
                    () -> fixtures.as(
                            user,
                            () -> management.openDecided(new NewDecidedCase(
                                    fixtures.adult("褚亮", Gender.MALE),
                                    fixtures.offence(),
                                    fixtures.decision(CorrectionType.PROBATION)))),
                    403,
                    "NOT_DECISION_ORGAN");
            refused(
                    () -> fixtures.as(
                            user,
                            () -> management.entrustAssessment(new NewAssessment(
                                    fixtures.adult("褚亮", Gender.MALE), fixtures.offence(), null, false, null))),
                    403,
                    "NOT_DECISION_ORGAN");
            assertThat(jdbc.sql("SELECT count(*) FROM casefile_case")
                            .query(Long.class)
                            .single())
                    .isEqualTo(before);
        }
    }

    @Test
    void aWithdrawnAssessmentAcceptsNoFurtherStep() {
        CaseId id = fixtures.assessing(fixtures.adult("蒋雯", Gender.FEMALE));
        int version = fixtures.version(id);
        fixtures.as("cd.court.clerk", () -> management.withdraw(id, version));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.WITHDRAWN);
        int withdrawn = fixtures.version(id);
        refused(
                () -> fixtures.as(
                        "cd.court.clerk",
                        () -> management.decide(id, withdrawn, fixtures.decision(CorrectionType.PROBATION))),
                409,
                "CASE_NOT_ASSESSING");
        refused(
                () -> fixtures.as("cd.court.clerk", () -> management.withdraw(id, withdrawn)),
                409,
                "CASE_NOT_ASSESSING");
        refused(
                () -> fixtures.as("cd.county", () -> management.recordArrival(id, withdrawn, false, null)),
                409,
                "CASE_NOT_IN_INTAKE");
        refused(
                () -> fixtures.as("cd.county", () -> management.assignOffice(id, withdrawn, agency("CD-SO-DM"))),
                409,
                "CASE_NOT_IN_INTAKE");
        assertThat(fixtures.version(id)).isEqualTo(withdrawn);
    }

    @Test
    void illegalStepsInIntakeAreRefusedWithTheirCodesAndSaveNothing() {
        CaseId id = fixtures.decided(fixtures.adult("沈涛", Gender.MALE));
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as(
                        "cd.court.clerk",
                        () -> management.decide(id, version, fixtures.decision(CorrectionType.PAROLE))),
                409,
                "CASE_NOT_ASSESSING");
        refused(() -> fixtures.as("cd.court.clerk", () -> management.withdraw(id, version)), 409, "CASE_NOT_ASSESSING");
        refused(
                () -> fixtures.as("cd.county", () -> management.register(id, version)),
                422,
                "REGISTER_NEEDS_DOCUMENTS");
        refused(
                () -> fixtures.as(
                        "cd.county",
                        () -> management.formTeam(
                                id, version, List.of(new TeamMember("赵强", TeamRole.OFFICE_STAFF, Gender.MALE, null)))),
                409,
                "CASE_NOT_REGISTERED");
        refused(
                () -> fixtures.as("cd.county", () -> management.makePlan(id, version, "每周到司法所报告一次，参加公益活动不少于八小时。")),
                409,
                "CASE_NOT_REGISTERED");
        refused(
                () -> fixtures.as(
                        "cd.county",
                        () -> management.announce(
                                id,
                                version,
                                new AnnouncementData(clock.instant().minusSeconds(60), "城东区社区矫正中心", "赵强"))),
                409,
                "CASE_NOT_REGISTERED");

        assertThat(fixtures.version(id)).as("no change saved").isEqualTo(version);
        assertThat(count("casefile_team_member", id)).as("no team half-saved").isZero();
        assertThat(count("casefile_plan", id)).as("no plan half-saved").isZero();
        assertThat(count("casefile_announcement", id))
                .as("no announcement half-saved")
                .isZero();
        CaseFacts facts = directory.facts(id).orElseThrow();
        assertThat(facts.status()).isEqualTo(CaseStatus.INTAKE);
        assertThat(facts.teamFormedAt()).isNull();
        assertThat(facts.planMadeAt()).isNull();
    }

    @Test
    void aSubjectArrivesOnceAndTheAnnouncementIsHeldOnce() {
        CaseId id = fixtures.underCorrection(fixtures.adult("韩梅", Gender.FEMALE));
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as("cd.county", () -> management.recordArrival(id, version, false, null)),
                409,
                "CASE_NOT_IN_INTAKE");
        refused(() -> fixtures.as("cd.county", () -> management.register(id, version)), 409, "CASE_NOT_IN_INTAKE");
        fixtures.as(
                "cd.county",
                () -> management.announce(id, version, new AnnouncementData(clock.instant(), "城东区社区矫正中心", "赵强、孙丽")));
        int announced = fixtures.version(id);
        refused(
                () -> fixtures.as(
                        "cd.county",
                        () -> management.announce(
                                id, announced, new AnnouncementData(clock.instant(), "东门街道司法所", "赵强"))),
                409,
                "ALREADY_ANNOUNCED");
        assertThat(count("casefile_announcement", id)).isEqualTo(1);
        assertThat(fixtures.as("cd.county", () -> directory.announcement(id))
                        .orElseThrow()
                        .place())
                .isEqualTo("城东区社区矫正中心");
    }

    @Test
    void aFemaleSubjectsTeamWithoutAWomanIsRefusedAndTheOldTeamStays() {
        CaseId id = fixtures.underCorrection(fixtures.adult("秦芳", Gender.FEMALE));
        int version = fixtures.version(id);
        List<TeamMember> team = List.of(
                new TeamMember("孙丽", TeamRole.SOCIAL_WORKER, Gender.FEMALE, null),
                new TeamMember("赵强", TeamRole.OFFICE_STAFF, Gender.MALE, null));
        fixtures.as("cd.county", () -> management.formTeam(id, version, team));
        int formed = fixtures.version(id);
        assertThat(problems(() -> fixtures.as(
                        "cd.county",
                        () -> management.formTeam(
                                id, formed, List.of(new TeamMember("赵强", TeamRole.OFFICE_STAFF, Gender.MALE, null))))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("members", "womanInTeam"));
        assertThat(fixtures.as("cd.county", () -> directory.team(id)))
                .extracting(TeamMember::name)
                .containsExactly("孙丽", "赵强");
        assertThat(fixtures.version(id)).isEqualTo(formed);
    }

    @Test
    void invalidInputIsReportedFieldByFieldAndCreatesNoCaseNorSubject() {
        long cases =
                jdbc.sql("SELECT count(*) FROM casefile_case").query(Long.class).single();
        long subjects = jdbc.sql("SELECT count(*) FROM casefile_subject")
                .query(Long.class)
                .single();
        SubjectData good = fixtures.adult("卫东", Gender.MALE);
        String badChecksum = good.idNumber().substring(0, 17) + (good.idNumber().charAt(17) == '0' ? '1' : '0');
        SubjectData bad = new SubjectData(
                good.name(),
                good.gender(),
                good.ethnicity(),
                good.idType(),
                badChecksum,
                good.birthDate(),
                "110",
                good.residenceDivision(),
                good.residenceAddress(),
                null,
                null,
                null,
                null);
        CaseData.DecisionData decision = fixtures.decision(CorrectionType.PROBATION);
        CaseData.DecisionData noNumber = new CaseData.DecisionData(
                decision.correctionType(),
                "第12号",
                decision.judgmentDate(),
                decision.effectiveDate(),
                decision.termStart(),
                decision.termEnd(),
                null,
                false,
                null);
        List<FieldProblem> problems = problems(() -> fixtures.as(
                "cd.court.clerk",
                () -> management.openDecided(new NewDecidedCase(
                        bad, new CaseData.OffenceData(null, null, fixtures.today(), List.of("偷窃罪")), noNumber))));
        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("subject.idNumber", "idNumberChecksum"),
                        tuple("subject.phone", "phone"),
                        tuple("offence.category", "required"),
                        tuple("offence.charges", "unknownCharge"),
                        tuple("decision.caseNumber", "caseNumber"));
        assertThat(problems(() -> fixtures.as(
                        "cd.court.clerk",
                        () -> management.openDecided(new NewDecidedCase(
                                good,
                                fixtures.offence(),
                                new CaseData.DecisionData(
                                        CorrectionType.PROBATION,
                                        CaseFixtures.caseNumber(),
                                        decision.judgmentDate(),
                                        decision.effectiveDate(),
                                        decision.termStart(),
                                        decision.termEnd(),
                                        agency("CD-SO-DM"),
                                        false,
                                        null))))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("decision.countyAgencyId", "countyAgency"));
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_case")
                        .query(Long.class)
                        .single())
                .isEqualTo(cases);
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_subject")
                        .query(Long.class)
                        .single())
                .isEqualTo(subjects);
    }

    @Test
    void anotherCountyAgencyCanBeChosenAsThePlaceOfExecutionWithItsProcuratorateAndPolice() {
        CaseData.DecisionData d = fixtures.decision(CorrectionType.PUBLIC_SURVEILLANCE);
        CaseId id = fixtures.as(
                "cd.court.clerk",
                () -> management.openDecided(new NewDecidedCase(
                        fixtures.adult("杨帆", Gender.MALE),
                        fixtures.offence(),
                        new CaseData.DecisionData(
                                d.correctionType(),
                                d.caseNumber(),
                                d.judgmentDate(),
                                d.effectiveDate(),
                                d.termStart(),
                                d.termEnd(),
                                agency("QS-CCA"),
                                false,
                                null))));
        assertThat(directory.parties(id))
                .containsExactlyInAnyOrder(
                        new LawfulRole(agency("CD-COURT"), Participation.DECISION_ORGAN),
                        new LawfulRole(agency("QS-CCA"), Participation.EXECUTING_AGENCY),
                        new LawfulRole(agency("QS-PROC"), Participation.COPIED_PROCURATORATE),
                        new LawfulRole(agency("QS-PSB"), Participation.COPIED_POLICE));
    }

    @Test
    void onlyAnOfficeOfTheExecutingCountyCanBeAssignedAndReassigningMovesTheRole() {
        CaseId id = fixtures.decided(fixtures.adult("朱磊", Gender.MALE));
        int version = fixtures.version(id);
        for (String code : new String[] {"CX-SO-XG", "CD-CCA", "CD-RC-DM"}) {
            assertThat(problems(
                            () -> fixtures.as("cd.county", () -> management.assignOffice(id, version, agency(code)))))
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("officeId", "officeOfCounty"));
        }
        fixtures.assignDongmen(id);
        int assigned = fixtures.version(id);
        fixtures.as("cd.county", () -> management.assignOffice(id, assigned, agency("CD-SO-NH")));
        assertThat(directory.parties(id))
                .contains(new LawfulRole(agency("CD-SO-NH"), Participation.ASSIGNED_OFFICE))
                .doesNotContain(new LawfulRole(agency("CD-SO-DM"), Participation.ASSIGNED_OFFICE));
    }

    @Test
    void aStaleVersionIsAConflictAndTheNewerChangeStays() {
        CaseId id = fixtures.decided(fixtures.adult("许强", Gender.MALE));
        int read = fixtures.version(id);
        fixtures.as("cd.county", () -> management.assignOffice(id, read, agency("CD-SO-DM")));
        refused(
                () -> fixtures.as("cd.county2", () -> management.assignOffice(id, read, agency("CD-SO-NH"))),
                409,
                "STALE_VERSION");
        refused(
                () -> fixtures.as("cd.county2", () -> management.recordArrival(id, read, false, null)),
                409,
                "STALE_VERSION");
        refused(() -> fixtures.as("cd.court.clerk", () -> management.withdraw(id, read + 5)), 409, "STALE_VERSION");
        CaseFacts facts = directory.facts(id).orElseThrow();
        assertThat(facts.officeId()).isEqualTo(agency("CD-SO-DM"));
        assertThat(facts.arrivalState()).isEqualTo(ArrivalState.AWAITED);
        assertThat(fixtures.version(id)).isEqualTo(read + 1);
    }

    @Test
    void theSystemRecordsDocumentsAndAMissingSubjectWithoutAUser() {
        CaseId id = fixtures.decided(fixtures.adult("何平", Gender.MALE));
        management.subjectMissing(id);
        management.documentsState(id, DocumentsState.REJECTED);
        CaseFacts facts = directory.facts(id).orElseThrow();
        assertThat(facts.arrivalState()).isEqualTo(ArrivalState.MISSING);
        assertThat(facts.documentsState()).isEqualTo(DocumentsState.REJECTED);
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> management.recordArrival(id, version, false, null));
        assertThat(directory.facts(id).orElseThrow().arrivalState()).isEqualTo(ArrivalState.REPORTED);
        refused(
                () -> management.documentsState(CaseId.of(java.util.UUID.randomUUID()), DocumentsState.DELIVERED),
                404,
                "NOT_FOUND");
    }

    @Test
    void anArrivalInTheFutureOrAPlanTooShortIsInvalid() {
        CaseId id = fixtures.decided(fixtures.adult("吕强", Gender.MALE));
        int version = fixtures.version(id);
        assertThat(problems(() -> fixtures.as(
                        "cd.county",
                        () -> management.recordArrival(
                                id, version, false, clock.instant().plusSeconds(3600)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("arrivedAt", "past"));
        CaseId registered = fixtures.underCorrection(fixtures.adult("施伟", Gender.MALE));
        int current = fixtures.version(registered);
        assertThat(problems(() -> fixtures.as("cd.county", () -> management.makePlan(registered, current, "太短"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("content", "planTooShort"));
        assertThat(problems(() -> fixtures.as(
                        "cd.county",
                        () -> management.announce(
                                registered,
                                current,
                                new AnnouncementData(clock.instant().plusSeconds(60), " ", null)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("heldAt", "past"), tuple("place", "required"), tuple("attendees", "required"));
        assertThat(count("casefile_plan", registered)).isZero();
    }

    @Test
    void whetherTheSubjectWasAMinorFollowsFromTheOffenceDateAndTheBirthDate() {
        java.time.LocalDate birth = fixtures.today().minusYears(19);
        java.time.LocalDate eighteenth = birth.plusYears(18);
        for (int offset : new int[] {-1, 0, 1}) {
            SubjectData subject = CaseFixtures.subject("岳小飞", Gender.MALE, birth);
            CaseData.OffenceData offence = new CaseData.OffenceData(
                    OffenceCategory.PICKING_QUARRELS, "寻衅滋事", eighteenth.plusDays(offset), List.of("寻衅滋事罪"));
            CaseId id = fixtures.as(
                    "cd.court.clerk",
                    () -> management.openDecided(
                            new NewDecidedCase(subject, offence, fixtures.decision(CorrectionType.PROBATION))));
            assertThat(directory.facts(id).orElseThrow().minorAtOffence())
                    .as("offence %s day(s) after the 18th birthday", offset)
                    .isEqualTo(offset <= 0);
            assertThat(view("cd.proc", id).subject().masked()).isEqualTo(offset <= 0);
        }
    }

    @Test
    void aCaseNumberACourtHasUsedForThePersonIsRefusedAsTakenWhileACoDefendantGetsACaseOfTheirOwn() {
        CaseData.DecisionData first = fixtures.decision(CorrectionType.PROBATION);
        SubjectData person = fixtures.adult("万里", Gender.MALE);
        fixtures.as(
                "cd.court.clerk", () -> management.openDecided(new NewDecidedCase(person, fixtures.offence(), first)));
        long cases =
                jdbc.sql("SELECT count(*) FROM casefile_case").query(Long.class).single();
        CaseData.DecisionData same = new CaseData.DecisionData(
                CorrectionType.PUBLIC_SURVEILLANCE,
                " " + first.caseNumber(),
                first.judgmentDate(),
                first.effectiveDate(),
                first.termStart(),
                first.termEnd(),
                null,
                false,
                null);
        assertThat(problems(() -> fixtures.as(
                        "cd.court.judge",
                        () -> management.openDecided(new NewDecidedCase(person, fixtures.offence(), same)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("decision.caseNumber", "taken"));
        assertThat(problems(() -> fixtures.as(
                        "cd.court.clerk",
                        () -> management.entrustAssessment(
                                new NewAssessment(person, fixtures.offence(), null, false, first.caseNumber())))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("caseNumber", "taken"));

        CaseId assessed = fixtures.assessing(person);
        int version = fixtures.version(assessed);
        assertThat(problems(() -> fixtures.as("cd.court.clerk", () -> management.decide(assessed, version, same))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("decision.caseNumber", "taken"));
        assertThat(fixtures.status(assessed)).isEqualTo(CaseStatus.ASSESSING);
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_case")
                        .query(Long.class)
                        .single())
                .isEqualTo(cases + 1);

        CaseId coDefendant = fixtures.as(
                "cd.court.judge",
                () -> management.openDecided(
                        new NewDecidedCase(fixtures.adult("万山", Gender.MALE), fixtures.offence(), same)));
        assertThat(directory.facts(coDefendant).orElseThrow().caseNumber())
                .as("one judgment, a case for each co-defendant")
                .isEqualTo(first.caseNumber());

        String assessmentNumber = directory.facts(assessed).orElseThrow().caseNumber();
        CaseData.DecisionData keepsItsNumber = new CaseData.DecisionData(
                CorrectionType.PROBATION,
                assessmentNumber,
                first.judgmentDate(),
                first.effectiveDate(),
                first.termStart(),
                first.termEnd(),
                null,
                false,
                null);
        fixtures.as("cd.court.clerk", () -> management.decide(assessed, version, keepsItsNumber));
        assertThat(fixtures.status(assessed))
                .as("a case may keep its own number")
                .isEqualTo(CaseStatus.INTAKE);
        fixtures.as(
                "cx.court.clerk",
                () -> management.openDecided(
                        new NewDecidedCase(fixtures.adult("万川", Gender.MALE), fixtures.offence(), first)));
    }

    @Test
    void theSamePersonKeepsOneRecordAcrossCasesAndANewCaseKeepsWhatItStated() {
        SubjectData first = fixtures.adult("孔亮", Gender.MALE);
        CaseId one = fixtures.decided(first);
        SubjectData again = new SubjectData(
                first.name(),
                first.gender(),
                first.ethnicity(),
                first.idType(),
                " " + first.idNumber().toLowerCase() + " ",
                first.birthDate(),
                "13907009999",
                first.residenceDivision(),
                "新地址",
                null,
                null,
                null,
                null);
        CaseId two = fixtures.decided(again);
        assertThat(fixtures.subjectOf(two)).isEqualTo(fixtures.subjectOf(one));
        assertThat(view("cd.county", one).subject().phone())
                .as("the record is not overwritten (issue 9, item 4)")
                .isEqualTo(first.phone());
        assertThat(view("cd.county", two).subject().phone())
                .as("the new case shows what it stated")
                .isEqualTo("13907009999");
        assertThat(view("cd.county", two).subject().health())
                .as("and nothing it left out")
                .isNull();
    }
}
