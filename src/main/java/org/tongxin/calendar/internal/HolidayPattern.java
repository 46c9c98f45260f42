package org.tongxin.calendar.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The choices the holiday regulation leaves to the State Council's yearly notice, as {@link HolidayForecast} makes
 * them: how many days the Spring Festival break runs from New Year's Eve, how long the Labour Day and National Day
 * breaks are (National Day one day longer when the Mid-Autumn Festival adjoins it), and whether a weekend day right
 * next to a break may be worked in exchange for one of its bridge days (the 2022 and 2023 notices did; the 2026
 * notice kept it free so that the break grew by a day). {@link PatternFit} learns them from the announced years.
 */
public record HolidayPattern(int springFestivalDays, int labourDayDays, int nationalDayDays, boolean workNextToBreak) {

    /** The values a pattern may take, each list in order of preference when the announced years do not tell. */
    static final List<Integer> SPRING_FESTIVAL_DAYS = List.of(7, 8, 9);

    static final List<Integer> LABOUR_DAY_DAYS = List.of(5, 3, 4);
    static final List<Integer> NATIONAL_DAY_DAYS = List.of(7, 8);
    static final List<Boolean> WORK_NEXT_TO_BREAK = List.of(true, false);

    /** What is predicted where no announced year tells: each first value (week-long breaks, five days in May). */
    public static final HolidayPattern DEFAULT = new HolidayPattern(
            SPRING_FESTIVAL_DAYS.getFirst(),
            LABOUR_DAY_DAYS.getFirst(),
            NATIONAL_DAY_DAYS.getFirst(),
            WORK_NEXT_TO_BREAK.getFirst());

    /** Every pattern, in order of preference. */
    static List<HolidayPattern> candidates() {
        List<HolidayPattern> all = new ArrayList<>();
        for (int spring : SPRING_FESTIVAL_DAYS) {
            for (int labour : LABOUR_DAY_DAYS) {
                for (int national : NATIONAL_DAY_DAYS) {
                    for (boolean next : WORK_NEXT_TO_BREAK) {
                        all.add(new HolidayPattern(spring, labour, national, next));
                    }
                }
            }
        }
        return all;
    }

    /** In how many of its four choices this pattern differs from {@code other}. */
    int differences(HolidayPattern other) {
        return (springFestivalDays != other.springFestivalDays ? 1 : 0)
                + (labourDayDays != other.labourDayDays ? 1 : 0)
                + (nationalDayDays != other.nationalDayDays ? 1 : 0)
                + (workNextToBreak != other.workNextToBreak ? 1 : 0);
    }
}
