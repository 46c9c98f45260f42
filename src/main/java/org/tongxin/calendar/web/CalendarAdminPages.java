package org.tongxin.calendar.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.calendar.CalendarAdministration;
import org.tongxin.calendar.PublishedYear;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.FormFeedback;

/**
 * Holiday schedules for system administrators: which years are official, and the form to enter or replace a year
 * from its notice (a replacement must be confirmed).
 */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class CalendarAdminPages {

    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;
    private final CalendarPages pages;
    private final AgencyDirectory agencies;
    private final FormFeedback feedback;
    private final Clock clock;

    CalendarAdminPages(
            CalendarAdministration administration,
            WorkingCalendar calendar,
            CalendarPages pages,
            AgencyDirectory agencies,
            FormFeedback feedback,
            Clock clock) {
        this.administration = administration;
        this.calendar = calendar;
        this.pages = pages;
        this.agencies = agencies;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** A year of the overview: official (with its entry) or not entered. */
    record YearRow(int year, PublishedYear published) {}

    @GetMapping("/admin/calendar")
    String overview(@RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region, Model model) {
        requireRegion(region);
        int thisYear = LegalTime.today(clock).getYear();
        TreeMap<Integer, PublishedYear> published = new TreeMap<>();
        administration.published(region).forEach(y -> published.put(y.year(), y));
        int first = published.isEmpty() ? thisYear : Math.min(thisYear, published.firstKey());
        int last = Math.min(
                WorkingCalendar.LAST_YEAR,
                Math.max(thisYear + 1, published.isEmpty() ? thisYear : published.lastKey()));
        List<YearRow> rows = new ArrayList<>();
        for (int year = last; year >= first; year--) {
            rows.add(new YearRow(year, published.get(year)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("region", region);
        model.addAttribute("regionName", pages.regionName(region));
        model.addAttribute("regions", pages.regionNames());
        model.addAttribute("nextYear", thisYear + 1);
        return "calendar/admin";
    }

    @GetMapping("/admin/calendar/entry")
    String entry(
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = WorkingCalendar.NATIONAL) String region,
            Model model) {
        requireRegion(region);
        int shown = year == null ? LegalTime.today(clock).getYear() + 1 : year;
        if (shown < WorkingCalendar.FIRST_YEAR || shown > WorkingCalendar.LAST_YEAR) {
            throw TongxinException.invalid(
                    "year", "calendarRange", WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR);
        }
        return form(YearForm.of(administration.draft(region, shown)), model);
    }

    @PostMapping("/admin/calendar/entry")
    String publish(
            @ModelAttribute("form") YearForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        requireRegion(form.getRegion());
        if (binding.hasErrors()) {
            List<FieldProblem> problems = binding.getFieldErrors().stream()
                    .map(f -> new FieldProblem(f.getField(), "type"))
                    .toList();
            feedback.apply(TongxinException.invalid(problems), model);
            return form(form.padded(), model);
        }
        try {
            boolean replaced = administration.publish(form.entry(), form.isReplace());
            redirect.addFlashAttribute(
                    "notice", feedback.message(replaced ? "calendar.replaced" : "calendar.published", form.getYear()));
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/admin/calendar")
                            .queryParam("region", form.getRegion())
                            .build()
                            .toUriString();
        } catch (TongxinException e) {
            feedback.apply(form.onRows(e), model);
            return form(form.padded(), model);
        }
    }

    private String form(YearForm form, Model model) {
        Optional<PublishedYear> published =
                form.getYear() == null ? Optional.empty() : administration.published(form.getRegion(), form.getYear());
        model.addAttribute("form", form);
        model.addAttribute("published", published.orElse(null));
        model.addAttribute("national", WorkingCalendar.NATIONAL.equals(form.getRegion()));
        model.addAttribute("regionName", pages.regionName(form.getRegion()));
        return "calendar/entry";
    }

    /** CN, or the 6-digit code of a division (its extras may not exist yet). */
    private void requireRegion(String region) {
        if (region == null
                || !(WorkingCalendar.NATIONAL.equals(region)
                        || region.matches("[0-9]{6}")
                                && agencies.division(region).isPresent())) {
            throw TongxinException.invalid("region", "unknownDivision");
        }
    }
}
