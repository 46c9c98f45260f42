package org.tongxin.calendar.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provisional calendar of a year without a notice: the statutory holidays of the national holiday regulation
 * (全国年节及纪念日放假办法) in force that year, on top of the weekends. No adjusted working days and no substitute
 * days (补假) are guessed: how a year joins holidays and weekends into breaks is exactly what its notice decides.
 * <ul>
 * <li>From 2025 (revision of November 2024), 13 days: New Year's Day (1 January); Spring Festival 4 days from New
 * Year's Eve (the last day of the 12th lunar month) to the 3rd day of the 1st lunar month; Qingming (the solar
 * term); Labour Day 1–2 May; Dragon Boat (5th day of the 5th lunar month); Mid-Autumn (15th day of the 8th lunar
 * month); National Day 1–3 October.</li>
 * <li>2014–2024 (revision of December 2013), 11 days: Spring Festival the 1st to 3rd day of the 1st lunar month,
 * Labour Day 1 May; otherwise the same.</li>
 * <li>2008–2013 (revision of December 2007), 11 days: Spring Festival New Year's Eve to the 2nd day.</li>
 * </ul>
 */
public final class StatutoryHolidays {

    public static final String NEW_YEAR_ZH = "元旦";
    public static final String NEW_YEAR_EN = "New Year's Day";
    public static final String SPRING_FESTIVAL_ZH = "春节";
    public static final String SPRING_FESTIVAL_EN = "Spring Festival";
    public static final String QINGMING_ZH = "清明节";
    public static final String QINGMING_EN = "Qingming Festival";
    public static final String LABOUR_DAY_ZH = "劳动节";
    public static final String LABOUR_DAY_EN = "Labour Day";
    public static final String DRAGON_BOAT_ZH = "端午节";
    public static final String DRAGON_BOAT_EN = "Dragon Boat Festival";
    public static final String MID_AUTUMN_ZH = "中秋节";
    public static final String MID_AUTUMN_EN = "Mid-Autumn Festival";
    public static final String NATIONAL_DAY_ZH = "国庆节";
    public static final String NATIONAL_DAY_EN = "National Day";

    /** The first year the current set of festivals (with Qingming, Dragon Boat and Mid-Autumn) applies. */
    public static final int FIRST_YEAR = 2008;
    /** The last year the Qingming formula is valid for (the 21st century). */
    public static final int LAST_YEAR = 2099;

    private StatutoryHolidays() {
    }

    /** The statutory holidays of {@code year}, in date order; a day that is two festivals carries both names. */
    public static List<SpecialDay> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("No holiday regulation encoded for " + year);
        }
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        add(days, LocalDate.of(year, 1, 1), NEW_YEAR_ZH, NEW_YEAR_EN);
        LocalDate lunarNewYear = LunarCalendar.newYear(year);
        LocalDate springFrom = year >= 2025 || year < 2014 ? lunarNewYear.minusDays(1) : lunarNewYear;
        int springDays = year >= 2025 ? 4 : 3;
        for (int i = 0; i < springDays; i++) {
            add(days, springFrom.plusDays(i), SPRING_FESTIVAL_ZH, SPRING_FESTIVAL_EN);
        }
        add(days, qingming(year), QINGMING_ZH, QINGMING_EN);
        add(days, LocalDate.of(year, 5, 1), LABOUR_DAY_ZH, LABOUR_DAY_EN);
        if (year >= 2025) {
            add(days, LocalDate.of(year, 5, 2), LABOUR_DAY_ZH, LABOUR_DAY_EN);
        }
        add(days, LunarCalendar.date(year, 5, 5), DRAGON_BOAT_ZH, DRAGON_BOAT_EN);
        add(days, LunarCalendar.date(year, 8, 15), MID_AUTUMN_ZH, MID_AUTUMN_EN);
        for (int day = 1; day <= 3; day++) {
            add(days, LocalDate.of(year, 10, day), NATIONAL_DAY_ZH, NATIONAL_DAY_EN);
        }
        return new ArrayList<>(days.values());
    }

    /**
     * The day of the Qingming solar term (the sun at 15° ecliptic longitude) by the published formula for the
     * 21st century ("寿星通式"): day of April = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋, Y the year's last two digits. It
     * matches every Qingming of the notices 2020–2026 and ICU's astronomical solar terms for 2000–2070 (the first
     * disagreement is 2071, a term within minutes of midnight).
     */
    public static LocalDate qingming(int year) {
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("The Qingming formula covers 2000-2099, not " + year);
        }
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return MonthDay.of(4, day).atYear(year);
    }

    /** A day that is already a holiday gets both names, the later festival first ("国庆节、中秋节", as the notices write it). */
    private static void add(Map<LocalDate, SpecialDay> days, LocalDate date, String nameZh, String nameEn) {
        days.merge(date, SpecialDay.holiday(date, nameZh, nameEn), (existing, added) -> SpecialDay.holiday(date,
                added.nameZh() + "、" + existing.nameZh(), added.nameEn() + " and " + existing.nameEn()));
    }
}
