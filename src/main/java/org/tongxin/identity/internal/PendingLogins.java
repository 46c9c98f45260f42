package org.tongxin.identity.internal;

import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.security.Actor;

/** Recognises a login that has passed the password but not yet every step. */
final class PendingLogins {

    private PendingLogins() {}

    static TongxinPrincipal pendingPrincipal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null
                && a.getPrincipal() instanceof TongxinPrincipal p
                && a.getAuthorities().stream().anyMatch(g -> Authorities.LOGIN_PENDING.equals(g.getAuthority()))) {
            return p;
        }
        return null;
    }

    static Actor currentActorOrAnonymous() {
        TongxinPrincipal p = pendingPrincipal();
        if (p == null) {
            // Outside any web request it is the application itself (start-up, scheduled jobs, commands).
            return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null
                    ? Actor.SYSTEM
                    : Actor.ANONYMOUS;
        }
        return new Actor(
                Actor.Kind.USER,
                p.userId(),
                p.username(),
                p.agencyId(),
                p.roles().stream().map(Role::name).collect(Collectors.toSet()),
                null);
    }
}
