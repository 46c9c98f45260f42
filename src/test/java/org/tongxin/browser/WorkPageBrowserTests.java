package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.identity.Role;
import org.tongxin.identity.internal.CredentialReset;
import org.tongxin.identity.internal.CredentialResets;
import org.tongxin.identity.internal.SystemTokenRequests;
import org.tongxin.identity.internal.Totp;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The work page in Chromium, one journey per role of the application with its City A demo account: each starts on the
 * work page right after login (checked with axe, screenshots at 1440 × 900 and 390 × 844) and reaches that role's most
 * common action in one click — and, where the journey set up its own work, completes it: a department accepts a referral,
 * the security administrator issues a token, a second administrator refuses a reset, the audit administrator checks the
 * chain, the coordinator answers a conflict, the police answer a request to assist a search, the bureau head approves
 * electronic monitoring, the procuratorate reads a copy of legal documents. Journeys that act on the demo's work find it by what it is, never by counts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Totp totp;

    @Autowired
    MutableClock clock;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Referrals referrals;

    @Autowired
    SystemTokenRequests tokenRequests;

    @Autowired
    CredentialResets resets;

    @Autowired
    EventQuiescence events;

    @Autowired
    org.tongxin.procedure.Intake intake;

    @Autowired
    org.tongxin.exchange.Handovers handovers;

    @Autowired
    org.tongxin.coordination.Conflicts conflicts;

    @Autowired
    org.tongxin.supervision.missing.LostContacts lostContacts;

    @Autowired
    org.tongxin.supervision.monitoring.Monitoring monitoring;

    /** How many days (minutes for an arrival) earlier than the last one the next case is dated. */
    static final java.util.concurrent.atomic.AtomicInteger EARLIER = new java.util.concurrent.atomic.AtomicInteger();

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    // Roles whose work the journey sets up itself, and completes.

    @Test
    void anAssistanceCaseworkerAcceptsAReferralFromTheWorkPage() {
        String caseNumber = referral("岳工作台", AssistanceService.JOB_TRAINING, "A-HRSS");
        Page page = workPage("hrss.worker", false, "assistance-caseworker");
        item(page, caseNumber).getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(Pattern.compile("/referrals/[0-9a-f-]+$"));
        submit(page, "接收");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已接收");
        check(page, "work-assistance-caseworker-accepted");
    }

    @Test
    void aSocialWorkerAcceptsAReferralFromTheWorkPage() {
        String caseNumber = referral("鲁工作台", AssistanceService.VOLUNTEERS, "A-SO-VOL");
        Page page = workPage("sw.volunteer", false, "social-worker");
        item(page, caseNumber).getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(Pattern.compile("/referrals/[0-9a-f-]+$"));
        submit(page, "接收");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已接收");
    }

    @Test
    void theSecurityAdministratorIssuesAToken() {
        SystemTokenRequests.View asked = actors.call(
                "bh.county.head",
                () -> tokenRequests.request(new SystemTokenRequests.NewRequest(
                        "白河工作台系统", "同步待办事项", java.util.Set.of(Role.COUNTY_OFFICER), java.util.Set.of("getInbox"), 30)));
        Page page = workPage("secadmin", true, "security-admin");
        item(page, "白河工作台系统")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^审核")))
                .click();
        assertThat(page).hasURL(browser.url("/token-requests/" + asked.id()));
        submit(page, "签发");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已签发");
        check(page, "work-security-admin-issued");
    }

    @Test
    void theSystemAdministratorRefusesAResetAskedByAnother() {
        CredentialResets.View reset = actors.call(
                "secadmin",
                () -> resets.request(
                        actors.user("auditadmin").id().value(), CredentialReset.Kind.SECOND_FACTOR, "工作台旅程：手机遗失（测试）"));
        Page page = workPage("sysadmin", true, "system-admin");
        page.locator("a[href='/admin/credential-resets/" + reset.id() + "']")
                .first()
                .click();
        assertThat(page).hasURL(browser.url("/admin/credential-resets/" + reset.id()));
        page.getByLabel("拒绝理由").fill("已电话核实，本人未遗失手机。");
        submit(page, "拒绝");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已拒绝");
    }

    @Test
    void theSecurityAdministratorLooksAtTheDataKeysAgeAndRotations() {
        Page page = workPage("secadmin", true, "security-admin-keys");
        assertThat(page.locator("#work-key-rotation")).containsText("当前数据密钥");
        page.locator("#work-key-rotation")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("全部轮换记录"))
                .click();
        assertThat(page).hasURL(browser.url("/admin/key-rotations"));
        assertThat(page.locator("h1")).hasText("数据密钥轮换");
        assertThat(page.locator("#key-state")).containsText("密钥版本");
        assertThat(page.locator("main")).containsText("--tongxin.keys.rotate");
        check(page, "key-rotations-1440");
        page.setViewportSize(390, 844);
        check(page, "key-rotations-390");
    }

    @Test
    void theAuditAdministratorChecksTheChain() {
        Page page = workPage("auditadmin", true, "audit-admin");
        // Never checked: the check is among the most urgent; checked: it stays in its section.
        page.locator("main")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^立即校验")))
                .first()
                .click();
        assertThat(page).hasURL(browser.url("/audit/verify"));
        submit(page, "立即校验");
        assertThat(page.locator("main")).containsText("审计日志完整");
        page.navigate(browser.url("/"));
        assertThat(page.locator("#work-audit")).containsText("完整");
    }

    @Test
    void theNationalPolicyEditorOpensTheBaselineDraftOrModel() {
        Page page = workPage("moj.policy", false, "policy-editor");
        Locator action = page.locator("#work-policy li").first().getByRole(AriaRole.LINK);
        String href = action.getAttribute("href");
        action.click();
        assertThat(page).hasURL(browser.url(href));
        assertThat(page.locator("h1")).isVisible();
        assertThat(page.locator("main")).containsText("全国");
    }

    @Test
    void aHeadOfAgencyAsksForAToken() {
        Page page = workPage("city.police.head", false, "agency-head");
        page.locator("#work-token-requests")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请令牌"))
                .click();
        assertThat(page).hasURL(browser.url("/token-requests/new"));
        assertThat(page.locator("h1")).hasText("申请系统令牌");
    }

    // Case work: the journey opens a case at 白河县 (no other test works there), whose agencies then owe its steps.

    @Test
    void theCountyOfficerRegistersASubjectFromTheWorkPage() {
        CaseId id = arrived("柏登记");
        Page page = workPage("bh.county", false, "county-officer");
        openStep(page, "柏登记", "核对文书、核实身份、登记建档", id);
        submit(page, "登记接收");
        assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
        assertThat(page.locator("form[action$='/register']")).hasCount(0);
        check(page, "work-county-officer-registered");
    }

    @Test
    void theCountyHeadOpensTheStepItsAgencyOwes() {
        arrived("柏负责");
        Page page = workPage("bh.county.head", false, "county-head");
        // The county's most urgent action, whichever it is: the other journeys of this application give 白河县 older work
        // (missed reporting, a token request to approve) than this registration, in whatever order they run.
        page.locator(".tx-work-urgent li").first().getByRole(AriaRole.LINK).click();
        assertThat(page).not().hasURL(browser.url("/"));
        assertThat(page.locator("main form, #tasks").first()).isVisible();
    }

    @Test
    void theOfficeOfficerOpensTheTeamItsOfficeOwes() {
        CaseId id = atOffice("柏司法所");
        Page page = workPage("bh.bh", false, "office-officer");
        openStep(page, "柏司法所", "成立矫正小组", id);
        assertThat(page.locator("main")).containsText("成立矫正小组");
    }

    @Test
    void theOfficeHeadOpensTheStepItsOfficeOwes() {
        CaseId id = atOffice("柏所长");
        Page page = workPage("bh.bh.head", false, "office-head");
        openStep(page, "柏所长", "成立矫正小组", id);
    }

    @Test
    void theCourtClerkOpensTheNotificationTheCourtOwes() {
        decidedAtBaihe("柏法院", CorrectionType.PROBATION);
        Page page = workPage("bh.court.clerk", false, "court-clerk");
        // The court's most urgent notification, whichever of the court's cases it is.
        Locator line = page.locator(".tx-work-urgent li, .tx-work-section li")
                .filter(new Locator.FilterOptions().setHasText("通知执行地社区矫正机构"))
                .first();
        line.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]+/tasks/notify$"));
        assertThat(page.locator("main")).containsText("通知执行地社区矫正机构");
        assertThat(page.locator("main form").first()).isVisible();
    }

    @Test
    void theJudgeOpensTheDeliveryTheCourtOwes() {
        CaseId id = decidedAtBaihe("柏法官", CorrectionType.PROBATION);
        Page page = workPage("bh.court.judge", false, "judge");
        openStep(page, "柏法官", "送达法律文书", id);
    }

    @Test
    void thePrisonOfficerOpensTheTransferThePrisonOwes() {
        CaseId id = decidedAtBaihe("柏监外", CorrectionType.TEMPORARY_EXECUTION);
        Page page = workPage("prison.officer", false, "prison-officer");
        openStep(page, "柏监外", "移送", id);
        assertThat(page.locator("main")).containsText("移交社区矫正对象");
    }

    @Test
    void theCountyOfficerSeesWhatTheSubjectOwesUnderWaitingForOthers() {
        decidedAtBaihe("柏报到", CorrectionType.PROBATION);
        Page page = workPage("bh.county2", false, "county-officer-waiting");
        Locator line = page.locator("#work-waiting li")
                .filter(new Locator.FilterOptions().setHasText("柏报到"))
                .first();
        assertThat(line).containsText("等待");
        line.getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#obligations")).isVisible();
    }

    // Roles whose work arrives from others: the journey makes another organ send it first (at 白河县), then acts on it.

    @Test
    void theCoordinatorAnswersAConflictRaisedToTheOfficeFromTheWorkPage() {
        CaseId id = atOffice("柏协调", LIULIN);
        // Raised long ago and never answered: the office's response fell due long before anything else it owes, so it
        // leads
        // the coordinator's list (no scan is forced: that would open the lapsed steps of the other journeys' cases).
        java.time.Instant now = clock.instant();
        org.tongxin.coordination.ConflictId conflict;
        try {
            clock.setInstant(now.minus(Duration.ofDays(400)));
            conflict = actors.call(
                    "bh.county",
                    () -> conflicts.raise(new org.tongxin.coordination.ConflictViews.NewConflict(
                            id.value(),
                            org.tongxin.coordination.ConflictType.COMMUNICATION,
                            java.util.List.of(agencies.findByCode("BH-COURT")
                                    .orElseThrow()
                                    .id()
                                    .value()),
                            "柏协调：法院送达的判决书副本缺页，多次联系未补正。",
                            null,
                            java.util.List.of(),
                            java.util.List.of())));
        } finally {
            clock.setInstant(now);
        }
        events.awaitAll(Duration.ofSeconds(20));
        Page page = workPage("city.coord", false, "coordinator");
        // Its button on the work page (most urgent, or the office's to-do) leads straight to the conflict.
        page.locator(".tx-work-urgent a[href='/conflicts/" + conflict + "'], .tx-work-section a[href='/conflicts/"
                        + conflict + "']")
                .first()
                .click();
        assertThat(page).hasURL(browser.url("/conflicts/" + conflict));
        page.getByLabel("回应意见").fill("已联系白河县人民法院，要求三个工作日内补正判决书副本。");
        submit(page, "回应");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已回应");
        check(page, "work-coordinator-responded");
    }

    @Test
    void theProsecutorOpensACopyOfLegalDocumentsFromTheWorkPage() {
        CaseId id = atOffice("柏检察", LIULIN);
        String caseNumber = jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        Page page = workPage("bh.proc", false, "prosecutor");
        // The newest copy comes first: the legal documents the court just delivered, copied to the procuratorate.
        Locator line = page.locator("#work-copies li")
                .filter(new Locator.FilterOptions().setHasText(caseNumber))
                .first();
        assertThat(line).containsText("法律文书送达");
        line.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^查看文书")))
                .click();
        assertThat(page).hasURL(Pattern.compile("/handovers/[0-9a-f-]+$"));
        assertThat(page.locator("main")).containsText("刑事判决书");
        assertThat(page.locator("main")).containsText("已回执");
        check(page, "work-prosecutor-copy");
    }

    @Test
    void thePoliceOfficerAnswersARequestToAssistASearchFromTheWorkPage() {
        CaseId id = atOffice("柏协查", LIULIN);
        org.tongxin.supervision.missing.LostContacts.LostContactView lost = actors.call(
                "bh.county",
                () -> lostContacts.report(id, clock.instant().minus(Duration.ofHours(30)), "柏协查：连续两日电话无法接通，居住地无人。"));
        events.awaitAll(Duration.ofSeconds(20));
        try {
            answerTheRequest(id);
        } finally {
            // Found again: the county's immediate search step, overdue at once, leaves the 白河县 lists the other journeys
            // read.
            actors.call("bh.county", () -> lostContacts.found(lost.id(), lost.version(), clock.instant(), "已找到，恢复联系。"));
            events.awaitAll(Duration.ofSeconds(20));
        }
    }

    void answerTheRequest(CaseId id) {
        String caseNumber = jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        Page page = workPage("bh.police", false, "police-officer");
        Locator line = page.locator(".tx-work-urgent li, .tx-work-section li")
                .filter(new Locator.FilterOptions().setHasText(caseNumber))
                .filter(new Locator.FilterOptions().setHasText("失联协查"))
                .first();
        line.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^答复协查")))
                .click();
        assertThat(page).hasURL(Pattern.compile("/handovers/[0-9a-f-]+$"));
        submit(page, "回执");
        assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
        page.navigate(browser.url("/"));
        assertThat(page.locator("#work-requests li").filter(new Locator.FilterOptions().setHasText(caseNumber)))
                .hasCount(0);
        check(page, "work-police-officer-answered");
    }

    @Test
    void theBureauHeadApprovesElectronicMonitoringFromTheWorkPage() {
        CaseId id = atOffice("柏定位", LIULIN);
        actors.call(
                "bh.county",
                () -> monitoring.propose(
                        id,
                        new org.tongxin.supervision.monitoring.MonitoringViews.NewPeriod(
                                org.tongxin.supervision.monitoring.MonitoringGround.LEFT_AREA_WITHOUT_APPROVAL,
                                "柏定位：未经批准离开白河县三日。",
                                "BH-EM-0001",
                                3,
                                null)));
        events.awaitAll(Duration.ofSeconds(20));
        Page page = workPage("bh.bureau.head", false, "bureau-head");
        openStep(page, "柏定位", "使用电子定位装置", id, "/monitoring");
        submit(page, "批准");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已批准使用电子定位装置");
        assertThat(page.locator("main")).containsText("已批准");
        check(page, "work-bureau-head-approved");
    }

    // Helpers

    /** A case under correction at Chengdong and a referral of it to the given agency; returns the case number. */
    String referral(String subject, AssistanceService service, String agencyCode) {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult(subject, Gender.MALE));
        actors.call(
                "cd.county",
                () -> referrals.refer(
                        caseId,
                        new NewReferral(
                                service,
                                agencies.findByCode(agencyCode).orElseThrow().id(),
                                "工作台旅程：请按转介说明安排帮扶。")));
        events.awaitAll(Duration.ofSeconds(20));
        return jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id")
                .param("id", caseId.value())
                .query(String.class)
                .single();
    }

    /** A case the 白河县 court decided (the county agency chosen: 白河县社区矫正管理局), its steps opened. */
    CaseId decidedAtBaihe(String subject, CorrectionType type) {
        // Each new case a week older than the one before (whatever weekends lie between): its steps fall due first, so
        // it
        // leads its agency's lists.
        return decidedAtBaihe(subject, type, 7 * EARLIER.incrementAndGet());
    }

    /**
     * A case decided {@code back} days earlier than the fixture's dates. The journeys of the roles whose work comes from
     * others date theirs one week back and leave {@link #EARLIER} alone: older cases would make the reporting of the
     * cases the other journeys open lapse (an immediate step that then leads the county's lists).
     */
    CaseId decidedAtBaihe(String subject, CorrectionType type, int back) {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        DecisionData d = fixtures.decision(type);
        DecisionData atBaihe = new DecisionData(
                d.correctionType(),
                d.caseNumber(),
                d.judgmentDate().minusDays(back),
                d.effectiveDate().minusDays(back),
                d.termStart().minusDays(back),
                d.termEnd().minusDays(back),
                fixtures.agency("BH-CCA"),
                d.inCustody(),
                d.handoverInstitutionId());
        CaseId id = actors.call(
                "bh.court.clerk",
                () -> management.openDecided(
                        new NewDecidedCase(fixtures.adult(subject, Gender.MALE), fixtures.offence(), atBaihe)));
        events.awaitAll(Duration.ofSeconds(20));
        return id;
    }

    /** Documents receipted and the subject reported in at 白河县: the county agency owes the registration. */
    CaseId arrived(String subject) {
        return arrived(subject, false);
    }

    /** As {@link #arrived(String)}; {@code aside}: dated one week back without moving {@link #EARLIER}. */
    CaseId arrived(String subject, boolean aside) {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = aside
                ? decidedAtBaihe(subject, CorrectionType.PROBATION, 7)
                : decidedAtBaihe(subject, CorrectionType.PROBATION);
        // The court delivers the legal documents and the county receipts them, as the registration's clock needs.
        org.tongxin.exchange.HandoverId documents = actors.call(
                "bh.court.clerk",
                () -> intake.deliverDocuments(
                        id,
                        new org.tongxin.procedure.IntakeRequests.Delivery(
                                java.util.List.of(
                                        new org.tongxin.exchange.HandoverData.NewItem(
                                                org.tongxin.exchange.ItemCode.DECISION_DOCUMENT, "刑事判决书", null),
                                        new org.tongxin.exchange.HandoverData.NewItem(
                                                org.tongxin.exchange.ItemCode.EXECUTION_NOTICE, null, null)),
                                null)));
        events.awaitAll(Duration.ofSeconds(20));
        actors.run(
                "bh.county",
                () -> handovers.receipt(documents, handovers.view(documents).version(), null));
        events.awaitAll(Duration.ofSeconds(20));
        int version = fixtures.version(id);
        java.time.Instant arrivedAt = clock.instant().minus(Duration.ofMinutes(EARLIER.get()));
        actors.run("bh.county", () -> management.recordArrival(id, version, false, arrivedAt));
        events.awaitAll(Duration.ofSeconds(20));
        return id;
    }

    static final String LIULIN = "BH-SO-LL";

    /** Registered and assigned to 白河镇司法所, which owes the team, the plan and the announcement. */
    CaseId atOffice(String subject) {
        return atOffice(subject, "BH-SO-BH");
    }

    /**
     * Registered and assigned to the given office of 白河县: the journeys of the roles whose work comes from others use
     * 柳林镇司法所 (LIULIN), so that their cases' steps never crowd the lists the 白河镇 journeys read.
     */
    CaseId atOffice(String subject, String officeCode) {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = arrived(subject, LIULIN.equals(officeCode));
        int arrivedVersion = fixtures.version(id);
        actors.run("bh.county", () -> management.register(id, arrivedVersion));
        int registered = fixtures.version(id);
        actors.run("bh.county", () -> management.assignOffice(id, registered, fixtures.agency(officeCode)));
        events.awaitAll(Duration.ofSeconds(20));
        return id;
    }

    /** The line naming the subject and the step: its button opens the page of the case where the step is done. */
    void openStep(Page page, String subject, String step, CaseId id, String where) {
        Locator line = page.locator(".tx-work-urgent li, .tx-work-section li")
                .filter(new Locator.FilterOptions().setHasText(subject))
                .filter(new Locator.FilterOptions().setHasText(step))
                .first();
        line.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(browser.url("/cases/" + id + where));
    }

    /** The line naming the subject and the step: its button opens the case's actions, where the step's form is. */
    void openStep(Page page, String subject, String step, CaseId id) {
        Locator line = page.locator(".tx-work-urgent li, .tx-work-section li")
                .filter(new Locator.FilterOptions().setHasText(subject))
                .filter(new Locator.FilterOptions().setHasText(step))
                .first();
        line.getByRole(AriaRole.LINK).click();
        // One click: the step's own form page, or the case's task list where the step has none.
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/cases/" + id + "(/tasks/[a-z]+|#tasks)$"));
        assertThat(page.locator("main form, #tasks").first()).isVisible();
    }

    /** Logs in (with the second factor for an administrator), lands on the work page, checks it at both widths. */
    Page workPage(String username, boolean secondFactor, String name) {
        Page phone = login(browser.newPerson(390, 844), username, secondFactor);
        check(phone, "work-" + name + "-390");
        phone.context().close();
        Page page = login(browser.newPerson(1440, 900), username, secondFactor);
        page.onDialog(dialog -> dialog.accept());
        assertThat(page.locator("h1")).containsText("您好");
        assertThat(page.locator("#most-urgent")).hasText("最紧急的事项");
        check(page, "work-" + name + "-1440");
        return page;
    }

    Page login(Page page, String username, boolean secondFactor) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        if (secondFactor) {
            assertThat(page).hasURL(browser.url("/login/mfa"));
            clock.advance(Duration.ofSeconds(31));
            page.getByLabel("动态口令").fill(totp.codeAt(DemoAccounts.ADMIN_TOTP_SECRET, clock.instant()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证"))
                    .click();
        }
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    /** The line of the work page (most urgent or a section) that names this text. */
    static Locator item(Page page, String text) {
        return page.locator(".tx-work-urgent li, .tx-work-section li")
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
    }

    static void submit(Page page, String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .first()
                .click();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
