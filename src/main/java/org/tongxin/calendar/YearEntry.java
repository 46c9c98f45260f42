package org.tongxin.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A year as a system administrator enters it from a notice: the region ("CN", or the GB/T 2260 code of a region
 * whose own extras these are), the notice's title or number, the holidays and the adjusted working days.
 */
public record YearEntry(
        String region, int year, String notice, List<HolidayRange> holidays, List<LocalDate> workingDays) {

    public YearEntry {
        holidays = holidays == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(holidays));
        workingDays = workingDays == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(workingDays));
    }
}
