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
 * {@code securityStamp} ends sessions when the account's password, roles or status change. {@code operations}: the
 * API operations (OpenAPI operation ids) a scoped system token may call; null for everybody else (no such limit).
 */
public record TongxinPrincipal(
        Kind kind,
        UUID userId,
        String username,
        String displayName,
        UUID agencyId,
        Set<Role> roles,
        UUID tokenId,
        int securityStamp,
        Set<String> operations)
        implements Serializable, AuthenticatedPrincipal, java.security.Principal {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind {
        SESSION,
        PERSONAL_TOKEN,
        SYSTEM_TOKEN
    }

    public TongxinPrincipal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        operations = operations == null ? null : Set.copyOf(operations);
    }

    /** A principal without an operation scope (people, personal tokens, unscoped system tokens). */
    public TongxinPrincipal(
            Kind kind,
            UUID userId,
            String username,
            String displayName,
            UUID agencyId,
            Set<Role> roles,
            UUID tokenId,
            int securityStamp) {
        this(kind, userId, username, displayName, agencyId, roles, tokenId, securityStamp, null);
    }

    /** Whether the caller may call the API operation with this id (always, unless a system token's scope leaves it out). */
    public boolean mayCall(String operationId) {
        return operations == null || (operationId != null && operations.contains(operationId));
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

    /**
     * Whether the caller may use its agency's lawful roles in cases at all: it holds a role that works cases
     * ({@link Role#CASE_ROLES}). Administrators, heads of agency and policy editors by those roles alone do not.
     */
    public boolean worksCases() {
        return roles.stream().anyMatch(Role::worksCases);
    }
}
