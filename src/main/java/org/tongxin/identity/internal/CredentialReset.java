package org.tongxin.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tongxin.identity.IdentityEvents;
import org.tongxin.identity.Role;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * A reset of a person's credentials (password, second factor, or both). An administrator's is two-person
 * (doc/adr/0018-two-person-rules.md): requested by one administrator, approved — and so carried out — by an
 * administrator of another administrator role, never by the target: {@code REQUESTED → DONE}, or {@code REFUSED} by
 * such a second administrator, or {@code WITHDRAWN} by the requester. A staff member's reset is one administrator's
 * action, recorded {@code DONE} at once. Either way the target is shown it at the next login.
 */
public final class CredentialReset extends AggregateRoot {

    public enum Kind {
        PASSWORD,
        SECOND_FACTOR,
        BOTH;

        public boolean password() {
            return this != SECOND_FACTOR;
        }

        public boolean secondFactor() {
            return this != PASSWORD;
        }
    }

    public enum State {
        REQUESTED,
        DONE,
        REFUSED,
        WITHDRAWN
    }

    static final int TEXT_MAX = 500;

    final UUID id;
    final UUID targetUserId;
    Kind kind;
    String reason;
    State state;
    UUID requestedBy;
    Role requestedRole;
    Instant requestedAt;
    UUID decidedBy;
    Role decidedRole;
    Instant decidedAt;
    String refusalReason;
    Instant shownToTargetAt;
    int version;

    CredentialReset(UUID id, UUID targetUserId) {
        this.id = id;
        this.targetUserId = targetUserId;
    }

    /** An administrator acting: their account and roles (an administrator holds exactly one administrator role). */
    public record Admin(UUID userId, Set<Role> roles) {

        Role adminRole() {
            return roles.stream().filter(Role::isAdmin).findFirst().orElse(null);
        }
    }

    /** One administrator asks for another administrator's credentials to be reset, saying why. */
    public static CredentialReset request(
            UUID id, UUID target, Set<Role> targetRoles, Kind kind, String reason, Admin requester, Instant now) {
        if (requester.adminRole() == null) {
            throw TongxinException.forbidden("FORBIDDEN");
        }
        if (requester.userId().equals(target)) {
            throw TongxinException.forbidden("OWN_ACCOUNT");
        }
        if (targetRoles.stream().noneMatch(Role::isAdmin)) {
            throw TongxinException.rule("RESET_ONLY_FOR_ADMINISTRATORS");
        }
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            problems.add("reason", "required");
        } else if (why.length() > TEXT_MAX) {
            problems.add("reason", "maxLength", TEXT_MAX);
        }
        problems.throwIfAny();
        CredentialReset r = new CredentialReset(id, target);
        r.kind = kind;
        r.reason = why;
        r.state = State.REQUESTED;
        r.requestedBy = requester.userId();
        r.requestedRole = requester.adminRole();
        r.requestedAt = now;
        r.register(new IdentityEvents.CredentialResetRequested(id, target, kind.name(), requester.userId(), now));
        return r;
    }

    /** A staff member's reset by the administrator whose duty it is: done at once, recorded for the target's notice. */
    public static CredentialReset done(UUID id, UUID target, Kind kind, Admin admin, Instant now) {
        CredentialReset r = new CredentialReset(id, target);
        r.kind = kind;
        r.state = State.DONE;
        r.requestedBy = admin.userId();
        r.requestedRole = admin.adminRole();
        r.requestedAt = now;
        r.decidedBy = admin.userId();
        r.decidedRole = admin.adminRole();
        r.decidedAt = now;
        r.register(
                new IdentityEvents.CredentialResetDone(id, target, kind.name(), admin.userId(), admin.userId(), now));
        return r;
    }

    /** The second administrator approves: the reset is carried out (by the caller, in the same transaction). */
    public void approve(Admin approver, Instant now) {
        requireSecondAdministrator(approver);
        state = State.DONE;
        decidedBy = approver.userId();
        decidedRole = approver.adminRole();
        decidedAt = now;
        register(new IdentityEvents.CredentialResetDone(
                id, targetUserId, kind.name(), requestedBy, approver.userId(), now));
    }

    /** A second administrator refuses it, saying why. */
    public void refuse(Admin approver, String why, Instant now) {
        requireSecondAdministrator(approver);
        String text = why == null ? null : why.strip();
        if (text == null || text.isEmpty()) {
            throw TongxinException.invalid("reason", "required");
        }
        if (text.length() > TEXT_MAX) {
            throw TongxinException.invalid("reason", "maxLength", TEXT_MAX);
        }
        state = State.REFUSED;
        decidedBy = approver.userId();
        decidedRole = approver.adminRole();
        decidedAt = now;
        refusalReason = text;
        register(new IdentityEvents.CredentialResetRefused(id, targetUserId, approver.userId(), now));
    }

    /** The requester takes it back before a second administrator decides. */
    public void withdraw(Admin requester, Instant now) {
        if (!requester.userId().equals(requestedBy)) {
            throw TongxinException.forbidden("RESET_NOT_YOURS");
        }
        require(State.REQUESTED);
        state = State.WITHDRAWN;
        decidedBy = requester.userId();
        decidedRole = requester.adminRole();
        decidedAt = now;
        register(new IdentityEvents.CredentialResetWithdrawn(id, targetUserId, requester.userId(), now));
    }

    /** The target saw it after logging in (once). */
    public boolean shown(Instant now) {
        if (state != State.DONE || shownToTargetAt != null) {
            return false;
        }
        shownToTargetAt = now;
        return true;
    }

    /** Another person, holding an administrator role other than the requester's, and never the target. */
    private void requireSecondAdministrator(Admin approver) {
        require(State.REQUESTED);
        if (approver.adminRole() == null) {
            throw TongxinException.forbidden("FORBIDDEN");
        }
        if (approver.userId().equals(targetUserId)) {
            throw TongxinException.forbidden("OWN_ACCOUNT");
        }
        if (approver.userId().equals(requestedBy) || approver.adminRole() == requestedRole) {
            throw TongxinException.forbidden("RESET_NEEDS_OTHER_ADMINISTRATOR");
        }
    }

    private void require(State expected) {
        if (state != expected) {
            throw TongxinException.conflict("RESET_NOT_PENDING");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID targetUserId() {
        return targetUserId;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public Role requestedRole() {
        return requestedRole;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public Role decidedRole() {
        return decidedRole;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public Instant shownToTargetAt() {
        return shownToTargetAt;
    }

    public int version() {
        return version;
    }
}
