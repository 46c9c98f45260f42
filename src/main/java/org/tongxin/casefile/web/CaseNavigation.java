package org.tongxin.casefile.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.tongxin.shared.web.NavigationEntry;

/** The case list in the navigation, for every role that works on cases (not the administrators: S5). */
@Configuration(proxyBeanMethods = false)
class CaseNavigation {

    @Bean
    NavigationEntry casesEntry() {
        return new NavigationEntry("nav.cases", "/cases", 3, Set.of("OFFICE_OFFICER", "OFFICE_HEAD", "COUNTY_OFFICER",
                "COUNTY_HEAD", "BUREAU_HEAD", "CITY_COORDINATOR", "COURT_CLERK", "JUDGE", "PROSECUTOR", "POLICE_OFFICER", "PRISON_OFFICER",
                "ASSISTANCE_CASEWORKER", "SOCIAL_WORKER"), "home.tile.cases");
    }
}
