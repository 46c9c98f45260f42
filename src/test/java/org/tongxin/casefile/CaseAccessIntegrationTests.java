package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.internal.SubjectCodec;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Who may know a case exists and what they see of it (doc/security-requirements.md S7, S8, S10, S12): a lawful role or 404 (in
 * lists and search too), a lawful role without the right to an action 403, protected fields only for the roles
 * that need them, minors' identities masked outside their own team, and every read audited.
 */
@IntegrationTest
class CaseAccessIntegrationTests {

    /** Every demo account of Chengdong and beyond that has no lawful role in a Chengdong court's Dongmen case. */
    static final List<String> STRANGERS = List.of(
            "cd.nh",
            "cd.xh",
            "cd.station",
            "cx.county",
            "cx.court.clerk",
            "cx.proc",
            "qs.county",
            "city.coord",
            "city.cca",
            "city.court.judge",
            "city.proc",
            "prison.officer",
            "civil.worker",
            "sw.sunshine",
            "cd.community",
            "sysadmin",
            "secadmin",
            "auditadmin");

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
        return fixtures.as(username, () -> directory.view(id, "case-page"));
    }

    void absentFor(String username, CaseId id) {
        assertStatus(() -> view(username, id), 404, username);
        assertStatus(() -> fixtures.as(username, () -> directory.timeline(id)), 404, username);
        assertStatus(() -> fixtures.as(username, () -> directory.team(id)), 404, username);
        assertStatus(() -> fixtures.as(username, () -> directory.access(id)), 404, username);
        assertThat(fixtures.as(username, () -> directory.summaries(List.of(id), "inbox")))
                .as(username)
                .isEmpty();
    }

    static void assertStatus(Runnable action, int status, String who) {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(action::run))
                .as(who)
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value())
                                .as("%s: %s", who, e.code())
                                .isEqualTo(status));
    }

    static void forbidden(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(403);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** A Chinese name nobody else in this run has, so that a search by name finds exactly one person. */
    static String uniqueName() {
        String pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬";
        StringBuilder name = new StringBuilder("欧阳");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }

    PageResult<CaseSummary> search(String username, CaseSearch search) {
        return fixtures.as(
                username,
                () -> directory.search(
                        search, PageQuery.of(0, 20, null, CaseDirectory.SORTABLE, "updated"), "case-search"));
    }

    static CaseSearch byName(String name) {
        return new CaseSearch(name, null, null, null, null);
    }

    @Test
    void aCaseExistsOnlyForTheAgenciesWithALawfulRoleInIt() {
        CaseId id = fixtures.decided();
        for (String user : List.of(
                "cd.county",
                "cd.county2",
                "cd.county.head",
                "cd.court.clerk",
                "cd.court.judge",
                "cd.proc",
                "cd.police")) {
            assertThat(view(user, id).id()).as(user).isEqualTo(id);
        }
        assertThat(view("cd.proc", id).access().held()).containsExactly(Participation.COPIED_PROCURATORATE);
        absentFor("cd.dm", id);
        for (String user : STRANGERS) {
            absentFor(user, id);
        }
    }

    @Test
    void aJudicialOfficeSeesOnlyTheCasesAssignedToIt() {
        CaseId id = fixtures.decided();
        absentFor("cd.dm", id);
        fixtures.assignDongmen(id);
        assertThat(view("cd.dm", id).access().held()).containsExactly(Participation.ASSIGNED_OFFICE);
        assertThat(view("cd.dm.head", id).officeId()).isEqualTo(agency("CD-SO-DM"));
        absentFor("cd.nh", id);
        absentFor("cd.lq", id);
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> management.assignOffice(id, version, agency("CD-SO-NH")));
        absentFor("cd.dm", id);
        assertThat(view("cd.nh", id).id()).isEqualTo(id);
    }

    @Test
    void anAgencyOneLevelUpOrTheCoordinationOfficeSeesACaseOnlyOnceItIsBroughtToThem() {
        CaseId id = fixtures.decided();
        absentFor("city.cca", id);
        absentFor("city.coord", id);
        management.grant(id, agency("A-CCA"), Participation.ESCALATION);
        management.grant(id, agency("A-COORD"), Participation.COORDINATION);
        management.grant(id, agency("A-COORD"), Participation.COORDINATION);
        assertThat(view("city.cca", id).access().held()).containsExactly(Participation.ESCALATION);
        assertThat(view("city.coord", id).access().held()).containsExactly(Participation.COORDINATION);
        absentFor("city.proc", id);
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> management.assignOffice(id, version, agency("CD-SO-DM")));
        assertThat(view("city.cca", id).access().held())
                .as("a granted role survives changes of the case")
                .containsExactly(Participation.ESCALATION);
    }

    @Test
    void aLawfulRoleWithoutTheRightToAnActionIsForbiddenAndChangesNothing() {
        CaseId assessing = fixtures.assessing(fixtures.adult("柏松", Gender.MALE));
        int a = fixtures.version(assessing);
        forbidden(
                () -> fixtures.as(
                        "cd.county",
                        () -> management.decide(assessing, a, fixtures.decision(CorrectionType.PROBATION))),
                "NOT_DECISION_ORGAN");
        forbidden(() -> fixtures.as("cd.county", () -> management.withdraw(assessing, a)), "NOT_DECISION_ORGAN");

        CaseId id = fixtures.decided();
        fixtures.assignDongmen(id);
        management.documentsState(id, DocumentsState.RECEIPTED);
        int v = fixtures.version(id);
        for (String user : List.of("cd.court.clerk", "cd.proc", "cd.police", "cd.dm")) {
            forbidden(
                    () -> fixtures.as(user, () -> management.recordArrival(id, v, false, null)),
                    "NOT_EXECUTING_AGENCY");
            forbidden(() -> fixtures.as(user, () -> management.register(id, v)), "NOT_EXECUTING_AGENCY");
            forbidden(
                    () -> fixtures.as(user, () -> management.assignOffice(id, v, agency("CD-SO-NH"))),
                    "NOT_EXECUTING_AGENCY");
        }
        forbidden(
                () -> fixtures.as("cd.police", () -> management.recordArrival(id, v, true, null)),
                "NOT_EXECUTING_AGENCY");
        forbidden(
                () -> fixtures.as(
                        "cd.proc", () -> management.decide(id, v, fixtures.decision(CorrectionType.PROBATION))),
                "NOT_DECISION_ORGAN");
        assertThat(fixtures.version(id)).isEqualTo(v);

        fixtures.as("cd.county", () -> management.recordArrival(id, v, false, null));
        int arrived = fixtures.version(id);
        fixtures.as("cd.county", () -> management.register(id, arrived));
        int r = fixtures.version(id);
        List<TeamMember> team = List.of(new TeamMember("赵强", TeamRole.OFFICE_STAFF, Gender.MALE, null));
        for (String user : List.of("cd.court.clerk", "cd.court.judge", "cd.proc", "cd.police")) {
            forbidden(() -> fixtures.as(user, () -> management.formTeam(id, r, team)), "NOT_CASE_TEAM");
            forbidden(
                    () -> fixtures.as(user, () -> management.makePlan(id, r, "每周到司法所报告一次，参加公益活动不少于八小时。")),
                    "NOT_CASE_TEAM");
            forbidden(
                    () -> fixtures.as(
                            user,
                            () -> management.announce(id, r, new AnnouncementData(clock.instant(), "东门街道司法所", "赵强"))),
                    "NOT_CASE_TEAM");
        }
        management.grant(id, agency("A-CCA"), Participation.ESCALATION);
        forbidden(() -> fixtures.as("city.cca", () -> management.formTeam(id, r, team)), "NOT_CASE_TEAM");
        assertThat(fixtures.version(id)).isEqualTo(r);
        fixtures.as("cd.dm", () -> management.formTeam(id, r, team));
        assertThat(fixtures.version(id))
                .as("the assigned office may form the team")
                .isEqualTo(r + 1);
    }

    @Test
    void withoutALawfulRoleEveryCommandIsNotFoundNotForbidden() {
        CaseId id = fixtures.decided();
        int v = fixtures.version(id);
        for (String user : List.of("cx.county", "cx.court.clerk", "cd.nh", "sysadmin", "city.coord")) {
            assertStatus(() -> fixtures.as(user, () -> management.recordArrival(id, v, false, null)), 404, user);
            assertStatus(() -> fixtures.as(user, () -> management.assignOffice(id, v, agency("CD-SO-DM"))), 404, user);
            assertStatus(() -> fixtures.as(user, () -> management.withdraw(id, v)), 404, user);
            assertStatus(() -> fixtures.as(user, () -> management.formTeam(id, v, List.of())), 404, user);
        }
        assertThat(fixtures.version(id)).isEqualTo(v);
    }

    @Test
    void protectedFieldsAreVisibleOnlyToTheRolesThatNeedThem() {
        CaseId id = fixtures.underCorrection(fixtures.adult("殷实", Gender.MALE));
        int v = fixtures.version(id);
        fixtures.as("cd.county", () -> management.makePlan(id, v, "每周到司法所报告一次；按时服用降压药；参加公益活动。"));
        management.grant(id, agency("A-CCA"), Participation.ESCALATION);
        management.grant(id, agency("A-COORD"), Participation.COORDINATION);
        management.grant(id, agency("A-CIVIL"), Participation.ASSISTING);

        for (String user : List.of("cd.county", "cd.court.clerk", "cd.proc", "cd.police")) {
            CaseView view = view(user, id);
            SubjectView s = view.subject();
            assertThat(view.protectedFieldsVisible()).as(user).isTrue();
            assertThat(s.idNumber()).as(user).hasSize(18).doesNotContain("*");
            assertThat(s.phone()).as(user).isEqualTo("13907001234");
            assertThat(s.residenceAddress()).as(user).startsWith("东门街道幸福路");
            assertThat(s.guardianPhone()).as(user).isEqualTo("13907005678");
            assertThat(s.health()).as(user).isEqualTo("高血压，每日服药");
            assertThat(s.birthDate()).as(user).isNotNull();
            assertThat(view.offenceDetails()).as(user).contains("电动自行车");
            assertThat(fixtures.as(user, () -> directory.latestPlan(id)))
                    .as(user)
                    .isPresent();
        }
        for (String user : List.of("city.cca", "city.coord", "civil.worker")) {
            CaseView view = view(user, id);
            SubjectView s = view.subject();
            assertThat(view.protectedFieldsVisible()).as(user).isFalse();
            assertThat(s.name()).as(user).isEqualTo("殷实");
            assertThat(s.idNumber()).as("%s: identity number", user).isNull();
            assertThat(s.phone()).as(user).isNull();
            assertThat(s.residenceAddress()).as(user).isNull();
            assertThat(s.guardianPhone()).as(user).isNull();
            assertThat(s.health()).as(user).isNull();
            // Least privilege: who the person is and where (name, gender, district), not their personal details.
            assertThat(s.birthDate()).as("%s: birth date", user).isNull();
            assertThat(s.ethnicity()).as("%s: ethnicity", user).isNull();
            assertThat(s.guardianName()).as("%s: guardian", user).isNull();
            assertThat(s.guardianRelation()).as("%s: guardian", user).isNull();
            assertThat(view.offenceDetails()).as(user).isNull();
            assertThat(fixtures.as(user, () -> directory.latestPlan(id)))
                    .as(user)
                    .isEmpty();
        }
    }

    @Test
    void aMinorsIdentityIsMaskedForEveryoneOutsideTheirOwnTeam() {
        SubjectData minor = fixtures.minor("司马小龙", Gender.MALE);
        CaseId id = fixtures.decided(minor);
        management.grant(id, agency("A-CIVIL"), Participation.ASSISTING);
        assertThat(directory.facts(id).orElseThrow().minorAtOffence()).isTrue();

        for (String user : List.of("cd.county", "cd.court.clerk")) {
            SubjectView s = view(user, id).subject();
            assertThat(s.masked()).as(user).isFalse();
            assertThat(s.name()).as(user).isEqualTo("司马小龙");
            assertThat(s.idNumber()).as(user).isEqualTo(minor.idNumber());
            assertThat(s.guardianName()).as(user).isEqualTo("王建国");
        }
        for (String user : List.of("cd.proc", "cd.police", "civil.worker")) {
            CaseView view = view(user, id);
            SubjectView s = view.subject();
            assertThat(s.masked()).as(user).isTrue();
            assertThat(s.name()).as(user).isEqualTo("司***");
            assertThat(s.birthDate()).as(user).isNull();
            assertThat(s.phone()).as(user).isNull();
            assertThat(s.residenceAddress()).as(user).isNull();
            assertThat(s.guardianName()).as(user).isNull();
            assertThat(s.guardianPhone()).as(user).isNull();
            assertThat(s.health()).as(user).isNull();
            // Least privilege: who the person is and where (name, gender, district), not their personal details.
            assertThat(s.birthDate()).as("%s: birth date", user).isNull();
            assertThat(s.ethnicity()).as("%s: ethnicity", user).isNull();
            assertThat(s.guardianName()).as("%s: guardian", user).isNull();
            assertThat(s.guardianRelation()).as("%s: guardian", user).isNull();
            assertThat(view.offenceDetails()).as(user).isNull();
            assertThat(view.protectedFieldsVisible()).as(user).isFalse();
        }
        assertThat(view("cd.proc", id).subject().idNumber())
                .as("the procuratorate recognises the number")
                .isEqualTo(IdentityNumbers.mask(minor.idNumber()));
        assertThat(view("civil.worker", id).subject().idNumber())
                .as("an assisting department gets none")
                .isNull();

        CaseSearch byNumber = new CaseSearch(null, null, view("cd.county", id).caseNumber(), null, null);
        assertThat(search("cd.proc", byNumber).items()).singleElement().satisfies(s -> {
            assertThat(s.masked()).isTrue();
            assertThat(s.subjectName()).isEqualTo("司***");
        });
        assertThat(search("cd.county", byNumber).items()).singleElement().satisfies(s -> {
            assertThat(s.masked()).isFalse();
            assertThat(s.subjectName()).isEqualTo("司马小龙");
        });
        assertThat(fixtures.as("cd.police", () -> directory.summaries(List.of(id), "inbox"))
                        .get(id)
                        .subjectName())
                .isEqualTo("司***");
    }

    /**
     * Issue 9, item 7: a reader who sees a minor masked cannot confirm the name by searching for it, a character at a
     * time or whole; the exact identity number still finds the case, masked. The minor's own team finds it by name.
     */
    @Test
    void aMaskedMinorIsNeverMatchedByNameForAReaderWhoSeesItMasked() {
        String name = uniqueName();
        SubjectData minor = fixtures.minor(name, Gender.FEMALE);
        CaseId id = fixtures.decided(minor);
        management.grant(id, agency("A-COORD"), Participation.COORDINATION);
        Consumer<PageResult<CaseSummary>> found =
                r -> assertThat(r.items()).extracting(CaseSummary::id).contains(id);
        Consumer<PageResult<CaseSummary>> none =
                r -> assertThat(r.items()).extracting(CaseSummary::id).doesNotContain(id);

        for (String user : List.of("cd.county", "cd.court.clerk")) {
            found.accept(search(user, byName(name)));
            found.accept(search(user, byName(name.substring(2))));
        }
        for (String user : List.of("cd.proc", "cd.police", "city.coord")) {
            none.accept(search(user, byName(name)));
            none.accept(search(user, byName(name.substring(2))));
            none.accept(search(user, byName(name.substring(2, 3))));
            none.accept(search(user, byName(name.substring(0, 3))));
            none.accept(search(user, new CaseSearch(name, minor.idNumber(), null, null, null)));
            assertThat(search(user, new CaseSearch(null, minor.idNumber(), null, null, null))
                            .items())
                    .as(user)
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.id()).isEqualTo(id);
                        assertThat(s.masked()).isTrue();
                        assertThat(s.subjectName())
                                .isEqualTo(SubjectCodec.maskName(name))
                                .doesNotContain(name.substring(1));
                    });
        }
    }

    @Test
    void searchFindsCasesByNameIdentityNumberCaseNumberStatusAndOfficeWithinTheCallersCasesOnly() {
        String name = uniqueName();
        SubjectData subject = fixtures.adult(name, Gender.FEMALE);
        CaseId id = fixtures.decided(subject);
        UUID subjectId = fixtures.subjectOf(id);
        String caseNumber = view("cd.county", id).caseNumber();
        Consumer<PageResult<CaseSummary>> found =
                r -> assertThat(r.items()).extracting(CaseSummary::id).containsExactly(id);
        Consumer<PageResult<CaseSummary>> none = r -> assertThat(r.items()).isEmpty();

        found.accept(search("cd.county", byName(name.substring(1, 5))));
        found.accept(search("cd.proc", byName(name)));
        none.accept(search("cx.county", byName(name)));
        none.accept(search("cd.dm", byName(name)));
        none.accept(search("sysadmin", byName(name)));

        String number = subject.idNumber();
        found.accept(search("cd.county", new CaseSearch(null, " " + number.toLowerCase() + " ", null, null, null)));
        none.accept(search("cd.county", new CaseSearch(null, number.substring(0, 17), null, null, null)));
        none.accept(search("cx.county", new CaseSearch(null, number, null, null, null)));

        found.accept(search("cd.court.clerk", new CaseSearch(null, null, caseNumber, null, null)));
        none.accept(search("cd.court.clerk", new CaseSearch(null, null, caseNumber.replace("号", "0号"), null, null)));
        none.accept(search("cx.court.clerk", new CaseSearch(null, null, caseNumber, null, null)));

        found.accept(search("cd.county", new CaseSearch(name, null, null, CaseStatus.INTAKE, null)));
        none.accept(search("cd.county", new CaseSearch(name, null, null, CaseStatus.UNDER_CORRECTION, null)));

        none.accept(search("cd.county", new CaseSearch(name, null, null, null, agency("CD-SO-DM"))));
        fixtures.assignDongmen(id);
        found.accept(search("cd.county", new CaseSearch(name, null, null, null, agency("CD-SO-DM"))));
        found.accept(search("cd.dm", byName(name)));
        none.accept(search("cd.nh", new CaseSearch(name, null, null, null, agency("CD-SO-DM"))));

        assertThat(search("cd.county", byName("%")).items())
                .as("wildcards are matched literally")
                .noneMatch(s -> s.id().equals(id));
        assertThat(jdbc.sql("""
            SELECT count(*) FROM audit_record WHERE category = 'PERSONAL_DATA' AND action = 'case.search'
               AND actor_username = 'cd.dm' AND purpose = 'case-search' AND :subject = ANY (subject_ids)\
            """)
                        .param("subject", subjectId.toString())
                        .query(Long.class)
                        .single())
                .as("the search is audited")
                .isEqualTo(1);
        assertThat(jdbc.sql("""
            SELECT count(*) FROM audit_record WHERE action = 'case.search' AND actor_username = 'cx.county'
               AND :subject = ANY (subject_ids)\
            """)
                        .param("subject", subjectId.toString())
                        .query(Long.class)
                        .single())
                .as("nothing shown to another county")
                .isZero();
    }

    @Test
    void theSystemReadsWholeFactsAndDocumentDataWithoutAUserButPagesNever() {
        SubjectData minor = fixtures.minor("欧阳小雨", Gender.FEMALE);
        CaseId id = fixtures.decided(minor);
        assertThat(directory.facts(id)).hasValueSatisfying(f -> {
            assertThat(f.subjectGender()).isEqualTo(Gender.FEMALE);
            assertThat(f.minorAtOffence()).isTrue();
            assertThat(f.countyAgencyId()).isEqualTo(agency("CD-CCA"));
        });
        assertThat(directory.subjectForDocuments(id)).hasValueSatisfying(s -> {
            assertThat(s.masked())
                    .as("a document for the case's own parties names the subject")
                    .isFalse();
            assertThat(s.name()).isEqualTo("欧阳小雨");
            assertThat(s.idNumber()).isEqualTo(minor.idNumber());
            assertThat(s.residenceAddress()).isEqualTo(minor.residenceAddress());
        });
        assertThat(directory.offenceDetailsForDocuments(id))
                .hasValue(fixtures.offence().details());
        CaseId unknown = CaseId.of(UUID.randomUUID());
        assertThat(directory.facts(unknown)).isEmpty();
        assertThat(directory.subjectForDocuments(unknown)).isEmpty();
        assertStatus(() -> directory.view(id, "no user"), 404, "nobody");
    }

    @Test
    void everyViewOfACaseIsAuditedWithItsSubjectAndPurpose() {
        CaseId id = fixtures.decided();
        UUID subject = fixtures.subjectOf(id);
        view("cd.proc", id);
        view("cd.proc", id);
        fixtures.as("cd.county", () -> directory.summaries(List.of(id), "inbox"));
        List<Map<String, Object>> rows =
                jdbc.sql("""
                    SELECT category, action, purpose, actor_username, actor_agency_id FROM audit_record
                     WHERE :subject = ANY (subject_ids) AND category = 'PERSONAL_DATA' ORDER BY id\
                    """).param("subject", subject.toString()).query().listOfRows();
        assertThat(rows)
                .extracting(r -> r.get("action"), r -> r.get("purpose"), r -> r.get("actor_username"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("case.view", "case-page", "cd.proc"),
                        org.assertj.core.groups.Tuple.tuple("case.view", "case-page", "cd.proc"),
                        org.assertj.core.groups.Tuple.tuple("case.list", "inbox", "cd.county"));
        assertThat(rows.getFirst().get("actor_agency_id"))
                .isEqualTo(agency("CD-PROC").value());
    }
}
