package org.tongxin.calendar.internal;

import java.time.LocalDate;
import org.tongxin.calendar.ForecastReason;

/**
 * A day a calendar year declares: a holiday (with its names) or an adjusted working day (a weekend day worked,
 * without names). {@code reason} says why a predicted day is what it is; it is null for the days of a notice.
 */
public record SpecialDay(LocalDate date, boolean holiday, String nameZh, String nameEn, ForecastReason reason) {

    public SpecialDay(LocalDate date, boolean holiday, String nameZh, String nameEn) {
        this(date, holiday, nameZh, nameEn, null);
    }

    public static SpecialDay holiday(LocalDate date, String nameZh, String nameEn) {
        return new SpecialDay(date, true, nameZh, nameEn);
    }

    public static SpecialDay workingDay(LocalDate date) {
        return new SpecialDay(date, false, null, null);
    }
}
