package org.tongxin.calendar.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** The working calendar in the navigation (every logged-in user) and the holiday schedules (system administrators). */
@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    @Bean
    NavigationEntry calendarEntry() {
        return new NavigationEntry("nav.calendar", "/calendar", 30, Set.of(), "home.tile.calendar");
    }

    @Bean
    NavigationEntry calendarAdministrationEntry() {
        return new NavigationEntry(
                "nav.calendarAdmin", "/admin/calendar", 78, Set.of("SYSTEM_ADMIN"), "home.tile.calendarAdmin");
    }
}
