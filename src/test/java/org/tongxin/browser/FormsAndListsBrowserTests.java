package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
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
import org.tongxin.agency.AgencyType;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralViews;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews;
import org.tongxin.coordination.Conflicts;
import org.tongxin.coordination.MeetingViews;
import org.tongxin.coordination.Meetings;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.web.CaseSamples;

/**
 * The forms and lists of issue 13 in Chromium, at 1440 × 900 and at a phone's 390 × 844: a refused form shows the error
 * summary, focused, with links that reach their fields; the residence is picked district → township; rows are added one
 * by one; the receiving agencies follow the service chosen; lists become cards with their action on screen; the
 * navigation collapses on a phone and fits one row at 1440 in English; the holdups, scorecards and dashboard work. Every
 * page passes axe; screenshots of both widths go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsAndListsBrowserTests {

    static final int DESK = 1440;
    static final int PHONE = 390;

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
    Referrals referrals;

    @Autowired
    Conflicts conflicts;

    @Autowired
    Meetings meetings;

    @Autowired
    CaseSamples samples;

    @Autowired
    EventQuiescence events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    BrowserSupport browser;
    CaseId listed;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    /**
     * Something in every list: a case under correction in 城东区 (the county's inbox and cases), a referral it made, a
     * conflict it raised, a joint meeting convened, an assessment opinion copied to the procuratorate, and an obligation
     * of the county agency five days overdue on the coordinator's screen.
     */
    @BeforeAll
    void somethingInEveryList() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        listed = fixtures.underCorrection(fixtures.adult("林列表", Gender.MALE));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        AgencyId civilAffairs = agencies.findByCode("A-CIVIL")
                .or(() -> agencies.listActive().stream()
                        .filter(a -> a.type() == AgencyType.CIVIL_AFFAIRS_BUREAU)
                        .findFirst())
                .orElseThrow()
                .id();
        AgencyId court = agencies.findByCode("CD-COURT").orElseThrow().id();
        AgencyId county = agencies.findByCode("CD-CCA").orElseThrow().id();
        fixtures.as(
                "cd.county",
                () -> referrals.refer(
                        listed,
                        new ReferralViews.NewReferral(
                                AssistanceService.SUBSISTENCE_ALLOWANCE, civilAffairs, "对象失业半年，家庭无固定收入，请审核最低生活保障。")));
        fixtures.as(
                "cd.county",
                () -> conflicts.raise(new ConflictViews.NewConflict(
                        listed.value(),
                        ConflictType.COMMUNICATION,
                        List.of(court.value()),
                        "法院送达法律文书迟缓，影响按期接收登记。",
                        null,
                        List.of(),
                        List.of())));
        LocalDateTime nextWeek = LocalDateTime.ofInstant(clock.instant(), LegalTime.ZONE)
                .plusDays(7)
                .withHour(9)
                .withMinute(30);
        fixtures.as(
                "city.coord",
                () -> meetings.convene(new MeetingViews.NewMeeting(
                        "季度联席会议（列表检查）",
                        nextWeek,
                        "A市司法局三楼会议室",
                        List.of(county.value(), court.value()),
                        List.of(new MeetingViews.AgendaInput(
                                MeetingViews.AgendaKind.TOPIC, "矫正对象就业帮扶衔接", null, null)))));
        samples.assessedCase();
        Instant due = clock.instant().minus(Duration.ofDays(5));
        ObligationId late = ObligationId.of(UUID.randomUUID());
        publish(new ObligationEvents.ObligationOpened(
                UUID.randomUUID(),
                late,
                listed,
                "plan.make",
                "制定矫正方案",
                "Make the correction plan",
                county,
                due,
                due.minus(Duration.ofDays(20)),
                ActorRef.SYSTEM));
        publish(new ObligationEvents.ObligationOverdue(
                UUID.randomUUID(),
                late,
                listed,
                "plan.make",
                "制定矫正方案",
                "Make the correction plan",
                county,
                due,
                due.plus(Duration.ofMinutes(1)),
                ActorRef.SYSTEM));
    }

    void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> publisher.publishEvent(event));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    Page person(String username, int width) {
        Page page = browser.newPerson(width, width == PHONE ? 844 : 900);
        page.onDialog(dialog -> dialog.accept());
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

    static String activeId(Page page) {
        return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    @Test
    void aRefusedFormIsSummarisedAtTheTopAndEachLinkReachesItsField() {
        for (int width : List.of(DESK, PHONE)) {
            Page clerk = person("cd.court.clerk", width);
            clerk.navigate(browser.url("/cases/new"));
            clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("委托并送达委托函"))
                    .click();
            Locator summary = clerk.locator("#error-summary");
            assertThat(summary).isVisible();
            assertThat(summary.locator("h2")).hasText("有错误");
            assertThat(summary).containsText("请输入矫正对象的姓名");
            assertThat(clerk).hasTitle(Pattern.compile("^错误："));
            assertThat(activeId(clerk)).as("the summary takes the focus").isEqualTo("error-summary");
            check(clerk, "90-refused-form-summary-" + width);
            summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("请输入矫正对象的姓名"))
                    .click();
            assertThat(activeId(clerk))
                    .as("a link moves the focus to its field")
                    .isEqualTo("subject.name");
            assertThat(clerk.locator("#subject\\.name")).hasAttribute("aria-describedby", "subject.name-error");
            assertThat(clerk.locator("#subject\\.name-error")).containsText("请输入矫正对象的姓名");
        }
        Page english = person("cd.court.clerk", DESK);
        english.navigate(browser.url("/cases/new/decided?lang=en"));
        english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision"))
                .click();
        assertThat(english.locator("#error-summary h2")).hasText("There is a problem");
        assertThat(english).hasTitle(Pattern.compile("^Error: "));
        assertThat(english.locator("#error-summary")).containsText("Choose the kind of community correction");
        check(english, "91-refused-form-summary-en-1440");
    }

    @Test
    void theCourtPicksTheResidenceAndAddsMaterialsRowByRow() {
        Page clerk = person("cd.court.clerk", DESK);
        clerk.navigate(browser.url("/cases/new"));
        Locator township = clerk.locator("select[name='subject.residenceDivision']");
        // With script, the township list waits for a district; choosing one loads its townships (htmx).
        assertThat(township.locator("option")).hasCount(1);
        clerk.getByLabel("区（县）").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("城东区"));
        assertThat(township.locator("option", new Locator.LocatorOptions().setHasText("东门街道")))
                .hasCount(1);
        township.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东门街道"));
        String chosen = township.inputValue();
        assertThat(chosen).matches("369902\\d{3}");

        Locator rows = clerk.locator("[data-rows='materials'] > [data-row]:visible");
        assertThat(rows).hasCount(2);
        Locator add = clerk.locator("[data-rows='materials'] [data-add-row]");
        add.click();
        assertThat(rows).hasCount(3);
        add.click();
        assertThat(rows).hasCount(4);
        assertThat(clerk.locator("select[name='materials[3].code']")).isFocused();
        assertThat(clerk.getByText("材料 4：种类")).hasCount(1);
        clerk.locator("select[name='materials[3].code']").selectOption("OTHER");
        clerk.locator("input[name='materials[3].title']").fill("补充说明材料");

        LocalDate birth = LocalDate.of(1991, 6, 12);
        clerk.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill("柳青禾");
        clerk.getByLabel("性别").selectOption("MALE");
        clerk.getByLabel("出生日期").fill(birth.toString());
        clerk.getByLabel("证件号码").fill(IdentityNumbers.compose("369902", birth, 71, Gender.MALE));
        clerk.getByLabel("罪名类别").selectOption("THEFT");
        clerk.getByLabel("罪名", new Page.GetByLabelOptions().setExact(true)).selectOption(new String[] {"盗窃罪", "抢夺罪"});
        clerk.getByLabel("犯罪日期").fill("2025-03-01");
        check(clerk, "92-entrustment-form-picker-rows-1440");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("委托并送达委托函"))
                .click();
        assertThat(clerk).hasURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        assertThat(clerk.getByRole(AriaRole.STATUS).first()).isVisible();
        assertThat(clerk.locator("body")).containsText("补充说明材料");
    }

    @Test
    void theReceivingAgenciesFollowTheServiceChosen() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("苏晓岚", Gender.FEMALE));
        for (int width : List.of(DESK, PHONE)) {
            Page county = person("cd.county", width);
            county.navigate(browser.url("/cases/" + caseId + "/referrals"));
            Locator receivers = county.locator("#toAgencyId option:not([value=''])");
            int all = receivers.count();
            county.getByLabel("帮扶事项").selectOption("SUBSISTENCE_ALLOWANCE");
            int civilAffairs = receivers.count();
            assertThat(civilAffairs).isBetween(1, all - 1);
            for (int i = 0; i < civilAffairs; i++) {
                assertThat(receivers.nth(i)).hasAttribute("data-filter-key", "CIVIL_AFFAIRS_BUREAU");
            }
            check(county, "93-referral-form-filtered-" + width);
        }
    }

    @Test
    void listsAreCardsOnAPhoneWithTheirActionOnScreen() {
        record ListPage(String user, String path, String name) {}
        List<ListPage> lists = List.of(
                new ListPage("cd.county", "/inbox", "inbox"),
                new ListPage("cd.county", "/cases", "cases"),
                new ListPage("cd.county", "/referrals?direction=outgoing", "referrals"),
                new ListPage("cd.proc", "/copies", "copies"),
                new ListPage("city.coord", "/conflicts", "conflicts"),
                new ListPage("city.coord", "/meetings", "meetings"),
                new ListPage("cd.county.head", "/statistics/holdups", "holdups"));
        for (ListPage list : lists) {
            for (int width : List.of(DESK, PHONE)) {
                Page page = person(list.user(), width);
                page.navigate(browser.url(list.path()));
                Locator first = page.locator("table.tx-cards > tbody > tr").first();
                assertThat(first).isVisible();
                if (width == PHONE) {
                    Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
                    assertThat(scroll.intValue())
                            .as("%s does not scroll sideways", list.name())
                            .isLessThanOrEqualTo(PHONE);
                    Locator action = first.locator("a, button").first();
                    BoundingBox box = action.boundingBox();
                    assertThat(box.x + box.width)
                            .as("%s: the row's action is on screen", list.name())
                            .isLessThanOrEqualTo(PHONE);
                    assertThat(first.locator("td").first()).hasAttribute("data-label", Pattern.compile(".+"));
                }
                check(page, "94-list-" + list.name() + "-" + width);
            }
        }
    }

    @Test
    void theNavigationCollapsesOnAPhoneAndFitsOneRowInEnglishAtDeskWidth() {
        Page phone = person("city.coord", PHONE);
        Locator toggler = phone.locator(".navbar-toggler");
        assertThat(toggler).isVisible();
        Locator inbox = phone.locator("#mainNav")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^待办")));
        assertThat(inbox).not().isVisible();
        toggler.click();
        assertThat(inbox).isVisible();
        check(phone, "95-navigation-open-390");

        Page desk = person("city.coord", DESK);
        desk.navigate(browser.url("/statistics/holdups?lang=en"));
        Locator items = desk.locator(".tx-navbar .navbar-nav > .nav-item");
        double top = items.first().boundingBox().y;
        for (int i = 0; i < items.count(); i++) {
            assertThat(items.nth(i).boundingBox().y)
                    .as("entry %d on the first row", i)
                    .isEqualTo(top);
        }
        assertThat(desk.locator(".tx-navbar").boundingBox().height)
                .as("one row")
                .isLessThan(80);
        check(desk, "96-header-en-1440");
    }

    @Test
    void theCoordinatorRanksHoldupsSortsScorecardsAndReadsLongNamesOnBars() {
        for (int width : List.of(DESK, PHONE)) {
            Page coord = person("cd.county.head", width);
            coord.navigate(browser.url("/statistics/holdups"));
            Locator ranking = coord.locator("table[data-table='ranking'] tbody tr");
            assertThat(ranking.first()).isVisible();
            ranking.first().getByRole(AriaRole.LINK).click();
            assertThat(coord).hasURL(Pattern.compile(".*#agency-[0-9a-f-]{36}$"));
            Locator days = coord.locator("article.tx-holdup-agency")
                    .first()
                    .locator("table")
                    .first()
                    .locator("tbody tr td:nth-child(4)");
            for (int i = 1; i < days.count(); i++) {
                assertThat(Integer.parseInt(days.nth(i - 1).innerText().trim()))
                        .as("sorted by days overdue")
                        .isGreaterThanOrEqualTo(
                                Integer.parseInt(days.nth(i).innerText().trim()));
            }
            check(coord, "97-holdups-ranked-" + width);

            coord.navigate(browser.url("/statistics/scorecards"));
            Locator rate = coord.locator("table[data-sortable] thead th").nth(3).getByRole(AriaRole.BUTTON);
            rate.click();
            assertThat(coord.locator("table[data-sortable] thead th").nth(3)).hasAttribute("aria-sort", "descending");
            Locator rates = coord.locator("table[data-sortable] tbody td[data-figure='rate']");
            double previous = Double.MAX_VALUE;
            for (int i = 0; i < rates.count(); i++) {
                String value = rates.nth(i).getAttribute("data-value");
                if (value == null || value.isBlank()) {
                    continue;
                }
                assertThat(Double.parseDouble(value)).isLessThanOrEqualTo(previous);
                previous = Double.parseDouble(value);
            }
            assertThat(rates.first()).containsText("%");
            assertThat(coord.locator(".tx-rate-word").first()).isVisible();
            check(coord, "98-scorecards-sorted-" + width);

            coord.navigate(browser.url("/statistics"));
            Locator overdue = coord.locator(".tx-chart[aria-labelledby='overdue-title']");
            assertThat(overdue).hasAttribute("data-rendered", "true");
            assertThat(overdue.getAttribute("data-chart"))
                    .as("bars across, long names readable")
                    .contains("\"horizontal\":true");
            check(coord, "99-dashboard-" + width);
        }
    }
}
