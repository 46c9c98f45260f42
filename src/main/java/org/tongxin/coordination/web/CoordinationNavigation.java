package org.tongxin.coordination.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.NavigationEntry;

/** Joint meetings and the conflict register in the navigation, for every role that works on cases. */
@Configuration(proxyBeanMethods = false)
class CoordinationNavigation {

    static final Set<String> CASE_ROLES = Role.names(Role.CASE_ROLES);

    @Bean
    NavigationEntry meetingsEntry() {
        return new NavigationEntry("nav.meetings", "/meetings", 6, CASE_ROLES, "home.tile.meetings");
    }

    @Bean
    NavigationEntry conflictsEntry() {
        return new NavigationEntry("nav.conflicts", "/conflicts", 7, CASE_ROLES, "home.tile.conflicts");
    }
}
