package org.tongxin.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One day of a region's working calendar: its kind, the holiday's name (holidays only) and whether it comes from a
 * provisional year (no notice published yet).
 */
public record CalendarDay(LocalDate date, DayKind kind, String nameZh, String nameEn, boolean provisional) {

    public boolean working() {
        return kind.working();
    }

    /** The holiday's name in the reader's language (English for English, else Chinese); null for other days. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** As a skipped day of a deadline (only for non-working days). */
    SkippedDay skipped() {
        return kind == DayKind.HOLIDAY ? new SkippedDay(date, SkippedDay.Reason.HOLIDAY, nameZh, nameEn)
                : new SkippedDay(date, SkippedDay.Reason.WEEKEND, SkippedDay.WEEKEND_ZH, SkippedDay.WEEKEND_EN);
    }
}
