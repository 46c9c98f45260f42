package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.CoordinationEvents;
import org.tongxin.exchange.HandoverEvents;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The city dashboard in Chromium: its charts draw (ECharts' SVG in every chart) without a console error, a click on a
 * district narrows it, and the coordinator's holdups screen, the scorecards and the monthly report render. Every page
 * passes axe; screenshots go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventQuiescence events;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LegalTime.ZONE).toInstant();
    }

    void publish(Object... published) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (Object e : published) {
                publisher.publishEvent(e);
            }
        });
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
    }

    /** Some months of 2023 in City A: cases in two districts, an overdue obligation, a rejected handover, a conflict. */
    void cityInMidYear() {
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        clock.setInstant(at("2023-04-12T10:00"));
        CaseId someCase = fixtures.underCorrection(fixtures.adult("秦看板", Gender.MALE));
        fixtures.underCorrection(fixtures.adult("尤看板", Gender.FEMALE));
        // A conflict brought the case to the coordination office: its lines are the coordinator's to open (others are
        // counted).
        caseManagement.grant(
                someCase,
                agencies.findByCode("A-COORD").orElseThrow().id(),
                org.tongxin.identity.Participation.COORDINATION);
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        AgencyId office = agencies.findByCode("CD-SO-DM").orElseThrow().id();
        AgencyId county = agencies.findByCode("CD-CCA").orElseThrow().id();
        AgencyId court = agencies.findByCode("CD-COURT").orElseThrow().id();
        List<Object> batch = new ArrayList<>();
        ObligationId late = ObligationId.of(UUID.randomUUID());
        batch.add(new ObligationEvents.ObligationOpened(
                UUID.randomUUID(),
                late,
                someCase,
                "test.step",
                "测试环节",
                "Test step",
                office,
                at("2023-05-10T17:00"),
                at("2023-05-02T09:00"),
                ActorRef.SYSTEM));
        batch.add(new HandoverEvents.HandoverRejected(
                UUID.randomUUID(),
                HandoverId.of(UUID.randomUUID()),
                someCase,
                HandoverKind.EXECUTION_NOTICE,
                "test.step",
                1,
                court,
                county,
                2,
                java.util.Set.of(),
                at("2023-05-08T10:00"),
                ActorRef.SYSTEM));
        batch.add(new CoordinationEvents.ConflictRaised(
                UUID.randomUUID(),
                ConflictId.of(UUID.randomUUID()),
                someCase,
                ConflictType.COMMUNICATION,
                county,
                List.of(county, court),
                "docs.receipt",
                at("2023-05-09T10:00"),
                ActorRef.SYSTEM));
        publish(batch.toArray());
        publish(new ObligationEvents.ObligationOverdue(
                UUID.randomUUID(),
                late,
                someCase,
                "test.step",
                "测试环节",
                "Test step",
                office,
                at("2023-05-10T17:00"),
                at("2023-05-10T17:01"),
                ActorRef.SYSTEM));
        clock.setInstant(at("2023-06-15T10:00"));
    }

    Page login(String username, List<String> errors) {
        Page page = browser.newPerson();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
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

    static void chartsDrawn(Page page) {
        Locator charts = page.locator(".tx-chart");
        int count = charts.count();
        assertThat(count).isPositive();
        for (int i = 0; i < count; i++) {
            assertThat(charts.nth(i).locator("svg")).hasCount(1);
            assertThat(charts.nth(i))
                    .hasAttribute(
                            "data-rendered",
                            "true",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                    .setTimeout(15000));
        }
    }

    @Test
    void theCoordinatorSeesTheCityDrawnAndDrillsIntoADistrict() {
        cityInMidYear();
        List<String> errors = new ArrayList<>();
        Page page = login("city.coord", errors);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("统计"))
                .click();
        assertThat(page.locator("h1")).containsText("A市");
        chartsDrawn(page);
        assertThat(page.locator("[data-kpi=overdue]")).not().hasText("0");
        assertThat(page.locator("[data-kpi=conflicts]")).not().hasText("0");
        check(page, "60-statistics-dashboard-city");

        page.locator("details:has([data-table=active]) summary").click();
        page.locator("[data-table=active] a", new Page.LocatorOptions().setHasText("城东区"))
                .first()
                .click();
        assertThat(page.locator("h1")).containsText("城东区");
        chartsDrawn(page);
        check(page, "61-statistics-dashboard-chengdong");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("卡点一览"))
                .click();
        // The overdue step of 东门街道司法所 (the ledger's own scan may add the intake steps that fell due meanwhile).
        Locator line = page.locator("[data-obligation]", new Page.LocatorOptions().setHasText("测试环节"));
        assertThat(line).hasCount(1);
        assertThat(line).containsText("2023年5月10日");
        assertThat(page.locator("[data-table=ranking]")).containsText("东门街道司法所");
        check(page, "62-statistics-holdups");

        page.navigate(browser.url("/statistics/scorecards?from=2023-01&to=2023-06&lang=en"));
        assertThat(page.locator("h1")).containsText("scorecards");
        chartsDrawn(page);
        check(page, "63-statistics-scorecards-en");

        page.navigate(browser.url("/statistics/monthly?month=2023-04&lang=zh-CN"));
        assertThat(page.locator("[data-table=subjects]")).containsText("缓刑");
        check(page, "64-statistics-monthly-report");
        assertThat(errors).as("console errors").isEmpty();
    }
}
