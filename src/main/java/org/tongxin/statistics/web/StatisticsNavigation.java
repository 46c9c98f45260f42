package org.tongxin.statistics.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** Statistics and the coordinator's screen in the navigation, for the coordination office and county agency staff. */
@Configuration(proxyBeanMethods = false)
class StatisticsNavigation {

    @Bean
    NavigationEntry statisticsEntry() {
        return new NavigationEntry(
                "nav.statistics", "/statistics", 6, StatisticsWeb.READER_ROLES, "home.tile.statistics");
    }

    @Bean
    NavigationEntry holdupsEntry() {
        return new NavigationEntry(
                "nav.holdups", "/statistics/holdups", 5, StatisticsWeb.READER_ROLES, "home.tile.holdups");
    }
}
