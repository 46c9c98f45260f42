package org.tongxin.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.identity.Authorities;

/**
 * The password step. Unknown user, disabled or locked account and wrong password all fail the same way, after the
 * same hashing work, so a response never tells which (SECURITY.md S2). Success only opens the next login step.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private static final String FAILED = "Bad credentials";

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final LoginProtection protection;
    private final AuditLog audit;
    private final String dummyHash;

    PasswordAuthenticationProvider(UserRepository users, PasswordPolicy passwords, LoginProtection protection, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.protection = protection;
        this.audit = audit;
        this.dummyHash = passwords.hash("timing-equaliser-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalise(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<UserRow> found = username.isEmpty() || username.length() > 64 ? Optional.empty() : users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            fail(username, null, "unknown-user");
        }
        UserRow user = found.get();
        if (!user.active() || protection.isLocked(user)) {
            passwords.matches(password, dummyHash);
            fail(username, user, user.active() ? "locked" : "disabled");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            boolean lockedNow = protection.failed(user.id(), username);
            fail(username, user, lockedNow ? "wrong-password-locked" : "wrong-password");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "login.password").target("user", user.id()).actorName(username));
        return UsernamePasswordAuthenticationToken.authenticated(LoginSteps.principal(user), null,
                List.of(new SimpleGrantedAuthority(Authorities.LOGIN_PENDING)));
    }

    private void fail(String username, UserRow user, String reason) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "login.failure").outcome(AuditOutcome.FAILURE)
                .target("user", user == null ? null : user.id()).actorName(username).detail("reason", reason));
        throw new BadCredentialsException(FAILED);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
