package org.tongxin.identity.internal;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * The second factor (doc/security-requirements.md S3): TOTP secrets are stored encrypted with the data key; a code is accepted
 * once (its time step must be newer than the last accepted one); wrong codes count toward the throttle's delays, and a
 * login whose attempts are held by them ends (back to the password).
 */
@Component
public class SecondFactors {

    static final String SECRET_CONTEXT = "identity_user.totp_secret";
    static final String PROPOSED_CONTEXT = "session.proposed_totp_secret";

    public enum Result {
        ACCEPTED,
        REJECTED,
        LOCKED
    }

    private final UserRepository users;
    private final Totp totp;
    private final FieldCipher cipher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactors(
            UserRepository users, Totp totp, FieldCipher cipher, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.users = users;
        this.totp = totp;
        this.cipher = cipher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a code of the enrolled secret and uses up its time step. */
    @Transactional
    public Result verify(UserRow user, String code) {
        if (!user.active()
                || user.locked(clock.instant())
                || !user.mfaEnrolled()
                || throttle.blockedUntil(throttle.attempt(user.username(), user.id()))
                        .isPresent()) {
            return Result.LOCKED;
        }
        String secret = cipher.decrypt(user.totpSecret(), SECRET_CONTEXT);
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isPresent() && users.consumeTotpStep(user.id(), step.getAsLong())) {
            return Result.ACCEPTED;
        }
        return failure(user, "mfa.failure");
    }

    /** A new secret for enrolment, encrypted for keeping in the session until confirmed. */
    public byte[] propose() {
        return cipher.encrypt(totp.newSecret(), PROPOSED_CONTEXT);
    }

    public String reveal(byte[] proposed) {
        return cipher.decrypt(proposed, PROPOSED_CONTEXT);
    }

    /** Confirms enrolment with a code of the proposed secret, which then replaces any previous one. */
    @Transactional
    public Result enrol(UserRow user, byte[] proposed, String code) {
        if (!user.active()
                || user.locked(clock.instant())
                || throttle.blockedUntil(throttle.attempt(user.username(), user.id()))
                        .isPresent()) {
            return Result.LOCKED;
        }
        String secret = reveal(proposed);
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            return failure(user, "mfa.enrol-failure");
        }
        users.setTotp(user.id(), cipher.encrypt(secret, SECRET_CONTEXT), step.getAsLong(), false, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "mfa.enrolled")
                .target("user", user.id())
                .actorName(user.username()));
        return Result.ACCEPTED;
    }

    /**
     * Sets a known secret (the demo's administrators, whose secret the README gives): marked as published, so leaving
     * demo mode removes it.
     */
    @Transactional
    public void enrolKnownSecret(UUID userId, String base32Secret) {
        users.setTotp(userId, cipher.encrypt(base32Secret, SECRET_CONTEXT), 0, true, clock.instant());
    }

    private Result failure(UserRow user, String action) {
        LoginThrottle.Attempt attempt = throttle.attempt(user.username(), user.id());
        throttle.failed(attempt);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                .outcome(AuditOutcome.FAILURE)
                .target("user", user.id())
                .actorName(user.username()));
        return throttle.blockedUntil(attempt).isPresent() ? Result.LOCKED : Result.REJECTED;
    }
}
