package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.identity.internal.ThrottleRepository.Key;

/**
 * Throttling instead of lockout (doc/adr/0017-throttling-instead-of-lockout.md). A login attempt is
 * counted under three keys — the account from this source, the source, and the account — each with growing delays
 * ({@link ThrottleRules}); while a key's delay runs, its attempts are refused without checking the password, exactly
 * like a wrong password. A browser in which the account completed a login before is its own source and passes the
 * per-source and per-account delays, so guessing from elsewhere never keeps the real user out. No account is ever
 * locked by failures. Bad bearer tokens are counted per source the same way.
 */
@Component
public class LoginThrottle {

    /** Where an attempt comes from: the client address, or the account's known browser (null if none). */
    public record Attempt(String username, String source, String device) {

        List<Key> keys() {
            List<Key> keys = new ArrayList<>();
            keys.add(new Key(ThrottleRules.PAIR, pairKey(username, device != null ? "device:" + device : source)));
            if (device == null) {
                keys.add(new Key(ThrottleRules.SOURCE, source));
                keys.add(new Key(ThrottleRules.ACCOUNT, truncate(username, 200)));
            }
            return keys;
        }
    }

    private final ThrottleRepository repository;
    private final KnownDevices devices;
    private final Clock clock;

    LoginThrottle(ThrottleRepository repository, KnownDevices devices, Clock clock) {
        this.repository = repository;
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * The current request's attempt on an account: from a browser the account logged in with before (when
     * {@code userId} is known and the browser's device cookie matches), else from the client address.
     */
    public Attempt attempt(String username, java.util.UUID userId) {
        String device = userId == null
                ? null
                : currentRequest().flatMap(r -> devices.recognised(r, userId)).orElse(null);
        return new Attempt(username, currentSource(), device);
    }

    /** Until when attempts like this one are refused unchecked, if they are now. */
    public Optional<Instant> blockedUntil(Attempt attempt) {
        return repository.blockedUntil(attempt.keys(), clock.instant());
    }

    /** Counts a failed password or second-factor code under every key of the attempt. */
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        attempt.keys().forEach(k -> repository.failed(k, now));
    }

    /** A complete login forgets the failures of this account from this source (not those of other sources). */
    public void succeeded(Attempt attempt) {
        repository.clear(attempt.keys().getFirst());
    }

    /** The security administrator lifts every delay of an account (its own and those of its pairs). */
    public void clearAccount(String username) {
        repository.clear(new Key(ThrottleRules.ACCOUNT, truncate(username, 200)));
        repository.clearPairsOf(username);
    }

    /** How long a source that presented bad bearer tokens must still wait, if it must. */
    public Optional<Duration> tokenSourceBlocked(String source) {
        Instant now = clock.instant();
        return repository
                .blockedUntil(List.of(new Key(ThrottleRules.TOKEN, source)), now)
                .map(u -> Duration.between(now, u));
    }

    public void tokenFailed(String source) {
        repository.failed(new Key(ThrottleRules.TOKEN, source), clock.instant());
    }

    /** The client address of the current request ({@code server.forward-headers-strategy} makes it the proxy's client). */
    public static String currentSource() {
        return currentRequest()
                .map(HttpServletRequest::getRemoteAddr)
                .map(a -> truncate(a, 64))
                .orElse("unknown");
    }

    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }

    static String pairKey(String username, String source) {
        return truncate(username.toLowerCase(Locale.ROOT), 120) + "|" + truncate(source, 78);
    }

    private static String truncate(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
