package org.tongxin.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.Division;
import org.tongxin.calendar.CalendarDay;
import org.tongxin.calendar.CalendarYear;
import org.tongxin.calendar.DayKind;
import org.tongxin.calendar.HolidayRange;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.FormFeedback;

/** The month view of the working calendar, for every logged-in user. */
@Controller
class CalendarPages {

    private final WorkingCalendar calendar;
    private final AgencyDirectory agencies;
    private final FormFeedback feedback;
    private final Clock clock;

    CalendarPages(WorkingCalendar calendar, AgencyDirectory agencies, FormFeedback feedback, Clock clock) {
        this.calendar = calendar;
        this.agencies = agencies;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** A week of the month view, Monday first; days outside the month are null. */
    record Week(List<CalendarDay> days) {}

    @AnyAuthenticatedUser
    @GetMapping("/calendar")
    String month(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month,
            @RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region,
            Model model) {
        LocalDate today = LegalTime.today(clock);
        if (month != null && (month < 1 || month > 12)) {
            throw TongxinException.invalid("month", "range", 1, 12);
        }
        YearMonth shown =
                YearMonth.of(year == null ? today.getYear() : year, month == null ? today.getMonthValue() : month);
        List<CalendarDay> days = calendar.month(region, shown);
        CalendarYear calendarYear = calendar.year(region, shown.getYear());

        List<Week> weeks = new ArrayList<>();
        CalendarDay[] week = new CalendarDay[7];
        for (CalendarDay day : days) {
            int column = day.date().getDayOfWeek().getValue() - 1;
            week[column] = day;
            if (column == 6) {
                weeks.add(new Week(Arrays.asList(week)));
                week = new CalendarDay[7];
            }
        }
        if (Arrays.stream(week).anyMatch(java.util.Objects::nonNull)) {
            weeks.add(new Week(Arrays.asList(week)));
        }

        model.addAttribute("weeks", weeks);
        model.addAttribute("region", region);
        model.addAttribute("regionName", regionName(region));
        model.addAttribute("regions", regionNames());
        model.addAttribute("monthTitle", monthTitle(shown));
        model.addAttribute("year", calendarYear);
        model.addAttribute("today", today);
        model.addAttribute("previous", within(shown.minusMonths(1)));
        model.addAttribute("next", within(shown.plusMonths(1)));
        model.addAttribute("thisMonth", YearMonth.from(today));
        model.addAttribute("shown", shown);
        model.addAttribute("holidays", ranges(days));
        model.addAttribute(
                "workingDays",
                days.stream()
                        .filter(d -> d.kind() == DayKind.ADJUSTED_WORKING_DAY)
                        .toList());
        return "calendar/month";
    }

    private YearMonth within(YearMonth month) {
        return month.getYear() >= WorkingCalendar.FIRST_YEAR && month.getYear() <= WorkingCalendar.LAST_YEAR
                ? month
                : null;
    }

    String monthTitle(YearMonth month) {
        return feedback.message(
                "calendar.month",
                month.getYear(),
                month.getMonthValue(),
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    String regionName(String region) {
        if (WorkingCalendar.NATIONAL.equals(region)) {
            return feedback.message("calendar.region.CN");
        }
        return agencies.division(region).map(Division::localName).orElse(region);
    }

    /** The regions to choose from: code → name. */
    Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        calendar.regions().forEach(code -> names.put(code, regionName(code)));
        return names;
    }

    /** The month's holidays as consecutive days of the same name. */
    static List<HolidayRange> ranges(List<CalendarDay> days) {
        List<HolidayRange> ranges = new ArrayList<>();
        for (CalendarDay day : days) {
            if (day.kind() != DayKind.HOLIDAY) {
                continue;
            }
            HolidayRange last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null
                    && last.last().plusDays(1).equals(day.date())
                    && last.nameZh().equals(day.nameZh())) {
                ranges.set(ranges.size() - 1, new HolidayRange(last.from(), day.date(), last.nameZh(), last.nameEn()));
            } else {
                ranges.add(new HolidayRange(day.date(), day.date(), day.nameZh(), day.nameEn()));
            }
        }
        return ranges;
    }
}
