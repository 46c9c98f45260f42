package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The policy models in Chromium: a county officer learns who owes what from the responsibility matrix, filtered to
 * their own organ, and opens a step; a city coordinator drafts a shorter deadline, sees the difference and
 * publishes it. Every page passes axe; screenshots go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PolicyModels policies;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    Page login(String username) {
        Page page = browser.newPerson();
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }

    static Locator row(Page page, String stepId) {
        // Step ids are not shown to users (only the law's words): the row carries its step as data.
        return page.locator("tr[data-step='" + stepId + "']");
    }

    @Test
    void aCountyOfficerFindsWhatTheirAgencyOwesAndOpensTheReceiptStep() {
        Page page = login("cd.county");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("政策模型"))
                .click();
        assertThat(page.locator("h1")).containsText("职责矩阵");
        assertThat(page.locator("h1")).containsText("A市");
        assertThat(row(page, "docs.receipt")).containsText("5 日");
        assertThat(row(page, "assess.complete")).containsText("10 个工作日（速裁 5）");
        assertThat(row(page, "revoke.arrest.decide")).containsText("48 小时");
        assertThat(page.locator("#setting-immediateAlertHours")).containsText("2 小时");
        assertThat(page.locator("#setting-leaveOfficeEntrusted")).containsText("是");
        assertThat(page.locator("#setting-leaveCountyMaxDays")).containsText("全国基线：《社区矫正法实施办法》第二十六条");
        check(page, "30-policy-matrix-county");

        page.getByLabel("机关", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("社区矫正机构"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示"))
                .click();
        assertThat(page.locator("caption").first()).containsText("共 50 个");
        assertThat(row(page, "assess.entrust")).hasCount(0);
        assertThat(row(page, "docs.receipt").locator(".organ-selected")).containsText("履行");
        check(page, "31-policy-matrix-county-agency");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("送达回执").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("送达回执");
        assertThat(page.locator(".policy-deadline")).hasText("5 日");
        assertThat(page.getByText("沿用上级").first()).isVisible();
        check(page, "32-policy-step-docs-receipt");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).hasText("Return the receipt (回执)");
        assertThat(page.locator(".policy-deadline")).hasText("5 days");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Responsibility matrix · City A"))
                .click();
        assertThat(row(page, "assess.complete")).containsText("10 working days (5 expedited)");
        check(page, "33-policy-matrix-en");
        page.navigate(browser.url("/policy/diff?from=CN&to=369900"));
        assertThat(page.locator("#change-plan\\.make")).containsText("1 month");
        check(page, "34-policy-diff-cn-city-a-en");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New draft")))
                .hasCount(0);
    }

    @Test
    void aCoordinatorDraftsAShorterReceiptDeadlineSeesTheDifferenceAndPublishesIt() {
        Page page = login("city.coord");
        page.onDialog(dialog -> dialog.accept());
        page.navigate(browser.url("/policy"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建草稿"))
                .click();
        assertThat(page.locator("h1")).hasText("草稿 v4 · A市");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已新建草稿 v4");
        assertThat(page.locator("#changes ~ div").first()).containsText("两个目录没有差别");
        check(page, "35-policy-draft-new");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("编辑 docs.receipt"))
                .click();
        assertThat(page.locator("h1")).hasText("编辑步骤 docs.receipt");
        page.getByLabel("期限数额").fill("400");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("保存").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("有错误");
        assertThat(page.locator("#deadlineAmount-error")).containsText("须在 0 到 365 之间");
        check(page, "36-policy-step-form-error");
        page.getByLabel("期限数额").fill("3");
        // A region's own deadline rests on its own rule, and the step's confidence follows its sources.
        page.getByLabel("法律依据").fill("IM 16 [R step, organ]; CITYA [P deadline]");
        page.getByLabel("可信度").selectOption("P");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("保存").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已保存步骤 docs.receipt");

        Locator change = page.locator("#change-docs\\.receipt");
        assertThat(change.locator("del").filter(new Locator.FilterOptions().setHasText("5 日")))
                .hasCount(1);
        assertThat(change.locator("ins").filter(new Locator.FilterOptions().setHasText("3 日")))
                .hasCount(1);
        page.getByLabel("司法所可批准的天数上限").fill("5");
        page.getByLabel("变更说明（中文）").fill("送达回执期限缩短为 3 日");
        page.getByLabel("变更说明（英文）").fill("The receipt is due within 3 days");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存设置"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("设置已保存");
        assertThat(page.locator("#setting-change-leaveOfficeMaxDays ins")).hasText("5 日");
        check(page, "37-policy-draft-diff");

        String tomorrow = LegalTime.today(clock).plusDays(1).toString();
        assertThat(page.getByLabel("施行日期")).hasValue(tomorrow);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("发布").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("A市：版本");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("版本 v4 已发布");
        assertThat(page.locator("tbody tr").first()).containsText("待施行");
        assertThat(page.locator("tbody tr").first()).containsText("送达回执期限缩短为 3 日");
        check(page, "38-policy-versions-published");

        assertThat(policies.inForce("369900", LegalTime.today(clock).plusDays(1))
                        .require("docs.receipt")
                        .deadline()
                        .amount())
                .isEqualTo(3);
        assertThat(policies.inForce("369900", LegalTime.today(clock))
                        .require("docs.receipt")
                        .deadline()
                        .amount())
                .isEqualTo(5);
        // The newest version's changes first (v2 and v3, the corrections, have their own).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看变更"))
                .first()
                .click();
        assertThat(page.locator("#change-docs\\.receipt ins").filter(new Locator.FilterOptions().setHasText("3 日")))
                .hasCount(1);
        assertThat(page.locator("#setting-change-leaveOfficeMaxDays ins")).hasText("5 日");
        check(page, "39-policy-diff-v3-v4");
    }
}
