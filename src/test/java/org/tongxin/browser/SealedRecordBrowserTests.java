package org.tongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
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
import org.tongxin.casefile.TerminationReason;
import org.tongxin.procedure.Termination;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The minors' sealing journey in Chromium (CPL art. 286; doc/security-requirements.md S10): a minor's case terminated
 * and certified is sealed; the court's clerk, a lawful party, gets the not-found page for it and does not find it in the
 * case list; the clerk asks for a lawful query from the browser session (the API, as the session's script would), the
 * county agency's head approves it for one day; the clerk then reads the case (marked sealed) while the county officer
 * still cannot; once the grant's day has run out the clerk gets the not-found page again. Every read attempt is
 * audited. Pages pass axe; screenshots at 1440×900 and 390×844 go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedRecordBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement management;

    @Autowired
    Termination termination;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventQuiescence reactions;

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
    void aSealedCaseIsHiddenFromALawfulRoleUntilAGrantAndAgainWhenItExpires() {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.minor("秦小舟", Gender.FEMALE));
        LocalDate today = fixtures.today();
        management.changeTermEnd(id, today, fixtures.agency("CD-COURT"));
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today));
        reactions.awaitAll(Duration.ofSeconds(30));
        fixtures.as("cd.county", () -> termination.certify(id));
        reactions.awaitAll(Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT sealed_at IS NOT NULL FROM casefile_case WHERE id = :id")
                        .param("id", id.value())
                        .query(Boolean.class)
                        .single())
                .as("sealed once certified and notified")
                .isTrue();
        String number = jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        String casePage = browser.url("/cases/" + id);

        Page clerk = browser.newPerson();
        login(clerk, "cd.court.clerk");
        Response hidden = clerk.navigate(casePage);
        assertThat(hidden.status()).as("no grant: as if the case did not exist").isEqualTo(404);
        assertThat(clerk.locator("main")).not().containsText("秦小舟");
        check(clerk, "seal-01-hidden-without-grant");
        clerk.navigate(browser.url("/cases"));
        assertThat(clerk.locator("main")).not().containsText(number);

        clerk.navigate(browser.url("/"));
        Map<String, Object> asked = api(
                clerk,
                "POST",
                "/api/v1/cases/" + id + "/sealed-record-queries",
                "{\"basis\":\"JUDICIAL_NEED\",\"reason\":\"审理另案需要核实被告人未成年时的前科情况\",\"days\":1}");
        assertThat(asked.get("status")).as(String.valueOf(asked.get("body"))).isEqualTo(201);
        String query = jdbc.sql("SELECT id::text FROM casefile_sealed_query WHERE case_id = :c")
                .param("c", id.value())
                .query(String.class)
                .single();
        assertThat(clerk.navigate(casePage).status()).as("asked is not granted").isEqualTo(404);

        Page head = browser.newPerson();
        login(head, "cd.county.head");
        Map<String, Object> approved = api(
                head,
                "POST",
                "/api/v1/cases/" + id + "/sealed-record-queries/" + query + "/approval",
                "{\"version\":0}");
        assertThat(approved.get("status"))
                .as(String.valueOf(approved.get("body")))
                .isEqualTo(200);

        assertThat(clerk.navigate(casePage).status()).as("granted").isEqualTo(200);
        assertThat(clerk.locator("main")).containsText("犯罪记录已封存");
        assertThat(clerk.locator("main")).containsText(number);
        check(clerk, "seal-02-visible-with-grant");

        Page county = browser.newPerson();
        login(county, "cd.county");
        assertThat(county.navigate(casePage).status())
                .as("the grant is the requester's alone")
                .isEqualTo(404);

        // The day runs out: the browser tests' application reads the demo clock, not the test clock, so the grant's end
        // is
        // moved to a minute ago instead of moving time (the application compares it with its clock on every read).
        jdbc.sql("UPDATE casefile_sealed_query SET expires_at = now() - interval '1 minute' WHERE id = :q::uuid")
                .param("q", query)
                .update();
        assertThat(clerk.navigate(casePage).status()).as("the grant expired").isEqualTo(404);
        check(clerk, "seal-03-hidden-after-expiry");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.sealed.read' AND outcome ="
                                + " 'SUCCESS' AND target_id = :t")
                        .param("t", id.toString())
                        .query(Long.class)
                        .single())
                .as("the granted read is audited")
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.sealed.read' AND outcome ="
                                + " 'DENIED' AND target_id = :t")
                        .param("t", id.toString())
                        .query(Long.class)
                        .single())
                .as("every refused attempt too")
                .isGreaterThanOrEqualTo(3);
    }

    /** Calls the API from the page's session, with its CSRF token, as the application's own script does. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> api(Page page, String method, String path, String body) {
        return (Map<String, Object>) page.evaluate("""
            async ([method, path, body]) => {
              const token = document.querySelector('meta[name="_csrf"]').content;
              const header = document.querySelector('meta[name="_csrf_header"]').content;
              const r = await fetch(path, { method, body, headers: { 'Content-Type': 'application/json', [header]: token } });
              return { status: r.status, body: await r.text() };
            }\
            """, java.util.List.of(method, path, body));
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
