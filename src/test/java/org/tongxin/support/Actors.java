package org.tongxin.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserView;

/**
 * MockMvc requests as a real account of the database (its agency, roles and security stamp), as if it had
 * completed the login. Login itself is tested over real HTTP in LoginIntegrationTests.
 */
@Component
public class Actors {

    private final UserDirectory users;
    private final JdbcClient jdbc;

    Actors(UserDirectory users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    public RequestPostProcessor as(String username) {
        UserView user =
                users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("No user " + username));
        return authentication(authenticationOf(user, stampOf(user.id().value())));
    }

    /**
     * MockMvc requests as a system token of an agency with the given roles: another agency's system, acting without a
     * user (as the token filter authenticates one, however the token was issued).
     */
    public RequestPostProcessor asSystemToken(String agencyCode, Role... roles) {
        UUID agency = jdbc.sql("SELECT id FROM agency WHERE code = :c")
                .param("c", agencyCode)
                .query(UUID.class)
                .single();
        TongxinPrincipal principal = new TongxinPrincipal(
                TongxinPrincipal.Kind.SYSTEM_TOKEN,
                null,
                "system:" + agencyCode,
                null,
                agency,
                java.util.EnumSet.copyOf(List.of(roles)),
                UUID.randomUUID(),
                0);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    public UsernamePasswordAuthenticationToken authenticationOf(UserView user, int stamp) {
        TongxinPrincipal principal = new TongxinPrincipal(
                TongxinPrincipal.Kind.SESSION,
                user.id().value(),
                user.username(),
                user.displayName(),
                user.agencyId().value(),
                user.roles(),
                null,
                stamp);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        user.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** Runs {@code work} in this thread as the account (as its request would), then restores the previous caller. */
    public <T> T call(String username, java.util.function.Supplier<T> work) {
        org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
        UserView user = user(username);
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationOf(user, stampOf(user.id().value())));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(String username, Runnable work) {
        call(username, () -> {
            work.run();
            return null;
        });
    }

    public UserView user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    /** The current security stamp: the session guard ends sessions whose stamp is stale. */
    private int stampOf(UUID id) {
        return jdbc.sql("SELECT security_stamp FROM identity_user WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
