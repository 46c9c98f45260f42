package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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
 * The working calendar in Chromium: a county officer reads October 2025 (National Day, the adjusted working days)
 * and a provisional year; a system administrator meets the entry form's messages. Every page passes axe.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserTests {

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
            clock.advance(Duration.ofSeconds(31));
            page.getByLabel("动态口令").fill(totp.codeAt(DemoAccounts.ADMIN_TOTP_SECRET, clock.instant()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证"))
                    .click();
        }
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    Locator cell(Page page, String date) {
        return page.locator("td[data-date='" + date + "']");
    }

    @Test
    void aCountyOfficerSeesNationalDayAndTheAdjustedWorkingDaysOfOctober2025() {
        Page page = login("cd.county", false);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("工作日历"))
                .click();
        assertThat(page.locator("h1")).hasText("工作日历");
        page.navigate(browser.url("/calendar?year=2025&month=10&region=CN"));
        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("2025年10月工作日历（全国）"));
        assertThat(table).isVisible();
        assertThat(cell(page, "2025-10-01")).containsText("放假");
        assertThat(cell(page, "2025-10-01")).containsText("国庆节");
        assertThat(cell(page, "2025-10-06")).containsText("中秋节");
        assertThat(cell(page, "2025-10-08")).containsText("国庆节");
        assertThat(cell(page, "2025-10-11")).containsText("调休上班");
        assertThat(cell(page, "2025-10-12")).containsText("周末");
        assertThat(page.getByText("2025年10月11日")).isVisible();
        assertThat(page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("尚未公布")))
                .hasCount(0);
        BrowserSupport.assertAccessible(page, "calendar-2025-10");
        BrowserSupport.screenshot(page, "20-calendar-2025-10");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("上个月"))
                .click();
        assertThat(page.getByRole(AriaRole.TABLE)).hasAccessibleName("2025年9月工作日历（全国）");
        assertThat(cell(page, "2025-09-28")).containsText("调休上班");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.getByRole(AriaRole.TABLE)).hasAccessibleName("Working calendar, September 2025 (National)");
        page.getByLabel("Year").fill("2030");
        page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.getByRole(AriaRole.NOTE)
                        .filter(new Locator.FilterOptions().setHasText("has not been published")))
                .containsText("The 2030 holiday schedule has not been published yet");
        assertThat(cell(page, "2030-02-03")).containsText("Spring Festival");
        assertThat(cell(page, "2030-02-03")).containsText("(provisional)");
        BrowserSupport.assertAccessible(page, "calendar-2030-02");
        BrowserSupport.screenshot(page, "21-calendar-2030-02-provisional-en");
    }

    @Test
    void aSystemAdministratorIsToldExactlyWhatIsWrongWithAnEntry() {
        Page page = login("sysadmin", true);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("放假安排"))
                .click();
        assertThat(page.locator("h1")).hasText("放假安排");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("2025")))
                .containsText("正式");
        BrowserSupport.assertAccessible(page, "calendar-admin");
        BrowserSupport.screenshot(page, "22-calendar-admin");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("录入 2027"))
                .click();
        assertThat(page.locator("h1")).hasText("2027年放假安排（全国）");
        assertThat(page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("尚未录入")))
                .isVisible();
        assertThat(page.locator("[id='holidays[1].from']")).hasValue("2027-02-05");
        page.locator("[id='workingDays[0]']").fill("2027-02-10");
        page.locator("[id='holidays[0].nameEn']").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("有错误");
        assertThat(page.locator("[id='workingDays[0]-error']")).containsText("不是周六或周日");
        assertThat(page.locator("[id='holidays[0].nameEn-error']")).containsText("必填");
        BrowserSupport.assertAccessible(page, "calendar-entry-errors");
        BrowserSupport.screenshot(page, "23-calendar-entry-errors");

        page.navigate(browser.url("/admin/calendar/entry?year=2025&region=CN"));
        assertThat(page.getByLabel("我确认以本次录入替换 2025 年的正式安排")).not().isChecked();
        BrowserSupport.assertAccessible(page, "calendar-entry-official");
        page.onceDialog(dialog -> dialog.dismiss());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布"))
                .click();
        assertThat(page).hasURL(browser.url("/admin/calendar/entry?year=2025&region=CN"));
    }
}
