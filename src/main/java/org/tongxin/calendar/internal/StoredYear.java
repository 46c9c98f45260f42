package org.tongxin.calendar.internal;

import java.time.Instant;
import java.util.List;

/** An official year as stored: who entered it from which notice, and its special days in date order. */
public record StoredYear(
        String region,
        int year,
        String notice,
        Instant publishedAt,
        String publishedBy,
        int version,
        List<SpecialDay> days) {

    public StoredYear {
        days = List.copyOf(days);
    }

    public long holidays() {
        return days.stream().filter(SpecialDay::holiday).count();
    }

    public long workingDays() {
        return days.size() - holidays();
    }
}
