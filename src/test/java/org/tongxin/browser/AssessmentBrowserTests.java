package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.assessment.AssessmentViews.NewDecision;
import org.tongxin.assessment.Assessments;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The revocation procedure in Chromium across four agencies: the county officer of 城东区 warns a subject already
 * warned once (a proposal without reasons is refused first), then proposes revocation with an arrest request; the
 * court's judge decides the arrest within its 48 hours; the police record the arrest; the judge rules the revocation;
 * the procuratorate finds its copy of the proposal; the police deliver the subject to City A Prison. Every page passes
 * axe; screenshots at 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentBrowserTests {

    static final String SUBJECT = "冯建军";
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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
    Assessments assessments;

    @Autowired
    MutableClock testClock;

    BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport(port);
    }

    @AfterAll
    void stopBrowser() {
        testClock.reset();
        browser.close();
    }

    @Test
    void aWarnedSubjectIsProposedForRevocationArrestedRevokedAndDeliveredToPrison() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult(SUBJECT, Gender.MALE));
        actors.call(
                "cd.county",
                () -> assessments.decide(
                        caseId,
                        new NewDecision(
                                ResponseKind.WARNING,
                                List.of(ReasonCode.SERIOUS_BREACH),
                                "未经批准离开所居住的县三日。",
                                "谈话笔录",
                                null)));
        String page = "/cases/" + caseId + "/assessment";

        Page county = person();
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId));
        county.locator("#assessment").getByRole(AriaRole.LINK).click();
        assertThat(county.locator("h1")).hasText("奖惩与提请");
        assertThat(county.locator("main")).containsText("未经批准离开所居住的县三日。");
        check(county, "80-assessment-county");

        Locator decide = county.locator("#decide-form");
        decide.getByLabel("处理").selectOption("WARNING");
        decide.getByLabel("违反监督管理规定，情节较重").check();
        decide.getByLabel("查明的事实").fill("警告后再次未经批准外出，拒不说明去向。");
        decide.getByLabel("证据材料（每行一件）").fill("行程记录\n谈话笔录");
        submit(decide, "作出决定");
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("决定已记录。");

        Locator propose = county.locator("#propose-form");
        propose.getByLabel("处理").selectOption("REVOCATION");
        propose.getByLabel("查明的事实").fill("受到两次警告仍不改正。");
        propose.getByLabel("证据材料（每行一件）").fill("警告决定书两份\n行程记录");
        submit(propose, "提请并送达");
        assertThat(county.locator("main")).containsText("必填");
        check(county, "81-assessment-proposal-refused");

        propose = county.locator("#propose-form");
        assertThat(propose.getByLabel("查明的事实")).hasValue("受到两次警告仍不改正。");
        assertThat(propose.getByLabel("处理")).hasValue("REVOCATION");
        propose.getByLabel("受到警告两次仍不改正").check();
        propose.getByLabel("查明的事实").fill("受到两次警告仍不改正，多次未经批准离开居住地。");
        propose.getByLabel("证据材料（每行一件）").fill("警告决定书两份\n行程记录");
        propose.getByLabel("同时提请人民法院决定逮捕（可能逃跑或者可能发生社会危险）").check();
        propose.getByLabel("提请逮捕的理由").fill("已购买外省车票，可能逃跑。");
        submit(propose, "提请并送达");
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("提请已送达。");
        assertThat(county.locator(".card")).containsText("已提请，等待人民法院在48小时内决定");
        check(county, "82-assessment-proposed");

        Page judge = person();
        login(judge, "cd.court.judge");
        judge.navigate(browser.url(page));
        judge.getByLabel("决定逮捕").check();
        submit(judge.locator(".card form"), "记录");
        assertThat(judge.getByRole(AriaRole.STATUS)).containsText("逮捕决定已记录。");
        assertThat(judge.locator(".card")).containsText("人民法院决定逮捕，等待公安机关执行");
        check(judge, "83-assessment-arrest-decided");

        // The police find and arrest the subject two hours after the court's decision.
        testClock.advance(Duration.ofHours(2));
        Page police = person();
        login(police, "cd.police");
        police.navigate(browser.url(page));
        police.getByLabel("执行逮捕的时间").fill(local(Duration.ofHours(1)));
        submit(police.locator(".card form"), "记录执行逮捕");
        assertThat(police.getByRole(AriaRole.STATUS)).containsText("执行逮捕已记录。");
        assertThat(police.locator(".card")).containsText("已逮捕（羁押不得超过三十日）");
        org.assertj.core.api.Assertions.assertThat(fixtures.status(caseId)).isEqualTo(CaseStatus.IN_CUSTODY);
        check(police, "84-assessment-arrested");

        judge.navigate(browser.url(page));
        judge.getByLabel("裁定撤销缓刑、假释").check();
        judge.getByLabel("文书编号及要点").fill("（2026）城东刑执字第 31 号：撤销缓刑，执行原判刑罚。");
        submit(judge.locator(".card form"), "记录");
        assertThat(judge.getByRole(AriaRole.STATUS)).containsText("裁定（决定）已记录。");
        assertThat(judge.locator(".card")).containsText("已裁定（决定）准予");
        check(judge, "85-assessment-revoked");

        Page procuratorate = person();
        login(procuratorate, "cd.proc");
        procuratorate.navigate(browser.url("/copies"));
        Locator copy = procuratorate.locator("tr", new Page.LocatorOptions().setHasText(SUBJECT));
        assertThat(copy.first()).containsText("撤销缓刑、假释建议");
        check(procuratorate, "86-assessment-procuratorate-copies");
        copy.first().getByRole(AriaRole.LINK).first().click();
        assertThat(procuratorate.locator("main")).containsText("撤销缓刑、假释建议书");
        check(procuratorate, "87-assessment-procuratorate-proposal");

        police.navigate(browser.url(page));
        police.getByLabel("监狱或看守所").selectOption(new SelectOption().setLabel("A市监狱"));
        police.getByLabel("交付时间").fill(local(Duration.ofMinutes(10)));
        submit(police.locator(".card form"), "记录交付执行");
        assertThat(police.getByRole(AriaRole.STATUS)).containsText("交付执行已记录。");
        assertThat(police.locator(".card")).containsText("已交付监狱（看守所）执行");
        assertThat(police.locator(".card")).containsText("A市监狱");
        check(police, "88-assessment-delivered");
        org.assertj.core.api.Assertions.assertThat(fixtures.status(caseId)).isEqualTo(CaseStatus.REVOKED);

        county.navigate(browser.url("/cases/" + caseId + "#documents"));
        assertThat(county.locator("main")).containsText("警告决定书");
        assertThat(county.locator("main")).containsText("社区矫正撤销建议书");

        police.setViewportSize(390, 844);
        police.navigate(browser.url(page));
        check(police, "89-assessment-delivered-mobile");
        county.setViewportSize(390, 844);
        county.navigate(browser.url(page + "?lang=en"));
        assertThat(county.locator("h1")).hasText("Rewards, sanctions and proposals");
        assertThat(county.locator(".card")).containsText("Delivered to prison or the detention centre");
        check(county, "90-assessment-county-en-mobile");
    }

    /**
     * Periodic assessment and a sentence reduction: the county officer assesses a good period (a lenient level without
     * words is refused first and keeps what was typed), moves the subject to lenient supervision with a revised plan,
     * then proposes a sentence reduction; City A's intermediate court finds it and rules, and the term ends earlier.
     */
    @Test
    void aGoodAssessmentLightensSupervisionAndTheIntermediateCourtReducesTheSentence() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("褚立功", Gender.MALE));
        java.time.LocalDate today = LegalTime.today(clock);
        java.time.LocalDate end = fixtures.termEnd(caseId);

        Page county = person();
        login(county, "cd.county");
        county.navigate(browser.url("/cases/" + caseId + "/assessment"));
        county.locator("#periodic-link").click();
        assertThat(county.locator("h1")).hasText("考核与分类管理");
        check(county, "91-periodic-empty");

        Locator form = county.locator("#periodic-form");
        form.getByLabel("考核期自").fill(today.minusMonths(3).toString());
        form.getByLabel("考核期至").fill(today.minusDays(1).toString());
        form.getByLabel("考核结果").selectOption("GOOD");
        form.getByLabel("考核所依据的情况（报告、走访、教育学习、奖惩等）").fill("按时报告，参加公益活动和职业培训。");
        form.getByLabel("调整监管等级").selectOption("LENIENT");
        submit(form, "记录考核");
        assertThat(county.locator("main")).containsText("必填");
        check(county, "92-periodic-refused");

        form = county.locator("#periodic-form");
        assertThat(form.getByLabel("考核所依据的情况（报告、走访、教育学习、奖惩等）")).hasValue("按时报告，参加公益活动和职业培训。");
        form.getByLabel("调整理由的具体说明").fill("连续三个月表现良好。");
        form.getByLabel("调整后的矫正方案（不调整则留空）").fill("调整为宽管：每月电话报告一次，司法所每两个月走访一次，继续参加职业培训。");
        submit(form, "记录考核");
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("考核已记录。");
        assertThat(county.locator("#current-level")).hasText("宽管");
        assertThat(county.locator("main")).containsText("连续三个月表现良好。");
        check(county, "93-periodic-recorded");

        county.navigate(browser.url("/cases/" + caseId + "/assessment"));
        Locator propose = county.locator("#propose-form");
        propose.getByLabel("处理").selectOption("COMMUTATION");
        propose.getByLabel("有重大立功表现").check();
        propose.getByLabel("查明的事实").fill("检举重大犯罪活动，经查证属实。");
        propose.getByLabel("证据材料（每行一件）").fill("公安机关出具的立功证明");
        submit(propose, "提请并送达");
        assertThat(county.getByRole(AriaRole.STATUS)).containsText("提请已送达。");
        assertThat(county.locator(".card")).containsText("A市中级人民法院");
        check(county, "94-commutation-proposed");

        Page judge = person();
        login(judge, "city.court.judge");
        judge.navigate(browser.url("/cases/" + caseId + "/assessment"));
        judge.getByLabel("裁定减刑").check();
        judge.getByLabel("减刑后的矫正期满日").fill(end.minusMonths(2).toString());
        submit(judge.locator(".card form"), "记录");
        assertThat(judge.getByRole(AriaRole.STATUS)).containsText("裁定（决定）已记录。");
        assertThat(judge.locator(".card")).containsText("减刑后的期满日");
        check(judge, "95-commutation-ruled");
        org.assertj.core.api.Assertions.assertThat(fixtures.termEnd(caseId)).isEqualTo(end.minusMonths(2));

        county.setViewportSize(390, 844);
        county.navigate(browser.url("/cases/" + caseId + "/assessment/periodic?lang=en"));
        assertThat(county.locator("h1")).hasText("Assessment and classified management");
        check(county, "96-periodic-en-mobile");
    }

    /** One person at the desktop size of the screenshots. */
    Page person() {
        Page page = browser.newPerson();
        page.setViewportSize(1440, 900);
        page.onDialog(dialog -> dialog.accept());
        return page;
    }

    /** A moment before the application's clock, as a datetime-local field in China Standard Time. */
    String local(Duration before) {
        return LocalDateTime.ofInstant(clock.instant().minus(before), LegalTime.ZONE)
                .format(LOCAL);
    }

    void login(Page page, String username) {
        page.navigate(browser.url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(browser.url("/"));
    }

    static void submit(Locator form, String button) {
        form.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    static void check(Page page, String name) {
        BrowserSupport.assertAccessible(page, name);
        BrowserSupport.screenshot(page, name);
    }
}
