package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.identity.internal.Totp;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * People in Chromium: two roles log in, switch language, and see only what their role may see; every page they
 * open passes axe. Screenshots are kept in target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Totp totp;

    @Autowired
    MutableClock clock;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    Page login(String username, boolean secondFactor) {
        Page page = browser.newPerson();
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        if (secondFactor) {
            assertThat(page).hasURL(browser.url("/login/mfa"));
            BrowserSupport.assertAccessible(page, "login-mfa");
            clock.advance(Duration.ofSeconds(31));
            page.getByLabel("动态口令").fill(totp.codeAt(DemoAccounts.ADMIN_TOTP_SECRET, clock.instant()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证"))
                    .click();
        }
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    void visit(Page page, String path, String name) {
        page.navigate(browser.url(path));
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }

    @Test
    void theLoginPageIsChineseWhateverTheBrowserSaysAndOffersEnglish() {
        Page page = browser.newPerson();
        page.navigate(browser.url("/login"));
        assertThat(page.locator("h1")).hasText("登录");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        BrowserSupport.assertAccessible(page, "login");
        BrowserSupport.screenshot(page, "01-login-zh");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).hasText("Log in");
        BrowserSupport.screenshot(page, "02-login-en");
        page.getByLabel("Username").fill("nobody");
        page.getByLabel("Password").fill("Wrong-Password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Login failed");
        BrowserSupport.assertAccessible(page, "login-failed");
    }

    @Test
    void aCountyOfficerSeesTheDirectoryAndTheirAccountButNoAdministration() {
        Page page = login("cd.county", false);
        assertThat(page.locator("h1")).containsText("您好");
        BrowserSupport.assertAccessible(page, "home-county");
        BrowserSupport.screenshot(page, "03-home-county-officer");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                        .getByRole(
                                AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("账户管理")))
                .hasCount(0);
        assertThat(page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("审计").setExact(true)))
                .hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).containsText("Welcome");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Agencies").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Agency directory");
        BrowserSupport.assertAccessible(page, "agencies-en");
        BrowserSupport.screenshot(page, "04-agencies-en");
        page.getByLabel("Type").selectOption("JUDICIAL_OFFICE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dongmen Street Judicial Office"))
                .click();
        assertThat(page.locator("h1")).containsText("Dongmen Street Judicial Office");
        BrowserSupport.assertAccessible(page, "agency-detail");
        BrowserSupport.screenshot(page, "05-agency-detail-en");
        visit(page, "/staff", "06-staff-en");
        visit(page, "/account", "07-account-en");
        visit(page, "/account/mfa", "08-account-mfa-en");

        page.navigate(browser.url("/admin/users"));
        assertThat(page.locator("h1")).hasText("Not allowed");
        BrowserSupport.assertAccessible(page, "forbidden");
        BrowserSupport.screenshot(page, "09-forbidden-en");
        page.navigate(browser.url("/agencies/00000000-0000-0000-0000-000000000000"));
        assertThat(page.locator("h1")).hasText("Not found");

        // The language choice is remembered: a new visit of the same person stays in English.
        page.navigate(browser.url("/"));
        assertThat(page.locator("h1")).containsText("Welcome");
    }

    @Test
    void aSystemAdministratorMaintainsAgenciesWithClearErrorsButCannotGrantRolesOrReadTheAuditLog() {
        Page page = login("sysadmin", true);
        visit(page, "/admin/users", "10-users-sysadmin");
        visit(page, "/admin/users/new", "11-user-new");
        page.navigate(browser.url("/admin/agencies/new"));
        page.getByLabel("代码", new Page.GetByLabelOptions().setExact(true)).fill("cd court");
        page.getByLabel("中文名称", new Page.GetByLabelOptions().setExact(true)).fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("有错误");
        assertThat(page.locator("#code-error")).containsText("大写字母");
        BrowserSupport.assertAccessible(page, "agency-form-errors");
        BrowserSupport.screenshot(page, "12-agency-form-errors");
        assertThat(page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("审计").setExact(true)))
                .hasCount(0);
        page.navigate(browser.url("/audit"));
        assertThat(page.locator("h1")).hasText("无权操作");
        page.navigate(browser.url("/admin/users?q=cd.dm"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("cd.dm").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存角色")))
                .hasCount(0);
        BrowserSupport.assertAccessible(page, "user-detail-sysadmin");
        BrowserSupport.screenshot(page, "13-user-detail-sysadmin");
    }

    @Test
    void theSecurityAndAuditAdministratorsSeeTheirOwnDutiesOnly() {
        Page security = login("secadmin", true);
        visit(security, "/admin/tokens", "14-system-tokens");
        security.navigate(browser.url("/admin/users?q=cd.dm"));
        security.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("cd.dm").setExact(true))
                .click();
        assertThat(security.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存角色")))
                .isVisible();
        BrowserSupport.screenshot(security, "15-user-detail-secadmin");

        Page audit = login("auditadmin", true);
        audit.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName("审计")
                                .setExact(true))
                .click();
        assertThat(audit.locator("h1")).hasText("审计日志");
        assertThat(audit.locator("table")).containsText("login.success");
        BrowserSupport.assertAccessible(audit, "audit-search");
        BrowserSupport.screenshot(audit, "16-audit-search");
        audit.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("校验完整性"))
                .click();
        audit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即校验"))
                .click();
        assertThat(audit.getByRole(AriaRole.STATUS)).containsText("审计日志完整");
        BrowserSupport.assertAccessible(audit, "audit-verify");
        BrowserSupport.screenshot(audit, "17-audit-verify");
        audit.navigate(browser.url("/agencies"));
        assertThat(audit.locator("h1")).hasText("机构名录");
        audit.navigate(browser.url("/admin/users"));
        assertThat(audit.locator("h1")).hasText("无权操作");
    }

    @Test
    void aCourtsHeadRequestsASystemTokenTheSecurityAdministratorIssuesItAndOnlyTheHeadSeesIt() {
        Page head = login("cd.court.head", false);
        head.onDialog(dialog -> dialog.accept());
        head.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("令牌申请"))
                .click();
        assertThat(head.locator("h1")).hasText("系统令牌申请");
        BrowserSupport.assertAccessible(head, "token-requests-head");
        head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申请系统令牌"))
                .click();
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请"))
                .click();
        assertThat(head.getByRole(AriaRole.ALERT)).containsText("有错误");
        BrowserSupport.assertAccessible(head, "token-request-form-errors");
        BrowserSupport.screenshot(head, "18-token-request-errors");
        head.getByLabel("令牌名称").fill("城东法院审判系统");
        head.getByLabel("用途说明").fill("向县级社区矫正机构送达法律文书");
        head.getByLabel("书记员").check();
        head.getByLabel("可调用的接口").selectOption(new String[] {"deliverLegalDocuments", "getCase"});
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请"))
                .click();
        assertThat(head.getByRole(AriaRole.STATUS)).containsText("等待安全管理员签发");
        assertThat(head.locator("h1")).containsText("待签发");
        String request = head.url();

        Page security = login("secadmin", true);
        security.onDialog(dialog -> dialog.accept());
        security.navigate(browser.url("/token-requests"));
        assertThat(security.locator("table")).containsText("城东法院审判系统");
        BrowserSupport.assertAccessible(security, "token-requests-security");
        security.navigate(request);
        BrowserSupport.assertAccessible(security, "token-request-security");
        BrowserSupport.screenshot(security, "19-token-request-issue");
        security.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("签发").setExact(true))
                .click();
        assertThat(security.getByRole(AriaRole.STATUS)).containsText("已签发");
        assertThat(security.locator("body")).not().containsText("txs_");

        head.navigate(request);
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示令牌"))
                .click();
        assertThat(head.locator("#issuedToken")).containsText("txs_");
        BrowserSupport.assertAccessible(head, "token-request-collected");
        BrowserSupport.screenshot(head, "20-token-request-collected");

        Page audit = login("auditadmin", true);
        visit(audit, "/admin/credential-resets", "21-credential-resets");
    }
}
