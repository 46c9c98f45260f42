package org.tongxin.calendar.internal;

import java.time.LocalDate;

/**
 * A day a calendar year declares: a holiday (with its names) or an adjusted working day (a weekend day worked,
 * without names).
 */
public record SpecialDay(LocalDate date, boolean holiday, String nameZh, String nameEn) {

    public static SpecialDay holiday(LocalDate date, String nameZh, String nameEn) {
        return new SpecialDay(date, true, nameZh, nameEn);
    }

    public static SpecialDay workingDay(LocalDate date) {
        return new SpecialDay(date, false, null, null);
    }
}
