package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;

/**
 * SECURITY.md S2: five failed logins (password or second factor) within 15 minutes lock the account for 15
 * minutes; it then unlocks by itself. Counting is atomic in the database, so parallel guesses cannot slip past it.
 */
@Component
class LoginProtection {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    LoginProtection(UserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    boolean isLocked(UserRow user) {
        return user.locked(clock.instant());
    }

    /** Counts a failure; returns true when this failure locked the account. */
    boolean failed(UUID userId, String username) {
        Instant now = clock.instant();
        int failures = users.recordFailure(userId, now, WINDOW);
        if (failures >= MAX_FAILURES) {
            users.lock(userId, now.plus(LOCK));
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "login.locked").outcome(AuditOutcome.DENIED)
                    .target("user", userId).actorName(username).detail("minutes", LOCK.toMinutes()));
            return true;
        }
        return false;
    }
}
