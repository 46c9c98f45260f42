package org.tongxin.calendar;

import java.time.LocalDate;
import org.tongxin.shared.web.Languages;

/**
 * A non-working day a deadline passed over: a public holiday (with its name) or a weekend day.
 */
public record SkippedDay(LocalDate date, Reason reason, String nameZh, String nameEn) {

    /** Names of a plain weekend day. */
    public static final String WEEKEND_ZH = "周末";

    public static final String WEEKEND_EN = "Weekend";

    public enum Reason {
        HOLIDAY,
        WEEKEND
    }

    /** The name in the reader's language: English for English, Chinese otherwise. */
    public String name(java.util.Locale locale) {
        return Languages.pick(locale, nameZh, nameEn);
    }
}
