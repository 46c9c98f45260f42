package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The whole intake in Chromium, as the "done when" says: the court clerk, the county officer, the
 * judicial-office officer, the prosecutor and the police officer of the City A demo carry a new case from the
 * entrustment of the assessment to the entry announcement, taking turns in two browser windows (the court's side
 * and the county's side). Each finds what they owe in their inbox with its legal due date (the 2025 National Day
 * holiday lies inside every period), the procuratorate sees every copy it is owed, every page passes axe, and the
 * screenshots stay in target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeBrowserTests {

    /** Friday 26 September 2025, 10:00: a week before the National Day holiday (1–8 October). */
    static final ZonedDateTime FRIDAY_BEFORE_NATIONAL_DAY = ZonedDateTime.of(2025, 9, 26, 10, 0, 0, 0, LegalTime.ZONE);

    static final String CASE_NUMBER = "（2025）城东刑初902号";
    static final String SUBJECT = "孙志远";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
        clock.setInstant(FRIDAY_BEFORE_NATIONAL_DAY.toInstant());
    }

    @AfterAll
    void stopBrowser() {
        clock.reset();
        browser.close();
    }

    @Test
    void fiveAgenciesCarryACaseFromTheEntrustmentToTheEntryAnnouncement() {
        Page court = browser.newPerson();
        Page county = browser.newPerson();
        court.onDialog(dialog -> dialog.accept());

        // A court with no cases yet (the other browser tests make cases for 城东区's court): the empty list.
        Page quiet = browser.newPerson();
        login(quiet, "bh.court.clerk");
        nav(quiet, "案件");
        assertThat(quiet.locator("h1")).hasText("案件");
        assertThat(quiet.locator(".empty-state")).containsText("本机构还没有参与任何案件");
        check(quiet, "40-cases-empty-court");

        // The court clerk: the entrustment form, refused once by its fields, then sent.
        login(court, "cd.court.clerk");
        nav(court, "案件");
        assertThat(court.locator("h1")).hasText("案件");
        court.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建案件"))
                .click();
        assertThat(court.locator("h1")).hasText("委托调查评估");
        String idNumber = IdentityNumbers.compose("369902", LocalDate.of(1990, 3, 12), 18, Gender.MALE);
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0");
        court.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill(SUBJECT);
        court.getByLabel("证件号码").fill(wrongCheck);
        court.getByLabel("出生日期").fill("1990-03-12");
        submit(court, "委托并送达委托函");
        assertThat(court.getByRole(AriaRole.ALERT)).containsText("有错误");
        assertThat(court.locator("#subject\\.idNumber-error")).containsText("校验位");
        assertThat(court.locator("#subject\\.gender-error")).containsText("请选择性别");
        assertThat(court.locator("#offence\\.category-error")).containsText("请选择罪名类别");
        assertThat(court.locator("#offence\\.charges-error")).containsText("请选择至少一个罪名");
        check(court, "41-new-case-errors-zh");

        court.navigate(browser.url("/cases/new?lang=en"));
        assertThat(court.locator("h1")).hasText("Entrust an investigation assessment");
        check(court, "41-new-case-en");
        court.navigate(browser.url("/cases/new?lang=zh-CN"));
        court.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill(SUBJECT);
        court.getByLabel("出生日期").fill("1990-03-12");
        court.getByLabel("性别").selectOption("MALE");
        court.getByLabel("证件号码").fill(idNumber);
        court.getByLabel("联系电话（选填）", new Page.GetByLabelOptions().setExact(true))
                .fill("13800001111");
        court.getByLabel("区（县）").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("城东区"));
        court.locator("select[name='subject.residenceDivision']").selectOption("369902001");
        court.getByLabel("详细住址").fill("城东区东门街道和平路 18 号");
        court.getByLabel("罪名类别").selectOption("DANGEROUS_DRIVING");
        // The charges: typing narrows the long list to the names that hold the words typed.
        court.getByLabel("搜索罪名，如：盗窃").fill("危险驾驶");
        assertThat(court.locator("select[name='offence.charges'] option:not([hidden])"))
                .hasCount(1);
        court.getByLabel("罪名", new Page.GetByLabelOptions().setExact(true)).selectOption("危险驾驶罪");
        court.getByLabel("犯罪日期").fill("2025-06-01");
        court.getByLabel("犯罪事实摘要").fill("醉酒驾驶机动车，血液酒精含量 180mg/100ml。");
        court.getByLabel("案号").fill(CASE_NUMBER);
        court.getByLabel("联系人").fill("王书记员");
        court.getByLabel("材料 1：名称").fill("起诉书副本");
        check(court, "42-new-case-filled");
        submit(court, "委托并送达委托函");
        assertThat(court.getByRole(AriaRole.STATUS)).containsText("已委托调查评估");
        assertThat(court.locator("h1")).containsText(CASE_NUMBER);
        assertThat(obligation(court, "assess.complete")).containsText("2025年10月16日");
        assertThat(obligation(court, "assess.complete")).containsText("城东区社区矫正管理局");
        String caseUrl = court.url();
        check(court, "43-case-entrusted-court");

        // The county officer finds the assessment in the inbox: 10 working days across the holiday.
        login(county, "cd.county");
        // Other browser tests leave work in 城东区's inbox too: the badge counts at least this assessment.
        assertThat(navLink(county, "待办")).containsText(java.util.regex.Pattern.compile("待办事项数：[1-9]\\d*"));
        nav(county, "待办");
        assertThat(inboxRow(county, "assess.complete")).containsText("2025年10月16日");
        assertThat(inboxRow(county, "assess.complete")).containsText(CASE_NUMBER);
        assertThat(inboxRow(county, "assess.complete")).containsText("城东区人民法院");
        check(county, "44-inbox-county-assessment");
        inboxRow(county, "assess.complete")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SUBJECT))
                .click();
        // The case page is a task list: the assessment is the county's step, and its primary action.
        assertThat(county.locator("#primary-action")).hasText("提交调查评估意见");
        handover(county, "调查评估委托");
        form(county, "回执：调查评估委托")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("回执"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已回执");
        clock.advance(Duration.ofDays(3));
        county.navigate(caseUrl);
        county.locator("#primary-action").click();
        assertThat(county.locator("h1")).hasText("提交调查评估意见");
        Locator opinion = form(county, "提交调查评估意见");
        opinion.getByLabel("调查情况").fill("走访社区、家属及单位，表现良好，居所固定。");
        opinion.getByLabel("适用社区矫正", new Locator.GetByLabelOptions().setExact(true))
                .check();
        opinion.getByLabel("理由").fill("符合社区矫正条件");
        opinion.getByLabel("联系人").fill("李矫正官");
        check(county, "45-case-opinion-form-county");
        opinion.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交意见"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("调查评估意见已提交");
        assertThat(obligation(county, "assess.complete")).containsText("按时办结");

        // The court decides probation effective Monday 29 September: notice and delivery run 5 and 10 days.
        clock.advance(Duration.ofHours(1));
        court.navigate(caseUrl);
        handover(court, "调查评估意见");
        form(court, "回执：调查评估意见")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("回执"))
                .click();
        assertThat(court.getByRole(AriaRole.STATUS)).containsText("已回执");
        court.navigate(caseUrl);
        assertThat(court.locator("#primary-action")).hasText("作出社区矫正决定");
        court.locator("#primary-action").click();
        Locator decide = form(court, "作出社区矫正决定");
        decide.getByLabel("矫正类别").selectOption("PROBATION");
        decide.getByLabel("判决（裁定、决定）日期").fill("2025-09-26");
        decide.getByLabel("生效日期").fill("2025-09-29");
        decide.getByLabel("矫正期限起始日").fill("2025-09-29");
        decide.getByLabel("矫正期限届满日").fill("2026-09-28");
        decide.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记决定"))
                .click();
        assertThat(court.getByRole(AriaRole.STATUS)).containsText("已登记社区矫正决定");
        // 29 Sep + 5 days = 4 Oct, a holiday: the period ends on the first working day after it.
        assertThat(obligation(court, "docs.notify")).containsText("2025年10月9日");
        assertThat(obligation(court, "docs.deliver")).containsText("2025年10月9日");
        nav(court, "待办");
        assertThat(inboxRow(court, "docs.notify")).containsText("2025年10月9日");
        assertThat(inboxRow(court, "docs.deliver")).containsText("2025年10月9日");
        check(court, "46-inbox-court-notify-deliver");
        court.navigate(browser.url("/inbox?lang=en"));
        assertThat(inboxRow(court, "docs.deliver")).containsText("2025-10-09");
        assertThat(inboxRow(court, "docs.deliver")).containsText("Due soon");
        check(court, "46-inbox-court-notify-deliver-en");
        court.navigate(browser.url("/inbox?lang=zh-CN"));
        inboxRow(court, "docs.deliver")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SUBJECT))
                .click();
        clock.advance(Duration.ofHours(1));
        task(court, "deliver");
        Locator deliver = form(court, "送达法律文书");
        deliver.getByLabel("第 1 份的名称").fill(CASE_NUMBER + "刑事判决书");
        // The form lists the documents a delivery holds (IM art. 16); the court has no guarantee to send yet.
        assertThat(deliver.getByLabel("第 3 份的种类")).hasValue("GUARANTEE");
        deliver.getByLabel("第 3 份的种类").selectOption("");
        deliver.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("送达并抄送"))
                .click();
        assertThat(court.getByRole(AriaRole.STATUS)).containsText("法律文书已送达");
        assertThat(obligation(court, "docs.deliver")).containsText("按时办结");
        assertThat(obligation(court, "docs.notify")).containsText("按时办结");

        // The county: the receipt is due, the subject's reporting in is watched; the guarantee is missing.
        county.navigate(browser.url("/inbox"));
        assertThat(inboxRow(county, "docs.receipt")).containsText("2025年10月9日");
        assertThat(inboxRow(county, "report.self")).hasCount(0); // the subject's step is not the county's to do
        check(county, "47-inbox-county-receipt");
        county.navigate(browser.url("/inbox?show=waiting"));
        assertThat(inboxRow(county, "report.self")).containsText("2025年10月9日");
        assertThat(inboxRow(county, "report.self")).containsText("等待社区矫正对象报到");
        check(county, "47-inbox-county-report-waiting");
        clock.advance(Duration.ofHours(1));
        county.navigate(caseUrl);
        handover(county, "法律文书送达");
        Locator reject = form(county, "退回补正：法律文书送达");
        reject.getByLabel("问题 1", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("MISSING:GUARANTEE");
        reject.getByLabel("问题 1 的说明").fill("缺接受社区矫正保证书");
        reject.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("退回补正"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已退回");
        county.navigate(caseUrl);
        assertThat(obligation(county, "docs.receipt")).containsText("暂停计时");
        check(county, "48-case-rejected-county");
        county.navigate(browser.url("/inbox?show=waiting"));
        assertThat(inboxRow(county, "docs.receipt")).containsText("等待城东区人民法院补正法律文书");
        county.navigate(caseUrl);

        // The court owes the supplement, within 5 days (again across the holiday), and sends it from the handover.
        court.navigate(browser.url("/inbox"));
        assertThat(inboxRow(court, "docs.supplement")).containsText("2025年10月9日");
        court.navigate(caseUrl);
        court.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("法律文书送达").setExact(true))
                .click();
        assertThat(court.locator("h1")).hasText("法律文书送达");
        assertThat(court.locator("main")).containsText("缺少：接受社区矫正保证书");
        Locator supplement = form(court, "补正：法律文书送达");
        assertThat(supplement.getByLabel("第 1 份的种类")).hasValue("GUARANTEE");
        supplement.getByLabel("补正说明（可不填）").fill("补送保证书");
        check(court, "49-handover-rejected-court");
        clock.advance(Duration.ofHours(1));
        supplement
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("补正并再次送达"))
                .click();
        assertThat(court.getByRole(AriaRole.STATUS)).containsText("已补正并再次送达");
        assertThat(court.locator("main")).containsText("第 2 次送达（补正）");

        // The county receipts, records the reporting in, assigns the office and registers.
        clock.advance(Duration.ofHours(1));
        county.navigate(caseUrl);
        handover(county, "法律文书送达");
        Locator receipt = form(county, "回执：法律文书送达");
        receipt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("回执"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已回执");
        county.navigate(caseUrl);
        assertThat(obligation(county, "docs.receipt")).containsText("按时办结");
        task(county, "report");
        form(county, "记录社区矫正对象报到")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录报到"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已记录社区矫正对象报到");
        task(county, "office");
        Locator office = form(county, "指派司法所");
        office.getByLabel("司法所").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东门街道司法所"));
        office.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("指派"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已指派司法所");
        task(county, "register");
        form(county, "登记接收")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记接收"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已登记接收");
        assertThat(county.locator(".tx-flag-case")).hasText("在矫");
        check(county, "50-case-registered-county");
        logout(county);

        // The judicial office: team, plan (City A: one month) and announcement are entrusted to it.
        login(county, "cd.dm");
        nav(county, "待办");
        assertThat(inboxRow(county, "plan.make")).containsText("2025年10月29日");
        assertThat(inboxRow(county, "team.form")).containsText("及时");
        assertThat(inboxRow(county, "intake.announce")).containsText("及时");
        check(county, "51-inbox-office");
        inboxRow(county, "plan.make")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("认领：制定矫正方案"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已认领");
        assertThat(inboxRow(county, "plan.make")).containsText("我已认领");
        inboxRow(county, "plan.make")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SUBJECT))
                .click();
        clock.advance(Duration.ofHours(1));
        task(county, "team");
        Locator team = form(county, "成立矫正小组");
        team.getByLabel("成员 1：姓名").fill("赵所长");
        team.getByLabel("成员 1：身份").selectOption("OFFICE_STAFF");
        team.getByLabel("成员 1：性别").selectOption("MALE");
        assertThat(team.getByLabel("成员 2：姓名")).not().isVisible();
        team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("添加一行"))
                .click();
        team.getByLabel("成员 2：姓名").fill("钱主任");
        team.getByLabel("成员 2：身份").selectOption("COMMITTEE");
        team.getByLabel("成员 2：性别").selectOption("FEMALE");
        team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存矫正小组"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已保存矫正小组");
        task(county, "plan");
        Locator plan = form(county, "制定矫正方案");
        plan.getByLabel("矫正方案").fill("每月到司法所报告一次，参加教育学习和公益活动，由社区网格员日常走访。");
        plan.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存矫正方案"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已保存矫正方案");
        task(county, "announce");
        Locator announce = form(county, "入矫宣告");
        announce.getByLabel("宣告地点").fill("东门街道司法所");
        announce.getByLabel("参加人员").fill("矫正小组成员、家属");
        announce.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录入矫宣告"))
                .click();
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("已记录入矫宣告");
        for (String step :
                new String[] {"team.form", "plan.make", "intake.announce", "intake.register", "docs.supplement"}) {
            assertThat(obligation(county, step)).containsText("按时办结");
        }
        assertThat(county.locator("main a[href$='/tasks/announce']")).hasCount(0);
        assertThat(county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调整矫正小组")))
                .isVisible();
        check(county, "52-case-announced-office");
        county.navigate(caseUrl + "?lang=en");
        assertThat(county.locator(".tx-flag-case")).hasText("Under correction");
        assertThat(obligation(county, "plan.make")).containsText("2025-10-29");
        check(county, "53-case-announced-office-en");
        county.navigate(browser.url("/inbox?lang=en"));
        assertThat(county.locator(".empty-state")).containsText("Nothing for your agency to act on");
        check(county, "54-inbox-office-done-en");
        county.navigate(browser.url("/inbox?lang=zh-CN"));

        // The prosecutor sees every copy the procuratorate is owed: the opinion and the legal documents.
        logout(court);
        login(court, "cd.proc");
        nav(court, "抄送");
        // This journey's copies (other journeys of the same application copy other cases to the same procuratorate).
        Locator copies = court.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(SUBJECT));
        assertThat(copies).hasCount(2);
        assertThat(copies.nth(0)).containsText("法律文书送达");
        assertThat(copies.nth(0)).containsText("已回执");
        assertThat(copies.nth(1)).containsText("调查评估意见");
        assertThat(copies.nth(1)).containsText(CASE_NUMBER);
        check(court, "55-copies-procuratorate");
        copies.nth(0)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("法律文书送达"))
                .click();
        assertThat(court.locator("main")).containsText("第 2 次送达（补正）");
        assertThat(court.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载回执")))
                .isVisible();
        check(court, "56-handover-procuratorate");
        court.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(CASE_NUMBER).setExact(true))
                .first()
                .click();
        assertThat(court.locator("h1")).containsText(SUBJECT);
        assertThat(court.locator("#actions-none")).containsText("没有需要办理的事项");
        check(court, "57-case-procuratorate");
        nav(court, "待办");
        assertThat(court.locator(".empty-state")).containsText("本机构目前没有可以办理的事项");

        // The police see the legal documents copied to them.
        logout(court);
        login(court, "cd.police");
        nav(court, "抄送");
        Locator policeCopies = court.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(SUBJECT));
        assertThat(policeCopies).hasCount(1);
        assertThat(policeCopies.first()).containsText("法律文书送达");
        check(court, "58-copies-police");
        court.navigate(browser.url("/copies?lang=en"));
        assertThat(court.locator("tbody tr")
                        .filter(new Locator.FilterOptions().setHasText(SUBJECT))
                        .first())
                .containsText("Legal documents");
        check(court, "59-copies-police-en");
        court.navigate(browser.url("/copies?lang=zh-CN"));
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    static void logout(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录"))
                .click();
    }

    static Locator navLink(Page page, String label) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + label)));
    }

    static void nav(Page page, String label) {
        navLink(page, label).click();
    }

    static Locator form(Page page, String title) {
        return page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    /** Opens a task's form from the case page (its step's link, the primary action or "other things you can do"). */
    static void task(Page page, String form) {
        page.locator("main a[href$='/tasks/" + form + "']").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/tasks/" + form + "$"));
    }

    /** Opens a handover of the case from the case page, where its answer and supplement forms are. */
    static void handover(Page page, String kind) {
        page.locator("#handovers ~ article h3")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(kind).setExact(true))
                .first()
                .click();
        assertThat(page.locator("h1")).hasText(kind);
    }

    static void submit(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    static Locator obligation(Page page, String stepId) {
        return page.locator("table.tx-obligations tr[data-step='" + stepId + "']");
    }

    static Locator inboxRow(Page page, String stepId) {
        // This journey's line: other browser tests leave work of the same step in the same agencies' inboxes.
        return page.locator(
                "table.tx-inbox tr[data-step='" + stepId + "']", new Page.LocatorOptions().setHasText(CASE_NUMBER));
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
