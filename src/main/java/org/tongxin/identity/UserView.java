package org.tongxin.identity;

import java.time.Instant;
import java.util.Set;
import org.tongxin.agency.AgencyId;

/** A staff account as colleagues and administrators see it (never secrets). */
public record UserView(
        UserId id,
        String username,
        String displayName,
        AgencyId agencyId,
        String status,
        Set<Role> roles,
        boolean mfaEnrolled,
        boolean locked,
        boolean mustChangePassword,
        Instant lastLoginAt,
        int version) {}
