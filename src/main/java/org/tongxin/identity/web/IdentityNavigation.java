package org.tongxin.identity.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.NavigationEntry;

/** The identity module's places in the navigation. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationEntry homeNavigation() {
        return new NavigationEntry("nav.home", "/", 0, Set.of(), "home.tile.home");
    }

    @Bean
    NavigationEntry staffNavigation() {
        return new NavigationEntry("nav.staff", "/staff", 20, Set.of(), "home.tile.staff");
    }

    @Bean
    NavigationEntry usersNavigation() {
        return new NavigationEntry(
                "nav.users",
                "/admin/users",
                80,
                Set.of(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name()),
                "home.tile.users");
    }

    @Bean
    NavigationEntry tokenRequestsNavigation() {
        return new NavigationEntry(
                "nav.tokenRequests",
                "/token-requests",
                84,
                Set.of(
                        Role.COUNTY_HEAD.name(),
                        Role.OFFICE_HEAD.name(),
                        Role.AGENCY_HEAD.name(),
                        Role.SECURITY_ADMIN.name()),
                "home.tile.tokenRequests");
    }

    @Bean
    NavigationEntry credentialResetsNavigation() {
        return new NavigationEntry(
                "nav.credentialResets",
                "/admin/credential-resets",
                86,
                Set.of(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name(), Role.AUDIT_ADMIN.name()),
                "home.tile.credentialResets");
    }

    @Bean
    NavigationEntry systemTokensNavigation() {
        return new NavigationEntry(
                "nav.systemTokens", "/admin/tokens", 85, Set.of(Role.SECURITY_ADMIN.name()), "home.tile.systemTokens");
    }
}
