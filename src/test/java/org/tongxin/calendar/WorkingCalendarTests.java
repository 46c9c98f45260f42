package org.tongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongxin.calendar.PeriodUnit.CALENDAR_DAYS;
import static org.tongxin.calendar.PeriodUnit.HOURS;
import static org.tongxin.calendar.PeriodUnit.MONTHS;
import static org.tongxin.calendar.PeriodUnit.WORKING_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tongxin.calendar.SkippedDay.Reason;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.shared.error.TongxinException;

/**
 * The counting rules of doc/procedures.md "Counting periods" with the real notices of 2025 and 2026 (the seeded data),
 * provisional years predicted from the regulation, and regional extras.
 */
class WorkingCalendarTests {

    final WorkingCalendar calendar = new SeedCalendar().calendar();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static LocalDateTime at(String iso) {
        return iso.contains("T")
                ? LocalDateTime.parse(iso)
                : LocalDate.parse(iso).atStartOfDay();
    }

    Deadline due(String from, int amount, PeriodUnit unit) {
        return calendar.due("CN", at(from), amount, unit, false);
    }

    Deadline inCustody(String from, int amount, PeriodUnit unit) {
        return calendar.due("CN", at(from), amount, unit, true);
    }

    static List<LocalDate> dates(Deadline deadline) {
        return deadline.skipped().stream().map(SkippedDay::date).toList();
    }

    @Nested
    class TheNotices {

        @Test
        void theSpringFestivalOf2025RunsFrom28JanuaryTo4FebruaryWith26JanuaryAnd8FebruaryWorked() {
            assertThat(d("2025-01-28").datesUntil(d("2025-02-05"))).allSatisfy(day -> {
                assertThat(calendar.isWorkingDay("CN", day)).as("%s", day).isFalse();
                assertThat(calendar.day("CN", day).nameZh()).isEqualTo("春节");
            });
            assertThat(calendar.isWorkingDay("CN", d("2025-01-26")))
                    .as("Sunday 26 January is worked")
                    .isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2025-02-08")))
                    .as("Saturday 8 February is worked")
                    .isTrue();
            assertThat(calendar.day("CN", d("2025-02-08")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
            assertThat(calendar.isWorkingDay("CN", d("2025-02-05"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2025-02-09")))
                    .as("an ordinary Sunday")
                    .isFalse();
        }

        @Test
        void nationalDay2025RunsFrom1To8OctoberWith28SeptemberAnd11OctoberWorked() {
            assertThat(d("2025-10-01").datesUntil(d("2025-10-09")))
                    .allSatisfy(day -> assertThat(calendar.isWorkingDay("CN", day))
                            .as("%s", day)
                            .isFalse());
            assertThat(calendar.day("CN", d("2025-10-01")).nameZh()).isEqualTo("国庆节");
            assertThat(calendar.day("CN", d("2025-10-01")).nameEn()).isEqualTo("National Day");
            assertThat(calendar.day("CN", d("2025-10-06")).nameZh())
                    .as("the festival itself")
                    .isEqualTo("中秋节");
            assertThat(calendar.isWorkingDay("CN", d("2025-09-28"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2025-10-11"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2025-10-09"))).isTrue();
        }

        @Test
        void theSpringFestivalOf2026RunsFrom15To23FebruaryWith14And28FebruaryWorked() {
            assertThat(d("2026-02-15").datesUntil(d("2026-02-24")))
                    .allSatisfy(day -> assertThat(calendar.isWorkingDay("CN", day))
                            .as("%s", day)
                            .isFalse());
            assertThat(calendar.isWorkingDay("CN", d("2026-02-14"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2026-02-28"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2026-02-24"))).isTrue();
        }

        @Test
        void nationalDay2026RunsFrom1To7OctoberWith20SeptemberAnd10OctoberWorked() {
            assertThat(d("2026-10-01").datesUntil(d("2026-10-08")))
                    .allSatisfy(day -> assertThat(calendar.isWorkingDay("CN", day))
                            .as("%s", day)
                            .isFalse());
            assertThat(calendar.isWorkingDay("CN", d("2026-09-20"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2026-10-10"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2026-10-08"))).isTrue();
            assertThat(calendar.isProvisional("CN", 2026)).isFalse();
        }
    }

    @Nested
    class WorkingDays {

        @Test
        void theContractExampleEndsOn16October2025() {
            // Start Friday 26 September 2025, not counted. Saturday 27 September: rest day. Sunday 28 September:
            // adjusted working day (1). Monday 29 (2), Tuesday 30 (3). 1-8 October: National Day break. Thursday
            // 9 October (4), Friday 10 (5), Saturday 11 October: adjusted working day (6). Sunday 12: rest day.
            // Monday 13 (7), Tuesday 14 (8), Wednesday 15 (9), Thursday 16 October (10).
            Deadline deadline = due("2025-09-26", 10, WORKING_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2025-10-16"));
            assertThat(deadline.dueDateTime()).isNull();
            assertThat(deadline.provisional()).isFalse();
            assertThat(deadline.skipped())
                    .extracting(SkippedDay::date, SkippedDay::reason, SkippedDay::nameZh)
                    .containsExactly(
                            tuple(d("2025-09-27"), Reason.WEEKEND, "周末"),
                            tuple(d("2025-10-01"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-02"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-03"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-04"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-05"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-06"), Reason.HOLIDAY, "中秋节"),
                            tuple(d("2025-10-07"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-08"), Reason.HOLIDAY, "国庆节"),
                            tuple(d("2025-10-12"), Reason.WEEKEND, "周末"));
            assertThat(deadline.skipped().get(1).nameEn()).isEqualTo("National Day");
            assertThat(deadline.skipped().get(0).nameEn()).isEqualTo("Weekend");
        }

        @Test
        void adjustedWorkingDaysCountAndTheBreakIsSkipped() {
            // Friday 24 January 2025: Saturday 25 rest, Sunday 26 worked (1), Monday 27 (2), break 28 Jan-4 Feb, 5 Feb
            // (3).
            Deadline deadline = due("2025-01-24", 3, WORKING_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2025-02-05"));
            assertThat(dates(deadline))
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(d("2025-01-25")),
                                    d("2025-01-28").datesUntil(d("2025-02-05")))
                            .toList());
            assertThat(due("2025-02-06", 2, WORKING_DAYS).dueDate())
                    .as("Saturday 8 February is worked")
                    .isEqualTo(d("2025-02-08"));
            assertThat(due("2026-02-13", 1, WORKING_DAYS).dueDate())
                    .as("Saturday 14 February is worked")
                    .isEqualTo(d("2026-02-14"));
            assertThat(due("2026-02-13", 2, WORKING_DAYS).dueDate()).isEqualTo(d("2026-02-24"));
            assertThat(due("2026-02-27", 1, WORKING_DAYS).dueDate()).isEqualTo(d("2026-02-28"));
            assertThat(due("2026-09-18", 1, WORKING_DAYS).dueDate()).isEqualTo(d("2026-09-20"));
            assertThat(due("2026-09-30", 3, WORKING_DAYS).dueDate())
                    .as("8, 9 and Saturday 10 October")
                    .isEqualTo(d("2026-10-10"));
        }

        @Test
        void theStartDayIsNotCountedEvenWhenItIsAWorkingDay() {
            assertThat(due("2025-03-03", 1, WORKING_DAYS).dueDate()).isEqualTo(d("2025-03-04"));
            assertThat(due("2025-03-07", 1, WORKING_DAYS).dueDate())
                    .as("Friday + 1 = Monday")
                    .isEqualTo(d("2025-03-10"));
            assertThat(due("2025-03-08T18:30", 1, WORKING_DAYS).dueDate())
                    .as("only the date counts")
                    .isEqualTo(d("2025-03-10"));
        }

        @Test
        void custodyDoesNotChangeWorkingDays() {
            assertThat(inCustody("2025-09-26", 10, WORKING_DAYS)).isEqualTo(due("2025-09-26", 10, WORKING_DAYS));
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void aPeriodEndingOnAHolidayEndsOnTheFirstWorkingDayAfterIt() {
            Deadline deadline = due("2025-09-21", 10, CALENDAR_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2025-10-09"));
            assertThat(dates(deadline))
                    .containsExactlyElementsOf(
                            d("2025-10-01").datesUntil(d("2025-10-09")).toList());
            assertThat(deadline.skipped())
                    .allSatisfy(s -> assertThat(s.reason()).isEqualTo(Reason.HOLIDAY));
            assertThat(due("2026-02-05", 10, CALENDAR_DAYS).dueDate())
                    .as("Spring Festival 2026")
                    .isEqualTo(d("2026-02-24"));
        }

        @Test
        void inCustodyThePeriodEndsOnItsLastDayEvenOnAHoliday() {
            Deadline deadline = inCustody("2025-09-21", 10, CALENDAR_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2025-10-01"));
            assertThat(deadline.skipped()).isEmpty();
        }

        @Test
        void aPeriodEndingOnARestDayMovesToMondayButAnAdjustedWorkingDayStays() {
            Deadline weekend = due("2025-03-05", 10, CALENDAR_DAYS);
            assertThat(weekend.dueDate()).isEqualTo(d("2025-03-17"));
            assertThat(weekend.skipped())
                    .extracting(SkippedDay::date, SkippedDay::reason)
                    .containsExactly(tuple(d("2025-03-15"), Reason.WEEKEND), tuple(d("2025-03-16"), Reason.WEEKEND));
            assertThat(due("2025-09-18", 10, CALENDAR_DAYS).dueDate())
                    .as("Sunday 28 September 2025 is worked")
                    .isEqualTo(d("2025-09-28"));
            assertThat(due("2025-03-03", 5, CALENDAR_DAYS).dueDate())
                    .isEqualTo(d("2025-03-08").plusDays(2));
            assertThat(due("2025-03-03", 4, CALENDAR_DAYS)).satisfies(dl -> {
                assertThat(dl.dueDate()).isEqualTo(d("2025-03-07"));
                assertThat(dl.skipped()).isEmpty();
            });
        }
    }

    @Nested
    class Months {

        @Test
        void theSameDayNumberOrTheLastDayOfAShorterMonth() {
            assertThat(due("2025-01-31", 1, MONTHS).dueDate()).isEqualTo(d("2025-02-28"));
            assertThat(due("2024-01-31", 1, MONTHS).dueDate()).as("leap year").isEqualTo(d("2024-02-29"));
            assertThat(due("2023-12-31", 2, MONTHS).dueDate()).isEqualTo(d("2024-02-29"));
            assertThat(due("2025-03-10", 3, MONTHS).dueDate()).isEqualTo(d("2025-06-10"));
            assertThat(due("2026-01-31", 1, MONTHS).dueDate())
                    .as("Saturday 28 February 2026 is worked")
                    .isEqualTo(d("2026-02-28"));
        }

        @Test
        void theHolidayRuleAppliesToTheLastDayExceptInCustody() {
            Deadline deadline = due("2025-09-01", 1, MONTHS);
            assertThat(deadline.dueDate()).isEqualTo(d("2025-10-09"));
            assertThat(deadline.skipped())
                    .hasSize(8)
                    .first()
                    .satisfies(s -> assertThat(s.nameZh()).isEqualTo("国庆节"));
            assertThat(inCustody("2025-09-01", 1, MONTHS).dueDate()).isEqualTo(d("2025-10-01"));
            assertThat(due("2026-01-15", 1, MONTHS).dueDate())
                    .as("Spring Festival 2026")
                    .isEqualTo(d("2026-02-24"));
            assertThat(due("2025-05-29", 1, MONTHS).dueDate())
                    .as("Sunday 29 June 2025 moves to Monday")
                    .isEqualTo(d("2025-06-30"));
        }
    }

    @Nested
    class Hours {

        @Test
        void thePartialStartingHourIsNotCounted() {
            assertThat(due("2025-03-03T10:30", 48, HOURS).dueDateTime()).isEqualTo(at("2025-03-05T11:00"));
            assertThat(due("2025-03-03T10:00", 48, HOURS).dueDateTime()).isEqualTo(at("2025-03-05T10:00"));
            assertThat(due("2025-03-03T10:00:01", 1, HOURS).dueDateTime()).isEqualTo(at("2025-03-03T12:00"));
            assertThat(due("2025-03-03T10:30", 48, HOURS).dueDate()).isNull();
        }

        @Test
        void hoursAreNeverExtendedOverHolidays() {
            Deadline deadline = due("2025-09-30T10:30", 48, HOURS);
            assertThat(deadline.dueDateTime()).isEqualTo(at("2025-10-02T11:00"));
            assertThat(deadline.skipped()).isEmpty();
            assertThat(inCustody("2025-09-30T10:30", 48, HOURS)).isEqualTo(deadline);
            assertThat(due("2025-10-01T10:00", 48, HOURS).dueDateTime()).isEqualTo(at("2025-10-03T10:00"));
        }

        @Test
        void zeroHoursIsTheStartRoundedUpToTheFullHour() {
            assertThat(due("2025-03-03T10:30", 0, HOURS).dueDateTime()).isEqualTo(at("2025-03-03T11:00"));
            assertThat(due("2025-03-03T10:00", 0, HOURS).dueDateTime()).isEqualTo(at("2025-03-03T10:00"));
        }
    }

    @Test
    void zeroDaysIsTheStartDayItself() {
        assertThat(due("2025-10-01", 0, WORKING_DAYS).dueDate()).isEqualTo(d("2025-10-01"));
        assertThat(due("2025-10-01", 0, CALENDAR_DAYS).dueDate()).isEqualTo(d("2025-10-01"));
        assertThat(due("2025-10-01T15:00", 0, MONTHS)).satisfies(dl -> {
            assertThat(dl.dueDate()).isEqualTo(d("2025-10-01"));
            assertThat(dl.skipped()).isEmpty();
            assertThat(dl.provisional()).isFalse();
        });
    }

    @Test
    void endsAtIsTheNextMidnightInChinaOrTheDueTime() {
        assertThat(due("2025-09-26", 10, WORKING_DAYS).endsAt()).isEqualTo(Instant.parse("2025-10-16T16:00:00Z"));
        assertThat(due("2025-10-01T10:30", 48, HOURS).endsAt()).isEqualTo(Instant.parse("2025-10-03T03:00:00Z"));
    }

    @Nested
    class ProvisionalYears {

        @Test
        void aYearWithoutANoticeIsPredictedFromTheRegulation() {
            assertThat(calendar.isProvisional("CN", 2027)).isTrue();
            CalendarYear y2030 = calendar.year("CN", 2030);
            assertThat(y2030.official()).isFalse();
            assertThat(y2030.regulation()).isEqualTo(HolidayRegulation.REVISION_2024);
            assertThat(y2030.specialDays()).allSatisfy(day -> {
                assertThat(day.provisional()).isTrue();
                assertThat(day.reason()).isNotNull();
            });
            assertThat(y2030.specialDays())
                    .filteredOn(day -> day.reason() == ForecastReason.STATUTORY)
                    .hasSize(13);
            // Lunar New Year 2030 is Sunday 3 February: eight days from New Year's Eve (Saturday 2nd) with the make-up
            // days of the 2nd and 3rd on 6 and 7 February, joined by Sunday 10th; Sunday 27 January is worked.
            assertThat(d("2030-02-02").datesUntil(d("2030-02-11")))
                    .allSatisfy(
                            day -> assertThat(calendar.day("CN", day).nameZh()).isEqualTo("春节"));
            assertThat(calendar.day("CN", d("2030-02-06")).reason()).isEqualTo(ForecastReason.MAKE_UP);
            assertThat(calendar.day("CN", d("2030-01-27")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
            assertThat(calendar.isWorkingDay("CN", d("2030-02-11"))).isTrue();
            assertThat(calendar.isWorkingDay("CN", d("2027-04-05")))
                    .as("Qingming 2027")
                    .isFalse();
            assertThat(calendar.isWorkingDay("CN", d("2028-04-04")))
                    .as("Qingming 2028")
                    .isFalse();
            assertThat(calendar.isWorkingDay("CN", d("2027-02-06")))
                    .as("Lunar New Year 2027, a Saturday")
                    .isFalse();
            assertThat(calendar.isWorkingDay("CN", d("2027-02-08")))
                    .as("the 3rd day, Monday")
                    .isFalse();
            assertThat(calendar.day("CN", d("2027-02-09")))
                    .as("the make-up day for Saturday 6th (art. 6)")
                    .satisfies(day -> {
                        assertThat(day.working()).isFalse();
                        assertThat(day.reason()).isEqualTo(ForecastReason.MAKE_UP);
                    });
        }

        @Test
        void aWorkingDayDeadlineInFebruary2027CountsTheMakeUpDays() {
            // Monday 1 February + 5 working days: 2, 3, 4 February, the break 5-13 February (four statutory days, the
            // make-up days 9 and 10, the bridge days 11 and 12, Saturday 13th), Sunday 14th worked, Monday 15th.
            Deadline deadline = due("2027-02-01", 5, WORKING_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2027-02-15"));
            assertThat(deadline.provisional()).isTrue();
            assertThat(dates(deadline))
                    .containsExactlyElementsOf(
                            d("2027-02-05").datesUntil(d("2027-02-14")).toList());
        }

        @Test
        void deadlinesAcrossAProvisionalDayAreProvisional() {
            Deadline deadline = due("2030-01-31", 3, WORKING_DAYS);
            assertThat(deadline.dueDate()).isEqualTo(d("2030-02-12"));
            assertThat(deadline.provisional()).isTrue();
            assertThat(deadline.skipped())
                    .extracting(SkippedDay::date, SkippedDay::nameZh)
                    .containsExactlyElementsOf(d("2030-02-02")
                            .datesUntil(d("2030-02-11"))
                            .map(day -> tuple(day, "春节"))
                            .toList());

            Deadline newYear = due("2026-12-20", 10, WORKING_DAYS);
            assertThat(newYear.dueDate()).isEqualTo(d("2027-01-04"));
            assertThat(newYear.provisional()).isTrue();
            assertThat(newYear.skipped())
                    .extracting(SkippedDay::date, SkippedDay::reason, SkippedDay::nameZh)
                    .containsExactly(
                            tuple(d("2026-12-26"), Reason.WEEKEND, "周末"),
                            tuple(d("2026-12-27"), Reason.WEEKEND, "周末"),
                            tuple(d("2027-01-01"), Reason.HOLIDAY, "元旦"),
                            tuple(d("2027-01-02"), Reason.HOLIDAY, "元旦"),
                            tuple(d("2027-01-03"), Reason.HOLIDAY, "元旦"));
            assertThat(due("2026-12-01", 5, WORKING_DAYS).provisional()).isFalse();
            assertThat(due("2026-12-31T10:00", 48, HOURS).provisional())
                    .as("the period reaches 2027")
                    .isTrue();
            assertThat(due("2026-12-25", 6, CALENDAR_DAYS).provisional()).isFalse();
            assertThat(due("2026-12-25", 7, CALENDAR_DAYS)).satisfies(dl -> {
                assertThat(dl.dueDate()).isEqualTo(d("2027-01-04"));
                assertThat(dl.provisional()).isTrue();
            });
        }

        @Test
        void nothingBreaksAtNewYearForYearsFarAhead() {
            for (int year = 2027; year <= 2035; year++) {
                Deadline deadline = due(year + "-12-24", 10, WORKING_DAYS);
                assertThat(deadline.dueDate()).as("%d", year).isAfter(LocalDate.of(year, 12, 31));
                assertThat(deadline.provisional()).isTrue();
                assertThat(calendar.isWorkingDay("CN", LocalDate.of(year + 1, 1, 1)))
                        .isFalse();
            }
        }

        @Test
        void whenTheNoticeIsEnteredTheSameDeadlineIsNoLongerProvisional() {
            WorkingCalendar before = new SeedCalendar().without(2024).calendar();
            // Predicted without its notice, the Spring Festival of 2024 runs seven days from New Year's Eve (Friday 9
            // February to Thursday 15th, Saturday 17th worked); the notice began it on Saturday 10th, for eight days.
            Deadline provisional = before.due("CN", at("2024-02-07"), 2, WORKING_DAYS, false);
            assertThat(provisional.provisional()).isTrue();
            assertThat(provisional.dueDate()).isEqualTo(d("2024-02-16"));
            assertThat(dates(provisional))
                    .containsExactlyElementsOf(
                            d("2024-02-09").datesUntil(d("2024-02-16")).toList());
            Deadline official = calendar.due("CN", at("2024-02-07"), 2, WORKING_DAYS, false);
            assertThat(official.provisional()).isFalse();
            assertThat(official.dueDate()).isEqualTo(d("2024-02-09"));
            assertThat(official.skipped()).isEmpty();
        }
    }

    @Nested
    class Regions {

        final WorkingCalendar regional = new SeedCalendar()
                .with(
                        "110000",
                        2025,
                        SpecialDay.holiday(d("2025-03-10"), "测试假日", "Test holiday"),
                        SpecialDay.workingDay(d("2025-03-08")))
                .calendar();

        @Test
        void extrasApplyOnlyInTheirRegion() {
            assertThat(regional.isWorkingDay("110000", d("2025-03-10"))).isFalse();
            assertThat(regional.isWorkingDay("CN", d("2025-03-10"))).isTrue();
            assertThat(regional.isWorkingDay("110000", d("2025-03-08"))).isTrue();
            assertThat(regional.isWorkingDay("CN", d("2025-03-08"))).isFalse();
            assertThat(regional.due("110000", at("2025-03-07"), 1, WORKING_DAYS, false)
                            .dueDate())
                    .isEqualTo(d("2025-03-08"));
            assertThat(regional.due("110000", at("2025-03-08"), 1, WORKING_DAYS, false))
                    .satisfies(dl -> {
                        assertThat(dl.dueDate()).isEqualTo(d("2025-03-11"));
                        assertThat(dl.skipped())
                                .extracting(SkippedDay::date, SkippedDay::nameEn)
                                .containsExactly(
                                        tuple(d("2025-03-09"), "Weekend"), tuple(d("2025-03-10"), "Test holiday"));
                    });
            assertThat(regional.due("CN", at("2025-03-07"), 1, WORKING_DAYS, false)
                            .dueDate())
                    .isEqualTo(d("2025-03-10"));
            assertThat(regional.isWorkingDay("110000", d("2025-10-01")))
                    .as("national holidays hold everywhere")
                    .isFalse();
        }

        @Test
        void onlyCnAndRegionsWithExtrasAreKnown() {
            assertThat(regional.isKnownRegion("CN")).isTrue();
            assertThat(regional.isKnownRegion("110000")).isTrue();
            assertThat(regional.isKnownRegion("120000")).isFalse();
            assertThat(regional.isKnownRegion(null)).isFalse();
            assertThat(calendar.isKnownRegion("110000")).isFalse();
            assertThat(regional.regions()).containsExactly("CN", "110000");
            assertThatThrownBy(() -> regional.due("120000", at("2025-03-07"), 1, WORKING_DAYS, false))
                    .isInstanceOfSatisfying(
                            TongxinException.class,
                            e -> assertThat(e.fieldProblems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.code()).isEqualTo("unknownRegion")));
        }
    }

    @Test
    void refusalsNameTheFieldAndTheProblem() {
        assertThatThrownBy(() -> due("2025-03-03", -1, WORKING_DAYS))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("amount");
                            assertThat(p.code()).isEqualTo("min");
                        }));
        assertThatThrownBy(() -> due("2007-12-31", 1, WORKING_DAYS))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems().getFirst().code()).isEqualTo("calendarRange"));
        assertThatThrownBy(() -> due("2099-12-31", 1, WORKING_DAYS))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems().getFirst().field()).isEqualTo("amount"));
        assertThat(due("2099-12-01", 10, WORKING_DAYS).dueDate()).isBefore(d("2100-01-01"));
    }
}
