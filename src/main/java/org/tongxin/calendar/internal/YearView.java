package org.tongxin.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A region's year as the arithmetic sees it: the national days (official, or the statutory holidays of a provisional
 * year) with the region's own extras applied on top. {@code official} is about the national notice.
 */
public record YearView(
        String region,
        int year,
        boolean official,
        String notice,
        Instant publishedAt,
        Map<LocalDate, SpecialDay> days) {

    public YearView {
        days = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(days));
    }
}
