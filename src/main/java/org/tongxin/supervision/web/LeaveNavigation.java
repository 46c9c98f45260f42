package org.tongxin.supervision.web;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationEntry;
import org.tongxin.supervision.Leaves;

/** Leave approvals in the navigation for those who approve leave, with the count awaiting their agency. */
@Configuration(proxyBeanMethods = false)
class LeaveNavigation {

    @Bean
    NavigationEntry leavesEntry() {
        return new NavigationEntry(
                "nav.leaves",
                "/leaves",
                8,
                Role.names(Role.CORRECTION_STAFF, Role.CITY_COORDINATOR),
                "home.tile.leaves");
    }

    @Bean
    NavigationBadge leavesBadge(Leaves leaves) {
        return new NavigationBadge() {
            @Override
            public String path() {
                return "/leaves";
            }

            @Override
            public Optional<Count> count() {
                long awaiting = leaves.awaitingCount();
                return awaiting == 0 ? Optional.empty() : Optional.of(new Count(awaiting, 0));
            }
        };
    }
}
