package org.tongxin.calendar.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tongxin.calendar.HolidayRegulation;
import org.tongxin.calendar.internal.Festival.Kind;

/**
 * The statutory holidays of the national holiday regulation (全国年节及纪念日放假办法, art. 2) in the version in force
 * in a year ({@link HolidayRegulation}); {@link HolidayForecast} builds a provisional year's breaks on them.
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

    /** The first year the current set of festivals (with Qingming, Dragon Boat and Mid-Autumn) applies. */
    public static final int FIRST_YEAR = 2008;
    /** The last year the Qingming formula is valid for (the 21st century). */
    public static final int LAST_YEAR = 2099;

    /** The festivals per year once computed (the lunar dates cost a few milliseconds and never change). */
    private static final ConcurrentMap<Integer, List<Festival>> FESTIVALS = new ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /** The statutory holidays of {@code year}, in date order; a day that is two festivals carries both names. */
    public static List<SpecialDay> of(int year) {
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        for (Festival festival : festivals(year)) {
            for (LocalDate date : festival.days()) {
                add(days, date, festival.kind().nameZh(), festival.kind().nameEn());
            }
        }
        return new ArrayList<>(days.values());
    }

    /**
     * The seven festivals of {@code year} with their statutory days under the regulation in force that year, in the
     * order of the regulation's article 2 (a Mid-Autumn Festival on 1–3 October shares its date with National Day).
     */
    public static List<Festival> festivals(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("No holiday regulation encoded for " + year);
        }
        List<Festival> known = FESTIVALS.get(year);
        if (known == null) {
            known = List.copyOf(compute(year));
            FESTIVALS.put(year, known);
        }
        return known;
    }

    private static List<Festival> compute(int year) {
        HolidayRegulation regulation = HolidayRegulation.inForce(year);
        LocalDate lunarNewYear = LunarCalendar.newYear(year);
        LocalDate springFrom = regulation == HolidayRegulation.REVISION_2013 ? lunarNewYear : lunarNewYear.minusDays(1);
        int springDays = regulation == HolidayRegulation.REVISION_2024 ? 4 : 3;
        List<Festival> festivals = new ArrayList<>();
        festivals.add(new Festival(Kind.NEW_YEAR, year, List.of(LocalDate.of(year, 1, 1))));
        festivals.add(new Festival(
                Kind.SPRING_FESTIVAL,
                year,
                springFrom.datesUntil(springFrom.plusDays(springDays)).toList()));
        festivals.add(new Festival(Kind.QINGMING, year, List.of(qingming(year))));
        festivals.add(new Festival(
                Kind.LABOUR_DAY,
                year,
                regulation == HolidayRegulation.REVISION_2024
                        ? List.of(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2))
                        : List.of(LocalDate.of(year, 5, 1))));
        festivals.add(new Festival(Kind.DRAGON_BOAT, year, List.of(LunarCalendar.date(year, 5, 5))));
        festivals.add(new Festival(Kind.MID_AUTUMN, year, List.of(LunarCalendar.date(year, 8, 15))));
        festivals.add(new Festival(
                Kind.NATIONAL_DAY,
                year,
                List.of(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2), LocalDate.of(year, 10, 3))));
        return festivals;
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
        days.merge(
                date,
                SpecialDay.holiday(date, nameZh, nameEn),
                (existing, added) -> SpecialDay.holiday(
                        date, added.nameZh() + "、" + existing.nameZh(), added.nameEn() + " and " + existing.nameEn()));
    }
}
