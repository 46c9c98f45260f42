package org.tongxin.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import org.tongxin.agency.AgencyId;

/**
 * Who is logged in (or which token acts): kept in the server-side session and rebuilt for every token call.
 * {@code securityStamp} ends sessions when the account's password, roles or status change.
 */
public record TongxinPrincipal(Kind kind, UUID userId, String username, String displayName, UUID agencyId,
        Set<Role> roles, UUID tokenId, int securityStamp) implements Serializable, AuthenticatedPrincipal, java.security.Principal {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind { SESSION, PERSONAL_TOKEN, SYSTEM_TOKEN }

    public TongxinPrincipal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public AgencyId agency() {
        return AgencyId.of(agencyId);
    }

    public UserId user() {
        return userId == null ? null : UserId.of(userId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isAdmin() {
        return roles.stream().anyMatch(Role::isAdmin);
    }
}
