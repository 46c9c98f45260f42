package org.tongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongxin.calendar.internal.LunarCalendar;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StatutoryHolidays;

/** The provisional calendar: lunar festivals, the Qingming solar term and the regulation's holidays per year. */
class StatutoryHolidaysTests {

    /** Published lunar calendars (Purple Mountain Observatory / Hong Kong Observatory tables). */
    @ParameterizedTest(name = "{0}: new year {1}, Dragon Boat {2}, Mid-Autumn {3}")
    @CsvSource({
        "2008, 2008-02-07, 2008-06-08, 2008-09-14",
        "2012, 2012-01-23, 2012-06-23, 2012-09-30",
        "2019, 2019-02-05, 2019-06-07, 2019-09-13",
        "2020, 2020-01-25, 2020-06-25, 2020-10-01",
        "2021, 2021-02-12, 2021-06-14, 2021-09-21",
        "2022, 2022-02-01, 2022-06-03, 2022-09-10",
        "2023, 2023-01-22, 2023-06-22, 2023-09-29",
        "2024, 2024-02-10, 2024-06-10, 2024-09-17",
        "2025, 2025-01-29, 2025-05-31, 2025-10-06",
        "2026, 2026-02-17, 2026-06-19, 2026-09-25",
        "2027, 2027-02-06, 2027-06-09, 2027-09-15",
        "2028, 2028-01-26, 2028-05-28, 2028-10-03",
        "2029, 2029-02-13, 2029-06-16, 2029-09-22",
        "2030, 2030-02-03, 2030-06-05, 2030-09-12",
        "2031, 2031-01-23, 2031-06-24, 2031-10-01",
        "2032, 2032-02-11, 2032-06-12, 2032-09-19",
        "2033, 2033-01-31, 2033-06-01, 2033-09-08",
        "2034, 2034-02-19, 2034-06-20, 2034-09-27",
        "2035, 2035-02-08, 2035-06-10, 2035-09-16"
    })
    void lunarFestivalsFallOnThePublishedDates(int year, LocalDate newYear, LocalDate dragonBoat, LocalDate midAutumn) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(newYear);
        assertThat(LunarCalendar.date(year, 5, 5)).isEqualTo(dragonBoat);
        assertThat(LunarCalendar.date(year, 8, 15)).isEqualTo(midAutumn);
    }

    @Test
    void newMoonsCloseToMidnightAreOnTheRightDayWhereIcuAloneIsNot() {
        // ICU's own lunar theory puts these on 7 February 2027 and 2 February 2030.
        assertThat(LunarCalendar.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(LunarCalendar.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    }

    @ParameterizedTest(name = "Qingming {0}")
    @CsvSource({
        "2008, 4", "2013, 4", "2017, 4", "2019, 5", "2020, 4", "2021, 4", "2022, 5", "2023, 5", "2024, 4", "2025, 4",
        "2026, 5", "2027, 5", "2028, 4", "2029, 4", "2030, 5", "2031, 5", "2032, 4", "2035, 5"
    })
    void qingmingFallsOnTheSolarTerm(int year, int april) {
        assertThat(StatutoryHolidays.qingming(year)).isEqualTo(LocalDate.of(year, 4, april));
    }

    @Test
    void from2025ThereAre13StatutoryDaysWithNewYearsEveAndTwoDaysOfLabourDay() {
        assertThat(StatutoryHolidays.of(2030))
                .extracting(SpecialDay::date, SpecialDay::nameZh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 1, 1), "元旦"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 2, 2), "春节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 2, 3), "春节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 2, 4), "春节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 2, 5), "春节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 4, 5), "清明节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 5, 1), "劳动节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 5, 2), "劳动节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 6, 5), "端午节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 9, 12), "中秋节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 10, 1), "国庆节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 10, 2), "国庆节"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 10, 3), "国庆节"));
    }

    @Test
    void beforeTheRevisionThereWere11DaysWithoutNewYearsEve() {
        List<SpecialDay> y2019 = StatutoryHolidays.of(2019);
        assertThat(y2019).hasSize(11);
        assertThat(y2019)
                .filteredOn(d -> d.nameZh().equals("春节"))
                .extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2019, 2, 5), LocalDate.of(2019, 2, 6), LocalDate.of(2019, 2, 7));
        assertThat(y2019)
                .filteredOn(d -> d.nameZh().equals("劳动节"))
                .extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2019, 5, 1));
        // 2008-2013: New Year's Eve to the second day.
        assertThat(StatutoryHolidays.of(2012))
                .filteredOn(d -> d.nameZh().equals("春节"))
                .extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2012, 1, 22), LocalDate.of(2012, 1, 23), LocalDate.of(2012, 1, 24));
    }

    @Test
    void aMidAutumnFestivalOnNationalDayCarriesBothNames() {
        assertThat(StatutoryHolidays.of(2031))
                .hasSize(12)
                .filteredOn(d -> d.date().equals(LocalDate.of(2031, 10, 1)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.nameZh()).isEqualTo("国庆节、中秋节");
                    assertThat(d.nameEn()).isEqualTo("National Day and Mid-Autumn Festival");
                });
    }

    @Test
    void everyYearOfTheCalendarsRangeCanBeComputed() {
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            List<SpecialDay> days = StatutoryHolidays.of(year);
            int expectedYear = year;
            assertThat(days)
                    .as("%d", year)
                    .hasSizeBetween(10, year >= 2025 ? 13 : 11)
                    .allSatisfy(d -> assertThat(d.date().getYear()).isEqualTo(expectedYear));
        }
        assertThatThrownBy(() -> StatutoryHolidays.of(2100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryHolidays.of(2007)).isInstanceOf(IllegalArgumentException.class);
    }
}
