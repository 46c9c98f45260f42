package org.tongxin.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser: real HTTP against the running application, cookies kept, redirects not
 * followed (tests look at them), and the CSRF token of the last page sent with every form.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String csrf;
    private String forwardedFor;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Every request of this browser comes from {@code address}, as a TLS proxy in front of the application reports it
     * (X-Forwarded-For; the tests run with server.forward-headers-strategy=native and the loopback proxy is trusted). A
     * test that fails logins on purpose uses an address of its own, so the per-source delays never reach other tests.
     */
    public WebSession from(String address) {
        this.forwardedFor = address;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    /** Follows redirects of a GET until a page (at most 5 hops). */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(
                    location.startsWith("http")
                            ? URI.create(location).getRawPath()
                                    + (URI.create(location).getRawQuery() == null
                                            ? ""
                                            : "?" + URI.create(location).getRawQuery())
                            : location);
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Username and password on the login page; returns the response to the POST (a redirect). */
    public HttpResponse<String> submitLogin(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** A complete login; {@code code} is the TOTP code when the account needs one (else null). */
    public WebSession login(String username, String password, String code) {
        HttpResponse<String> response = submitLogin(username, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (location.endsWith("/login/mfa")) {
            get("/login/mfa");
            response = post("/login/mfa", Map.of("code", code));
            location = response.headers().firstValue("Location").orElse("");
        }
        if (location.contains("/login")) {
            throw new IllegalStateException(
                    "Login of " + username + " did not complete: " + response.statusCode() + " " + location);
        }
        return this;
    }

    /** Sends {@code name=value} from now on, as a browser sends a cookie it was given elsewhere (another instance). */
    public WebSession withCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public String csrf() {
        return csrf;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
