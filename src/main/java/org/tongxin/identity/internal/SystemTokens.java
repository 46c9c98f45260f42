package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * Tokens for other agencies' systems, issued and revoked by the security administrator: each acts for one agency
 * with named (non-administrator) roles that fit that agency. The security administrator alone issues only tokens whose
 * roles read no personal data ({@link SystemTokenPolicy#ONE_STEP}); any other needs a head of the agency to request it
 * ({@link SystemTokenRequests}).
 */
@Service
public class SystemTokens {

    private final TokenRepository tokens;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final boolean demoMode;

    SystemTokens(
            TokenRepository tokens,
            AgencyDirectory agencies,
            AuditLog audit,
            CurrentUser currentUser,
            Clock clock,
            @Value("${tongxin.demo:false}") boolean demoMode) {
        this.demoMode = demoMode;
        this.tokens = tokens;
        this.agencies = agencies;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TokenRepository.TokenRow> list() {
        return tokens.system();
    }

    @Transactional
    public SelfService.IssuedToken issue(String name, AgencyId agencyId, Set<Role> roles, Integer lifetimeDays) {
        FieldProblems problems = new FieldProblems();
        String label = SelfService.checkName(name, problems);
        AgencyView agency = agencyId == null ? null : agencies.find(agencyId).orElse(null);
        if (agency == null) {
            problems.add("agencyId", agencyId == null ? "required" : "unknownAgency");
        } else if (!agency.active()) {
            problems.add("agencyId", "inactiveAgency");
        }
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (wanted.isEmpty()) {
            problems.add("roles", "required");
        } else if (wanted.stream().anyMatch(Role::isAdmin)) {
            problems.add("roles", "noAdminRoleForToken");
        } else if (SystemTokenPolicy.of(wanted) == SystemTokenPolicy.NEVER) {
            problems.add("roles", "roleNotForTokens");
        } else if (agency != null && wanted.stream().anyMatch(r -> !r.fits(agency))) {
            problems.add("roles", "roleForAgency");
        }
        int days = lifetimeDays == null ? 365 : lifetimeDays;
        if (!SelfService.TOKEN_LIFETIMES_DAYS.contains(days)) {
            problems.add("lifetimeDays", "oneOf", SelfService.TOKEN_LIFETIMES_DAYS.toString());
        }
        problems.throwIfAny();
        if (SystemTokenPolicy.of(wanted) != SystemTokenPolicy.ONE_STEP) {
            // A role that reads personal data: a head of the agency must ask for it (two people), never one
            // administrator.
            throw TongxinException.forbidden("SYSTEM_TOKEN_NEEDS_REQUEST");
        }
        String token = Tokens.generate(Tokens.SYSTEM_PREFIX);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        tokens.insert(
                id,
                "SYSTEM",
                label,
                Tokens.hash(token),
                Tokens.displayPrefix(token),
                null,
                agency.id().value(),
                wanted,
                currentUser.get().userId(),
                now,
                expires,
                null,
                null,
                demoMode);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.create")
                .target("token", id)
                .detail("kind", "SYSTEM")
                .detail("agency", agency.id())
                .detail("roles", wanted));
        return new SelfService.IssuedToken(id, token, expires);
    }

    @Transactional
    public void revoke(UUID tokenId) {
        TokenRepository.TokenRow token = tokens.find(tokenId).orElseThrow(TongxinException::notFound);
        if (tokens.revoke(token.id(), currentUser.get().userId(), clock.instant())) {
            audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.revoke")
                    .target("token", token.id())
                    .detail("kind", token.kind()));
        }
    }
}
