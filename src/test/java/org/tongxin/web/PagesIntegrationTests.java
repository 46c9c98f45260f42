package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.policy.PolicyModels;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Every page renders, with real data, in both languages, for a user who may see it: no template error ever
 * reaches a person as a 500. (The browser tests look at the same pages in Chromium.)
 */
@IntegrationTest
class PagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    PolicyModels policies;

    @Autowired
    CaseSamples samples;

    @Autowired
    org.tongxin.coordination.Meetings meetings;

    @Autowired
    org.tongxin.coordination.MeetingDecisions decisions;

    @Autowired
    org.tongxin.coordination.Conflicts conflicts;

    @Autowired
    java.time.Clock clock;

    /** A held meeting with a decision for civil affairs, and a conflict about a procedure: made once for the pages. */
    static volatile String[] coordination;

    String[] coordination() {
        if (coordination == null) {
            String conflict = actors.call(
                            "cd.county",
                            () -> conflicts.raise(new org.tongxin.coordination.ConflictViews.NewConflict(
                                    null,
                                    org.tongxin.coordination.ConflictType.RESPONSIBILITY,
                                    java.util.List.of(agencies.findByCode("CD-PSB")
                                            .orElseThrow()
                                            .id()
                                            .value()),
                                    "失联人员查找由谁负责，双方各执一词",
                                    "report.missed",
                                    java.util.List.of(),
                                    java.util.List.of())))
                    .toString();
            org.tongxin.coordination.MeetingId meeting = actors.call(
                    "city.coord",
                    () -> meetings.convene(new org.tongxin.coordination.MeetingViews.NewMeeting(
                            "页面测试联席会议",
                            org.tongxin.shared.time.LegalTime.today(clock).atStartOfDay(),
                            "A市司法局会议室",
                            java.util.List.of(agencies.findByCode("A-CIVIL")
                                    .orElseThrow()
                                    .id()
                                    .value()),
                            java.util.List.of(new org.tongxin.coordination.MeetingViews.AgendaInput(
                                    org.tongxin.coordination.MeetingViews.AgendaKind.CONFLICT,
                                    null,
                                    null,
                                    java.util.UUID.fromString(conflict))))));
            String decision = actors.call("city.coord", () -> {
                        meetings.recordMinutes(meeting, meetings.view(meeting).version(), "会议明确了失联人员查找的分工。");
                        return decisions.record(
                                meeting,
                                meetings.view(meeting).version(),
                                new org.tongxin.coordination.MeetingViews.NewDecision(
                                        "核查该对象的救助申请",
                                        agencies.findByCode("A-CIVIL")
                                                .orElseThrow()
                                                .id()
                                                .value(),
                                        null,
                                        null));
                    })
                    .toString();
            coordination = new String[] {meeting.toString(), decision, conflict};
        }
        return coordination;
    }

    @Autowired
    org.tongxin.assistance.Referrals referrals;

    @Autowired
    org.tongxin.casefile.CaseManagement management;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static String referral;
    static String referralCase;

    /** A case under correction with a referral to civil affairs (made once, read by the referral pages). */
    synchronized void referral() {
        if (referral == null) {
            org.tongxin.casefile.CaseFixtures fixtures =
                    new org.tongxin.casefile.CaseFixtures(management, agencies, actors, jdbc, clock);
            org.tongxin.casefile.CaseId caseId =
                    fixtures.underCorrection(fixtures.adult("郑页面", org.tongxin.casefile.Gender.MALE));
            referralCase = caseId.toString();
            referral = actors.call(
                            "cd.county",
                            () -> referrals.refer(
                                    caseId,
                                    new org.tongxin.assistance.ReferralViews.NewReferral(
                                            org.tongxin.assistance.AssistanceService.SUBSISTENCE_ALLOWANCE,
                                            agencies.findByCode("A-CIVIL")
                                                    .orElseThrow()
                                                    .id(),
                                            "对象失业，家庭无固定收入，请审核最低生活保障。")))
                    .toString();
        }
    }

    @Autowired
    org.tongxin.assessment.Assessments assessments;

    @Autowired
    org.tongxin.assessment.PeriodicAssessments periodicAssessments;

    static String proposalCase;

    /** A case under correction warned twice, with a revocation proposal and an arrest request before the court. */
    synchronized void proposalCase() {
        if (proposalCase == null) {
            org.tongxin.casefile.CaseFixtures fixtures =
                    new org.tongxin.casefile.CaseFixtures(management, agencies, actors, jdbc, clock);
            org.tongxin.casefile.CaseId caseId =
                    fixtures.underCorrection(fixtures.adult("钱页面", org.tongxin.casefile.Gender.MALE));
            for (int i = 0; i < 2; i++) {
                actors.call(
                        "cd.county",
                        () -> assessments.decide(
                                caseId,
                                new org.tongxin.assessment.AssessmentViews.NewDecision(
                                        org.tongxin.assessment.ResponseKind.WARNING,
                                        java.util.List.of(org.tongxin.assessment.ReasonCode.SERIOUS_BREACH),
                                        "未经批准外出",
                                        null,
                                        null)));
            }
            actors.call(
                    "cd.county",
                    () -> periodicAssessments.record(
                            caseId,
                            new org.tongxin.assessment.AssessmentViews.NewPeriodicAssessment(
                                    java.time.LocalDate.now(clock).minusMonths(1),
                                    java.time.LocalDate.now(clock).minusDays(1),
                                    org.tongxin.assessment.AssessmentResult.POOR,
                                    "两次未经批准外出，受到警告",
                                    org.tongxin.policy.SupervisionLevel.STRICT,
                                    org.tongxin.casefile.LevelChangeReason.VIOLATION,
                                    "受到两次警告，调整为严管",
                                    "加强监管：每周当面报告一次，每半月走访一次，参加法治教育。")));
            actors.call(
                    "cd.county",
                    () -> assessments.propose(
                            caseId,
                            new org.tongxin.assessment.AssessmentViews.NewProposal(
                                    org.tongxin.assessment.ResponseKind.REVOCATION,
                                    java.util.List.of(org.tongxin.assessment.ReasonCode.WARNED_TWICE_NOT_CORRECTED),
                                    "两次警告仍不改正",
                                    "警告决定书",
                                    null,
                                    true,
                                    "可能逃跑")));
            proposalCase = caseId.toString();
        }
    }

    static String tokenRequest;
    static String credentialReset;

    /** A system-token request of Chengdong's county agency, and a refused request to reset the audit administrator. */
    synchronized void identityRequests() throws Exception {
        if (tokenRequest == null) {
            tokenRequest = actors.call(
                            "cd.county.head",
                            () -> tokenRequests.request(
                                    new org.tongxin.identity.internal.SystemTokenRequests.NewRequest(
                                            "矫正业务系统",
                                            "同步待办事项",
                                            java.util.Set.of(org.tongxin.identity.Role.COUNTY_OFFICER),
                                            java.util.Set.of("getInbox"),
                                            90)))
                    .id()
                    .toString();
            credentialReset = actors.call("secadmin", () -> {
                org.tongxin.identity.internal.CredentialResets.View view = credentialResets.request(
                        actors.user("auditadmin").id().value(),
                        org.tongxin.identity.internal.CredentialReset.Kind.PASSWORD,
                        "页面测试");
                return view.id().toString();
            });
            actors.run(
                    "sysadmin",
                    () -> credentialResets.refuse(java.util.UUID.fromString(credentialReset), 0, "页面测试：不重置"));
        }
    }

    @Autowired
    org.tongxin.identity.internal.SystemTokenRequests tokenRequests;

    @Autowired
    org.tongxin.identity.internal.CredentialResets credentialResets;

    static String subjectChange;

    /** A proposed change of a Chengdong subject's data, stated by Chengxi's court (made once, read by its page). */
    synchronized void subjectChange() {
        if (subjectChange == null) {
            org.tongxin.casefile.CaseFixtures fixtures =
                    new org.tongxin.casefile.CaseFixtures(management, agencies, actors, jdbc, clock);
            org.tongxin.casefile.CaseData.SubjectData known = fixtures.adult("孙页面", org.tongxin.casefile.Gender.MALE);
            org.tongxin.casefile.CaseId first = fixtures.decided(known);
            org.tongxin.casefile.CaseData.SubjectData restated = new org.tongxin.casefile.CaseData.SubjectData(
                    "孙晓页",
                    known.gender(),
                    known.ethnicity(),
                    known.idType(),
                    known.idNumber(),
                    known.birthDate(),
                    "13907008888",
                    "369903001",
                    "城西区西关街道和平路 9 号",
                    null,
                    null,
                    null,
                    "糖尿病");
            actors.run(
                    "cx.court.clerk",
                    () -> management.openDecided(new org.tongxin.casefile.CaseData.NewDecidedCase(
                            restated,
                            fixtures.offence(),
                            new org.tongxin.casefile.CaseData.DecisionData(
                                    org.tongxin.casefile.CorrectionType.PROBATION,
                                    "（2026）城西刑初" + (9000 + (int) (Math.random() * 900)) + "号",
                                    fixtures.today().minusDays(20),
                                    fixtures.today().minusDays(10),
                                    fixtures.today().minusDays(10),
                                    fixtures.today().plusYears(1),
                                    null,
                                    false,
                                    null))));
            subjectChange = jdbc.sql("SELECT x.id FROM casefile_subject_change x JOIN casefile_case c ON c.subject_id ="
                            + " x.subject_id WHERE c.id = :c")
                    .param("c", first.value())
                    .query(String.class)
                    .single();
        }
    }

    @Autowired
    org.tongxin.supervision.custody.Custody custody;

    @Autowired
    org.tongxin.supervision.missing.LostContacts lostContacts;

    @Autowired
    org.tongxin.supervision.minors.MinorsSteps minorsSteps;

    @Autowired
    org.tongxin.shared.jdbc.EventQuiescence reactions;

    static String lifeCase;

    /**
     * A case under correction that lost contact and was found, then was detained by the police (notice given) and is still
     * held: the custody and lost-contact pages with every part of a record (made once).
     */
    synchronized void lifeCase() {
        if (lifeCase == null) {
            org.tongxin.casefile.CaseFixtures fixtures =
                    new org.tongxin.casefile.CaseFixtures(management, agencies, actors, jdbc, clock);
            org.tongxin.casefile.CaseId caseId =
                    fixtures.underCorrection(fixtures.adult("孔页面", org.tongxin.casefile.Gender.MALE));
            java.time.Instant since = clock.instant();
            java.util.UUID lost = actors.call(
                            "cd.county", () -> lostContacts.report(caseId, since, "连续两天电话无人接听，走访住所无人。"))
                    .id();
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            actors.call(
                    "cd.county",
                    () -> lostContacts.found(
                            lost, lostContacts.ofCase(caseId).getFirst().version(), clock.instant(), "在外地务工处找到，已训诫。"));
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            java.util.UUID police =
                    agencies.findByCode("CD-PSB").orElseThrow().id().value();
            actors.call(
                    "cd.police",
                    () -> custody.record(
                            caseId,
                            org.tongxin.casefile.CustodyKind.ADMINISTRATIVE_DETENTION,
                            police,
                            clock.instant()));
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            lifeCase = caseId.toString();
        }
    }

    static String minorCase;

    /** A minor's case under correction: the registration's two steps, one done, and a guardian step opened (made once). */
    synchronized void minorCase() {
        if (minorCase == null) {
            org.tongxin.casefile.CaseFixtures fixtures =
                    new org.tongxin.casefile.CaseFixtures(management, agencies, actors, jdbc, clock);
            org.tongxin.casefile.CaseId caseId =
                    fixtures.underCorrection(fixtures.minor("页小禾", org.tongxin.casefile.Gender.FEMALE));
            fixtures.assignDongmen(caseId);
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            var measures = actors.call("cd.county", () -> minorsSteps.ofCase(caseId)).stream()
                    .filter(s -> s.stepId().equals("minors.measures"))
                    .findFirst()
                    .orElseThrow();
            actors.call("cd.county", () -> minorsSteps.fulfil(measures.id(), measures.version(), "每周一次心理辅导，由学校老师参与。"));
            actors.call("cd.county", () -> minorsSteps.open(caseId, "minors.guardian", "父母外出务工，祖父未督促其报到。"));
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            minorCase = caseId.toString();
        }
    }

    String resolve(String path) throws Exception {
        if (path.contains("{minorCase}")) {
            minorCase();
            path = path.replace("{minorCase}", minorCase);
        }
        if (path.contains("{lifeCase}")) {
            lifeCase();
            path = path.replace("{lifeCase}", lifeCase);
        }
        if (path.contains("{tokenRequest}") || path.contains("{credentialReset}")) {
            identityRequests();
            path = path.replace("{tokenRequest}", tokenRequest).replace("{credentialReset}", credentialReset);
        }
        if (path.contains("{subjectChange}")) {
            subjectChange();
            path = path.replace("{subjectChange}", subjectChange);
        }
        if (path.contains("{proposalCase}") || path.contains("{proposalHandover}")) {
            proposalCase();
            path = path.replace("{proposalCase}", proposalCase)
                    .replace(
                            "{proposalHandover}",
                            jdbc.sql("SELECT handover_id FROM assessment_proposal WHERE case_id = :c")
                                    .param("c", java.util.UUID.fromString(proposalCase))
                                    .query(String.class)
                                    .single());
        }
        if (path.contains("{referral")) {
            referral();
            path = path.replace("{referralCase}", referralCase).replace("{referral}", referral);
        }
        if (path.contains("{draft}") && policies.draft("369900").isEmpty()) {
            mvc.perform(post("/policy/369900/drafts").with(csrf()).with(actors.as("city.coord")));
        }
        if (path.contains("{case}") || path.contains("{handover}") || path.contains("{document}")) {
            CaseSamples.Sample sample = samples.assessedCase();
            path = path.replace("{case}", sample.caseId().toString())
                    .replace("{handover}", sample.opinion().toString())
                    .replace("{document}", sample.letter().toString());
        }
        if (path.contains("{meeting}") || path.contains("{decision}") || path.contains("{conflict}")) {
            String[] c = coordination();
            path = path.replace("{meeting}", c[0]).replace("{decision}", c[1]).replace("{conflict}", c[2]);
        }
        if (path.contains("{simulation}")) {
            path = path.replace("{simulation}", simulation());
        }
        return path.replace(
                        "{draft}",
                        path.contains("{draft}")
                                ? policies.draft("369900").orElseThrow().id().toString()
                                : "")
                .replace("{cnV1}", policies.versions("CN").getLast().id().toString())
                .replace("{cityAV1}", policies.versions("369900").getLast().id().toString())
                .replace(
                        "{office}",
                        agencies.findByCode("CD-SO-DM").orElseThrow().id().toString())
                .replace(
                        "{city}",
                        agencies.findByCode("A-CCA").orElseThrow().id().toString())
                .replace("{user}", actors.user("cd.dm").id().toString())
                .replace("{admin}", actors.user("auditadmin").id().toString());
    }

    String simulation;

    /** A completed what-if run of City A's coordination office (a small caseload, a few months). */
    String simulation() throws Exception {
        if (simulation == null) {
            String body = "{\"name\": \"回执 3 日\", \"region\": \"369900\", \"firstMonth\": \"2025-01\", \"months\": 3,"
                    + " \"seed\": 5, \"population\": {\"activeCases\": 300, \"arrivalsPerMonth\": 14,"
                    + " \"probationPercent\": 55, \"parolePercent\": 15, \"temporaryExecutionPercent\": 15,"
                    + " \"surveillancePercent\": 15, \"minTermMonths\": 6, \"maxTermMonths\": 36,"
                    + " \"minorsPercent\": 3, \"reportingCompliancePercent\": 92, \"leavesPerYear\": 1,"
                    + " \"movesPerYear\": 0.05, \"lostContactsPerYear\": 0.02, \"violationsPerYear\": 0.1,"
                    + " \"reoffendingPerYear\": 0.002}, \"baseline\": {}, \"variant\": {\"deadlines\":"
                    + " {\"docs.receipt\": 3}}}";
            String answer = mvc.perform(post("/api/v1/simulations")
                            .with(csrf())
                            .with(actors.as("city.coord"))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String id = answer.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            for (int i = 0;
                    i < 600
                            && !"COMPLETED"
                                    .equals(jdbc.sql("SELECT status FROM simulation_run WHERE id = :id")
                                            .param("id", java.util.UUID.fromString(id))
                                            .query(String.class)
                                            .single());
                    i++) {
                Thread.sleep(100);
            }
            simulation = id;
        }
        return simulation;
    }

    /** Every page, with a user who may see it ("user, path"; placeholders resolved by {@link #resolve}). */
    static final String[] PAGES = {
        "cd.county, /",
        "cd.county.head, /",
        "cd.dm, /",
        "cd.dm.head, /",
        "cd.bureau.head, /",
        "cd.court.clerk, /",
        "cd.court.judge, /",
        "cd.proc, /",
        "cd.police, /",
        "civil.worker, /",
        "sw.sunshine, /",
        "sysadmin, /",
        "secadmin, /",
        "auditadmin, /",
        "cd.county, /agencies",
        "cd.county, /agencies?type=JUDICIAL_OFFICE&sort=-name&page=1",
        "cd.county, /agencies/{office}",
        "cd.county, /agencies/{city}",
        "cd.county, /staff",
        "cd.county, /staff?agency={city}&q=王",
        "cd.county, /account",
        "cd.county, /account/mfa",
        "sysadmin, /admin/users",
        "sysadmin, /admin/users?role=OFFICE_OFFICER&status=ACTIVE&sort=-lastLogin",
        "sysadmin, /admin/users/new",
        "sysadmin, /admin/users/{user}",
        "sysadmin, /admin/users/{admin}",
        "sysadmin, /admin/agencies/new",
        "sysadmin, /admin/agencies/{office}/edit",
        "sysadmin, /admin/divisions/new",
        "secadmin, /admin/users/{user}",
        "secadmin, /admin/users/{admin}",
        "secadmin, /admin/tokens",
        "auditadmin, /audit",
        "secadmin, /token-requests",
        "secadmin, /token-requests?state=REQUESTED&sort=-requested",
        "cd.county.head, /token-requests",
        "city.court.head, /token-requests/new",
        "cd.dm.head, /token-requests/new",
        "secadmin, /token-requests/{tokenRequest}",
        "cd.county.head, /token-requests/{tokenRequest}",
        "city.court.head, /",
        "moj.policy, /",
        "moj.policy, /policy?region=CN",
        "auditadmin, /admin/credential-resets",
        "sysadmin, /admin/credential-resets?user={admin}&state=DONE",
        "secadmin, /admin/credential-resets/{credentialReset}",
        "auditadmin, /admin/credential-resets/{credentialReset}",
        "cd.county, /account/resets",
        "auditadmin, /audit?category=SECURITY&outcome=FAILURE&from=2020-01-01",
        "auditadmin, /audit/verify",
        "city.coord, /",
        "prison.officer, /",
        "cd.county, /calendar",
        "cd.court.clerk, /calendar?year=2025&month=10&region=CN",
        "cd.county, /calendar?year=2026&month=2",
        "cd.county, /calendar?year=2030&month=2&region=CN",
        "sysadmin, /calendar",
        "sysadmin, /admin/key-rotations",
        "secadmin, /admin/key-rotations?page=0",
        "sysadmin, /admin/calendar",
        "sysadmin, /admin/calendar?region=CN",
        "sysadmin, /admin/calendar/entry",
        "sysadmin, /admin/calendar/entry?year=2025&region=CN",
        "sysadmin, /admin/calendar/entry?year=2030",
        "sysadmin, /admin/calendar/entry?year=2027&region=110000",
        "cd.county, /policy",
        "cd.county, /policy?region=CN&organ=COUNTY_AGENCY&stage=documents&date=2025-10-01",
        "cd.county, /policy?region=110000&organ=SUBJECT",
        "cd.county, /policy?region=310000&date=2019-06-30",
        "prison.officer, /policy?region=310000",
        "sysadmin, /policy",
        "cd.county, /policy/369900/steps/docs.receipt",
        "cd.county, /policy/369900/steps/plan.make",
        "cd.county, /policy/110000/steps/intake.education",
        "cd.county, /policy/CN/steps/assess.complete",
        "cd.county, /policy/diff",
        "cd.county, /policy/diff?from=CN&to=369900&date=2025-10-01",
        "cd.county, /policy/diff?fromVersion={cnV1}&toVersion={cityAV1}",
        "cd.county, /policy/diff?from=110000&to=110000",
        "cd.county, /policy/369900/versions",
        "city.coord, /policy/CN/versions",
        "city.coord, /policy?region=310000",
        "city.coord, /policy/drafts/{draft}",
        "city.coord, /policy/drafts/{draft}/steps/leave.approve",
        "city.coord, /policy/drafts/{draft}/steps/plan.make",
        "city.coord, /policy/drafts/{draft}/steps/new",
        "city.coord, /policy/310000/versions",
        "city.coord, /policy/diff?from=310000&toVersion={draft}",
        "cd.county, /inbox",
        "cd.county, /inbox?mine=true",
        "cd.county, /inbox?step=assess.complete&case={case}",
        "cd.county, /inbox?show=waiting",
        "cd.county, /inbox?show=all&lang=en",
        "cd.court.clerk, /inbox",
        "cd.dm, /inbox",
        "city.coord, /inbox",
        "prison.officer, /inbox",
        "cd.court.clerk, /cases",
        "cd.county, /cases?sort=-effective&page=0",
        "prison.officer, /cases",
        "cd.proc, /cases",
        "cd.court.clerk, /cases/new",
        "cd.court.clerk, /cases/new/decided",
        "cd.court.clerk, /cases/{case}",
        "cd.court.clerk, /cases/{case}/tasks/decide",
        "cd.court.clerk, /cases/{case}/tasks/withdraw",
        "cd.county, /cases/{referralCase}",
        "cd.county, /cases/{referralCase}/tasks/office",
        "cd.county, /cases/{referralCase}/tasks/team",
        "cd.county, /cases/{referralCase}/tasks/plan",
        "cd.county, /cases/{case}",
        "cd.proc, /cases/{case}",
        "cd.county, /cases/{case}/place-change",
        "cd.proc, /cases/{case}/place-change",
        "cd.county, /cases/{referralCase}/custody",
        "cd.county, /cases/{referralCase}/lost-contacts",
        "cd.county, /cases/{lifeCase}/custody",
        "cd.police, /cases/{lifeCase}/custody",
        "cd.proc, /cases/{lifeCase}/custody",
        "cd.county, /cases/{lifeCase}/lost-contacts",
        "cd.police, /cases/{lifeCase}/lost-contacts",
        "cd.county, /cases/{lifeCase}/supervision",
        "cd.proc, /cases/{lifeCase}/opinions",
        "cd.county, /cases/{lifeCase}/opinions",
        "cd.proc, /cases/{lifeCase}/opinions?lang=en",
        "cd.county, /cases/{lifeCase}/ending",
        "cd.police, /cases/{lifeCase}/ending",
        "cd.proc, /cases/{lifeCase}/ending",
        "cd.county, /cases/{lifeCase}/ending?lang=en",
        "cd.county, /cases/{minorCase}/minors",
        "cd.dm, /cases/{minorCase}/minors",
        "cd.proc, /cases/{minorCase}/minors",
        "cd.county, /cases/{minorCase}/minors?lang=en",
        "cd.county, /cases/{minorCase}/supervision",
        "cd.county, /cases/{lifeCase}/minors",
        "cd.court.clerk, /handovers/{handover}",
        "cd.proc, /handovers/{handover}",
        "cd.county, /handovers/{handover}",
        "cd.proc, /copies",
        "cd.police, /copies",
        "city.coord, /meetings",
        "civil.worker, /meetings?status=HELD&sort=title",
        "city.coord, /meetings/new",
        "city.coord, /meetings/{meeting}",
        "civil.worker, /meetings/{meeting}",
        "civil.worker, /decisions/{decision}",
        "city.coord, /decisions/{decision}",
        "cd.county, /conflicts",
        "city.coord, /conflicts",
        "cd.county, /conflicts/new",
        "cd.county, /conflicts/new?case={case}",
        "cd.county, /conflicts/{conflict}",
        "city.coord, /conflicts/{conflict}",
        "civil.worker, /inbox",
        "city.coord, /inbox?step=conflict.respond",
        "city.coord, /simulations",
        "moj.policy, /simulations",
        "city.coord, /simulations/{simulation}",
        "civil.worker, /referrals",
        "hrss.worker, /referrals?status=DECLINED&service=JOB_TRAINING&sort=-updated",
        "cd.county, /referrals?direction=outgoing&sort=service",
        "cd.dm, /referrals",
        "civil.worker, /referrals/{referral}",
        "cd.county, /referrals/{referral}",
        "cd.county, /cases/{referralCase}/referrals",
        "civil.worker, /assistance/capacity",
        "sw.heart, /assistance/capacity",
        "cd.county, /cases/{referralCase}/assessment",
        "cd.county, /cases/{proposalCase}/assessment",
        "cd.county, /cases/{proposalCase}",
        "cd.court.judge, /handovers/{proposalHandover}",
        "cd.court.judge, /cases/{proposalCase}/assessment",
        "cd.proc, /cases/{proposalCase}/assessment",
        "cd.police, /cases/{proposalCase}/assessment",
        "cd.county, /cases/{proposalCase}/assessment/periodic",
        "cd.proc, /cases/{proposalCase}/assessment/periodic",
        "cd.county, /cases/{referralCase}/assessment/periodic",
        "cd.county, /subject-changes",
        "cd.county, /subject-changes?status=ALL&sort=status",
        "cd.dm, /subject-changes",
        "cd.county, /subject-changes/{subjectChange}",
        "city.coord, /statistics",
        "city.coord, /statistics?district=369902",
        "cd.county, /statistics",
        "city.coord, /statistics/holdups",
        "cd.county.head, /statistics/holdups",
        "city.coord, /statistics/scorecards",
        "city.coord, /statistics/scorecards?from=2026-01&to=2026-12&agencyType=JUDICIAL_OFFICE",
        "cd.county, /statistics/scorecards?from=2025-06&to=2026-03",
        "cd.dm.head, /statistics/scorecards?agencyType=JUDICIAL_OFFICE",
        "city.coord, /statistics/scorecards?agency={office}",
        "city.coord, /statistics/monthly",
        "city.coord, /statistics/monthly?month=2026-01&district=369903",
        "cd.county, /statistics/monthly?month=2025-12",
        "city.coord, /statistics/cases?figure=ACTIVE",
        "cd.county, /statistics/cases?figure=OVERDUE&district=369902",
        "cd.county, /statistics/cases?figure=RECEIVED&month=2026-01",
        "city.coord, /statistics/cases?figure=LOST_CONTACT"
    };

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> pages() {
        return java.util.Arrays.stream(PAGES)
                .map(line -> org.junit.jupiter.params.provider.Arguments.of(
                        line.substring(0, line.indexOf(',')).strip(),
                        line.substring(line.indexOf(',') + 1).strip()));
    }

    @ParameterizedTest(name = "{1} as {0}")
    @org.junit.jupiter.params.provider.MethodSource("pages")
    void rendersInChineseAndEnglish(String username, String path) throws Exception {
        for (Map.Entry<String, String> language :
                Map.of("zh-CN", "同心", "en", "Tongxin").entrySet()) {
            String url = resolve(path) + (path.contains("?") ? "&" : "?") + "lang=" + language.getKey();
            MvcResult result = mvc.perform(get(url).with(actors.as(username))).andReturn();
            assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
            String html = result.getResponse().getContentAsString();
            assertThat(html)
                    .as(url)
                    .contains(language.getValue())
                    .contains("</html>")
                    .doesNotContain("??", "Exception", "Internal error", "系统内部错误");
            assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        }
    }

    /** Those who write policy: the coordinator, the national policy editor and the system administrator. */
    static final java.util.Set<org.tongxin.identity.Role> CODE_READERS = java.util.EnumSet.of(
            org.tongxin.identity.Role.CITY_COORDINATOR,
            org.tongxin.identity.Role.NATIONAL_POLICY_EDITOR,
            org.tongxin.identity.Role.SYSTEM_ADMIN);

    /**
     * Where codes belong (issue 13, item 4): the policy's pages for those who write policy (sources are written there in
     * their source form); the audit log for the audit administrator (records name what was read by its id); a token
     * request's list of API operations (the API's own names).
     */
    boolean codesAllowed(String username, String path) {
        java.util.Set<org.tongxin.identity.Role> roles = actors.user(username).roles();
        return path.startsWith("/policy") && roles.stream().anyMatch(CODE_READERS::contains)
                || path.startsWith("/audit") && roles.contains(org.tongxin.identity.Role.AUDIT_ADMIN)
                || path.startsWith("/token-requests");
    }

    /** Step ids as the policy models name them ({@code intake.register}): never on a page a user reads. */
    static final java.util.regex.Pattern STEP_ID =
            java.util.regex.Pattern.compile("(?<![\\w./-])(" + String.join("|", stepIds()) + ")(?![\\w])");
    /** A UUID, whole or cut short ({@code 18460e13…}): eight hex characters with a letter and a digit among them. */
    static final java.util.regex.Pattern UUID_FRAGMENT = java.util.regex.Pattern.compile(
            "(?<![\\w-])(?=[0-9a-f]{0,7}[a-f])(?=[0-9a-f]{0,7}[0-9])[0-9a-f]{8}(?![\\w])");
    /** A citation in the models' source form ({@code CCL 22}, {@code IM 14}) instead of the law's name. */
    static final java.util.regex.Pattern SOURCE_CODE =
            java.util.regex.Pattern.compile("\\b(CCL|IM|CPL|SH2020|BJ|CITYA|MODEL) \\d");
    /** A confidence letter standing alone in an element (V, R, P, V/R): it is said in words. */
    static final java.util.regex.Pattern LONE_CONFIDENCE = java.util.regex.Pattern.compile(">\\s*(V|R|P|V/R)\\s*<");

    static java.util.List<String> stepIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String file : java.util.List.of("/policy/national-baseline.json", "/policy/regional-variants.json")) {
            try (java.io.InputStream in = PagesIntegrationTests.class.getResourceAsStream(file)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([a-z_]+\\.[a-z_]+)\"")
                        .matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1).replace(".", "\\."));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return java.util.List.copyOf(ids);
    }

    /** The demo's accounts, as the City A file lists them. */
    static java.util.List<String> demoAccounts() throws java.io.IOException {
        try (java.io.InputStream in = PagesIntegrationTests.class.getResourceAsStream("/demo/city-a.json")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            java.util.List<String> names = new java.util.ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /** What a reader sees of a page: its text and the words it shows on hover (title, aria-label, placeholder, alt). */
    static String visible(String html) {
        String body = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->", " ");
        StringBuilder seen = new StringBuilder(body.replaceAll("(?s)<[^>]*>", " "));
        java.util.regex.Matcher hover = java.util.regex.Pattern.compile(
                        "\\s(title|aria-label|placeholder|alt)=\"([^\"]*)\"")
                .matcher(body);
        while (hover.find()) {
            seen.append(' ').append(hover.group(2));
        }
        return seen.toString().replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** The internal codes a page shows its reader, by kind (empty: none). */
    static java.util.List<String> internalCodes(String html) {
        String text = visible(html);
        java.util.List<String> found = new java.util.ArrayList<>();
        for (java.util.regex.Pattern p : java.util.List.of(STEP_ID, UUID_FRAGMENT, SOURCE_CODE)) {
            java.util.regex.Matcher m = p.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 30);
                found.add("\"" + m.group() + "\" in …"
                        + text.substring(from, Math.min(text.length(), m.end() + 30))
                                .replaceAll("\\s+", " ") + "…");
            }
        }
        java.util.regex.Matcher lone =
                LONE_CONFIDENCE.matcher(html.replaceAll("(?s)<script.*?</script>|<option[^>]*>[^<]*</option>", " "));
        while (lone.find()) {
            found.add("confidence letter \"" + lone.group(1) + "\" alone");
        }
        return found;
    }

    @org.junit.jupiter.api.Test
    void theCodePatternsFindWhatTheyAreFor() {
        assertThat(internalCodes("<td>登记接收 <code>intake.register</code></td>")).hasSize(1);
        assertThat(internalCodes("<span>assist.progress #47ac1f2e/2</span>")).hasSize(2);
        assertThat(internalCodes("<a>案件 18460e13…</a>")).hasSize(1);
        assertThat(internalCodes("<span title=\"CCL 22\">依据</span>")).hasSize(1);
        assertThat(internalCodes("<td>IM 14</td><td><span>V</span></td>")).hasSize(2);
        assertThat(internalCodes("<td>《社区矫正法》第二十二条</td><td>已核对全文</td><td>2026-01-05 20260105</td><input type=\"hidden\""
                        + " name=\"id\" value=\"18460e13-aaaa-4bbb-8ccc-1234567890ab\"><tr"
                        + " data-step=\"intake.register\">"))
                .isEmpty();
    }

    /**
     * No page shows an internal code (issue 13, item 4): every page above, for one demo account of every set of roles
     * that may open it, and in both languages for the account it is listed with. Codes stay in the API and, for the coordinator and the system administrator, on the policy's
     * pages.
     */
    @org.junit.jupiter.api.Test
    void noPageShowsAnInternalCodeToAnyDemoAccount() throws Exception {
        // The demo's accounts, one for each set of roles (two county officers see the same pages with other data).
        java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
        for (String username : demoAccounts()) {
            kinds.putIfAbsent(new java.util.TreeSet<>(actors.user(username).roles()).toString(), username);
        }
        java.util.Map<String, java.util.List<String>> failures = new java.util.TreeMap<>();
        java.util.Set<String> checked = new java.util.HashSet<>();
        int rendered = 0;
        for (String line : PAGES) {
            String named = line.substring(0, line.indexOf(',')).strip();
            String path = line.substring(line.indexOf(',') + 1).strip();
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String url = resolve(path);
            // The account the page is listed with, in both languages; every other kind of account in Chinese (a code
            // is a code in either language, and the English pages are rendered by the test above).
            java.util.Map<String, java.util.List<String>> readers = new java.util.LinkedHashMap<>();
            readers.put(named, java.util.List.of("zh-CN", "en"));
            kinds.values().forEach(username -> readers.putIfAbsent(username, java.util.List.of("zh-CN")));
            for (Map.Entry<String, java.util.List<String>> reader : readers.entrySet()) {
                String username = reader.getKey();
                if (!checked.add(username + " " + path) || codesAllowed(username, path)) {
                    continue;
                }
                for (String language : reader.getValue()) {
                    MvcResult result = mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "lang=" + language)
                                    .with(actors.as(username)))
                            .andReturn();
                    if (result.getResponse().getStatus() != 200) {
                        break;
                    }
                    rendered++;
                    java.util.List<String> codes =
                            internalCodes(result.getResponse().getContentAsString());
                    if (!codes.isEmpty()) {
                        failures.put(
                                path + " as " + username + " (" + language + ")",
                                codes.stream().distinct().limit(5).toList());
                    }
                }
            }
        }
        assertThat(rendered).as("pages rendered").isGreaterThan(PAGES.length);
        assertThat(failures).as("internal codes on pages").isEmpty();
    }
}
