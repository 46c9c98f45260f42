package org.tongxin.obligation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.tongxin.calendar.Deadline;
import org.tongxin.calendar.PeriodUnit;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.PolicySettings;
import org.tongxin.shared.time.LegalTime;

/**
 * The ledger's rules as plain code, without Spring or a database: how a step's deadline rule becomes a due time and a
 * warning time on the working calendar (立即 / 及时 by the policy's alert thresholds), how much of a period a pause
 * leaves, when a step done is late, and when a pending one is overdue. The live ledger ({@link ObligationLedger},
 * {@link ObligationClock}) and the what-if simulation (module {@code simulation}) both apply exactly these rules.
 */
public final class LedgerRules {

    /** The computed times of one stretch of a clock: no due time for a step without a legal period. */
    public record Due(Instant dueAt, LocalDate dueDate, boolean alertOnly, boolean provisional, Instant warnAt) {
        public static final Due NONE = new Due(null, null, false, false, null);
    }

    private final WorkingCalendar calendar;

    public LedgerRules(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The calendar to count on: a region's own where it has extras, else the national one. */
    public String calendarRegion(String policyRegion) {
        return policyRegion != null && calendar.isKnownRegion(policyRegion) ? policyRegion : WorkingCalendar.NATIONAL;
    }

    /** When a clock started at {@code clockStart} falls due, and when to warn before it. */
    public Due due(
            DeadlineKind kind,
            Integer amount,
            Instant clockStart,
            String calendarRegion,
            boolean custody,
            PolicySettings s) {
        return switch (kind) {
            case WORKING_DAYS, CALENDAR_DAYS, MONTHS, HOURS ->
                counted(kind, amount == null ? 0 : amount, clockStart, calendarRegion, custody, s);
            case IMMEDIATELY ->
                new Due(clockStart.plus(Duration.ofHours(s.immediateAlertHours())), null, true, false, null);
            case PROMPTLY, AT_EVENT ->
                new Due(clockStart.plus(Duration.ofHours(s.promptAlertHours())), null, true, false, null);
            case NONE -> Due.NONE;
        };
    }

    /**
     * Whether a step done at {@code at} is done late: it was marked overdue, or it is done after its due time — for a
     * paused clock, after the time it had when it stopped (a stopped clock does not run). For 立即 / 及时 steps the due
     * time is the alert threshold, so the outcome never depends on when a scan marked the step.
     */
    public static boolean fulfilledLate(ObligationStatus status, Instant dueAt, Instant pausedAt, Instant at) {
        Instant counted =
                status == ObligationStatus.PAUSED && pausedAt != null && pausedAt.isBefore(at) ? pausedAt : at;
        return status == ObligationStatus.OVERDUE || (dueAt != null && counted.isAfter(dueAt));
    }

    /** Whether the clock's scan at {@code now} turns a pending step overdue: an open clock whose due time has come. */
    public static boolean turnsOverdue(ObligationStatus status, Instant dueAt, Instant now) {
        return status == ObligationStatus.OPEN && dueAt != null && !dueAt.isAfter(now);
    }

    private Due counted(
            DeadlineKind kind, int amount, Instant clockStart, String region, boolean custody, PolicySettings s) {
        LocalDateTime from = LocalDateTime.ofInstant(clockStart, LegalTime.ZONE);
        Deadline deadline = calendar.due(region, from, amount, unit(kind), custody);
        Instant dueAt = deadline.endsAt();
        Instant warnAt;
        if (kind == DeadlineKind.HOURS) {
            warnAt = dueAt.minus(Duration.ofHours(Math.min(24, Math.max(1, amount / 2))));
        } else {
            LocalDate warnDay = workingDaysBefore(region, deadline.lastDay(), s.warningWorkingDays());
            warnAt = warnDay.atStartOfDay(LegalTime.ZONE).toInstant();
        }
        if (warnAt.isBefore(clockStart)) {
            warnAt = clockStart;
        }
        return new Due(dueAt, deadline.lastDay(), false, deadline.provisional(), warnAt);
    }

    /** The day that lies {@code days} working days before {@code date} (the warning day). */
    public LocalDate workingDaysBefore(String region, LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        int guard = 0;
        while (counted < days && guard++ < 400) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(region, d)) {
                counted++;
            }
        }
        return d;
    }

    /** When the next escalation level is due: {@code days} working days after an overdue obligation's due time. */
    public Instant workingDaysAfter(String region, Instant at, int days) {
        LocalDateTime from = LocalDateTime.ofInstant(at, LegalTime.ZONE);
        return calendar.due(region, from, days, PeriodUnit.WORKING_DAYS, false).endsAt();
    }

    /** Whether a day is a working day of the region's calendar (when agencies work). */
    public boolean isWorkingDay(String region, LocalDate date) {
        return calendar.isWorkingDay(region, date);
    }

    /** How much of the period is left when a clock that ran from {@code clockStart} stops at {@code pausedAt}. */
    public int remainingAfterPause(
            DeadlineKind kind, int remaining, Instant clockStart, Instant pausedAt, String region) {
        LocalDate start = LegalTime.dateOf(clockStart);
        LocalDate pause = LegalTime.dateOf(pausedAt);
        int consumed = switch (kind) {
            case WORKING_DAYS -> {
                int n = 0;
                for (LocalDate d = start.plusDays(1); !d.isAfter(pause); d = d.plusDays(1)) {
                    if (calendar.isWorkingDay(region, d)) {
                        n++;
                    }
                }
                yield n;
            }
            case CALENDAR_DAYS -> (int) ChronoUnit.DAYS.between(start, pause);
            case HOURS ->
                (int) Math.max(
                        0,
                        ChronoUnit.HOURS.between(
                                clockStart
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .plus(
                                                clockStart.equals(clockStart.truncatedTo(ChronoUnit.HOURS))
                                                        ? Duration.ZERO
                                                        : Duration.ofHours(1)),
                                pausedAt));
            default -> 0;
        };
        return Math.max(0, remaining - consumed);
    }

    private static PeriodUnit unit(DeadlineKind kind) {
        return switch (kind) {
            case WORKING_DAYS -> PeriodUnit.WORKING_DAYS;
            case CALENDAR_DAYS -> PeriodUnit.CALENDAR_DAYS;
            case MONTHS -> PeriodUnit.MONTHS;
            case HOURS -> PeriodUnit.HOURS;
            default -> throw new IllegalArgumentException(kind + " is not counted");
        };
    }
}
