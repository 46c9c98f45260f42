package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;

/**
 * The inbox that tells "to do" from "waiting for others" (ADR 0039) in Chromium at 1440 × 900 and 390 × 844: the county agency's documents it returned wait for the court's correction (named, in words), its
 * registration of a subject who reported before the documents is "not started", and neither is counted overdue; the
 * lines carry the subject's name and the step's name, never a step id; on a phone the list is cards with the action on
 * screen. Every page passes axe; screenshots go to target/screenshots. (The demo caseload's lines waiting for the court are
 * checked in CityACaseloadIntegrationTests: browser tests run without the replayed caseload.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTests {

    static final int DESK = 1440;
    static final int PHONE = 390;
    static final String SUBJECT = "韩待补";

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

    @Autowired
    Intake intake;

    @Autowired
    Handovers handovers;

    @Autowired
    EventQuiescence events;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    /** A case of 城东区 whose subject reported in and whose documents the county agency returned: the court must correct them. */
    @BeforeAll
    void documentsReturnedToTheCourt() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.decided(fixtures.adult(SUBJECT, Gender.MALE));
        settle();
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> management.recordArrival(id, version, false, null));
        settle();
        HandoverId bundle = fixtures.as(
                "cd.court.clerk",
                () -> intake.deliverDocuments(
                        id,
                        new Delivery(
                                List.of(
                                        new NewItem(ItemCode.DECISION_DOCUMENT, "刑事判决书", null),
                                        new NewItem(ItemCode.EXECUTION_NOTICE, null, null)),
                                null)));
        settle();
        int handoverVersion = handovers.find(bundle).orElseThrow().version();
        fixtures.as(
                "cd.county",
                () -> handovers.reject(
                        bundle,
                        handoverVersion,
                        List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, null)),
                        "请补送保证书"));
        settle();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theCountyAgencySeesWhatItCanDoApartFromWhatWaitsForTheCourtAtBothWidths() {
        for (int width : List.of(DESK, PHONE)) {
            Page page = person("cd.county", width);
            page.navigate(browser.url("/inbox"));
            assertThat(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^可办理"))))
                    .hasAttribute("aria-current", "page");
            assertThat(page.locator("table.tx-inbox tr", new Page.LocatorOptions().setHasText(SUBJECT)))
                    .hasCount(0);
            assertThat(page.locator("table.tx-inbox code")).hasCount(0);
            check(page, "60-inbox-todo-" + width);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^等待他方")))
                    .click();
            Locator receipt = line(page, "docs.receipt");
            assertThat(receipt).containsText("等待城东区人民法院补正法律文书");
            assertThat(receipt).containsText("送达回执");
            assertThat(receipt).not().containsText("docs.receipt");
            Locator register = line(page, "intake.register");
            assertThat(register).containsText("尚未开始");
            assertThat(register).containsText("等待城东区人民法院补正法律文书");
            assertThat(register).not().containsText("已逾期");
            assertThat(register.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SUBJECT)))
                    .isVisible();
            if (width == PHONE) {
                Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(scroll.intValue())
                        .as("the inbox does not scroll sideways")
                        .isLessThanOrEqualTo(PHONE);
                assertThat(register.getByRole(AriaRole.BUTTON))
                        .isInViewport(); // the card's action on screen once scrolled to
            }
            check(page, "61-inbox-waiting-" + width);

            page.navigate(browser.url("/inbox?show=waiting&lang=en"));
            assertThat(line(page, "docs.receipt"))
                    .containsText("Waiting for Chengdong District People's Court to correct the documents");
            assertThat(line(page, "intake.register")).containsText("Not started");
            check(page, "62-inbox-waiting-en-" + width);
            page.close();
        }
    }

    private Locator line(Page page, String step) {
        Locator line = page.locator(
                "table.tx-inbox tr[data-step='" + step + "']", new Page.LocatorOptions().setHasText(SUBJECT));
        line.scrollIntoViewIfNeeded();
        return line;
    }

    private Page person(String username, int width) {
        Page page = browser.newPerson(width, width == PHONE ? 844 : 900);
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
        return page;
    }

    private void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
