package org.tongxin.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tongxin.calendar.HolidayRange;
import org.tongxin.calendar.YearEntry;
import org.tongxin.shared.error.FieldProblems;

/**
 * Checks a year as an administrator enters it, all problems at once, with the fields named as the API names them
 * ({@code holidays[2].to}, {@code workingDays[0]}): the region exists, the year is one the calendar covers, every
 * date lies inside the year, no date is listed twice or is both a holiday and a working day, adjusted working days
 * are Saturdays or Sundays, and every holiday has a Chinese and an English name.
 */
public final class YearEntryRules {

    static final int MAX_ITEMS = 60;
    static final int MAX_BREAK_DAYS = 31;
    static final int MAX_NOTICE = 300;
    static final int MAX_NAME_ZH = 50;
    static final int MAX_NAME_EN = 80;

    private final Predicate<String> divisionExists;
    private final int firstYear;
    private final int lastYear;

    public YearEntryRules(Predicate<String> divisionExists, int firstYear, int lastYear) {
        this.divisionExists = divisionExists;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The entry's days, one per date in date order; throws the field problems when there are any. */
    public List<SpecialDay> check(YearEntry entry) {
        FieldProblems problems = new FieldProblems();
        String region = entry.region() == null ? null : entry.region().strip();
        if (region == null || region.isEmpty()) {
            problems.add("region", "required");
        } else if (!CalendarData.NATIONAL.equals(region) && !region.matches("[0-9]{6}")) {
            problems.add("region", "calendarRegion");
        } else if (!CalendarData.NATIONAL.equals(region) && !divisionExists.test(region)) {
            problems.add("region", "unknownDivision");
        }
        int year = entry.year();
        boolean yearValid = year >= firstYear && year <= lastYear;
        if (!yearValid) {
            problems.add("year", "calendarRange", firstYear, lastYear);
        }
        if (entry.notice() != null && entry.notice().strip().length() > MAX_NOTICE) {
            problems.add("notice", "maxLength", MAX_NOTICE);
        }
        if (entry.holidays().isEmpty() && entry.workingDays().isEmpty()) {
            problems.add("holidays", "required");
        }
        if (entry.holidays().size() > MAX_ITEMS) {
            problems.add("holidays", "maxItems", MAX_ITEMS);
        }
        if (entry.workingDays().size() > MAX_ITEMS) {
            problems.add("workingDays", "maxItems", MAX_ITEMS);
        }
        if (!problems.isEmpty() && (problems.has("holidays") || problems.has("workingDays"))) {
            problems.throwIfAny();
        }

        Map<LocalDate, SpecialDay> days = new HashMap<>();
        for (int i = 0; i < entry.holidays().size(); i++) {
            String field = "holidays[" + i + "]";
            HolidayRange holiday = entry.holidays().get(i);
            if (holiday == null) {
                problems.add(field, "required");
                continue;
            }
            String nameZh = strip(holiday.nameZh());
            String nameEn = strip(holiday.nameEn());
            checkName(problems, field + ".nameZh", nameZh, MAX_NAME_ZH);
            checkName(problems, field + ".nameEn", nameEn, MAX_NAME_EN);
            if (holiday.from() == null) {
                problems.add(field + ".from", "required");
                continue;
            }
            LocalDate last = holiday.last();
            boolean inside = true;
            if (yearValid && holiday.from().getYear() != year) {
                problems.add(field + ".from", "outsideYear", year);
                inside = false;
            }
            if (last.isBefore(holiday.from())) {
                problems.add(field + ".to", "notBefore");
                continue;
            }
            if (yearValid && last.getYear() != year) {
                problems.add(field + ".to", "outsideYear", year);
                inside = false;
            }
            if (ChronoUnit.DAYS.between(holiday.from(), last) >= MAX_BREAK_DAYS) {
                problems.add(field + ".to", "rangeTooLong", MAX_BREAK_DAYS);
                continue;
            }
            if (!inside) {
                continue;
            }
            for (LocalDate date = holiday.from(); !date.isAfter(last); date = date.plusDays(1)) {
                if (days.putIfAbsent(date, SpecialDay.holiday(date, nameZh, nameEn)) != null) {
                    problems.add(field + ".from", "duplicateDate", date);
                }
            }
        }
        for (int i = 0; i < entry.workingDays().size(); i++) {
            String field = "workingDays[" + i + "]";
            LocalDate date = entry.workingDays().get(i);
            if (date == null) {
                problems.add(field, "required");
            } else if (yearValid && date.getYear() != year) {
                problems.add(field, "outsideYear", year);
            } else if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(field, "notWeekend", date);
            } else {
                SpecialDay before = days.putIfAbsent(date, SpecialDay.workingDay(date));
                if (before != null) {
                    problems.add(field, before.holiday() ? "holidayAndWorkingDay" : "duplicateDate", date);
                }
            }
        }
        problems.throwIfAny();
        List<SpecialDay> result = new ArrayList<>(days.values());
        result.sort(java.util.Comparator.comparing(SpecialDay::date));
        return result;
    }

    private static void checkName(FieldProblems problems, String field, String name, int max) {
        if (name == null) {
            problems.add(field, "required");
        } else if (name.length() > max) {
            problems.add(field, "maxLength", max);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
