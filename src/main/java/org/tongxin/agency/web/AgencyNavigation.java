package org.tongxin.agency.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** The agency directory in the navigation (every logged-in user). */
@Configuration(proxyBeanMethods = false)
class AgencyNavigation {

    @Bean
    NavigationEntry agencyDirectoryEntry() {
        return new NavigationEntry("nav.agencies", "/agencies", 10, Set.of(), "home.tile.agencies");
    }
}
