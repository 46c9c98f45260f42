package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;

/**
 * Turns {@code Authorization: Bearer <token>} into a principal: a personal token acts as its (active) user with
 * that user's roles; a system token acts for one agency with the roles named when it was issued.
 */
@Component
class TokenAuthenticationManager implements AuthenticationManager {

    private final TokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    TokenAuthenticationManager(TokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Instant now = clock.instant();
        Optional<TokenRepository.TokenRow> row = Tokens.wellFormed(token) ? tokens.findByHash(Tokens.hash(token)) : Optional.empty();
        if (row.isEmpty() || !row.get().usable(now)) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "token.rejected").outcome(AuditOutcome.FAILURE)
                    .target("token", row.map(r -> r.id()).orElse(null))
                    .detail("reason", row.isEmpty() ? "unknown" : row.get().revokedAt() != null ? "revoked" : "expired"));
            throw new InvalidBearerTokenException("The token is unknown, expired or revoked");
        }
        TokenRepository.TokenRow t = row.get();
        TongxinPrincipal principal;
        if ("PERSONAL".equals(t.kind())) {
            UserRow user = users.findById(t.userId()).filter(UserRow::active).orElse(null);
            if (user == null) {
                throw new InvalidBearerTokenException("The token's user is disabled");
            }
            principal = new TongxinPrincipal(TongxinPrincipal.Kind.PERSONAL_TOKEN, user.id(), user.username(),
                    user.displayName(), user.agencyId(), user.roles(), t.id(), user.securityStamp());
        } else {
            principal = new TongxinPrincipal(TongxinPrincipal.Kind.SYSTEM_TOKEN, null, "system-token:" + t.prefix(),
                    t.name(), t.agencyId(), t.roles(), t.id(), 0);
        }
        tokens.touched(t.id(), now);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        principal.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).forEach(authorities::add);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
