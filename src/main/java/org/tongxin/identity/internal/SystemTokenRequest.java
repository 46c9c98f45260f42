package org.tongxin.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.IdentityEvents;
import org.tongxin.identity.Role;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * A system token asked for by a head of the agency it will act for, and issued or refused by the security
 * administrator (two people, doc/adr/0018-two-person-rules.md). One method per transition, each guarded, each recording
 * its event: {@code REQUESTED → ISSUED → DELIVERED} (the requester collects the token, once), or {@code REFUSED},
 * or {@code WITHDRAWN} by the agency's head before the token is collected.
 */
public final class SystemTokenRequest extends AggregateRoot {

    public enum State {
        REQUESTED,
        ISSUED,
        DELIVERED,
        REFUSED,
        WITHDRAWN
    }

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 500;
    static final int MAX_OPERATIONS = 200;

    final UUID id;
    final AgencyId agencyId;
    String name;
    String purpose;
    Set<Role> roles;
    Set<String> operations;
    int lifetimeDays;
    State state;
    UUID requestedBy;
    Instant requestedAt;
    UUID decidedBy;
    Instant decidedAt;
    String refusalReason;
    Instant expiresAt;
    UUID tokenId;
    Instant deliveredAt;
    boolean createdInDemo;
    int version;

    SystemTokenRequest(UUID id, AgencyId agencyId) {
        this.id = id;
        this.agencyId = agencyId;
    }

    /** Who acts: a person (never a token) with their agency and roles. */
    public record Requester(UUID userId, AgencyId agencyId, Set<Role> roles) {}

    /**
     * A head of {@code agency} asks for a token for it: the roles must fit the agency and be roles a system token may
     * carry ({@link SystemTokenPolicy}); the operations must be API operations ({@code knownOperation}); at most a year.
     */
    public static SystemTokenRequest request(
            UUID id,
            AgencyView agency,
            Requester requester,
            String name,
            String purpose,
            Set<Role> roles,
            Set<String> operations,
            Integer lifetimeDays,
            Predicate<String> knownOperation,
            List<Integer> lifetimes,
            boolean demo,
            Instant now) {
        if (requester.roles().stream().noneMatch(Role::isHead) || !agency.id().equals(requester.agencyId())) {
            throw TongxinException.forbidden("TOKEN_REQUEST_NEEDS_HEAD");
        }
        FieldProblems problems = new FieldProblems();
        String label = text(problems, "name", name, NAME_MAX);
        String why = text(problems, "purpose", purpose, TEXT_MAX);
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (wanted.isEmpty()) {
            problems.add("roles", "required");
        } else if (wanted.stream().anyMatch(r -> SystemTokenPolicy.of(r) == SystemTokenPolicy.NEVER)) {
            problems.add("roles", "roleNotForTokens");
        } else if (wanted.stream().anyMatch(r -> !r.fits(agency))) {
            problems.add("roles", "roleForAgency");
        }
        Set<String> ops = new LinkedHashSet<>();
        if (operations != null) {
            operations.stream()
                    .filter(o -> o != null && !o.isBlank())
                    .map(String::strip)
                    .forEach(ops::add);
        }
        if (ops.isEmpty()) {
            problems.add("operations", "required");
        } else if (ops.size() > MAX_OPERATIONS) {
            problems.add("operations", "maxItems", MAX_OPERATIONS);
        } else if (!ops.stream().allMatch(knownOperation)) {
            problems.add("operations", "unknownOperation");
        }
        if (ops.contains(org.tongxin.identity.Authorities.MONITORING_POSITIONS_OPERATION) && ops.size() > 1) {
            // The monitoring positions scope stands alone: that token calls nothing else (ADR 0034).
            problems.add("operations", "monitoringScopeAlone");
        }
        int days = lifetimeDays == null ? 90 : lifetimeDays;
        if (!lifetimes.contains(days)) {
            problems.add("lifetimeDays", "oneOf", lifetimes.toString());
        }
        problems.throwIfAny();
        SystemTokenRequest r = new SystemTokenRequest(id, agency.id());
        r.name = label;
        r.purpose = why;
        r.roles = wanted;
        r.operations = ops;
        r.lifetimeDays = days;
        r.state = State.REQUESTED;
        r.requestedBy = requester.userId();
        r.requestedAt = now;
        r.createdInDemo = demo;
        r.register(
                new IdentityEvents.SystemTokenRequested(id, agency.id(), Set.copyOf(wanted), requester.userId(), now));
        return r;
    }

    /** The security administrator issues it: the token will live {@code lifetimeDays} from now. */
    public void issue(Requester admin, Instant now) {
        requireSecurityAdministrator(admin);
        require(State.REQUESTED, "TOKEN_REQUEST_NOT_PENDING");
        state = State.ISSUED;
        decidedBy = admin.userId();
        decidedAt = now;
        expiresAt = now.plus(Duration.ofDays(lifetimeDays));
        register(new IdentityEvents.SystemTokenIssued(id, agencyId, admin.userId(), expiresAt, now));
    }

    /** The security administrator refuses it, saying why. */
    public void refuse(Requester admin, String reason, Instant now) {
        requireSecurityAdministrator(admin);
        require(State.REQUESTED, "TOKEN_REQUEST_NOT_PENDING");
        FieldProblems problems = new FieldProblems();
        String why = text(problems, "reason", reason, TEXT_MAX);
        problems.throwIfAny();
        state = State.REFUSED;
        decidedBy = admin.userId();
        decidedAt = now;
        refusalReason = why;
        register(new IdentityEvents.SystemTokenRefused(id, agencyId, admin.userId(), now));
    }

    /** A head of the agency withdraws it before its token is collected. */
    public void withdraw(Requester head, Instant now) {
        requireHeadOfAgency(head);
        if (state != State.REQUESTED && state != State.ISSUED) {
            throw TongxinException.conflict("TOKEN_REQUEST_CLOSED");
        }
        state = State.WITHDRAWN;
        decidedBy = head.userId();
        decidedAt = now;
        register(new IdentityEvents.SystemTokenRequestWithdrawn(id, agencyId, head.userId(), now));
    }

    /** The requester collects the issued token (once); after its expiry there is nothing left to collect. */
    public void deliver(Requester requester, UUID token, Instant now) {
        if (!requester.userId().equals(requestedBy)) {
            throw TongxinException.forbidden("TOKEN_REQUEST_NOT_YOURS");
        }
        require(State.ISSUED, "TOKEN_REQUEST_NOT_ISSUED");
        if (!now.isBefore(expiresAt)) {
            throw TongxinException.conflict("TOKEN_REQUEST_LAPSED");
        }
        state = State.DELIVERED;
        tokenId = token;
        deliveredAt = now;
        register(new IdentityEvents.SystemTokenDelivered(id, token, requester.userId(), now));
    }

    private void requireSecurityAdministrator(Requester admin) {
        if (!admin.roles().contains(Role.SECURITY_ADMIN)) {
            throw TongxinException.forbidden("FORBIDDEN");
        }
    }

    private void requireHeadOfAgency(Requester head) {
        if (head.roles().stream().noneMatch(Role::isHead) || !agencyId.equals(head.agencyId())) {
            throw TongxinException.forbidden("TOKEN_REQUEST_NEEDS_HEAD");
        }
    }

    private void require(State expected, String code) {
        if (state != expected) {
            throw TongxinException.conflict(code);
        }
    }

    private static String text(FieldProblems problems, String field, String value, int max) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            problems.add(field, "required");
            return null;
        }
        if (v.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return v;
    }

    public UUID id() {
        return id;
    }

    public AgencyId agencyId() {
        return agencyId;
    }

    public State state() {
        return state;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<String> operations() {
        return operations;
    }

    public String name() {
        return name;
    }

    public String purpose() {
        return purpose;
    }

    public int lifetimeDays() {
        return lifetimeDays;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID tokenId() {
        return tokenId;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public int version() {
        return version;
    }
}
