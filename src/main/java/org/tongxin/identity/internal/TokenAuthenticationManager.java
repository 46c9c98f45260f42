package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;

/**
 * Turns {@code Authorization: Bearer <token>} into a principal: a personal token acts as its (active, unlocked) user
 * with that user's roles; a system token acts for one agency with the roles named when it was issued, and — when it
 * was requested by the agency's head — only for the API operations named then. Bad tokens are counted per source: past
 * a few, the source waits with growing delays (429 with {@code Retry-After}) and its failures reach the audit log as
 * counted records, not one record each. A valid token is never held up by others' failures from the same address.
 */
@Component
class TokenAuthenticationManager implements AuthenticationManager {

    static final String REJECTED = "token.rejected";

    private final TokenRepository tokens;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final FailureTally tally;
    private final Clock clock;

    TokenAuthenticationManager(
            TokenRepository tokens, UserRepository users, LoginThrottle throttle, FailureTally tally, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.throttle = throttle;
        this.tally = tally;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Instant now = clock.instant();
        Optional<TokenRepository.TokenRow> row =
                Tokens.wellFormed(token) ? tokens.findByHash(Tokens.hash(token)) : Optional.empty();
        if (row.isEmpty() || !row.get().usable(now)) {
            reject(
                    row.map(TokenRepository.TokenRow::id).orElse(null),
                    row.isEmpty() ? "unknown" : row.get().revokedAt() != null ? "revoked" : "expired");
        }
        TokenRepository.TokenRow t = row.get();
        TongxinPrincipal principal;
        if ("PERSONAL".equals(t.kind())) {
            UserRow user = users.findById(t.userId()).orElse(null);
            if (user == null || !user.active() || user.locked(now)) {
                // A disabled or locked account's tokens stop with it.
                reject(t.id(), user == null || !user.active() ? "user-disabled" : "user-locked");
            }
            principal = new TongxinPrincipal(
                    TongxinPrincipal.Kind.PERSONAL_TOKEN,
                    user.id(),
                    user.username(),
                    user.displayName(),
                    user.agencyId(),
                    user.roles(),
                    t.id(),
                    user.securityStamp());
        } else {
            principal = new TongxinPrincipal(
                    TongxinPrincipal.Kind.SYSTEM_TOKEN,
                    null,
                    "system-token:" + t.prefix(),
                    t.name(),
                    t.agencyId(),
                    t.roles(),
                    t.id(),
                    0,
                    t.operations());
        }
        tokens.touched(t.id(), now);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        principal.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        if (principal.kind() == TongxinPrincipal.Kind.SYSTEM_TOKEN
                && Set.of(Authorities.MONITORING_POSITIONS_OPERATION).equals(principal.operations())) {
            // The monitoring system's token: scoped to the positions endpoint alone (ADR 0034).
            authorities.add(new SimpleGrantedAuthority(Authorities.MONITORING_POSITIONS));
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** Counts the failure (unless the source is already waiting) and refuses: 401, or 429 while the source waits. */
    private void reject(java.util.UUID tokenId, String reason) {
        String source = LoginThrottle.currentSource();
        Optional<Duration> waiting = throttle.tokenSourceBlocked(source);
        if (waiting.isPresent()) {
            tally.failed(REJECTED, source, "", "throttled", "token", null);
            throw new TooManyFailuresException(waiting.get());
        }
        throttle.tokenFailed(source);
        tally.failed(REJECTED, source, "", reason, "token", tokenId);
        throw new InvalidBearerTokenException("The token is unknown, expired or revoked");
    }
}
