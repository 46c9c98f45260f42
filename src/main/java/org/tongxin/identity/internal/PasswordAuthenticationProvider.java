package org.tongxin.identity.internal;

import java.time.Clock;
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
import org.tongxin.identity.Authorities;

/**
 * The password step. An attempt held by the throttle ({@link LoginThrottle}), an unknown user, a disabled or locked
 * account and a wrong password all fail the same way, after the same hashing work, so a response never tells which
 * (doc/operations.md, "Logins"). Failures are counted by the throttle and in the audit log as counted bursts
 * ({@link FailureTally}). Success only opens the next login step.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String FAILURE = "login.failure";
    private static final String FAILED = "Bad credentials";

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final LoginThrottle throttle;
    private final FailureTally tally;
    private final AuditLog audit;
    private final Clock clock;
    private final String dummyHash;

    PasswordAuthenticationProvider(
            UserRepository users,
            PasswordPolicy passwords,
            LoginThrottle throttle,
            FailureTally tally,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tally = tally;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = passwords.hash("timing-equaliser-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalise(authentication.getName());
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        Optional<UserRow> found =
                username.isEmpty() || username.length() > 64 ? Optional.empty() : users.findByUsername(username);
        LoginThrottle.Attempt attempt =
                throttle.attempt(username, found.map(UserRow::id).orElse(null));
        if (throttle.blockedUntil(attempt).isPresent()) {
            // Held: not even checked (so it cannot be a guess), and refused like any other failure.
            passwords.matches(password, dummyHash);
            fail(attempt, null, "throttled");
        }
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throttle.failed(attempt);
            fail(attempt, null, "unknown-user");
        }
        UserRow user = found.get();
        if (!user.active() || user.locked(clock.instant())) {
            passwords.matches(password, dummyHash);
            throttle.failed(attempt);
            fail(attempt, user, user.active() ? "locked" : "disabled");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.failed(attempt);
            fail(attempt, user, "wrong-password");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "login.password")
                .target("user", user.id())
                .actorName(username));
        return UsernamePasswordAuthenticationToken.authenticated(
                LoginSteps.principal(user), null, List.of(new SimpleGrantedAuthority(Authorities.LOGIN_PENDING)));
    }

    private void fail(LoginThrottle.Attempt attempt, UserRow user, String reason) {
        // Attempts refused during a delay are counted per source only: a spray of names makes one counted record.
        tally.failed(
                FAILURE,
                attempt.source(),
                "throttled".equals(reason) ? "" : attempt.username(),
                reason,
                "user",
                user == null ? null : user.id());
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
