package org.tongxin.calendar;

import java.util.OptionalInt;
import org.tongxin.shared.web.Languages;

/**
 * The national holiday regulation (全国年节及纪念日放假办法) in the version in force in a year. It fixes the statutory
 * holidays (art. 2) and that a holiday of all citizens falling on a Saturday or Sunday is made up on a working day
 * (art. 6); the revision of November 2024 adds that the days may be rearranged into longer breaks, with, save for
 * special cases, no more than six consecutive working days before or after a holiday (art. 7). The State Council's
 * yearly notice then fixes the actual breaks and adjusted working days.
 */
public enum HolidayRegulation {

    /** Revision of December 2007, in force 2008–2013: 11 days, the Spring Festival from New Year's Eve to the 2nd day. */
    REVISION_2007(2008, "《全国年节及纪念日放假办法》（2007年修订）", "National Holiday Regulation (2007 revision)", null),
    /** Revision of December 2013, in force 2014–2024: 11 days, the Spring Festival the 1st to the 3rd day. */
    REVISION_2013(2014, "《全国年节及纪念日放假办法》（2013年修订）", "National Holiday Regulation (2013 revision)", null),
    /** Revision of November 2024, in force from 2025: 13 days, with New Year's Eve and 2 May; art. 7. */
    REVISION_2024(2025, "《全国年节及纪念日放假办法》（2024年修订）", "National Holiday Regulation (2024 revision)", 6);

    private final int firstYear;
    private final String titleZh;
    private final String titleEn;
    private final Integer maxConsecutiveWorkingDays;

    HolidayRegulation(int firstYear, String titleZh, String titleEn, Integer maxConsecutiveWorkingDays) {
        this.firstYear = firstYear;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.maxConsecutiveWorkingDays = maxConsecutiveWorkingDays;
    }

    /** The version in force in {@code year} (years before 2008 get the 2007 revision; the calendar refuses them anyway). */
    public static HolidayRegulation inForce(int year) {
        HolidayRegulation found = REVISION_2007;
        for (HolidayRegulation regulation : values()) {
            if (year >= regulation.firstYear) {
                found = regulation;
            }
        }
        return found;
    }

    /** The first year this version applies to. */
    public int firstYear() {
        return firstYear;
    }

    /** The version before this one, or null for the first. */
    public HolidayRegulation previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The title as users read it: 《全国年节及纪念日放假办法》（2024年修订）. */
    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** The title in the reader's language (English for English, else Chinese). */
    public String title(java.util.Locale locale) {
        return Languages.pick(locale, titleZh, titleEn);
    }

    /** The longest run of working days around a holiday the regulation allows (art. 7 of the 2024 revision), if any. */
    public OptionalInt maxConsecutiveWorkingDays() {
        return maxConsecutiveWorkingDays == null ? OptionalInt.empty() : OptionalInt.of(maxConsecutiveWorkingDays);
    }
}
