package org.tongxin.calendar;

import java.time.LocalDate;
import java.util.Locale;
import org.tongxin.shared.web.Languages;

/**
 * One day of a region's working calendar: its kind, the holiday's name (holidays only), whether it comes from a
 * provisional year (no notice published yet, or a year asked for on the regulation's basis) and, for a predicted
 * holiday or adjusted working day, why ({@code reason}; null for the days of a notice and for ordinary days).
 */
public record CalendarDay(
        LocalDate date, DayKind kind, String nameZh, String nameEn, boolean provisional, ForecastReason reason) {

    public CalendarDay(LocalDate date, DayKind kind, String nameZh, String nameEn, boolean provisional) {
        this(date, kind, nameZh, nameEn, provisional, null);
    }

    public boolean working() {
        return kind.working();
    }

    /** The holiday's name in the reader's language (English for English, else Chinese); null for other days. */
    public String name(Locale locale) {
        return Languages.pick(locale, nameZh, nameEn);
    }

    /** As a skipped day of a deadline (only for non-working days). */
    SkippedDay skipped() {
        return kind == DayKind.HOLIDAY
                ? new SkippedDay(date, SkippedDay.Reason.HOLIDAY, nameZh, nameEn)
                : new SkippedDay(date, SkippedDay.Reason.WEEKEND, SkippedDay.WEEKEND_ZH, SkippedDay.WEEKEND_EN);
    }
}
