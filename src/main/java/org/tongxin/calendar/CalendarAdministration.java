package org.tongxin.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.calendar.internal.CalendarData;
import org.tongxin.calendar.internal.CalendarRepository;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StoredYear;
import org.tongxin.calendar.internal.YearEntryRules;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CurrentActor;

/**
 * Enters the official calendar of a year when its notice is published (system administrators; the caller's right is
 * checked at the web edge): the national days from the State Council's notice, or a region's own extras. A year is
 * entered or replaced as a whole, validated, audited, and announced with {@link CalendarYearPublished} so that
 * provisional deadlines are recomputed.
 */
@Component
public class CalendarAdministration {

    private final CalendarRepository years;
    private final CalendarData data;
    private final YearEntryRules rules;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final Clock clock;

    CalendarAdministration(
            CalendarRepository years,
            CalendarData data,
            AgencyDirectory agencies,
            AuditLog audit,
            ApplicationEventPublisher events,
            CurrentActor actor,
            Clock clock) {
        this.years = years;
        this.data = data;
        this.rules = new YearEntryRules(
                code -> agencies.division(code).isPresent(), WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR);
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Enters a year, or replaces an official one when {@code replace} is true (otherwise replacing is refused with the
     * field problem {@code replace: confirmReplace}). Returns whether an official year was replaced.
     */
    @Transactional
    public boolean publish(YearEntry entry, boolean replace) {
        List<SpecialDay> days = rules.check(entry);
        String region = entry.region().strip();
        int year = entry.year();
        boolean existed = years.find(region, year).isPresent();
        if (existed && !replace) {
            throw TongxinException.invalid("replace", "confirmReplace", year);
        }
        String notice = entry.notice() == null || entry.notice().isBlank()
                ? null
                : entry.notice().strip();
        String username =
                actor.get().username() == null ? "system" : actor.get().username();
        years.replace(region, year, notice, days, clock.instant(), username);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, existed ? "calendar.replace" : "calendar.publish")
                .target("calendar-year", region + "/" + year)
                .detail("region", region)
                .detail("year", year)
                .detail("notice", notice)
                .detail("holidays", days.stream().filter(SpecialDay::holiday).count())
                .detail("workingDays", days.stream().filter(d -> !d.holiday()).count()));
        data.forget(region, year);
        events.publishEvent(new CalendarYearPublished(region, year));
        return existed;
    }

    /** The official year of a region ("CN" or a GB/T 2260 code), if entered. */
    @Transactional(readOnly = true)
    public Optional<PublishedYear> published(String region, int year) {
        return years.find(region, year).map(CalendarAdministration::view);
    }

    /** Every official year of a region, oldest first. */
    @Transactional(readOnly = true)
    public List<PublishedYear> published(String region) {
        return years.findAll(region).stream().map(CalendarAdministration::view).toList();
    }

    /**
     * What the entry form starts from: the official year when there is one; for a national year without a notice,
     * its prediction from the regulation (to be checked against the notice day by day); else nothing.
     */
    @Transactional(readOnly = true)
    public YearEntry draft(String region, int year) {
        Optional<StoredYear> stored = years.find(region, year);
        List<SpecialDay> days;
        String notice = null;
        if (stored.isPresent()) {
            days = stored.get().days();
            notice = stored.get().notice();
        } else if (WorkingCalendar.NATIONAL.equals(region)
                && year >= WorkingCalendar.FIRST_YEAR
                && year <= WorkingCalendar.LAST_YEAR) {
            days = List.copyOf(data.predicted(region, year).days().values());
        } else {
            days = List.of();
        }
        List<HolidayRange> holidays = new ArrayList<>();
        for (SpecialDay day : days) {
            if (!day.holiday()) {
                continue;
            }
            HolidayRange last = holidays.isEmpty() ? null : holidays.getLast();
            if (last != null
                    && last.last().plusDays(1).equals(day.date())
                    && last.nameZh().equals(day.nameZh())
                    && last.nameEn().equals(day.nameEn())) {
                holidays.set(
                        holidays.size() - 1, new HolidayRange(last.from(), day.date(), last.nameZh(), last.nameEn()));
            } else {
                holidays.add(new HolidayRange(day.date(), day.date(), day.nameZh(), day.nameEn()));
            }
        }
        List<LocalDate> workingDays =
                days.stream().filter(d -> !d.holiday()).map(SpecialDay::date).toList();
        return new YearEntry(region, year, notice, holidays, workingDays);
    }

    private static PublishedYear view(StoredYear y) {
        return new PublishedYear(
                y.region(),
                y.year(),
                y.notice(),
                y.publishedAt(),
                y.publishedBy(),
                y.version(),
                y.holidays(),
                y.workingDays());
    }
}
