package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongxin.identity.internal.FailureTally;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing is throttled as OWASP ASVS 4.0.3 §2.2.1 asks (doc/adr/0017-throttling-instead-of-lockout.md): growing delays per
 * (account, source), per source and per account that an attacker cannot turn into a lockout of the real user; bad
 * bearer tokens held per source; anonymous failures audited as counted records; a locked or disabled account's tokens
 * stop. The clock moves; nothing sleeps. Each test uses addresses of its own.
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    FailureTally tally;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MvcResult login(String username, String password, String source, Cookie... cookies) throws Exception {
        MockHttpServletRequestBuilder request = post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(source));
        if (cookies.length > 0) {
            request = request.cookie(cookies);
        }
        return mvc.perform(request).andReturn();
    }

    static boolean succeeded(MvcResult result) {
        return result.getResponse().getStatus() == 302
                && "/".equals(result.getResponse().getRedirectedUrl());
    }

    @Test
    void anAttackerGuessingFromEverywhereCannotKeepTheRealUserOutOfTheirOwnBrowser() throws Exception {
        TestAccounts.Account victim = accounts.countyOfficer();
        MvcResult first = login(victim.username(), TestAccounts.PASSWORD, "198.51.100.20");
        assertThat(succeeded(first)).isTrue();
        Cookie device = first.getResponse().getCookie("TX_DEVICE");
        assertThat(device).as("the browser becomes known to the account").isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        // Thirty guesses from thirty addresses, each after any delay ran out: the account itself is now held.
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(succeeded(login(victim.username(), "Guess-Number-" + i, "203.0.113." + (100 + i))))
                    .isFalse();
        }
        assertThat(succeeded(login(victim.username(), TestAccounts.PASSWORD, "192.0.2.21")))
                .as("from an unknown browser the account waits (the softer per-account limit)")
                .isFalse();
        assertThat(succeeded(login(victim.username(), TestAccounts.PASSWORD, "198.51.100.20", device)))
                .as("the right password from the user's known browser still gets in")
                .isTrue();
        assertThat(jdbc.sql("SELECT locked_until IS NULL FROM identity_user WHERE id = :id")
                        .param("id", victim.id().value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void delaysGrowWithEachFailureAndEndByThemselves() throws Exception {
        TestAccounts.Account account = accounts.countyOfficer();
        String source = "203.0.113.30";
        for (int i = 0; i < 5; i++) {
            login(account.username(), "Wrong-Password-" + i, source);
        }
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, source)))
                .as("held 30 s")
                .isFalse();
        clock.advance(Duration.ofSeconds(31));
        login(account.username(), "Wrong-Password-5", source);
        clock.advance(Duration.ofSeconds(45));
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, source)))
                .as("the 6th failure: held 60 s")
                .isFalse();
        clock.advance(Duration.ofSeconds(16));
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, source)))
                .isTrue();
        // A complete login forgets this source's failures: the next typo is free again.
        assertThat(succeeded(login(account.username(), "Wrong-Password-6", source)))
                .isFalse();
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, source)))
                .isTrue();
    }

    @Test
    void sprayingOnePasswordOverManyAccountsHoldsTheSource() throws Exception {
        String source = "203.0.113.40";
        for (int i = 0; i < 20; i++) {
            login("nobody-" + i + "-" + System.nanoTime(), "Spring-2026-Spray", source);
        }
        TestAccounts.Account account = accounts.countyOfficer();
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, source)))
                .as("the source waits")
                .isFalse();
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, "198.51.100.40")))
                .as("others do not")
                .isTrue();
    }

    @Test
    void theSecurityAdministratorLiftsTheDelaysOfAnAccount() throws Exception {
        TestAccounts.Account account = accounts.countyOfficer();
        for (int i = 0; i < 6; i++) {
            login(account.username(), "Wrong-Password-" + i, "203.0.113.50");
        }
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, "203.0.113.50")))
                .isFalse();
        mvc.perform(post("/api/v1/users/" + account.id() + "/unlock")
                .with(actors.as("secadmin"))
                .with(csrf()));
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, "203.0.113.50")))
                .isTrue();
    }

    @Test
    void aLockedOrDisabledAccountsTokensStopWorking() throws Exception {
        TestAccounts.Account account = accounts.countyOfficer();
        String token = json.readTree(mvc.perform(post("/api/v1/me/tokens")
                                .with(actors.as(account.username()))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"脚本\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();
        assertThat(status(get("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .with(from("198.51.100.60"))))
                .isEqualTo(200);
        assertThat(status(post("/api/v1/users/" + account.id() + "/lock")
                        .with(actors.as("secadmin"))
                        .with(csrf())))
                .isEqualTo(204);
        assertThat(status(get("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .with(from("198.51.100.60"))))
                .as("locked")
                .isEqualTo(401);
        assertThat(succeeded(login(account.username(), TestAccounts.PASSWORD, "198.51.100.60")))
                .isFalse();
        assertThat(status(post("/api/v1/users/" + account.id() + "/unlock")
                        .with(actors.as("secadmin"))
                        .with(csrf())))
                .isEqualTo(204);
        assertThat(status(get("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .with(from("198.51.100.60"))))
                .isEqualTo(200);
        int version = jdbc.sql("SELECT version FROM identity_user WHERE id = :id")
                .param("id", account.id().value())
                .query(Integer.class)
                .single();
        assertThat(status(post("/api/v1/users/" + account.id() + "/disable")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + "}")))
                .isEqualTo(200);
        assertThat(status(get("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .with(from("198.51.100.60"))))
                .as("disabled")
                .isEqualTo(401);
    }

    @Test
    void fiveHundredBadTokensAreHeldAndAuditedAsAFewCountedRecords() throws Exception {
        String source = "203.0.113.70";
        long before = auditRows("token.rejected", source);
        int unauthorized = 0;
        int waiting = 0;
        for (int i = 0; i < 500; i++) {
            MvcResult result = mvc.perform(get("/api/v1/me")
                            .header("Authorization", "Bearer txp_" + "A".repeat(39) + String.format("%04d", i))
                            .with(from(source)))
                    .andReturn();
            if (result.getResponse().getStatus() == 429) {
                waiting++;
                assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
                assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"TOO_MANY_FAILURES\"");
            } else {
                assertThat(result.getResponse().getStatus()).isEqualTo(401);
                unauthorized++;
            }
        }
        assertThat(unauthorized)
                .as("a few free failures, then the source waits")
                .isBetween(20, 30);
        assertThat(waiting).isEqualTo(500 - unauthorized);
        clock.advance(Duration.ofMinutes(2));
        tally.flush();
        List<String> rows = jdbc.sql("""
            SELECT details FROM audit_record WHERE action = 'token.rejected' AND details LIKE :source ORDER BY id\
            """)
                .param("source", "%\"" + source + "\"%")
                .query(String.class)
                .list();
        assertThat(rows.size() - before)
                .as("not one audit record per bad token")
                .isLessThanOrEqualTo(10);
        long counted = rows.stream()
                .map(this::details)
                .mapToLong(d -> d.containsKey("count") ? Long.parseLong(d.get("count")) : 1)
                .sum();
        assertThat(counted).as("but every one of them counted").isEqualTo(500);
    }

    @Test
    void repeatedWrongPasswordsAreAuditedOnceAndThenAsACount() throws Exception {
        String source = "203.0.113.80";
        TestAccounts.Account account = accounts.countyOfficer();
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(10));
            login(account.username(), "Wrong-Password-" + i, source);
        }
        clock.advance(Duration.ofMinutes(2));
        tally.flush();
        List<Map<String, String>> rows = jdbc
                .sql("SELECT details FROM audit_record WHERE action = 'login.failure' AND details LIKE :source")
                .param("source", "%\"" + source + "\"%")
                .query(String.class)
                .list()
                .stream()
                .map(this::details)
                .toList();
        assertThat(rows.size()).isLessThanOrEqualTo(6);
        assertThat(rows.stream()
                        .mapToLong(d -> d.containsKey("count") ? Long.parseLong(d.get("count")) : 1)
                        .sum())
                .isEqualTo(12);
        assertThat(rows).anySatisfy(d -> assertThat(d).containsEntry("reason", "wrong-password"));
    }

    private long auditRows(String action, String source) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :action AND details LIKE :source")
                .param("action", action)
                .param("source", "%\"" + source + "\"%")
                .query(Long.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> details(String text) {
        Map<String, Object> raw = json.readValue(text, Map.class);
        Map<String, String> out = new java.util.HashMap<>();
        raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @SuppressWarnings("unused")
    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
