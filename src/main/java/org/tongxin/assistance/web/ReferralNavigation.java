package org.tongxin.assistance.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.tongxin.shared.web.NavigationEntry;

/** Referrals in the navigation for the officers who refer and the caseworkers who receive; capacity for the latter. */
@Configuration(proxyBeanMethods = false)
class ReferralNavigation {

    @Bean
    NavigationEntry referralsEntry() {
        return new NavigationEntry("nav.referrals", "/referrals", 6, Set.of("OFFICE_OFFICER", "OFFICE_HEAD", "COUNTY_OFFICER",
                "COUNTY_HEAD", "ASSISTANCE_CASEWORKER", "SOCIAL_WORKER"), "home.tile.referrals");
    }

    @Bean
    NavigationEntry capacityEntry() {
        return new NavigationEntry("nav.capacity", "/assistance/capacity", 7, Set.of("ASSISTANCE_CASEWORKER", "SOCIAL_WORKER"),
                "home.tile.capacity");
    }
}
