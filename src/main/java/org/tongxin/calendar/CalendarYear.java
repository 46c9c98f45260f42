package org.tongxin.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A region's year as the calendar answers it: official (entered from a notice, with its title and when) or
 * provisional (derived from the regulation), with its special days in date order (holidays and adjusted working
 * days; for a region, the national days with the region's extras applied).
 */
public record CalendarYear(String region, int year, boolean official, String notice, Instant publishedAt,
        List<CalendarDay> specialDays) {

    public CalendarYear {
        specialDays = List.copyOf(specialDays);
    }

    public boolean provisional() {
        return !official;
    }
}
