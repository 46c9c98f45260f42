package org.tongxin.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Browsers an account completed a login in (password and second factor): a random device cookie, of which only a
 * hash is kept per account. Presented again for the same account, it identifies a known-good source (OWASP's device
 * cookies) that the per-source and per-account delays do not hold up. It proves nothing by itself: the password and
 * the second factor are still required.
 */
@Component
class KnownDevices {

    static final String COOKIE = "TX_DEVICE";
    static final Duration REMEMBERED = Duration.ofDays(180);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThrottleRepository repository;
    private final Clock clock;

    KnownDevices(ThrottleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The device key (a short hash) when the request carries a cookie this account logged in with; else empty. */
    Optional<String> recognised(HttpServletRequest request, UUID userId) {
        return cookie(request)
                .map(KnownDevices::hash)
                .filter(h -> repository.knownDevice(userId, h, clock.instant().minus(REMEMBERED)))
                .map(h -> HexFormat.of().formatHex(Arrays.copyOf(h, 8)));
    }

    /** After a complete login: remembers this browser for the account (giving it a cookie if it has none). */
    void remember(HttpServletRequest request, HttpServletResponse response, UUID userId) {
        String value = cookie(request).orElse(null);
        if (value == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        repository.rememberDevice(userId, hash(value), clock.instant());
        // Secure whenever the request came over TLS (directly, or through a proxy with
        // server.forward-headers-strategy).
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(COOKIE, value)
                        .path(request.getContextPath() + "/")
                        .maxAge(REMEMBERED)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .build()
                        .toString());
    }

    /** A reset of the account's credentials forgets its browsers: a known browser must earn trust again. */
    void forget(UUID userId) {
        repository.forgetDevices(userId);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v != null
                        && v.length() == 43
                        && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'))
                .findFirst();
    }

    private static byte[] hash(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
