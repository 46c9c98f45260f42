package org.tongxin.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.UserDirectory;

/**
 * Acts as a demo account: the work runs in this thread with the security context a completed login of the account
 * would have (its principal, roles and the full-login authority), so every command checks its lawful role and right,
 * and the audit log, the timeline and the row-level security see that person. The previous caller is restored after.
 */
@Component
class DemoUsers {

    private final UserDirectory users;

    DemoUsers(UserDirectory users) {
        this.users = users;
    }

    <T> T actAs(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(loggedIn(username));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void actAs(String username, Runnable work) {
        actAs(username, () -> {
            work.run();
            return null;
        });
    }

    /** The account's name as documents and timelines show it. */
    String displayName(String username) {
        return users.findByUsername(username)
                .map(u -> u.displayName() == null ? u.username() : u.displayName())
                .orElse(username);
    }

    private UsernamePasswordAuthenticationToken loggedIn(String username) {
        TongxinPrincipal principal = users.loginPrincipal(username)
                .orElseThrow(() -> new IllegalStateException("No active demo account " + username));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        principal.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
