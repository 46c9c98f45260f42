package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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
import org.tongxin.casefile.Gender;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * A change of the place of execution across two regions in Chromium (CCL art. 27): 城东区 (City A's model) records the
 * subject's application and consults 徐汇区 (Shanghai's model); Xuhui's officer, in a browser of their own, accepts;
 * 城东区 approves and hands the file over; Xuhui receipts it, becomes the executing agency, forwards the documents to its
 * procuratorate and police and records the subject's report. The consultation letter and the decision notice are there
 * as PDFs for both agencies; afterwards 城东区 reads the case and may no longer act on it. Every page passes axe;
 * screenshots at 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceChangeBrowserTests {

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
    void aSubjectMovesFromChengdongToXuhuiAcrossTwoRegions() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("司马迁居", Gender.MALE));
        String movePage = browser.url("/cases/" + caseId + "/place-change");

        Page chengdong = browser.newPerson();
        login(chengdong, "cd.county");
        chengdong.navigate(movePage);
        assertThat(chengdong.locator("h1")).hasText("变更执行地");
        chengdong
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请"))
                .click();
        assertThat(chengdong.locator("#newCountyAgencyId-error")).isVisible();
        check(chengdong, "move-01-errors");

        chengdong
                .getByLabel("新执行地社区矫正机构")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("徐汇区社区矫正管理局"));
        chengdong.getByLabel("拟迁居日期").fill(LegalTime.today(clock).plusMonths(1).toString());
        chengdong.getByLabel("申请理由").fill("随配偶工作调动迁居上海市徐汇区");
        chengdong
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请"))
                .click();
        assertThat(chengdong.getByRole(AriaRole.STATUS)).containsText("已登记变更执行地申请");
        assertThat(row(chengdong)).containsText("已申请，待征求意见");
        row(chengdong)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("征求新执行地意见").setExact(true))
                .click();
        assertThat(row(chengdong)).containsText("已征求新执行地意见，待回复");
        assertThat(row(chengdong)
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("征求意见函（PDF）")
                                        .setExact(true)))
                .isVisible();
        check(chengdong, "move-02-consulting");

        // Xuhui's officer, another region's agency, answers on the same page.
        Page xuhui = browser.newPerson();
        login(xuhui, "xh.county");
        xuhui.navigate(movePage);
        assertThat(row(xuhui)).containsText("已征求新执行地意见，待回复");
        row(xuhui)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("同意接收").setExact(true))
                .click();
        assertThat(xuhui.getByRole(AriaRole.STATUS)).containsText("已回复");

        chengdong.navigate(movePage);
        assertThat(row(chengdong)).containsText("新执行地同意接收，待决定");
        row(chengdong)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("同意变更").setExact(true))
                .click();
        assertThat(row(chengdong)).containsText("已同意变更，待移交档案");
        assertThat(row(chengdong)
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("变更执行地决定通知书（PDF）")
                                        .setExact(true)))
                .isVisible();
        row(chengdong)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("移交法律文书和档案材料").setExact(true))
                .click();
        assertThat(chengdong.getByRole(AriaRole.STATUS)).containsText("已移交法律文书和档案材料");

        xuhui.navigate(movePage);
        row(xuhui)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("签收档案材料").setExact(true))
                .click();
        assertThat(xuhui.getByRole(AriaRole.STATUS)).containsText("本机构现为执行地社区矫正机构");
        row(xuhui)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("转送当地检察院和公安机关").setExact(true))
                .click();
        assertThat(xuhui.getByRole(AriaRole.STATUS)).containsText("已转送法律文书");
        // As an officer types it, to the minute (the form's step): now.
        row(xuhui)
                .getByLabel("报到时间")
                .fill(LocalDateTime.now(clock.withZone(LegalTime.ZONE))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
        row(xuhui)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("登记报到").setExact(true))
                .click();
        assertThat(row(xuhui)).containsText("已到新执行地报到");
        assertThat(row(xuhui)
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("征求意见函（PDF）")
                                        .setExact(true)))
                .isVisible();
        check(xuhui, "move-03-reported-at-xuhui");

        assertThat(cases.facts(caseId).orElseThrow().policyRegion())
                .as("the case follows Shanghai's model")
                .isEqualTo("310000");
        assertThat(cases.facts(caseId).orElseThrow().countyAgencyId())
                .isEqualTo(agencies.findByCode("XH-CCA").orElseThrow().id());

        // Chengdong still reads what it produced and the case's state, and may start nothing new.
        chengdong.navigate(movePage);
        assertThat(row(chengdong)).containsText("已到新执行地报到");
        assertThat(chengdong.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请")))
                .hasCount(0);
        check(chengdong, "move-04-chengdong-afterwards");
    }

    /** The change's row in the page's table (this case has one). */
    static Locator row(Page page) {
        return page.locator("main table tbody tr").first();
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
