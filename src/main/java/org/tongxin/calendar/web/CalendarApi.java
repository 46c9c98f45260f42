package org.tongxin.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.calendar.CalendarAdministration;
import org.tongxin.calendar.CalendarBasis;
import org.tongxin.calendar.CalendarDay;
import org.tongxin.calendar.CalendarYear;
import org.tongxin.calendar.Deadline;
import org.tongxin.calendar.ForecastReason;
import org.tongxin.calendar.HolidayRange;
import org.tongxin.calendar.PeriodUnit;
import org.tongxin.calendar.SkippedDay;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.calendar.YearEntry;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.security.PublicEndpoint;

/**
 * The working calendar through the API. Reading it and computing deadlines is public information (no login); entering
 * a year is for system administrators. Names follow Accept-Language (Chinese by default): the {@link Locale}
 * parameter is the locale resolver's answer for the request.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "The working calendar: holidays, adjusted working days and deadline arithmetic")
class CalendarApi {

    /** The largest amount a deadline may have (10,000 days is over 27 years). */
    static final int MAX_AMOUNT = 10_000;

    private final WorkingCalendar calendar;
    private final CalendarAdministration administration;

    CalendarApi(WorkingCalendar calendar, CalendarAdministration administration) {
        this.calendar = calendar;
        this.administration = administration;
    }

    /** A computed deadline: {@code due} is an ISO date, or an ISO date-time without zone for HOURS. */
    record DueAnswer(String due, boolean provisional, List<SkippedAnswer> skipped) {}

    /** A day the deadline passed over, with the holiday's name (周末 / Weekend for weekends). */
    record SkippedAnswer(String date, SkippedDay.Reason reason, String name) {}

    @PublicEndpoint
    @SecurityRequirements()
    @GetMapping("/due")
    @Operation(
            operationId = "computeDeadline",
            summary = "Compute when a period ends (working days, calendar days, months or hours; public)",
            description =
                    "Counting as in the Criminal Procedure Law art. 105: the start day (or the partial start hour) is"
                            + " not counted; working days skip weekends and holidays and count adjusted working days; a"
                            + " period of calendar days or months whose last day is a holiday or rest day ends on the"
                            + " first working day after it, except in custody; hours are never extended. All times are"
                            + " China Standard Time. `provisional` is true when the period touches a year whose holiday"
                            + " notice is not yet published.")
    DueAnswer due(
            @Parameter(description = "CN, or the GB/T 2260 code of a region with its own calendar extras") @RequestParam
                    String region,
            @Parameter(
                            description =
                                    "Start: an ISO date (2025-09-26) or local date-time (2025-10-01T10:30:00); HOURS"
                                            + " needs a date-time")
                    @RequestParam
                    String from,
            @Parameter(description = "0 to 10000") @RequestParam int amount,
            @RequestParam PeriodUnit unit,
            @Parameter(
                            description =
                                    "The person is in custody: calendar days and months are not extended over holidays")
                    @RequestParam(defaultValue = "false")
                    boolean custody,
            @Parameter(hidden = true) Locale locale) {
        FieldProblems problems = new FieldProblems();
        LocalDateTime start = parseStart(from, unit, problems);
        if (amount < 0) {
            problems.add("amount", "min", 0);
        } else if (amount > MAX_AMOUNT) {
            problems.add("amount", "max", MAX_AMOUNT);
        }
        if (!calendar.isKnownRegion(region)) {
            problems.add("region", "unknownRegion");
        }
        problems.throwIfAny();
        Deadline deadline = calendar.due(region, start, amount, unit, custody);
        String due = deadline.dueDateTime() != null
                ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(deadline.dueDateTime())
                : deadline.dueDate().toString();
        return new DueAnswer(
                due,
                deadline.provisional(),
                deadline.skipped().stream()
                        .map(s -> new SkippedAnswer(s.date().toString(), s.reason(), s.name(locale)))
                        .toList());
    }

    /** ISO date or local date-time; HOURS needs the time of day. */
    static LocalDateTime parseStart(String from, PeriodUnit unit, FieldProblems problems) {
        String value = from.strip();
        try {
            if (value.contains("T")) {
                return LocalDateTime.parse(value);
            }
            LocalDate date = LocalDate.parse(value);
            if (unit == PeriodUnit.HOURS) {
                problems.add("from", "dateTimeRequired");
                return null;
            }
            return date.atStartOfDay();
        } catch (DateTimeParseException e) {
            problems.add("from", "dateFormat");
            return null;
        }
    }

    /**
     * A year on a basis ({@code official} or {@code regulation}): whether it is a prediction, the notice it comes from
     * (official years), the holiday regulation in force that year, and its holidays and adjusted working days.
     */
    record YearAnswer(
            String region,
            int year,
            String basis,
            boolean provisional,
            String notice,
            String regulation,
            List<DayAnswer> days) {}

    /**
     * One day: its kind (HOLIDAY, ADJUSTED_WORKING_DAY, WEEKEND, WORKING_DAY), whether people work, the holiday's name,
     * whether it is provisional and, for a predicted day, why (STATUTORY, MAKE_UP, BRIDGE, WEEKEND, ADJUSTED; null for
     * the days of a notice).
     */
    record DayAnswer(
            String date, String kind, boolean working, String name, boolean provisional, ForecastReason reason) {

        static DayAnswer of(CalendarDay day, Locale locale) {
            return new DayAnswer(
                    day.date().toString(),
                    day.kind().name(),
                    day.working(),
                    day.name(locale),
                    day.provisional(),
                    day.reason());
        }
    }

    @PublicEndpoint
    @SecurityRequirements()
    @GetMapping("/years/{year}")
    @Operation(
            operationId = "getCalendarYear",
            summary = "The holidays and adjusted working days of a year (public)",
            description =
                    "With `basis=official` (the default) the calendar deadlines are counted with: the State Council's"
                        + " notice where it has been entered, else the prediction from the holiday regulation in force"
                        + " that year. With `basis=regulation` always that prediction, even for a year whose notice is"
                        + " known; it never uses that year's own notice. `provisional` says whether the answer is a"
                        + " prediction; a predicted day's `reason` says why it is off or worked (STATUTORY: a"
                        + " statutory holiday; MAKE_UP: a weekend holiday made up on a working day; BRIDGE: a weekday"
                        + " off for a weekend day worked; WEEKEND: a weekend day inside a break; ADJUSTED: a weekend"
                        + " day worked). Any other basis is a 400 problem with the field error `basis:"
                        + " calendarBasis`.")
    YearAnswer year(
            @PathVariable int year,
            @RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region,
            @Parameter(
                            description =
                                    "official (default): the notice where entered, else the prediction; regulation:"
                                            + " the prediction from the holiday regulation in force that year",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"official", "regulation"},
                                            defaultValue = "official"))
                    @RequestParam(defaultValue = "official")
                    String basis,
            @Parameter(hidden = true) Locale locale) {
        FieldProblems problems = new FieldProblems();
        Optional<CalendarBasis> parsed = CalendarBasis.parse(basis);
        if (parsed.isEmpty()) {
            problems.add("basis", "calendarBasis");
        }
        if (!calendar.isKnownRegion(region)) {
            problems.add("region", "unknownRegion");
        }
        if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
            problems.add("year", "calendarRange", WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR);
        }
        problems.throwIfAny();
        CalendarYear found = calendar.year(region, year, parsed.orElseThrow());
        return new YearAnswer(
                found.region(),
                found.year(),
                found.basis().parameter(),
                found.provisional(),
                found.notice(),
                found.regulation().title(locale),
                found.specialDays().stream().map(d -> DayAnswer.of(d, locale)).toList());
    }

    @PublicEndpoint
    @SecurityRequirements()
    @GetMapping("/days/{date}")
    @Operation(operationId = "getCalendarDay", summary = "Whether a day is a working day, and why (public)")
    DayAnswer day(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region,
            @Parameter(hidden = true) Locale locale) {
        return DayAnswer.of(calendar.day(region, date), locale);
    }

    /** The body of a year's entry: the notice's title or number, its holidays and its adjusted working days. */
    record YearRequest(String notice, List<HolidayRequest> holidays, List<LocalDate> workingDays) {}

    /** A holiday break as the notice states it; {@code to} may be left out for a single day. */
    record HolidayRequest(LocalDate from, LocalDate to, String nameZh, String nameEn) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PutMapping("/years/{year}")
    @Operation(
            operationId = "putCalendarYear",
            summary = "Enter or replace a year from its notice (system administrator)",
            description = "region=CN for the State Council's notice, or a GB/T 2260 code for a region's own extras. The"
                    + " whole year is replaced; the change is audited and provisional deadlines are recomputed.")
    YearAnswer put(
            @PathVariable int year,
            @RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region,
            @RequestBody YearRequest body,
            @Parameter(hidden = true) Locale locale) {
        List<HolidayRange> holidays = body.holidays() == null
                ? List.of()
                : body.holidays().stream()
                        .map(h -> h == null ? null : new HolidayRange(h.from(), h.to(), h.nameZh(), h.nameEn()))
                        .toList();
        administration.publish(new YearEntry(region, year, body.notice(), holidays, body.workingDays()), true);
        return year(year, region, CalendarBasis.OFFICIAL.parameter(), locale);
    }
}
