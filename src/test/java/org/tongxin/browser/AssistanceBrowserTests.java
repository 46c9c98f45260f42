package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * A referral in Chromium: the county officer refers a subject from the case page to civil affairs (refused once for
 * a missing note), the civil-affairs caseworker finds it under "referrals to us", sees only the fields shared for the
 * subsistence allowance, accepts it and records the first contact; the capacity page. Every page passes axe;
 * screenshots go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceBrowserTests {

    static final String SUBJECT = "陆明远";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theCountyRefersASubjectAndCivilAffairsAcceptsAndContactsThem() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult(SUBJECT, Gender.MALE));

        Page county = browser.newPerson();
        county.onDialog(dialog -> dialog.accept());
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId));
        county.locator("#referrals").getByRole(AriaRole.LINK).click();
        assertThat(county.locator("h1")).hasText("帮扶转介");
        assertThat(county.locator(".empty-state")).containsText("本案尚无");
        county.getByLabel("帮扶事项").selectOption("SUBSISTENCE_ALLOWANCE");
        county.getByLabel("接收单位")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("A市民政局（民政局）"));
        submit(county, "转介并生成转介函");
        assertThat(county.locator("#note-error")).containsText("必填");
        check(county, "60-referral-form-errors");
        county.getByLabel("转介说明（对象需要什么帮扶）").fill("对象失业半年，家庭无固定收入，请审核最低生活保障。");
        submit(county, "转介并生成转介函");
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已转介");
        assertThat(county.locator("h1")).containsText("最低生活保障");
        check(county, "61-referral-delivered-county");

        Page civil = browser.newPerson();
        civil.onDialog(dialog -> dialog.accept());
        login(civil, "civil.worker");
        // The demo's own referrals may have taken every declared place: the bureau declares room first, as it would.
        civil.navigate(browser.url("/assistance/capacity"));
        civil.getByLabel("最低生活保障的名额").fill("200");
        submit(civil, "保存");
        assertThat(civil.getByRole(AriaRole.STATUS)).containsText("已保存名额和人员");
        civil.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^帮扶转介")))
                .click();
        assertThat(civil.locator("h1")).hasText("转介给我单位的");
        check(civil, "62-referrals-to-us");
        civil.locator("tr", new Page.LocatorOptions().setHasText(SUBJECT))
                .getByRole(AriaRole.LINK)
                .first()
                .click();
        assertThat(civil.locator("#shared + p + dl")).containsText("公民身份号码");
        assertThat(civil.locator("#shared + p + dl")).not().containsText("盗窃");
        check(civil, "63-referral-received");
        submit(civil, "接收");
        assertThat(civil.getByRole(AriaRole.STATUS)).containsText("已接收");
        civil.getByLabel("联系方式和情况").fill("电话联系对象，约定下周入户核查。");
        submit(civil, "记录首次联系");
        assertThat(civil.getByRole(AriaRole.STATUS)).containsText("已记录首次联系");
        assertThat(civil.locator("h1 + span.badge")).containsText("帮扶中");
        check(civil, "64-referral-in-progress");

        civil.navigate(browser.url("/assistance/capacity"));
        assertThat(civil.locator("h1")).hasText("帮扶名额和人员");
        check(civil, "65-capacity");
        civil.navigate(browser.url("/referrals?lang=en"));
        assertThat(civil.locator("h1")).hasText("Referrals to us");
        check(civil, "66-referrals-to-us-en");
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    static void submit(Page page, String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
