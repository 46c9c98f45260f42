package org.tongxin.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.tongxin.calendar.internal.CalendarData;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StatutoryHolidays;
import org.tongxin.calendar.internal.YearView;
import org.tongxin.shared.error.TongxinException;

/**
 * The working calendar and its deadline arithmetic (doc/procedures.md "Counting periods"), in China Standard Time:
 * <ul>
 * <li>Working days: the start day is not counted; only working days count (weekdays that are no holiday, and
 * adjusted working days on weekends).</li>
 * <li>Calendar days: the start day is not counted; a period whose last day is a holiday or rest day ends on the
 * first working day after it, except in custody.</li>
 * <li>Months: the same day number N months later, or that month's last day when it is shorter; the holiday rule
 * applies to the last day, except in custody.</li>
 * <li>Hours: the partial hour in which the period starts is not counted (10:30 + 48 h = 11:00 two days later,
 * 10:00 + 48 h = 10:00); hours are never extended over holidays.</li>
 * <li>Amount 0: the start day itself for day and month units, without moving it; for hours, the start rounded up
 * to the full hour (the same rule as for any amount: 10:30 + 0 h = 11:00, 10:00 + 0 h = 10:00).</li>
 * </ul>
 * A deadline is provisional when its period touches a day of a year without a published notice (from the day after
 * the start, or the start day itself when the amount is 0, to the last day); those years are predicted from the
 * holiday regulation in force (statutory holidays, their make-up days, and the breaks and adjusted working days the
 * notice will most likely declare: doc/holiday-forecast.md). Regions: "CN", or the GB/T 2260 code of a region with its own extras on top of the national days.
 * Refusals (unknown region, negative amount, dates outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}) are
 * {@link TongxinException}s with a field and a code.
 */
@Component
public class WorkingCalendar {

    public static final String NATIONAL = CalendarData.NATIONAL;
    /** The first year the calendar knows (the holiday regulation of 2007 with its festivals). */
    public static final int FIRST_YEAR = StatutoryHolidays.FIRST_YEAR;
    /** The last year the calendar knows (the Qingming formula's century). */
    public static final int LAST_YEAR = StatutoryHolidays.LAST_YEAR;

    private final CalendarData data;

    WorkingCalendar(CalendarData data) {
        this.data = data;
    }

    /** from: a local date-time in Asia/Shanghai (for day/month units only its date counts). amount >= 0. */
    public Deadline due(String region, LocalDateTime from, int amount, PeriodUnit unit, boolean custody) {
        requireKnown(region);
        if (from == null) {
            throw TongxinException.invalid("from", "required");
        }
        if (unit == null) {
            throw TongxinException.invalid("unit", "required");
        }
        if (amount < 0) {
            throw TongxinException.invalid("amount", "min", 0);
        }
        LocalDate start = from.toLocalDate();
        requireInRange("from", start);
        return switch (unit) {
            case HOURS -> hours(region, from, amount);
            case WORKING_DAYS -> workingDays(region, start, amount);
            case CALENDAR_DAYS -> lastDayRule(region, start, amount == 0 ? start : start.plusDays(amount), custody);
            case MONTHS -> lastDayRule(region, start, amount == 0 ? start : start.plusMonths(amount), custody);
        };
    }

    public boolean isWorkingDay(String region, LocalDate date) {
        return day(region, date).working();
    }

    /** "CN" or a GB/T 2260 code that has regional extras. */
    public boolean isKnownRegion(String region) {
        return region != null && (NATIONAL.equals(region) || data.regions().contains(region));
    }

    /** True while the year's notice is not entered (and for years outside the calendar's range). */
    public boolean isProvisional(String region, int year) {
        requireKnown(region);
        return year < FIRST_YEAR
                || year > LAST_YEAR
                || !data.year(NATIONAL, year).official();
    }

    /** One day of a region's calendar. */
    public CalendarDay day(String region, LocalDate date) {
        requireKnown(region);
        if (date == null) {
            throw TongxinException.invalid("date", "required");
        }
        requireInRange("date", date);
        return classify(region, date);
    }

    /** Every day of a month. */
    public List<CalendarDay> month(String region, YearMonth month) {
        requireKnown(region);
        requireInRange("month", month.atDay(1));
        return IntStream.rangeClosed(1, month.lengthOfMonth())
                .mapToObj(d -> classify(region, month.atDay(d)))
                .toList();
    }

    /** A year with its holidays and adjusted working days as deadlines are counted: official or provisional. */
    public CalendarYear year(String region, int year) {
        return year(region, year, CalendarBasis.OFFICIAL);
    }

    /**
     * A year with its holidays and adjusted working days on a basis: {@link CalendarBasis#OFFICIAL} as deadlines are
     * counted; {@link CalendarBasis#REGULATION} the prediction from the regulation in force that year, which never
     * uses that year's own notice (and is therefore always provisional).
     */
    public CalendarYear year(String region, int year, CalendarBasis basis) {
        requireKnown(region);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw TongxinException.invalid("year", "calendarRange", FIRST_YEAR, LAST_YEAR);
        }
        YearView view = basis == CalendarBasis.REGULATION ? data.predicted(region, year) : data.year(region, year);
        return new CalendarYear(
                region,
                year,
                basis,
                view.official(),
                view.notice(),
                view.publishedAt(),
                HolidayRegulation.inForce(year),
                view.days().values().stream()
                        .map(d -> special(d, !view.official()))
                        .toList());
    }

    /** "CN" first, then the regions with their own extras by code. */
    public List<String> regions() {
        return Stream.concat(Stream.of(NATIONAL), data.regions().stream().sorted())
                .toList();
    }

    private Deadline hours(String region, LocalDateTime from, int amount) {
        LocalDateTime start = from.truncatedTo(ChronoUnit.HOURS);
        if (start.isBefore(from)) {
            start = start.plusHours(1);
        }
        LocalDateTime end = start.plusHours(amount);
        requireInRange("amount", end.toLocalDate());
        return new Deadline(null, end, touchesProvisionalYear(from.toLocalDate(), end.toLocalDate()), List.of());
    }

    private Deadline workingDays(String region, LocalDate start, int amount) {
        List<SkippedDay> skipped = new ArrayList<>();
        LocalDate date = start;
        for (int counted = 0; counted < amount; ) {
            date = date.plusDays(1);
            requireInRange("amount", date);
            CalendarDay day = classify(region, date);
            if (day.working()) {
                counted++;
            } else {
                skipped.add(day.skipped());
            }
        }
        return new Deadline(date, null, touchesProvisionalYear(amount == 0 ? start : start.plusDays(1), date), skipped);
    }

    /** Calendar days and months: the last day, moved to the first working day after it unless in custody. */
    private Deadline lastDayRule(String region, LocalDate start, LocalDate last, boolean custody) {
        requireInRange("amount", last);
        if (last.equals(start)) {
            return new Deadline(start, null, touchesProvisionalYear(start, start), List.of());
        }
        List<SkippedDay> skipped = new ArrayList<>();
        LocalDate date = last;
        if (!custody) {
            for (CalendarDay day = classify(region, date); !day.working(); day = classify(region, date)) {
                skipped.add(day.skipped());
                date = date.plusDays(1);
                requireInRange("amount", date);
            }
        }
        return new Deadline(date, null, touchesProvisionalYear(start.plusDays(1), date), skipped);
    }

    private boolean touchesProvisionalYear(LocalDate first, LocalDate last) {
        return IntStream.rangeClosed(first.getYear(), last.getYear())
                .anyMatch(y -> !data.year(NATIONAL, y).official());
    }

    private CalendarDay classify(String region, LocalDate date) {
        YearView year = data.year(region, date.getYear());
        boolean provisional = !year.official();
        SpecialDay special = year.days().get(date);
        if (special != null) {
            return special(special, provisional);
        }
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        return new CalendarDay(date, weekend ? DayKind.WEEKEND : DayKind.WORKING_DAY, null, null, provisional);
    }

    private static CalendarDay special(SpecialDay day, boolean provisional) {
        return day.holiday()
                ? new CalendarDay(day.date(), DayKind.HOLIDAY, day.nameZh(), day.nameEn(), provisional, day.reason())
                : new CalendarDay(day.date(), DayKind.ADJUSTED_WORKING_DAY, null, null, provisional, day.reason());
    }

    private void requireKnown(String region) {
        if (!isKnownRegion(region)) {
            throw TongxinException.invalid("region", "unknownRegion");
        }
    }

    private static void requireInRange(String field, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw TongxinException.invalid(field, "calendarRange", FIRST_YEAR, LAST_YEAR);
        }
    }
}
