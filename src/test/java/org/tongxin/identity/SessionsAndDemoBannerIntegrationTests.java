package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.WebSession;

/**
 * doc/security-requirements.md S3 and S4, the parts the login tests leave out: a session lives in PostgreSQL (so every instance shares it)
 * and ends after thirty idle minutes; demo mode says so on every page.
 */
@IntegrationTest
class SessionsAndDemoBannerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionIsKeptInPostgresqlAndEndsAfterThirtyIdleMinutes() {
        WebSession web = new WebSession(port).from("198.51.100.41").login("cd.county2", DemoAccounts.PASSWORD, null);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        String id = new String(Base64.getDecoder().decode(web.cookie("SESSION").orElseThrow()), StandardCharsets.UTF_8);
        int idle = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        assertThat(idle).as("seconds a session may stay idle").isEqualTo(30 * 60);

        // Another instance would read the same row: make it 29 idle minutes old, then 31.
        age(id, 29);
        assertThat(web.get("/").statusCode())
                .as("29 idle minutes: still logged in")
                .isEqualTo(200);
        age(id, 31);
        HttpResponse<String> after = web.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void everyPageOfADemoInstanceCarriesTheDemoBanner() {
        WebSession web = new WebSession(port).from("198.51.100.42").login("cd.dm", DemoAccounts.PASSWORD, null);
        for (String page : new String[] {"/", "/cases", "/account"}) {
            String body = web.get(page).body();
            assertThat(body).as(page).contains("class=\"demo-banner\"").contains("DEMO");
        }
        assertThat(new WebSession(port).get("/login").body())
                .as("the login page too")
                .contains("class=\"demo-banner\"");
    }

    /** Moves the session's last access {@code minutes} into the past, as idle time would. */
    private void age(String id, int minutes) {
        long millis = minutes * 60_000L;
        jdbc.sql("""
            UPDATE spring_session SET last_access_time = :now - :millis, expiry_time = :now - :millis + max_inactive_interval * 1000
            WHERE session_id = :id\
            """)
                .param("now", System.currentTimeMillis())
                .param("millis", millis)
                .param("id", id)
                .update();
    }
}
