package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Resets of credentials (doc/adr/0018-two-person-rules.md). An administrator's password or second factor is reset only
 * when one administrator asks and an administrator of another administrator role approves — so no administrator can
 * take over another alone. Every reset, an administrator's or a staff member's, ends the person's sessions (new
 * security stamp) and personal tokens, forgets their known browsers, is audited, and is shown to them at their next
 * login.
 */
@Service
public class CredentialResets {

    public static final Set<String> SORTABLE = CredentialResetRepository.SORTABLE.keySet();

    private final CredentialResetRepository resets;
    private final UserRepository users;
    private final TokenRepository tokens;
    private final KnownDevices devices;
    private final PasswordPolicy passwords;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CredentialResets(
            CredentialResetRepository resets,
            UserRepository users,
            TokenRepository tokens,
            KnownDevices devices,
            PasswordPolicy passwords,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.resets = resets;
        this.users = users;
        this.tokens = tokens;
        this.devices = devices;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A reset as pages and the API show it. */
    public record View(
            UUID id,
            UUID targetUserId,
            String targetUsername,
            String targetName,
            Set<Role> targetRoles,
            String kind,
            String reason,
            String state,
            UUID requestedBy,
            String requestedByName,
            Role requestedRole,
            Instant requestedAt,
            UUID decidedBy,
            String decidedByName,
            Role decidedRole,
            Instant decidedAt,
            String refusalReason,
            int version) {}

    /** An approved reset: the one-time password (for a password reset) is in this answer only. */
    public record Outcome(View reset, String oneTimePassword) {}

    /** An administrator account one may ask a reset for. */
    public record AdminAccount(UUID id, String username, String displayName, Set<Role> roles) {}

    @Transactional
    public View request(UUID target, CredentialReset.Kind kind, String reason) {
        TongxinPrincipal me = administrator();
        UserRow user = users.findById(target).orElseThrow(TongxinException::notFound);
        CredentialReset reset = CredentialReset.request(
                UUID.randomUUID(), user.id(), user.roles(), kind, reason, admin(me), clock.instant());
        resets.insert(reset);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "credential-reset.request")
                .target("user", user.id())
                .subjects(List.of(user.id()))
                .detail("reset", reset.id())
                .detail("kind", reset.kind()));
        publish(reset);
        return view(reset);
    }

    @Transactional(readOnly = true)
    public PageResult<View> list(CredentialReset.State state, PageQuery page) {
        administrator();
        return views(resets.search(state, page));
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        administrator();
        return view(resets.find(id).orElseThrow(TongxinException::notFound));
    }

    /** The second administrator approves, and the reset is carried out at once. */
    @Transactional
    public Outcome approve(UUID id, int version) {
        TongxinPrincipal me = administrator();
        CredentialReset reset = existing(id, version);
        reset.approve(admin(me), clock.instant());
        save(reset);
        String oneTime = execute(reset.targetUserId(), reset.kind(), me.userId());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "credential-reset.approve")
                .target("user", reset.targetUserId())
                .subjects(List.of(reset.targetUserId()))
                .detail("reset", reset.id())
                .detail("kind", reset.kind())
                .detail("requestedBy", reset.requestedBy()));
        publish(reset);
        return new Outcome(view(reset), oneTime);
    }

    @Transactional
    public View refuse(UUID id, int version, String reason) {
        TongxinPrincipal me = administrator();
        CredentialReset reset = existing(id, version);
        reset.refuse(admin(me), reason, clock.instant());
        save(reset);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "credential-reset.refuse")
                .target("user", reset.targetUserId())
                .detail("reset", reset.id()));
        publish(reset);
        return view(reset);
    }

    @Transactional
    public View withdraw(UUID id, int version) {
        TongxinPrincipal me = administrator();
        CredentialReset reset = existing(id, version);
        reset.withdraw(admin(me), clock.instant());
        save(reset);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "credential-reset.withdraw")
                .target("user", reset.targetUserId())
                .detail("reset", reset.id()));
        publish(reset);
        return view(reset);
    }

    /**
     * A staff member's reset by the administrator whose duty it is (one step), with the same effects and notice as an
     * approved one; returns the one-time password of a password reset.
     */
    @Transactional
    public String resetStaff(UserRow target, CredentialReset.Kind kind) {
        TongxinPrincipal me = administrator();
        if (target.isAdmin()) {
            throw TongxinException.forbidden("ADMIN_RESET_NEEDS_APPROVAL");
        }
        CredentialReset reset = CredentialReset.done(UUID.randomUUID(), target.id(), kind, admin(me), clock.instant());
        resets.insert(reset);
        publish(reset);
        return execute(target.id(), kind, me.userId());
    }

    /** The resets done on the caller's own account, newest first, and marks them as shown. */
    @Transactional
    public List<View> mine() {
        TongxinPrincipal me = currentUser.get();
        List<CredentialReset> done = resets.doneFor(me.userId(), 20);
        Instant now = clock.instant();
        for (CredentialReset reset : done) {
            if (reset.shown(now)) {
                save(reset);
            }
        }
        return views(new PageResult<>(done, 0, Math.max(1, done.size()), done.size()))
                .items();
    }

    /** Whether a reset of this account was carried out that its owner has not been shown yet. */
    @Transactional(readOnly = true)
    public boolean unseen(UUID userId) {
        return resets.anyUnseen(userId);
    }

    @Transactional(readOnly = true)
    public long pending() {
        return resets.countPending();
    }

    /** The administrator accounts other than the caller's (whose reset one may ask for). */
    @Transactional(readOnly = true)
    public List<AdminAccount> administrators() {
        UUID me = administrator().userId();
        return users.administrators().stream()
                .filter(u -> !u.id().equals(me))
                .map(u -> new AdminAccount(u.id(), u.username(), u.displayName(), u.roles()))
                .toList();
    }

    /** Sets a one-time password and/or removes the second factor; ends sessions, personal tokens and known browsers. */
    private String execute(UUID target, CredentialReset.Kind kind, UUID by) {
        Instant now = clock.instant();
        String oneTime = null;
        if (kind.password()) {
            oneTime = AccountAdministration.oneTimePassword();
            users.setPassword(target, passwords.hash(oneTime), true, now);
        }
        if (kind.secondFactor()) {
            users.clearTotp(target, now);
        }
        int revoked = tokens.revokePersonal(target, by, now);
        devices.forget(target);
        audit.record(AuditEntry.of(
                        AuditCategory.SECURITY,
                        kind.secondFactor() && !kind.password() ? "user.mfa-reset" : "user.password-reset")
                .target("user", target)
                .subjects(List.of(target))
                .detail("kind", kind)
                .detail("tokensRevoked", revoked));
        return oneTime;
    }

    private TongxinPrincipal administrator() {
        TongxinPrincipal me = currentUser.get();
        if (!me.isAdmin()) {
            throw TongxinException.forbidden("FORBIDDEN");
        }
        return me;
    }

    private CredentialReset existing(UUID id, int version) {
        CredentialReset reset = resets.find(id).orElseThrow(TongxinException::notFound);
        if (reset.version() != version) {
            throw TongxinException.staleVersion();
        }
        return reset;
    }

    private void save(CredentialReset reset) {
        if (!resets.update(reset)) {
            throw TongxinException.staleVersion();
        }
        reset.version++;
    }

    private void publish(CredentialReset reset) {
        reset.pullEvents().forEach(events::publishEvent);
    }

    private static CredentialReset.Admin admin(TongxinPrincipal me) {
        return new CredentialReset.Admin(me.userId(), me.roles());
    }

    private View view(CredentialReset reset) {
        return views(new PageResult<>(List.of(reset), 0, 1, 1)).items().getFirst();
    }

    private PageResult<View> views(PageResult<CredentialReset> page) {
        Map<UUID, UserRow> people = users
                .findAll(page.items().stream()
                        .flatMap(r -> Stream.of(r.targetUserId(), r.requestedBy(), r.decidedBy()))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(UserRow::id, u -> u, (a, b) -> a));
        return page.map(r -> {
            UserRow target = people.get(r.targetUserId());
            return new View(
                    r.id(),
                    r.targetUserId(),
                    target == null ? null : target.username(),
                    target == null ? null : target.displayName(),
                    target == null ? Set.of() : target.roles(),
                    r.kind().name(),
                    r.reason(),
                    r.state().name(),
                    r.requestedBy(),
                    name(people.get(r.requestedBy())),
                    r.requestedRole(),
                    r.requestedAt(),
                    r.decidedBy(),
                    name(people.get(r.decidedBy())),
                    r.decidedRole(),
                    r.decidedAt(),
                    r.refusalReason(),
                    r.version());
        });
    }

    private static String name(UserRow user) {
        return user == null ? null : user.displayName();
    }
}
