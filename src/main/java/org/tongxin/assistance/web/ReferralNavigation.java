package org.tongxin.assistance.web;

import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.assistance.Referrals;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationEntry;

/**
 * Referrals in the navigation for the officers who refer and the caseworkers who receive (with the count awaiting their
 * answer); capacity for the latter.
 */
@Configuration(proxyBeanMethods = false)
class ReferralNavigation {

    @Bean
    NavigationEntry referralsEntry() {
        return new NavigationEntry(
                "nav.referrals",
                "/referrals",
                6,
                Role.names(Role.CORRECTION_STAFF, Role.ASSISTANCE_CASEWORKER, Role.SOCIAL_WORKER),
                "home.tile.referrals");
    }

    /** For a department or organisation: the referrals awaiting its answer. */
    @Bean
    NavigationBadge referralsBadge(Referrals referrals) {
        return new NavigationBadge() {
            @Override
            public String path() {
                return "/referrals";
            }

            @Override
            public Optional<Count> count() {
                long awaiting = referrals.awaitingMyAnswer();
                return awaiting == 0 ? Optional.empty() : Optional.of(new Count(awaiting, 0));
            }
        };
    }

    @Bean
    NavigationEntry capacityEntry() {
        return new NavigationEntry(
                "nav.capacity",
                "/assistance/capacity",
                7,
                Set.of("ASSISTANCE_CASEWORKER", "SOCIAL_WORKER"),
                "home.tile.capacity");
    }
}
