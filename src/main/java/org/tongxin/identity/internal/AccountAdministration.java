package org.tongxin.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.UserId;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * What administrators do to accounts, with separation of duties (三权分立, doc/security-requirements.md S5): the system
 * administrator creates and maintains staff accounts; the security administrator grants roles, resets second
 * factors, locks and unlocks, and looks after administrator accounts; nobody changes their own roles or second factor
 * this way; the last active holder of an administrator role cannot be removed. An administrator's credentials are
 * reset only through {@link CredentialResets} (two administrators). Every change is audited.
 */
@Service
public class AccountAdministration {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final CredentialResets resets;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final boolean demoMode;

    /** The security administrator's lock lasts until it is lifted. */
    static final java.time.Instant UNTIL_UNLOCKED = java.time.Instant.parse("9999-12-31T00:00:00Z");

    AccountAdministration(
            UserRepository users,
            PasswordPolicy passwords,
            AgencyDirectory agencies,
            AuditLog audit,
            CurrentUser currentUser,
            CredentialResets resets,
            LoginThrottle throttle,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tongxin.demo:false}") boolean demoMode) {
        this.users = users;
        this.passwords = passwords;
        this.agencies = agencies;
        this.audit = audit;
        this.currentUser = currentUser;
        this.resets = resets;
        this.throttle = throttle;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** A new account with a one-time password the user must change at first login. */
    public record Created(UserId id, String oneTimePassword) {}

    @Transactional
    public Created create(NewAccount account) {
        String username =
                account.username() == null ? null : account.username().strip().toLowerCase(Locale.ROOT);
        String name =
                account.displayName() == null ? null : account.displayName().strip();
        FieldProblems problems = new FieldProblems();
        if (username == null || username.isEmpty()) {
            problems.add("username", "required");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("username", "username");
        } else if (users.findByUsername(username).isPresent()) {
            problems.add("username", "taken");
        }
        checkName(name, problems);
        AgencyView agency = checkAgency(account.agencyId(), problems);
        if (account.roles() != null && !account.roles().isEmpty()) {
            problems.add("roles", "rolesBySecurityAdmin");
        }
        problems.throwIfAny();
        UUID id = UUID.randomUUID();
        String oneTime = oneTimePassword();
        users.insert(
                id,
                username,
                name,
                agency.id().value(),
                passwords.hash(oneTime),
                true,
                false,
                demoMode,
                clock.instant());
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "user.create")
                .target("user", id)
                .subjects(java.util.List.of(id))
                .detail("username", username)
                .detail("agency", agency.id()));
        return new Created(UserId.of(id), oneTime);
    }

    @Transactional
    public void updateProfile(UserId id, int version, String displayName, AgencyId agencyId) {
        UserRow user = existing(id);
        requireSystemAdminFor(user);
        FieldProblems problems = new FieldProblems();
        String name = displayName == null ? null : displayName.strip();
        checkName(name, problems);
        AgencyView agency = checkAgency(agencyId, problems);
        if (agency != null && user.roles().stream().anyMatch(r -> !r.fits(agency))) {
            problems.add("agencyId", "rolesDoNotFitAgency");
        }
        problems.throwIfAny();
        if (!users.updateProfile(user.id(), version, name, agency.id().value(), clock.instant())) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "user.update")
                .target("user", user.id())
                .subjects(java.util.List.of(user.id()))
                .detail("agency", agency.id()));
    }

    @Transactional
    public void setActive(UserId id, int version, boolean active) {
        UserRow user = existing(id);
        requireLifecycleRightFor(user);
        if (!active) {
            for (Role role : user.roles()) {
                if (role.isAdmin() && users.countWithRole(role) <= 1) {
                    throw TongxinException.rule("LAST_ADMIN", role.name());
                }
            }
        }
        if (!users.setStatus(user.id(), version, active ? "ACTIVE" : "DISABLED", clock.instant())) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, active ? "user.enable" : "user.disable")
                .target("user", user.id())
                .subjects(java.util.List.of(user.id())));
    }

    /**
     * Sets a new one-time password for a staff member (who must change it at next login) and returns it, once. An
     * administrator's password is reset only by two administrators ({@link CredentialResets}).
     */
    @Transactional
    public String resetPassword(UserId id) {
        UserRow user = existing(id);
        requireNotOwn(user);
        if (user.isAdmin()) {
            throw TongxinException.forbidden("ADMIN_RESET_NEEDS_APPROVAL");
        }
        requireLifecycleRightFor(user);
        return resets.resetStaff(user, CredentialReset.Kind.PASSWORD);
    }

    @Transactional
    public void setRoles(UserId id, int version, Set<Role> roles) {
        TongxinPrincipal actor = currentUser.get();
        requireRole(actor, Role.SECURITY_ADMIN);
        UserRow user = existing(id);
        if (user.id().equals(actor.userId())) {
            throw TongxinException.forbidden("OWN_ACCOUNT");
        }
        if (user.version() != version) {
            throw TongxinException.staleVersion();
        }
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        FieldProblems problems = new FieldProblems();
        if (wanted.stream().anyMatch(Role::isAdmin) && wanted.size() > 1) {
            problems.add("roles", "adminRoleExclusive");
        }
        AgencyView agency = agencies.find(AgencyId.of(user.agencyId())).orElseThrow();
        if (wanted.stream().anyMatch(r -> !r.fits(agency))) {
            problems.add("roles", "roleForAgency");
        }
        problems.throwIfAny();
        for (Role removed :
                EnumSet.complementOf(wanted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted))) {
            if (removed.isAdmin()
                    && user.roles().contains(removed)
                    && user.active()
                    && users.countWithRole(removed) <= 1) {
                throw TongxinException.rule("LAST_ADMIN", removed.name());
            }
        }
        users.replaceRoles(user.id(), wanted, actor.userId(), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "user.roles")
                .target("user", user.id())
                .subjects(java.util.List.of(user.id()))
                .detail(
                        "before",
                        String.join(
                                ",",
                                user.roles().stream().map(Role::name).sorted().toList()))
                .detail(
                        "after",
                        String.join(
                                ",", wanted.stream().map(Role::name).sorted().toList())));
    }

    /** Removes a staff member's second factor (they enrol again at next login); an administrator's needs two. */
    @Transactional
    public void resetSecondFactor(UserId id) {
        TongxinPrincipal actor = currentUser.get();
        requireRole(actor, Role.SECURITY_ADMIN);
        UserRow user = existing(id);
        requireNotOwn(user);
        if (user.isAdmin()) {
            throw TongxinException.forbidden("ADMIN_RESET_NEEDS_APPROVAL");
        }
        resets.resetStaff(user, CredentialReset.Kind.SECOND_FACTOR);
    }

    /**
     * The security administrator's lock (a suspected compromise): the account's sessions end, and its logins and personal
     * tokens are refused until it is unlocked. Failed logins never lock an account (they are throttled).
     */
    @Transactional
    public void lock(UserId id) {
        TongxinPrincipal actor = currentUser.get();
        requireRole(actor, Role.SECURITY_ADMIN);
        UserRow user = existing(id);
        requireNotOwn(user);
        for (Role role : user.roles()) {
            if (role.isAdmin() && user.active() && users.countWithRole(role) <= 1) {
                throw TongxinException.rule("LAST_ADMIN", role.name());
            }
        }
        users.lock(user.id(), UNTIL_UNLOCKED, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "user.lock")
                .target("user", user.id())
                .subjects(java.util.List.of(user.id())));
    }

    /** Lifts the lock, and every delay the throttle holds on the account's logins. */
    @Transactional
    public void unlock(UserId id) {
        TongxinPrincipal actor = currentUser.get();
        requireRole(actor, Role.SECURITY_ADMIN);
        UserRow user = existing(id);
        users.unlock(user.id());
        throttle.clearAccount(user.username());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "user.unlock")
                .target("user", user.id())
                .subjects(java.util.List.of(user.id())));
    }

    private void requireNotOwn(UserRow target) {
        if (target.id().equals(currentUser.get().userId())) {
            throw TongxinException.forbidden("OWN_ACCOUNT");
        }
    }

    private UserRow existing(UserId id) {
        return users.findById(id.value()).orElseThrow(TongxinException::notFound);
    }

    /** Staff accounts are the system administrator's; administrator accounts the security administrator's. */
    private void requireLifecycleRightFor(UserRow target) {
        TongxinPrincipal actor = currentUser.get();
        if (target.id().equals(actor.userId())) {
            throw TongxinException.forbidden("OWN_ACCOUNT");
        }
        requireRole(actor, target.isAdmin() ? Role.SECURITY_ADMIN : Role.SYSTEM_ADMIN);
    }

    private void requireSystemAdminFor(UserRow target) {
        TongxinPrincipal actor = currentUser.get();
        requireRole(actor, Role.SYSTEM_ADMIN);
        if (target.isAdmin()) {
            throw TongxinException.forbidden("ADMIN_ACCOUNT");
        }
    }

    private static void requireRole(TongxinPrincipal actor, Role role) {
        if (!actor.has(role)) {
            throw TongxinException.forbidden("FORBIDDEN");
        }
    }

    private void checkName(String name, FieldProblems problems) {
        if (name == null || name.isEmpty()) {
            problems.add("displayName", "required");
        } else if (name.length() > 100) {
            problems.add("displayName", "maxLength", 100);
        }
    }

    private AgencyView checkAgency(AgencyId agencyId, FieldProblems problems) {
        if (agencyId == null) {
            problems.add("agencyId", "required");
            return null;
        }
        AgencyView agency = agencies.find(agencyId).orElse(null);
        if (agency == null) {
            problems.add("agencyId", "unknownAgency");
        } else if (!agency.active()) {
            problems.add("agencyId", "inactiveAgency");
        }
        return agency;
    }

    /** 16 characters from an unambiguous alphabet with all required classes: shown once to the administrator. */
    static String oneTimePassword() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            sb.append('-').append((char) ('2' + RANDOM.nextInt(8)));
            String candidate = sb.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase)
                    && candidate.chars().anyMatch(Character::isLowerCase)) {
                return candidate;
            }
        }
    }
}
