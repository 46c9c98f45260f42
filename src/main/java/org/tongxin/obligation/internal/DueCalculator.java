package org.tongxin.obligation.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.PolicySettings;

/**
 * The ledger's due-time arithmetic as a Spring bean: {@link LedgerRules} on the application's working calendar (the
 * rules themselves live there, so the what-if simulation applies the same ones).
 */
@Component
public class DueCalculator {

    private final LedgerRules rules;

    DueCalculator(WorkingCalendar calendar) {
        this.rules = new LedgerRules(calendar);
    }

    /** The rules themselves, for the obligation's transitions ({@link Obligation}). */
    public LedgerRules rules() {
        return rules;
    }

    /** The calendar to count on: a region's own where it has extras, else the national one. */
    public String calendarRegion(String policyRegion) {
        return rules.calendarRegion(policyRegion);
    }

    public LedgerRules.Due compute(
            DeadlineKind kind, Integer amount, Instant clockStart, String region, boolean custody, PolicySettings s) {
        return rules.due(kind, amount, clockStart, region, custody, s);
    }

    /** The day that lies {@code days} working days before {@code date} (the warning day). */
    LocalDate workingDaysBefore(String region, LocalDate date, int days) {
        return rules.workingDaysBefore(region, date, days);
    }

    /** When the next escalation level is due: {@code days} working days after an overdue obligation's due time. */
    public Instant workingDaysAfter(String region, Instant at, int days) {
        return rules.workingDaysAfter(region, at, days);
    }

    /** How much of the period is left when a clock that ran from {@code clockStart} stops at {@code pausedAt}. */
    public int remainingAfterPause(
            DeadlineKind kind, int remaining, Instant clockStart, Instant pausedAt, String region) {
        return rules.remainingAfterPause(kind, remaining, clockStart, pausedAt, region);
    }
}
