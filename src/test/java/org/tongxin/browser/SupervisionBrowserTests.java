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
 * The leave journey in Chromium: Dongmen's judicial-office officer opens the case's supervision section from the case
 * page, is told what is missing in an empty application, records a five-day leave and a home visit; the office head
 * finds the application in the leave approvals, refuses without a reason (told to give one) and approves; the approval
 * notice is offered. Every page passes axe; screenshots at 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionBrowserTests {

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
    void theOfficeRecordsALeaveAndAVisitAndItsHeadApprovesTheLeave() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("欧阳建", Gender.MALE));
        fixtures.assignDongmen(caseId);

        Page officer = browser.newPerson();
        login(officer, "cd.dm");
        officer.navigate(browser.url("/cases/" + caseId));
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("日常监管（外出请假）"))
                .click();
        assertThat(officer.locator("h1")).hasText("日常监管");
        check(officer, "80-supervision-case");

        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请"))
                .click();
        assertThat(officer.locator("#destination-error")).containsText("必填");
        check(officer, "81-supervision-leave-errors");

        officer.getByLabel("目的地").fill("广东省广州市越秀区");
        officer.getByLabel("事由").fill("探望住院的母亲");
        officer.locator("#departOn").fill(fixtures.today().plusDays(5).toString());
        officer.locator("#returnOn").fill(fixtures.today().plusDays(9).toString());
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请"))
                .click();
        assertThat(officer.getByRole(AriaRole.STATUS)).containsText("外出申请已登记");
        assertThat(officer.locator("main")).containsText("待审批");
        assertThat(officer.locator("main")).containsText("司法所（受委托）");
        check(officer, "82-supervision-leave-requested");

        officer.navigate(browser.url("/cases/" + caseId + "/supervision"));
        officer.getByLabel("方式").selectOption("HOME_VISIT");
        officer.getByLabel("情况").fill("入户走访，对象在家，家属反映情况良好");
        officer.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("登记").setExact(true))
                .click();
        assertThat(officer.getByRole(AriaRole.STATUS)).containsText("已登记");
        assertThat(officer.locator("#contacts ~ div").first()).containsText("核实活动情况");
        check(officer, "83-supervision-contact-recorded");

        Page head = browser.newPerson();
        login(head, "cd.dm.head");
        head.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^外出审批")))
                .click();
        assertThat(head.locator("h1")).hasText("外出审批");
        check(head, "84-leave-approvals");
        head.locator("main table a").first().click();
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("不予批准"))
                .click();
        assertThat(head.locator("#refuse-reason-error")).containsText("必填");
        check(head, "85-leave-refusal-needs-reason");
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("批准外出"))
                .click();
        assertThat(head.getByRole(AriaRole.STATUS)).containsText("已批准");
        assertThat(head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("外出审批通知书（PDF）")))
                .isVisible();
        check(head, "86-leave-approved");
        head.navigate(head.url() + "?lang=en");
        assertThat(head.locator("h1")).containsText("Leave");
        check(head, "87-leave-approved-en");
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
