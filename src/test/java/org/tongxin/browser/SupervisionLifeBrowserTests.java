package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * Custody and lost contact in Chromium, from the case's supervision page: the county agency reports lost contact (told
 * what is missing first), sees the search on the ledger in the law's words with the police assisting, and records that
 * the subject was found; the county agency records a detention decided by the police, the police give their notice,
 * and the county agency records the release, the case under correction again. Every page passes axe; screenshots at
 * 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionLifeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory cases;

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
    void theCountyReportsLostContactAndRecordsThatTheSubjectWasFound() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("东方明", Gender.MALE));

        Page county = browser.newPerson();
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId + "/supervision"));
        county.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("失去联系").setExact(true))
                .click();
        assertThat(county.locator("h1")).hasText("失去联系");
        assertThat(county.locator("main")).containsText("该社区矫正对象没有失去联系的记录");
        check(county, "life-01-lost-contact-empty");

        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记失去联系"))
                .click();
        assertThat(county.locator("#report-lostSince-error")).containsText("请填写失去联系的日期和时间");
        assertThat(county.locator("#report-circumstances-error")).containsText("请写明失去联系的情况");
        check(county, "life-02-lost-contact-errors");

        county.getByLabel("失去联系的日期和时间").fill(now());
        county.getByLabel("失去联系的情况").fill("连续两日电话无人接听，走访住所无人应门，邻居称其外出未归。");
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记失去联系"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("查找已开始");
        assertThat(county.locator("main")).containsText("失去联系：立即组织查找");
        assertThat(county.locator("main")).containsText("协助查找：A市公安局城东区分局");
        assertThat(county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("请公安机关协助查找的函")))
                .isVisible();
        assertThat(county.locator("main")).not().containsText("missing.search");
        check(county, "life-03-lost-contact-searching");

        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记已找到"))
                .click();
        assertThat(county.locator("[id$='-note-error']")).containsText("必填");
        county.getByLabel("找到的日期和时间").fill(now());
        county.getByLabel("找到的经过及处理情况").fill("在其姐姐家中找到，系手机遗失；已予训诫并重新登记联系方式。");
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记已找到"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("继续监督管理");
        assertThat(county.locator("main")).containsText("已找到");
        check(county, "life-04-lost-contact-found");
        county.navigate(county.url() + "?lang=en");
        assertThat(county.locator("h1")).hasText("Lost contact");
        assertThat(county.locator("main")).containsText("Lost contact: organise the search at once");
        check(county, "life-05-lost-contact-found-en");
    }

    @Test
    void theCountyRecordsADetentionThePoliceGiveTheirNoticeAndTheReleaseEndsIt() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("上官勇", Gender.MALE));

        Page county = browser.newPerson();
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId + "/supervision"));
        county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("矫正期间羁押"))
                .click();
        assertThat(county.locator("h1")).hasText("矫正期间羁押");
        check(county, "life-10-custody-empty");

        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记羁押"))
                .click();
        assertThat(county.locator("#detention-detainedAt-error")).containsText("请填写羁押开始的日期和时间");
        check(county, "life-11-custody-errors");

        county.getByLabel("行政拘留").check();
        county.getByLabel("羁押开始时间").fill(now());
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记羁押"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已登记羁押");
        assertThat(county.locator("main")).containsText("通报被拘留、强制隔离戒毒或采取刑事强制措施");
        assertThat(county.locator("main")).containsText("A市公安局城东区分局 应于");
        check(county, "life-12-custody-notice-owed");
        assertThat(cases.facts(caseId).orElseThrow().status()).isEqualTo(CaseStatus.IN_CUSTODY);

        Page police = browser.newPerson();
        login(police, "cd.police");
        police.navigate(browser.url("/cases/" + caseId + "/custody"));
        police.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发出通知（送达社区矫正机构，抄送人民检察院）"))
                .click();
        assertThat(police.getByRole(AriaRole.STATUS)).containsText("已发出通知");
        assertThat(police.locator("main")).containsText("已于");
        check(police, "life-13-custody-noticed-by-police");

        county.navigate(browser.url("/cases/" + caseId + "/custody"));
        county.onceDialog(dialog -> dialog.accept());
        county.getByLabel("释放时间").fill(now());
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记释放"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("继续执行社区矫正");
        assertThat(cases.facts(caseId).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        check(county, "life-14-custody-released");
        county.navigate(county.url() + "?lang=en");
        assertThat(county.locator("h1")).hasText("Custody during correction");
        check(county, "life-15-custody-released-en");
    }

    /** The application's present time to the second (after the case's registration) as the date-and-time field takes it. */
    private String now() {
        return LocalDateTime.now(clock.withZone(LegalTime.ZONE)).withNano(0).toString();
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    /** axe at the desktop width, then screenshots at 1440×900 and at a phone's 390×844. */
    static void check(Page page, String name) {
        page.setViewportSize(1440, 900);
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
        page.setViewportSize(390, 844);
        BrowserSupport.screenshot(page, name + "-phone");
        page.setViewportSize(1440, 900);
    }
}
