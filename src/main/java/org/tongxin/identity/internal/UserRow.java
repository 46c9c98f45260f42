package org.tongxin.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tongxin.identity.Role;

/** A staff account as stored. */
public record UserRow(
        UUID id,
        String username,
        String displayName,
        UUID agencyId,
        String status,
        String passwordHash,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        byte[] totpSecret,
        Instant totpEnrolledAt,
        long totpLastStep,
        boolean mfaExempt,
        Instant lockedUntil,
        String preferredLanguage,
        int securityStamp,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt,
        int version,
        boolean createdInDemo,
        boolean totpPublished,
        Set<Role> roles) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean mfaEnrolled() {
        return totpEnrolledAt != null && totpSecret != null;
    }

    /** Locked by the security administrator (failed logins never lock an account: they are throttled). */
    public boolean locked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean isAdmin() {
        return roles.stream().anyMatch(Role::isAdmin);
    }
}
