package org.tongxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.TongxinPrincipal;

/**
 * doc/security-requirements.md S4 on every request: a session older than 12 hours ends whatever its activity, and a session whose
 * account was disabled (or whose password, roles or second factor changed) ends at its next request.
 */
class SessionGuardFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);

    private final UserRepository users;
    private final Clock clock;

    SessionGuardFilter(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean expired = session != null && clock.millis() - session.getCreationTime() > ABSOLUTE_LIMIT.toMillis();
        if (expired || !stillValid(SecurityContextHolder.getContext().getAuthentication())) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication authentication) {
        if (authentication == null
                || !(authentication.getPrincipal() instanceof TongxinPrincipal principal)
                || principal.kind() != TongxinPrincipal.Kind.SESSION) {
            return true;
        }
        Optional<UserRepository.SessionCheck> check = users.sessionCheck(principal.userId());
        if (check.isEmpty() || !check.get().active()) {
            return false;
        }
        boolean complete = authentication.getAuthorities().stream()
                .anyMatch(a -> Authorities.FULLY_AUTHENTICATED.equals(a.getAuthority()));
        return !complete || check.get().securityStamp() == principal.securityStamp();
    }
}
