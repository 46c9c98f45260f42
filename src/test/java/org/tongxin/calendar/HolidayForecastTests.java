package org.tongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tongxin.calendar.internal.Agreement;
import org.tongxin.calendar.internal.CalendarData;
import org.tongxin.calendar.internal.HolidayForecast;
import org.tongxin.calendar.internal.HolidayPattern;
import org.tongxin.calendar.internal.PatternFit;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StatutoryHolidays;

/**
 * The prediction of a year's holiday schedule from the regulation (doc/holiday-forecast.md): back-tested on every
 * announced year with that year's notice left out, the statutory minimum of the regulation in every predicted year,
 * and what the pattern learns from the announced years.
 */
class HolidayForecastTests {

    static final SeedCalendar SEED = new SeedCalendar();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static List<SpecialDay> predicted(CalendarData data, int year) {
        return List.copyOf(data.predicted("CN", year).days().values());
    }

    @Nested
    class BackTest {

        /** Listed days right per announced year, as achieved: the prediction may only get better. */
        static final Map<Integer, Integer> RIGHT =
                Map.of(2020, 33, 2021, 38, 2022, 39, 2023, 33, 2024, 33, 2025, 33, 2026, 37);

        static final int OVERALL_RIGHT = 246;
        static final int OVERALL_LISTED = 259;

        @Test
        void everyAnnouncedYearIsPredictedWithoutItsOwnNoticeAndAtLeast95PercentOfTheListedDaysAreRight() {
            CalendarData data = new CalendarData(SEED);
            List<Agreement> years = new ArrayList<>();
            for (int year = 2020; year <= 2026; year++) {
                Agreement agreement = Agreement.of(year, SEED.days(year), predicted(data, year));
                years.add(agreement);
                System.out.printf(
                        "basis=regulation %d: %d of %d listed days right (%.1f %%), misses %s, pattern %s%n",
                        year,
                        agreement.right(),
                        agreement.listed(),
                        100 * agreement.share(),
                        agreement.misses(),
                        data.fit().forYear(year));
                assertThat(agreement.right()).as("%d", year).isGreaterThanOrEqualTo(RIGHT.get(year));
            }
            Agreement overall = Agreement.sum(years);
            System.out.printf(
                    "basis=regulation 2020-2026: %d of %d listed days right (%.2f %%)%n",
                    overall.right(), overall.listed(), 100 * overall.share());
            assertThat(overall.right()).isGreaterThanOrEqualTo(OVERALL_RIGHT);
            assertThat(overall.share())
                    .isGreaterThanOrEqualTo((double) OVERALL_RIGHT / OVERALL_LISTED)
                    .isGreaterThan(0.9);
        }

        @Test
        void everyStatutoryHolidayOfEveryAnnouncedYearIsRight() {
            CalendarData data = new CalendarData(SEED);
            for (int year = 2020; year <= 2026; year++) {
                Map<LocalDate, SpecialDay> notice =
                        SEED.days(year).stream().collect(Collectors.toMap(SpecialDay::date, x -> x));
                Map<LocalDate, SpecialDay> prediction =
                        data.predicted("CN", year).days();
                for (SpecialDay statutory : StatutoryHolidays.of(year)) {
                    assertThat(notice.get(statutory.date()))
                            .as("%s in the notice", statutory.date())
                            .satisfies(n -> assertThat(n.holiday()).isTrue());
                    assertThat(prediction.get(statutory.date()))
                            .as("%s predicted", statutory.date())
                            .satisfies(p -> {
                                assertThat(p.holiday()).isTrue();
                                assertThat(p.reason()).isEqualTo(ForecastReason.STATUTORY);
                            });
                }
            }
        }

        @Test
        void theMissesAreTheOnesTheDocumentationExplains() {
            CalendarData data = new CalendarData(SEED);
            Map<Integer, List<LocalDate>> misses = new TreeMap<>();
            for (int year = 2020; year <= 2026; year++) {
                List<LocalDate> missed = Agreement.of(year, SEED.days(year), predicted(data, year))
                        .misses();
                if (!missed.isEmpty()) {
                    misses.put(year, missed);
                }
            }
            assertThat(misses)
                    .containsExactly(
                            Map.entry(2020, List.of(d("2020-01-31"), d("2020-02-01"), d("2020-02-02"))),
                            Map.entry(2023, List.of(d("2023-12-30"), d("2023-12-31"))),
                            Map.entry(
                                    2024,
                                    List.of(
                                            d("2024-02-09"),
                                            d("2024-02-16"),
                                            d("2024-02-17"),
                                            d("2024-02-18"),
                                            d("2024-06-08"),
                                            d("2024-06-09"))),
                            Map.entry(2026, List.of(d("2026-02-14"), d("2026-02-15"))));
        }

        @Test
        void onlyEightMissedDaysChangeWhetherADayIsWorked() {
            CalendarData data = new CalendarData(SEED);
            Map<Integer, Long> changed = new TreeMap<>();
            for (int year = 2020; year <= 2026; year++) {
                Map<LocalDate, SpecialDay> notice =
                        SEED.days(year).stream().collect(Collectors.toMap(SpecialDay::date, x -> x));
                Map<LocalDate, SpecialDay> prediction =
                        data.predicted("CN", year).days();
                long count = Agreement.of(year, SEED.days(year), prediction.values()).misses().stream()
                        .filter(x -> worked(notice.get(x), x) != worked(prediction.get(x), x))
                        .count();
                changed.put(year, count);
            }
            System.out.println("basis=regulation, missed days whose working status differs: " + changed);
            assertThat(changed)
                    .containsExactlyEntriesOf(new TreeMap<>(
                            Map.of(2020, 2L, 2021, 0L, 2022, 0L, 2023, 0L, 2024, 4L, 2025, 0L, 2026, 2L)));
        }

        static boolean worked(SpecialDay listed, LocalDate date) {
            return listed == null ? !weekend(date) : !listed.holiday();
        }

        @Test
        void aYearsPredictionIsTheSameWhateverItsOwnNoticeSays() {
            CalendarData real = new CalendarData(SEED);
            for (int year = 2020; year <= 2026; year++) {
                // A complete but absurd notice (every statutory day, plus every Saturday of March worked), and none.
                List<SpecialDay> absurd = new ArrayList<>(StatutoryHolidays.of(year));
                LocalDate.of(year, 3, 1)
                        .datesUntil(LocalDate.of(year, 4, 1))
                        .filter(x -> x.getDayOfWeek() == DayOfWeek.SATURDAY)
                        .forEach(x -> absurd.add(SpecialDay.workingDay(x)));
                CalendarData replaced = new CalendarData(new SeedCalendar().replacing(year, absurd));
                CalendarData removed = new CalendarData(new SeedCalendar().without(year));
                assertThat(replaced.fit().announcedYears())
                        .as("the absurd notice would teach")
                        .contains(year);
                assertThat(predicted(replaced, year)).as("%d", year).isEqualTo(predicted(real, year));
                assertThat(predicted(removed, year)).as("%d", year).isEqualTo(predicted(real, year));
            }
        }
    }

    @Nested
    class TheRegulationsMinimum {

        @Test
        void in2027TheSixWeekendHolidaysAreMadeUpOnWeekdays() {
            CalendarData data = new CalendarData(SEED);
            assertThat(predicted(data, 2027))
                    .filteredOn(x -> x.reason() == ForecastReason.MAKE_UP)
                    .extracting(SpecialDay::date, SpecialDay::nameZh)
                    .containsExactly(
                            tuple(d("2027-02-09"), "春节"), tuple(d("2027-02-10"), "春节"),
                            tuple(d("2027-05-03"), "劳动节"), tuple(d("2027-05-04"), "劳动节"),
                            tuple(d("2027-10-04"), "国庆节"), tuple(d("2027-10-05"), "国庆节"));
            assertThat(predicted(data, 2027))
                    .filteredOn(x -> x.reason() == ForecastReason.STATUTORY)
                    .extracting(SpecialDay::date)
                    .filteredOn(HolidayForecastTests::weekend)
                    .containsExactly(
                            d("2027-02-06"),
                            d("2027-02-07"),
                            d("2027-05-01"),
                            d("2027-05-02"),
                            d("2027-10-02"),
                            d("2027-10-03"));
        }

        @Test
        void in2027TheBreaksAndWorkedWeekendDaysFollowThePatternOf2025And2026() {
            CalendarData data = new CalendarData(SEED);
            Map<LocalDate, SpecialDay> days = data.predicted("CN", 2027).days();
            assertThat(days.values())
                    .filteredOn(x -> !x.holiday())
                    .extracting(SpecialDay::date)
                    .containsExactly(
                            d("2027-01-31"), d("2027-02-14"), d("2027-05-08"), d("2027-09-26"), d("2027-10-09"));
            assertThat(days.values())
                    .filteredOn(x -> "春节".equals(x.nameZh()))
                    .extracting(SpecialDay::date)
                    .as("eight days from New Year's Eve, joined by Saturday 13th as 2026 was by Sunday 15th")
                    .containsExactlyElementsOf(
                            d("2027-02-05").datesUntil(d("2027-02-14")).toList());
            assertThat(days.values())
                    .filteredOn(x -> "国庆节".equals(x.nameZh()))
                    .extracting(SpecialDay::date)
                    .containsExactlyElementsOf(
                            d("2027-10-01").datesUntil(d("2027-10-08")).toList());
            assertThat(days.get(d("2027-04-05")).nameZh())
                    .as("Qingming, a Monday, joined to its weekend")
                    .isEqualTo("清明节");
            assertThat(days.get(d("2027-04-03")).reason()).isEqualTo(ForecastReason.WEEKEND);
            assertThat(days.get(d("2027-06-09")).reason())
                    .as("Dragon Boat on a Wednesday stands alone")
                    .isEqualTo(ForecastReason.STATUTORY);
            assertThat(days).doesNotContainKeys(d("2027-06-08"), d("2027-06-10"));
        }

        @Test
        void aMidAutumnFestivalAdjoiningNationalDayMakesOneBreak() {
            CalendarData data = new CalendarData(SEED);
            Map<LocalDate, SpecialDay> days = data.predicted("CN", 2028).days();
            assertThat(days.get(d("2028-10-03")).nameZh()).isEqualTo("国庆节、中秋节");
            assertThat(d("2028-10-01").datesUntil(d("2028-10-09")))
                    .allSatisfy(x -> assertThat(days.get(x).holiday()).isTrue());
            assertThat(days.get(d("2028-09-30")).nameZh())
                    .as("a weekend day joined to it")
                    .isEqualTo("国庆节");
            Map<LocalDate, SpecialDay> y2023 = data.predicted("CN", 2023).days();
            assertThat(y2023.get(d("2023-09-29")).nameZh()).isEqualTo("中秋节");
            assertThat(y2023.get(d("2023-10-06")).nameZh()).isEqualTo("国庆节");
        }

        @Test
        void everyPredictedYearGivesExactlyTheStatutoryDaysOffOnWeekdaysAndNoMoreThanSixWorkingDaysInARow() {
            CalendarData data = new CalendarData(SEED);
            for (int year = 2008; year <= 2099; year++) {
                List<SpecialDay> days = predicted(data, year);
                int statutory = StatutoryHolidays.festivals(year).stream()
                        .mapToInt(f -> f.days().size())
                        .sum();
                long weekdaysOff = days.stream()
                        .filter(x -> x.holiday() && !weekend(x.date()))
                        .count();
                long worked = days.stream().filter(x -> !x.holiday()).count();
                assertThat(days)
                        .as("%d", year)
                        .filteredOn(x -> !x.holiday())
                        .allSatisfy(x -> assertThat(weekend(x.date())).isTrue());
                assertThat(weekdaysOff - worked)
                        .as("%d: weekdays off less weekend days worked", year)
                        .isEqualTo(statutory);
                Set<LocalDate> holidays = days.stream()
                        .filter(SpecialDay::holiday)
                        .map(SpecialDay::date)
                        .collect(Collectors.toSet());
                assertThat(StatutoryHolidays.of(year))
                        .as("%d", year)
                        .allSatisfy(x -> assertThat(holidays).contains(x.date()));
                if (year >= 2025) {
                    Set<LocalDate> workedDays = days.stream()
                            .filter(x -> !x.holiday())
                            .map(SpecialDay::date)
                            .collect(Collectors.toSet());
                    int run = 0;
                    for (LocalDate x = LocalDate.of(year, 1, 1); x.getYear() == year; x = x.plusDays(1)) {
                        boolean working = workedDays.contains(x) || !weekend(x) && !holidays.contains(x);
                        run = working ? run + 1 : 0;
                        assertThat(run)
                                .as("%d: working days in a row up to %s", year, x)
                                .isLessThanOrEqualTo(6);
                    }
                }
            }
        }
    }

    @Nested
    class Learning {

        @Test
        void theFutureIsPredictedWithWhatTheNoticesUnderThe2024RevisionShow() {
            PatternFit fit = new CalendarData(SEED).fit();
            assertThat(fit.forYear(2027)).isEqualTo(new HolidayPattern(8, 5, 7, false));
            assertThat(fit.forYear(2099)).isEqualTo(fit.forYear(2027));
            assertThat(fit.forYear(2022))
                    .as("before 2025: a week from New Year's Eve, working next to a break")
                    .isEqualTo(new HolidayPattern(7, 5, 7, true));
        }

        @Test
        void withoutTheNoticeOf2026TheRuleAboutWorkingNextToABreakComesFromThePreviousRegulation() {
            PatternFit fit = new CalendarData(SEED).fit();
            assertThat(fit.forYear(2026)).isEqualTo(new HolidayPattern(8, 5, 7, true));
            assertThat(fit.forYear(2025)).as("learnt from 2026").isEqualTo(new HolidayPattern(8, 5, 7, false));
        }

        @Test
        void newNoticesChangeThePredictionsOfTheYearsAfterThem() {
            // Test data: 2027-2029 announced with nine-day Spring Festival breaks from New Year's Eve.
            HolidayPattern nineDays = new HolidayPattern(9, 5, 7, false);
            SeedCalendar announced = new SeedCalendar();
            for (int year = 2027; year <= 2029; year++) {
                announced.replacing(year, HolidayForecast.predict(year, nineDays));
            }
            CalendarData learnt = new CalendarData(announced);
            assertThat(learnt.fit().announcedYears()).contains(2027, 2028, 2029);
            assertThat(learnt.fit().forYear(2030)).isEqualTo(nineDays);
            assertThat(new CalendarData(SEED).fit().forYear(2030).springFestivalDays())
                    .isEqualTo(8);
        }

        @Test
        void incompleteNoticesTeachNothingAndWithoutAnyNoticeTheDefaultIsUsed() {
            assertThat(PatternFit.complete(2027, List.of(SpecialDay.holiday(d("2027-01-01"), "元旦", "New Year's Day"))))
                    .isFalse();
            assertThat(new PatternFit(Map.of()).forYear(2027)).isEqualTo(HolidayPattern.DEFAULT);
            assertThat(HolidayForecast.predict(2027, HolidayPattern.DEFAULT)).isNotEmpty();
        }
    }

    @Test
    void everyReasonHasItsWordsInChineseAndEnglish() throws java.io.IOException {
        for (String bundle : List.of("calendar.properties", "calendar_en.properties")) {
            java.util.Properties words = new java.util.Properties();
            try (var in =
                    java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources/i18n", bundle))) {
                words.load(in);
            }
            for (ForecastReason reason : ForecastReason.values()) {
                assertThat(words.getProperty("calendar.reason." + reason.name()))
                        .as("%s in %s", reason, bundle)
                        .isNotBlank();
            }
        }
    }

    @Test
    void aListedDayIsRightOnlyWhenBothListItAsTheSameKind() {
        List<SpecialDay> notice = List.of(
                SpecialDay.holiday(d("2030-01-01"), "元旦", "New Year's Day"),
                SpecialDay.holiday(d("2030-01-02"), "元旦", "New Year's Day"),
                SpecialDay.workingDay(d("2030-01-05")));
        List<SpecialDay> prediction = List.of(
                SpecialDay.holiday(d("2030-01-01"), "元旦", "New Year's Day"),
                SpecialDay.holiday(d("2030-01-05"), "元旦", "New Year's Day"),
                SpecialDay.workingDay(d("2030-01-06")));
        Agreement agreement = Agreement.of(2030, notice, prediction);
        assertThat(agreement.listed()).isEqualTo(4);
        assertThat(agreement.right()).isEqualTo(1);
        assertThat(agreement.misses()).containsExactly(d("2030-01-02"), d("2030-01-05"), d("2030-01-06"));
        assertThat(agreement.share()).isEqualTo(0.25);
    }
}
