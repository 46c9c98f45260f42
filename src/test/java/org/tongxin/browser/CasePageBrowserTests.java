package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
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
import org.tongxin.obligation.LedgerScans;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The case page as a task list, in Chromium (doc/adr/0040-the-case-page-as-a-task-list.md): Chengdong's county officer
 * opens a case of the demo's county whose steps ran late, sees the overdue step at the top of the page above the list
 * of steps, does it from its own page through the primary action, and comes back to the list with the step done. Each
 * page passes axe; screenshots at 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePageBrowserTests {

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
    MutableClock clock;

    @Autowired
    Clock appClock;

    @Autowired
    LedgerScans ledger;

    @Autowired
    EventQuiescence events;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        clock.reset();
        browser.close();
    }

    @Test
    void theCountyOfficerSeesTheOverdueStepFirstDoesItOnItsOwnPageAndFindsTheListUpdated() {
        // Set up what the journey needs: a case registered forty days ago whose team, plan and announcement are late.
        // The case is made forty days back and the clock then returns to now, so that the officer logs in at the time
        // of
        // day the browser lives in (with the clock forty days ahead, the login did not hold).
        clock.reset();
        clock.setInstant(appClock.instant().minus(Duration.ofDays(40)));
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, appClock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("岳任务", Gender.MALE));
        events.awaitAll(Duration.ofSeconds(30));
        clock.reset();
        ledger.scanNow();
        events.awaitAll(Duration.ofSeconds(30));

        Page county = browser.newPerson(1440, 900);
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId));
        assertThat(county.locator("h1")).containsText("岳任务");

        // The overdue state is at the top, above the one primary action and the list of steps.
        Locator overdue = county.locator("#case-overdue");
        assertThat(overdue).isVisible();
        assertThat(overdue).containsText("已逾期");
        Locator steps = county.locator("table.tx-tasks");
        assertThat(steps.locator("tbody tr").first()).hasAttribute("data-state", "OVERDUE");
        org.assertj.core.api.Assertions.assertThat(overdue.boundingBox().y)
                .as("the overdue alert above the steps")
                .isLessThan(steps.boundingBox().y);
        Locator primary = county.locator("#primary-action");
        assertThat(primary).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(primary.boundingBox().y)
                .as("the primary action above the steps")
                .isLessThan(steps.boundingBox().y);
        assertThat(county.locator("main .btn-primary")).hasCount(1);
        // No internal code on the page: the step's name, not its id; the law's words, not "CCL 25".
        assertThat(county.locator("main"))
                .not()
                .containsText(Pattern.compile("team\\.form|plan\\.make|intake\\.announce|CCL \\d"));
        assertThat(county.locator("main")).containsText("《社区矫正法》");
        check(county, "case-tasks-overdue-1440");

        // The primary action leads to the overdue step's own page, the step's due date and basis above its form.
        String task = primary.getAttribute("href").replaceAll(".*/tasks/", "");
        String step = switch (task) {
            case "team" -> "team.form";
            case "plan" -> "plan.make";
            case "announce" -> "intake.announce";
            default -> throw new AssertionError("an unexpected primary action: " + task);
        };
        assertThat(steps.locator("tr[data-step='" + step + "']")).hasAttribute("data-state", "OVERDUE");
        primary.click();
        assertThat(county).hasURL(Pattern.compile(".*/cases/" + caseId + "/tasks/" + task + "$"));
        assertThat(county.locator(".tx-task-step")).containsText("已逾期");
        check(county, "case-task-" + task + "-1440");

        // A refused form comes back on its page with its message, and nothing is saved.
        Locator form = county.locator("form.tx-action");
        form.getByRole(AriaRole.BUTTON).click();
        assertThat(county).hasURL(Pattern.compile(".*/cases/" + caseId + "/(tasks/)?" + task + "$"));
        assertThat(county.locator("#error-summary")).isVisible();
        assertThat(county.locator("h1")).hasAttribute("id", "task-title");
        check(county, "case-task-" + task + "-refused-1440");

        switch (task) {
            case "team" -> {
                county.getByLabel("成员 1：姓名").fill("岳所长");
                county.getByLabel("成员 1：身份").selectOption("OFFICE_STAFF");
                county.getByLabel("成员 1：性别").selectOption("MALE");
            }
            case "plan" -> county.getByLabel("矫正方案").fill("每月到司法所报告一次，参加教育学习和公益活动。");
            default -> {
                county.getByLabel("宣告地点").fill("城东区社区矫正管理局");
                county.getByLabel("参加人员").fill("矫正小组成员、家属");
            }
        }
        form.getByRole(AriaRole.BUTTON).click();

        // Back on the list: the step is done (late), and the next step is the primary action.
        assertThat(county).hasURL(Pattern.compile(".*/cases/" + caseId + "$"));
        assertThat(county.getByRole(AriaRole.STATUS)).isVisible();
        Locator done = county.locator("table.tx-tasks tr[data-step='" + step + "']");
        assertThat(done).hasAttribute("data-state", "DONE");
        assertThat(done).containsText("逾期办结");
        assertThat(county.locator("#primary-action"))
                .not()
                .hasAttribute("href", Pattern.compile(".*/tasks/" + task + "$"));
        check(county, "case-tasks-after-1440");

        county.navigate(browser.url("/cases/" + caseId + "?lang=en"));
        assertThat(county.locator("#tasks")).hasText("Steps of the case");
        assertThat(county.locator("main")).containsText("Community Correction Law");
        check(county, "case-tasks-after-en-1440");

        // At phone width the same page: the overdue state and the primary action first.
        Page phone = browser.newPerson(390, 844);
        login(phone, "cd.county");
        phone.navigate(browser.url("/cases/" + caseId));
        assertThat(phone.locator("#primary-action")).isInViewport();
        check(phone, "case-tasks-390");
        phone.locator("#primary-action").click();
        assertThat(phone.locator("h1")).hasAttribute("id", "task-title");
        check(phone, "case-task-390");
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
