package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * A joint meeting in Chromium: the city coordinator convenes it (refused once for missing fields), records the minutes
 * after it was held and a decision for the civil affairs bureau; the bureau's caseworker finds the decision in the
 * inbox with its due date (20 working days), reports it done, and the coordinator sees it done on the meeting page.
 * Every page passes axe; the screenshots stay in target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinationBrowserTests {

    /** Monday 20 October 2025, 09:00. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2025, 10, 20, 9, 0, 0, 0, LegalTime.ZONE);

    static final String TITLE = "失业社区矫正对象救助衔接联席会议";
    static final String DECISION = "为失业社区矫正对象办理最低生活保障审核";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
        clock.setInstant(MONDAY.toInstant());
    }

    @AfterAll
    void stopBrowser() {
        clock.reset();
        browser.close();
    }

    @Test
    void aCoordinatorConvenesRecordsADecisionAndTheNamedAgencyReportsItDone() {
        Page coordinator = browser.newPerson();
        Page civil = browser.newPerson();
        coordinator.onDialog(dialog -> dialog.accept());

        login(coordinator, "city.coord");
        nav(coordinator, "联席会议");
        assertThat(coordinator.locator("h1")).hasText("联席会议");
        check(coordinator, "70-meetings-coordinator");
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("召集联席会议"))
                .click();
        assertThat(coordinator.locator("h1")).hasText("召集联席会议");
        coordinator.getByLabel("会议名称").fill(TITLE);
        submit(coordinator, "召集会议并发送通知");
        assertThat(coordinator.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(coordinator.locator("#place-error")).containsText("请填写地点");
        assertThat(coordinator.locator("#attendees-error")).containsText("请写明参加的人员或单位");
        check(coordinator, "71-convene-errors");
        coordinator.getByLabel("会议时间").fill("2025-10-20T09:30");
        coordinator.getByLabel("会议地点").fill("A市司法局三楼会议室");
        coordinator.getByLabel("议题").fill("失业社区矫正对象的职业培训和最低生活保障衔接\n以往会议决定落实情况");
        coordinator.getByLabel("A市民政局").check();
        coordinator.getByLabel("A市人力资源和社会保障局").check();
        check(coordinator, "72-convene-filled");
        submit(coordinator, "召集会议并发送通知");
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("已召集会议");
        assertThat(coordinator.locator("h1")).hasText(TITLE);
        assertThat(coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("会议通知（PDF）")))
                .isVisible();
        String meetingUrl = coordinator.url();
        check(coordinator, "73-meeting-convened");

        // Held at 09:30; the minutes and the decision follow.
        clock.advance(Duration.ofHours(2));
        coordinator.getByLabel("会议纪要").fill("会议听取了城东区社区矫正管理局的情况介绍，民政、人社部门说明了各自的政策，议定由民政部门先行审核低保申请。");
        submit(coordinator, "记录纪要");
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("已记录会议纪要");
        coordinator.getByLabel("决定事项").fill(DECISION);
        coordinator
                .getByLabel("承办单位")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("A市民政局"));
        check(coordinator, "74-meeting-decision-form");
        submit(coordinator, "记录决定");
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("已记录会议决定");
        Locator row = coordinator.locator("tr[data-decision]").filter(new Locator.FilterOptions().setHasText(DECISION));
        assertThat(row).containsText("A市民政局");
        assertThat(row).containsText("2025年11月17日");
        assertThat(row).containsText("待履行");
        check(coordinator, "75-meeting-decision-recorded");
        coordinator.navigate(meetingUrl + "?lang=en");
        assertThat(coordinator.locator("h2#decisions")).hasText("Decisions");
        check(coordinator, "75-meeting-decision-recorded-en");
        coordinator.navigate(meetingUrl + "?lang=zh-CN");

        // The civil affairs caseworker: the decision is in the inbox, about the decision itself (no case).
        login(civil, "civil.worker");
        nav(civil, "待办");
        Locator line = civil.locator("table.tx-inbox tr[data-step='meeting.decision']")
                .filter(new Locator.FilterOptions().setHasText("2025年11月17日"));
        assertThat(line).hasCount(1);
        assertThat(line).containsText("A市社区矫正委员会办公室");
        check(civil, "76-inbox-civil-decision");
        line.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("联席会议决定（无具体案件）"))
                .click();
        assertThat(civil.locator("#decision-text")).hasText(DECISION);
        check(civil, "77-decision-civil");
        clock.advance(Duration.ofDays(2));
        civil.getByLabel("落实情况说明").fill("已受理该对象的最低生活保障申请，完成入户核查，审核结果已告知县级社区矫正机构。");
        submit(civil, "报告已落实");
        assertThat(civil.getByRole(AriaRole.STATUS)).containsText("已报告落实情况");
        assertThat(civil.locator("#decision-state")).containsText("已落实");
        check(civil, "78-decision-done-civil");
        nav(civil, "待办");
        assertThat(civil.locator("table.tx-inbox tr[data-step='meeting.decision']")
                        .filter(new Locator.FilterOptions().setHasText("2025年11月17日")))
                .hasCount(0);

        // The coordinator sees it done.
        coordinator.navigate(meetingUrl);
        assertThat(coordinator.locator("tr[data-decision]").filter(new Locator.FilterOptions().setHasText(DECISION)))
                .containsText("已落实");
        check(coordinator, "79-meeting-decision-done");
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    static void nav(Page page, String label) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + label)))
                .click();
    }

    static void submit(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
