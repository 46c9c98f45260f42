package org.tongxin.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.internal.PasswordPolicy;
import org.tongxin.identity.internal.SecondFactors;
import org.tongxin.identity.internal.UserRepository;
import org.tongxin.shared.error.TongxinException;

/**
 * Creates complete accounts without an administrator at the keyboard: the City A demo and the one-time bootstrap
 * of a production install's first administrators. The same rules hold (roles fit the agency, administrator roles
 * alone); every account is audited as created by the system.
 */
@Component
public class AccountProvisioning {

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final SecondFactors secondFactors;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean demoMode;

    AccountProvisioning(
            UserRepository users,
            PasswordPolicy passwords,
            SecondFactors secondFactors,
            AgencyDirectory agencies,
            AuditLog audit,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tongxin.demo:false}") boolean demoMode) {
        this.demoMode = demoMode;
        this.users = users;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Hashes a password once, for many accounts that share it (the demo). */
    public String hash(String password) {
        return passwords.hash(password);
    }

    /**
     * Creates an account. {@code mustChangePassword} for one-time passwords; {@code demoMfaExempt} only for
     * non-administrator demo accounts; {@code totpSecret} (Base32) enrols a known second factor, or null.
     */
    @Transactional
    public UserId provision(
            NewAccount account,
            String passwordHash,
            boolean mustChangePassword,
            boolean demoMfaExempt,
            String totpSecret) {
        AgencyView agency = agencies.get(account.agencyId());
        Set<Role> roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
        if (roles.stream().anyMatch(r -> !r.fits(agency))
                || (roles.stream().anyMatch(Role::isAdmin) && roles.size() > 1)) {
            throw TongxinException.invalid("roles", "roleForAgency");
        }
        if (demoMfaExempt && roles.stream().anyMatch(Role::isAdmin)) {
            throw TongxinException.invalid("roles", "adminRoleExclusive");
        }
        UUID id = UUID.randomUUID();
        // Made in demo mode: marked, so that leaving demo mode disables it (DemoRetirement), whatever its name.
        users.insert(
                id,
                account.username(),
                account.displayName(),
                agency.id().value(),
                passwordHash,
                mustChangePassword,
                demoMfaExempt,
                demoMode,
                clock.instant());
        users.replaceRoles(id, roles, null, clock.instant());
        if (totpSecret != null) {
            secondFactors.enrolKnownSecret(id, totpSecret);
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "user.provision")
                .target("user", id)
                .subjects(java.util.List.of(id))
                .detail("username", account.username())
                .detail("roles", roles));
        return UserId.of(id);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean anyAdministrator() {
        return Role.ADMINS.stream().anyMatch(r -> users.countWithRole(r) > 0);
    }
}
