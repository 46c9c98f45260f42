package org.tongxin.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;

/**
 * What the two-person procedures of the identity module announce (past tense, ids and the few facts a listener needs;
 * never a token or a password). Published with the change, through the event publication registry.
 */
public final class IdentityEvents {

    private IdentityEvents() {}

    /** A head of an agency asked for a system token for it. */
    public record SystemTokenRequested(
            UUID requestId, AgencyId agencyId, Set<Role> roles, UUID requestedBy, Instant at) {}

    /** The security administrator issued the requested token (the requester may now collect it, once). */
    public record SystemTokenIssued(UUID requestId, AgencyId agencyId, UUID issuedBy, Instant expiresAt, Instant at) {}

    /** The security administrator refused the request. */
    public record SystemTokenRefused(UUID requestId, AgencyId agencyId, UUID refusedBy, Instant at) {}

    /** The agency's head withdrew the request. */
    public record SystemTokenRequestWithdrawn(UUID requestId, AgencyId agencyId, UUID withdrawnBy, Instant at) {}

    /** The requester collected the token issued on the request. */
    public record SystemTokenDelivered(UUID requestId, UUID tokenId, UUID deliveredTo, Instant at) {}

    /** An administrator asked for another administrator's credentials to be reset. */
    public record CredentialResetRequested(
            UUID resetId, UUID targetUserId, String kind, UUID requestedBy, Instant at) {}

    /** A reset was carried out (the person's sessions and tokens ended; they are told at their next login). */
    public record CredentialResetDone(
            UUID resetId, UUID targetUserId, String kind, UUID requestedBy, UUID approvedBy, Instant at) {}

    /** A second administrator refused a requested reset. */
    public record CredentialResetRefused(UUID resetId, UUID targetUserId, UUID refusedBy, Instant at) {}

    /** The requester withdrew a requested reset. */
    public record CredentialResetWithdrawn(UUID resetId, UUID targetUserId, UUID withdrawnBy, Instant at) {}
}
