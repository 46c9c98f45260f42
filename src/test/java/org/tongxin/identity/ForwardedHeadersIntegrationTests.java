package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.shared.web.Languages;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.TestAccounts;
import org.tongxin.support.WebSession;

/**
 * Issue 9, item 15: behind a TLS proxy (server.forward-headers-strategy=native, doc/operations.md) the application knows
 * the request came over HTTPS — its cookies are Secure and it sends HSTS — and knows the client's address, which the
 * throttle and the audit log use. Over plain HTTP without the proxy's headers, neither.
 */
@IntegrationTest
class ForwardedHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> cookies(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .toList();
    }

    @Test
    void behindATlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page =
                get("/login?lang=en", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.90"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(cookies(page, "SESSION"))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Secure", "HttpOnly"));
        assertThat(cookies(page, Languages.COOKIE))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age="));
    }

    @Test
    void overPlainHttpWithoutTheProxysHeadersNeither() throws Exception {
        HttpResponse<String> page = get("/login?lang=en", Map.of());
        assertThat(cookies(page, "SESSION"))
                .singleElement()
                .satisfies(c -> assertThat(c).doesNotContain("Secure"));
        assertThat(cookies(page, Languages.COOKIE))
                .singleElement()
                .satisfies(c -> assertThat(c).doesNotContain("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theKnownBrowsersCookieIsSecureOverTls() throws Exception {
        TestAccounts.Account account = accounts.countyOfficer();
        MvcResult login = mvc.perform(post("/login")
                        .secure(true)
                        .param("username", account.username())
                        .param("password", TestAccounts.PASSWORD)
                        .with(csrf()))
                .andReturn();
        Cookie device = login.getResponse().getCookie("TX_DEVICE");
        assertThat(device).isNotNull();
        assertThat(device.getSecure()).isTrue();
    }

    @Test
    void theProxysClientIsTheSourceTheThrottleAndTheAuditLogSee() {
        String source = "203.0.113.91";
        String username = "nobody-" + System.nanoTime();
        new WebSession(port).from(source).submitLogin(username, "Some-Password-1");
        assertThat(jdbc.sql("SELECT client_ip FROM audit_record WHERE action = 'login.failure' AND actor_username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo(source);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_throttle WHERE scope = 'SOURCE' AND key = :k")
                        .param("k", source)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
