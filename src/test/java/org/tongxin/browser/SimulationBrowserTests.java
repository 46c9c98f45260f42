package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * The coordinator's question in Chromium: from the what-if page, a run with the receipt in 3 days and two more officers
 * in 白河县 starts, shows its progress, and ends in charts (ECharts' SVG drawn) and the table of differences, with no
 * console error; every page passes axe; screenshots go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationBrowserTests {

    @LocalServerPort
    int port;

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
    void theCoordinatorAsksWhatIfAndSeesTheAnswerDrawn() {
        List<String> errors = new ArrayList<>();
        Page page = browser.newPerson();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill("city.coord");
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("推演"))
                .click();
        assertThat(page.locator("h1")).hasText("政策推演");
        StatisticsBrowserTests.check(page, "simulation-form");
        assertThat(page.getByLabel("改动期限的程序步骤")).hasValue("docs.receipt");
        page.getByLabel("新期限（按该步骤的计算单位）").fill("3");
        page.getByLabel("白河县增减人数").fill("2");
        page.getByLabel("名称", new Page.GetByLabelOptions().setExact(true)).fill("回执 3 日，白河县增加 2 人（浏览器）");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始推演"))
                .click();
        assertThat(page.locator("h1")).hasText("回执 3 日，白河县增加 2 人（浏览器）");

        // The progress fragment polls until the run has finished, then links to the results.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看结果"))
                .click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(60000));
        StatisticsBrowserTests.chartsDrawn(page);
        assertThat(page.locator("[data-table=differences]")).containsText("白河县社区矫正管理局");
        assertThat(page.locator("dl")).containsText("回执：3 日");
        StatisticsBrowserTests.check(page, "simulation-run");
        assertThat(errors).isEmpty();
    }
}
