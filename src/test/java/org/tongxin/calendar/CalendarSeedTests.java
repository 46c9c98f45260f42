package org.tongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StatutoryHolidays;

/**
 * The national years 2020–2026 as seeded from the State Council's notices, checked against what each notice must
 * satisfy: adjusted working days are weekend days, the days off on weekdays add up to the statutory days, and every
 * statutory holiday of the regulation (computed from the lunar calendar) lies inside a break of the notice.
 */
class CalendarSeedTests {

    static final SeedCalendar SEED = new SeedCalendar();

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Test
    void everyYearFrom2020To2026IsSeeded() {
        assertThat(SEED.years()).containsExactlyInAnyOrder(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @ParameterizedTest(name = "{0}: {1} holidays, {2} adjusted working days, {3} weekdays off net")
    @CsvSource({
        "2020, 30, 6, 13",
        "2021, 31, 7, 11",
        "2022, 32, 7, 11",
        "2023, 26, 7, 11",
        "2024, 28, 8, 11",
        "2025, 28, 5, 13",
        "2026, 33, 6, 13"
    })
    void eachYearGivesExactlyTheStatutoryDaysOffOnWeekdays(
            int year, int holidays, int workingDays, int netWeekdaysOff) {
        List<SpecialDay> days = SEED.days(year);
        assertThat(days).allSatisfy(d -> assertThat(d.date().getYear()).isEqualTo(year));
        assertThat(days.stream().filter(SpecialDay::holiday)).hasSize(holidays);
        assertThat(days.stream().filter(d -> !d.holiday()))
                .hasSize(workingDays)
                .allSatisfy(d -> assertThat(weekend(d.date()))
                        .as("%s is a weekend day", d.date())
                        .isTrue());
        long weekdaysOff =
                days.stream().filter(d -> d.holiday() && !weekend(d.date())).count();
        // Before 2025 the regulation gives 11 days, from 2025 13; 2020 adds the 2 days of the COVID-19 extension.
        assertThat(weekdaysOff - workingDays).isEqualTo(netWeekdaysOff);
        assertThat(days.stream().map(SpecialDay::date).collect(Collectors.toSet()))
                .hasSize(days.size());
    }

    @Test
    void everyStatutoryHolidayComputedFromTheRegulationLiesInABreakOfTheNotice() {
        for (int y = 2020; y <= 2026; y++) {
            int year = y;
            Set<LocalDate> official = SEED.days(year).stream()
                    .filter(SpecialDay::holiday)
                    .map(SpecialDay::date)
                    .collect(Collectors.toSet());
            assertThat(StatutoryHolidays.of(year))
                    .as("%d", year)
                    .allSatisfy(d -> assertThat(official)
                            .as("%d: %s %s", year, d.date(), d.nameZh())
                            .contains(d.date()));
        }
    }

    @Test
    void theSpringFestivalOf2020WasExtendedTo2FebruaryWhichCancelledTheWorkingSaturday() {
        List<SpecialDay> days = SEED.days(2020);
        assertThat(days)
                .filteredOn(d -> d.holiday() && d.nameZh().equals("春节"))
                .extracting(SpecialDay::date)
                .containsExactlyElementsOf(LocalDate.of(2020, 1, 24)
                        .datesUntil(LocalDate.of(2020, 2, 3))
                        .toList());
        assertThat(days)
                .filteredOn(d -> !d.holiday())
                .extracting(SpecialDay::date)
                .contains(LocalDate.of(2020, 1, 19))
                .doesNotContain(LocalDate.of(2020, 2, 1));
    }

    @Test
    void holidaysCarryTheNamesOfTheSevenFestivals() {
        Set<String> names = Set.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节、中秋节");
        for (int year = 2020; year <= 2026; year++) {
            assertThat(SEED.days(year))
                    .as("%d", year)
                    .filteredOn(SpecialDay::holiday)
                    .allSatisfy(d -> assertThat(names).contains(d.nameZh()))
                    .allSatisfy(d -> assertThat(d.nameEn()).isNotBlank());
        }
        assertThat(SEED.days(2025))
                .filteredOn(d -> d.date().equals(LocalDate.of(2025, 10, 1)))
                .singleElement()
                .satisfies(d -> assertThat(d.nameEn()).isEqualTo("National Day"));
        assertThat(SEED.days(2025))
                .filteredOn(d -> d.date().equals(LocalDate.of(2025, 1, 1)))
                .singleElement()
                .satisfies(d -> assertThat(d.nameEn()).isEqualTo("New Year's Day"));
    }
}
