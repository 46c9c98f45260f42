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
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * A proposed change of a subject's data in Chromium (issue 9, item 4): Chengxi's court opens a case for a person
 * Chengdong supervises and states a new phone and address; Chengdong's county officer finds the proposal from the case
 * page, compares the values, is refused a rejection with too short a reason, and confirms; the case then shows the new phone.
 * Every page passes axe; screenshots go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectChangeBrowserTests {

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
    void theCountyComparesAndConfirmsWhatAnotherDistrictsCourtStated() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        SubjectData known = fixtures.adult("韩文书", Gender.MALE);
        CaseId caseId = fixtures.decided(known);
        SubjectData stated = new SubjectData(
                "韩文书",
                known.gender(),
                known.ethnicity(),
                known.idType(),
                known.idNumber(),
                known.birthDate(),
                "13907006666",
                "369903001",
                "城西区西关街道和平路 19 号",
                null,
                null,
                null,
                null);
        DecisionData decision = new DecisionData(
                CorrectionType.PROBATION,
                "（2026）城西刑初9" + (100 + (int) (Math.random() * 800)) + "号",
                fixtures.today().minusDays(20),
                fixtures.today().minusDays(10),
                fixtures.today().minusDays(10),
                fixtures.today().plusYears(1),
                null,
                false,
                null);
        actors.run(
                "cx.court.clerk",
                () -> management.openDecided(new NewDecidedCase(stated, fixtures.offence(), decision)));

        Page county = browser.newPerson();
        county.onDialog(dialog -> dialog.accept());
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId));
        Locator notice = county.locator("[data-subject-changes]");
        assertThat(notice).containsText("待本机构确认或驳回");
        notice.getByRole(AriaRole.LINK).first().click();
        assertThat(county.locator("h1")).containsText("韩文书");
        assertThat(county.locator("[data-field=PHONE]")).containsText("13907006666");
        assertThat(county.locator("[data-field=PHONE]")).containsText(known.phone());
        assertThat(county.locator("[data-field=RESIDENCE_DIVISION]")).containsText("西关");
        check(county, "70-subject-change");

        county.getByLabel("驳回理由").fill("太短");
        county.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("驳回").setExact(true))
                .click();
        assertThat(county.locator("#reason-error")).containsText("至少");
        assertThat(county.locator("[data-change-status]")).hasText("待确认");
        check(county, "71-subject-change-reason-too-short");

        county.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("确认变更").setExact(true))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已确认");
        assertThat(county.locator("[data-change-status]")).hasText("已确认");
        check(county, "72-subject-change-confirmed");

        county.navigate(browser.url("/cases/" + caseId));
        assertThat(county.locator("[data-subject-changes]")).hasCount(0);
        assertThat(county.locator("main")).containsText("13907006666");

        county.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^资料变更")))
                .click();
        assertThat(county.locator("h1")).hasText("对象资料变更申请");
        check(county, "73-subject-changes");
        county.navigate(browser.url("/subject-changes?status=ALL&lang=en"));
        assertThat(county.locator("h1")).hasText("Proposed changes of subjects' data");
        check(county, "74-subject-changes-en");
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
