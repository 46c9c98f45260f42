package org.tongxin.browser;

import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

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
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The work page in Chromium, one journey per role of the application with its City A demo account: each starts on the
 * work page right after login (checked with axe, screenshots at 1440 × 900 and 390 × 844) and reaches that role's most
 * common action in one click — and, where the journey set up its own work, completes it: a department accepts a referral,
 * the security administrator issues a token, a second administrator refuses a reset, the audit administrator checks the
 * chain, a court receipts an opinion. Journeys that act on the demo's work find it by what it is, never by counts.
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
        SystemTokenRequests.View asked = actors.call("bh.county.head", () -> tokenRequests.request(new SystemTokenRequests.NewRequest(
                "白河工作台系统", "同步待办事项", java.util.Set.of(Role.COUNTY_OFFICER), java.util.Set.of("getInbox"), 30)));
        Page page = workPage("secadmin", true, "security-admin");
        item(page, "白河工作台系统").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^审核"))).click();
        assertThat(page).hasURL(browser.url("/token-requests/" + asked.id()));
        submit(page, "签发");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已签发");
        check(page, "work-security-admin-issued");
    }

    @Test
    void theSystemAdministratorRefusesAResetAskedByAnother() {
        CredentialResets.View reset = actors.call("secadmin", () -> resets.request(actors.user("auditadmin").id().value(),
                CredentialReset.Kind.SECOND_FACTOR, "工作台旅程：手机遗失（测试）"));
        Page page = workPage("sysadmin", true, "system-admin");
        page.locator("a[href='/admin/credential-resets/" + reset.id() + "']").first().click();
        assertThat(page).hasURL(browser.url("/admin/credential-resets/" + reset.id()));
        page.getByLabel("拒绝理由").fill("已电话核实，本人未遗失手机。");
        submit(page, "拒绝");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已拒绝");
    }

    @Test
    void theAuditAdministratorChecksTheChain() {
        Page page = workPage("auditadmin", true, "audit-admin");
        page.locator("#work-audit").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^立即校验"))).click();
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
        page.locator("#work-token-requests").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请令牌")).click();
        assertThat(page).hasURL(browser.url("/token-requests/new"));
        assertThat(page.locator("h1")).hasText("申请系统令牌");
    }

    // Roles whose most urgent work the demo gives them: the first action of the list reaches its form.

    @Test
    void theCountyOfficerOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.county", "county-officer");
    }

    @Test
    void theCountyHeadOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.county.head", "county-head");
    }

    @Test
    void theOfficeOfficerOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.dm", "office-officer");
    }

    @Test
    void theOfficeHeadOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.dm.head", "office-head");
    }

    @Test
    void thePrisonOfficerOpensTheHandoverOwed() {
        firstUrgentReachesItsForm("prison.officer", "prison-officer");
    }

    @Test
    void thePoliceOfficerOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.police", "police-officer");
    }

    @Test
    void theCourtClerkReceiptsAnAssessmentOpinion() {
        Page page = workPage("cd.court.clerk", false, "court-clerk");
        Locator receipt = page.locator("#work-receipts li, .tx-work-urgent li").filter(new Locator.FilterOptions().setHasText("调查评估意见"))
                .first();
        receipt.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("/handovers/[0-9a-f-]+$"));
        submit(page, "回执");
        assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
        assertThat(page.locator("main")).containsText("回执");
    }

    @Test
    void theJudgeOpensTheMostUrgentStep() {
        firstUrgentReachesItsForm("cd.court.judge", "judge");
    }

    @Test
    void theCoordinatorOpensAnEscalatedStep() {
        Page page = workPage("city.coord", false, "coordinator");
        assertThat(page.locator("#work-escalated")).containsText("升级到本单位的事项");
        Locator first = page.locator("#work-escalated li, .tx-work-urgent li").filter(new Locator.FilterOptions().setHasText("应由")).first();
        String href = first.getByRole(AriaRole.LINK).getAttribute("href");
        first.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(browser.url(href));
        assertThat(page.locator("#obligations")).isVisible();
    }

    @Test
    void theProsecutorOpensADocumentCopiedToTheProcuratorate() {
        Page page = workPage("cd.proc", false, "prosecutor");
        Locator copy = page.locator("#work-copies li").first();
        copy.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("/handovers/[0-9a-f-]+$"));
        assertThat(page.locator("h1")).isVisible();
    }

    @Test
    void theBureauHeadIsToldWhatThereIsToDoWhenNothingIsDue() {
        Page page = workPage("cd.bureau.head", false, "bureau-head");
        assertThat(page.locator("#work-todo")).isVisible();
        assertThat(page.locator("main")).containsText("电子定位");
    }

    // Helpers

    /** A case under correction at Chengdong and a referral of it to the given agency; returns the case number. */
    String referral(String subject, AssistanceService service, String agencyCode) {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult(subject, Gender.MALE));
        actors.call("cd.county", () -> referrals.refer(caseId, new NewReferral(service, agencies.findByCode(agencyCode).orElseThrow().id(),
                "工作台旅程：请按转介说明安排帮扶。")));
        events.awaitAll(Duration.ofSeconds(20));
        return jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id").param("id", caseId.value()).query(String.class).single();
    }

    /** The first of the most urgent actions opens the page where it is done: the case's actions, a handover, a referral. */
    void firstUrgentReachesItsForm(String username, String name) {
        Page page = workPage(username, false, name);
        Locator first = page.locator(".tx-work-urgent li").first();
        String label = first.locator(".fw-semibold").first().textContent().strip();
        Locator button = first.getByRole(AriaRole.LINK);
        String href = button.getAttribute("href");
        button.click();
        assertThat(page).hasURL(browser.url(href));
        if (href.contains("#actions")) {
            assertThat(page.locator("#actions")).isVisible();
            assertThat(page.locator("#obligations")).containsText(label);
        } else {
            assertThat(page.locator("h1")).isVisible();
        }
        check(page, "work-" + name + "-action");
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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        if (secondFactor) {
            assertThat(page).hasURL(browser.url("/login/mfa"));
            clock.advance(Duration.ofSeconds(31));
            page.getByLabel("动态口令").fill(totp.codeAt(DemoAccounts.ADMIN_TOTP_SECRET, clock.instant()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证")).click();
        }
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    /** The line of the work page (most urgent or a section) that names this text. */
    static Locator item(Page page, String text) {
        return page.locator(".tx-work-urgent li, .tx-work-section li").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    static void submit(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).first().click();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
