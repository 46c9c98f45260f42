package org.tongxin.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A region's year as the calendar answers it on a {@link CalendarBasis}: official (entered from a notice, with its
 * title and when) or provisional (predicted from the {@link HolidayRegulation} in force that year), with its special
 * days in date order (holidays and adjusted working days; for a region, the national days with the region's extras
 * applied).
 */
public record CalendarYear(
        String region,
        int year,
        CalendarBasis basis,
        boolean official,
        String notice,
        Instant publishedAt,
        HolidayRegulation regulation,
        List<CalendarDay> specialDays) {

    public CalendarYear {
        specialDays = List.copyOf(specialDays);
    }

    /** Whether the days are a prediction rather than a notice. */
    public boolean provisional() {
        return !official;
    }
}
