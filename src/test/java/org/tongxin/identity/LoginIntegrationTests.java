package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.identity.internal.Totp;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestAccounts;
import org.tongxin.support.WebSession;

/** doc/security-requirements.md S1–S4 over real HTTP: login steps, second factor, throttling, identical failures, sessions. */
@IntegrationTest
class LoginIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Totp totp;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    WebSession browser() {
        return new WebSession(port);
    }

    String adminCode() {
        clock.advance(Duration.ofSeconds(31)); // a fresh TOTP time step: every code is accepted once only
        return totp.codeAt(DemoAccounts.ADMIN_TOTP_SECRET, clock.instant());
    }

    @Test
    void aDemoCaseWorkerLogsInWithPasswordOnlyWhileDemoModeIsOn() {
        WebSession web = browser();
        HttpResponse<String> response = web.submitLogin("cd.county", DemoAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(accountsName("cd.county"));
    }

    @Test
    void anAdministratorCannotSkipTheSecondFactor() {
        WebSession web = browser();
        HttpResponse<String> response = web.submitLogin("sysadmin", DemoAccounts.PASSWORD);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/mfa"));
        // Pending: nothing but the second-factor step is reachable.
        assertThat(web.get("/agencies").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/mfa"));
        assertThat(web.get("/api/v1/me").statusCode()).isEqualTo(403);
        web.get("/login/mfa");
        HttpResponse<String> wrong = web.post("/login/mfa", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("动态口令不正确");
        HttpResponse<String> right = web.post("/login/mfa", Map.of("code", adminCode()));
        assertThat(right.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(web.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aTotpCodeIsAcceptedOnlyOnce() {
        String code = adminCode();
        WebSession first = browser();
        first.submitLogin("secadmin", DemoAccounts.PASSWORD);
        first.get("/login/mfa");
        assertThat(first.post("/login/mfa", Map.of("code", code)).statusCode()).isEqualTo(302);

        WebSession second = browser();
        second.submitLogin("secadmin", DemoAccounts.PASSWORD);
        second.get("/login/mfa");
        HttpResponse<String> replay = second.post("/login/mfa", Map.of("code", code));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("动态口令不正确或已使用过");
    }

    @Test
    void guessingIsHeldUpLongerAndLongerButNeverLocksTheAccount() {
        TestAccounts.Account account = accounts.countyOfficer();
        String source = "203.0.113.11";
        for (int i = 0; i < 5; i++) {
            assertThat(browser()
                            .from(source)
                            .submitLogin(account.username(), "Wrong-Password-" + i)
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        assertThat(browser()
                        .from(source)
                        .submitLogin(account.username(), TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .as("held for 30 s: even the right password is not checked")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        clock.advance(Duration.ofSeconds(31));
        assertThat(browser()
                        .from(source)
                        .submitLogin(account.username(), TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .as("no lock: the delay ended by itself")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(jdbc.sql("SELECT locked_until IS NULL FROM identity_user WHERE id = :id")
                        .param("id", account.id().value())
                        .query(Boolean.class)
                        .single())
                .as("failures never lock an account")
                .isTrue();
    }

    @Test
    void failuresFromOneSourceDoNotHoldUpTheSameAccountFromAnother() {
        TestAccounts.Account account = accounts.countyOfficer();
        for (int i = 0; i < 6; i++) {
            browser().from("203.0.113.12").submitLogin(account.username(), "Wrong-Password-" + i);
        }
        assertThat(browser()
                        .from("198.51.100.12")
                        .submitLogin(account.username(), TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void heldLockedUnknownAndWrongPasswordLookExactlyAlike() {
        String source = "203.0.113.13";
        TestAccounts.Account held = accounts.countyOfficer();
        for (int i = 0; i < 5; i++) {
            browser().from(source).submitLogin(held.username(), "Wrong-Password-" + i);
        }
        TestAccounts.Account locked = accounts.countyOfficer();
        jdbc.sql("UPDATE identity_user SET locked_until = '9999-12-31' WHERE id = :id")
                .param("id", locked.id().value())
                .update();
        TestAccounts.Account existing = accounts.countyOfficer();
        HttpResponse<String> unknown =
                browser().from(source).submitLogin("nobody-" + System.nanoTime(), "Some-Password-1");
        HttpResponse<String> wrong = browser().from(source).submitLogin(existing.username(), "Wrong-Password-9");
        HttpResponse<String> lockedResponse =
                browser().from(source).submitLogin(locked.username(), TestAccounts.PASSWORD);
        HttpResponse<String> heldResponse = browser().from(source).submitLogin(held.username(), TestAccounts.PASSWORD);
        for (HttpResponse<String> r : new HttpResponse[] {wrong, lockedResponse, heldResponse}) {
            assertThat(r.statusCode()).isEqualTo(unknown.statusCode());
            assertThat(r.headers().firstValue("Location"))
                    .isEqualTo(unknown.headers().firstValue("Location"));
            assertThat(r.body()).isEqualTo(unknown.body());
        }
        WebSession a = browser().from(source);
        WebSession b = browser().from(source);
        WebSession c = browser().from(source);
        a.submitLogin("nobody-" + System.nanoTime(), "Some-Password-1");
        b.submitLogin(locked.username(), TestAccounts.PASSWORD);
        c.submitLogin(held.username(), TestAccounts.PASSWORD);
        String page = withoutTokens(a.get("/login?error").body());
        assertThat(withoutTokens(b.get("/login?error").body())).isEqualTo(page);
        assertThat(withoutTokens(c.get("/login?error").body())).isEqualTo(page);
    }

    @Test
    void loginGivesANewSessionIdAndLogoutEndsTheSessionOnTheServer() {
        WebSession web = browser();
        web.get("/login");
        String before = web.cookie("SESSION").orElseThrow();
        web.login("cd.county", DemoAccounts.PASSWORD, null);
        String after = web.cookie("SESSION").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        String sessionRow = jdbc.sql("SELECT count(*) FROM spring_session")
                .query(Long.class)
                .single()
                .toString();
        assertThat(sessionRow).isNotEqualTo("0");
        web.get("/");
        web.post("/logout", Map.of());
        WebSession replay = browser();
        replay.get("/login");
        // Reusing the old cookie after logout gets no access: the session is gone from the database.
        HttpResponse<String> response = replayWithCookie(after);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void disablingAnAccountEndsItsSessionAtTheNextRequest() {
        TestAccounts.Account account = accounts.countyOfficer();
        WebSession web = browser().login(account.username(), TestAccounts.PASSWORD, null);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE identity_user SET status = 'DISABLED', security_stamp = security_stamp + 1 WHERE id = :id")
                .param("id", account.id().value())
                .update();
        HttpResponse<String> next = web.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverActive() {
        WebSession web = browser().login("cd.county", DemoAccounts.PASSWORD, null);
        clock.advance(Duration.ofHours(11));
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aOneTimePasswordMustBeReplacedAndASecondFactorEnrolledAtFirstLogin() {
        TestAccounts.Account account = accounts.create("CX-CCA", Set.of(Role.COUNTY_OFFICER), true, false, null);
        WebSession web = browser();
        assertThat(web.submitLogin(account.username(), TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/password"));
        web.get("/login/password");
        HttpResponse<String> weak =
                web.post("/login/password", Map.of("newPassword", "password1234", "confirmation", "password1234"));
        assertThat(weak.statusCode()).as("a refused form is a 400").isEqualTo(400);
        assertThat(weak.body()).contains("常见密码", "有错误");
        HttpResponse<String> set = web.post(
                "/login/password", Map.of("newPassword", "Harbour-Lights-19", "confirmation", "Harbour-Lights-19"));
        assertThat(set.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/mfa/enrol"));
        HttpResponse<String> enrol = web.get("/login/mfa/enrol");
        Matcher secret = Pattern.compile("id=\"totpSecret\">([A-Z2-7 ]+)<").matcher(enrol.body());
        assertThat(secret.find()).isTrue();
        String code = totp.codeAt(secret.group(1).replace(" ", ""), clock.instant());
        HttpResponse<String> done = web.post("/login/mfa/enrol", Map.of("code", code));
        assertThat(done.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT totp_secret FROM identity_user WHERE id = :id")
                        .param("id", account.id().value())
                        .query(byte[].class)
                        .single())
                .as("stored encrypted, not as the Base32 text")
                .isNotEqualTo(secret.group(1).replace(" ", "").getBytes());
    }

    @Test
    void aFourthSessionEndsTheLeastRecentlyUsedOne() {
        TestAccounts.Account account = accounts.countyOfficer();
        WebSession first = browser().login(account.username(), TestAccounts.PASSWORD, null);
        WebSession second = browser().login(account.username(), TestAccounts.PASSWORD, null);
        WebSession third = browser().login(account.username(), TestAccounts.PASSWORD, null);
        assertThat(first.get("/").statusCode()).isEqualTo(200);
        assertThat(third.get("/").statusCode()).isEqualTo(200);
        browser().login(account.username(), TestAccounts.PASSWORD, null);
        HttpResponse<String> expired = second.get("/");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location").orElse("")).contains("/login?expired");
        assertThat(first.get("/").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> replayWithCookie(String sessionId) {
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            return client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
                            .header("Cookie", "SESSION=" + sessionId)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String accountsName(String username) {
        return jdbc.sql("SELECT display_name FROM identity_user WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("value=\"[^\"]{40,}\"", "").replaceAll("content=\"[^\"]{40,}\"", "");
    }
}
