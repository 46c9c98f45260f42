package org.tongxin.identity;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.shared.error.TongxinException;

/** The fully authenticated user (or token) of the current request. */
@Component
public class CurrentUser {

    /** The principal, if the request is fully authenticated. */
    public Optional<TongxinPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof TongxinPrincipal principal
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> Authorities.FULLY_AUTHENTICATED.equals(a.getAuthority()))) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** Who acts, as events and timelines record it: the user, or the system when nobody is logged in. */
    public org.tongxin.shared.security.ActorRef ref() {
        return find().map(p -> new org.tongxin.shared.security.ActorRef(
                        p.userId(), p.displayName() == null ? p.username() : p.displayName(), p.agencyId()))
                .orElse(org.tongxin.shared.security.ActorRef.SYSTEM);
    }

    /** The principal; unauthenticated calls are refused before controllers, so 401 here is a last resort. */
    public TongxinPrincipal get() {
        return find().orElseThrow(() -> new TongxinException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
    }
}
