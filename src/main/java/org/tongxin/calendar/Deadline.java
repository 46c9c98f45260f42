package org.tongxin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.tongxin.shared.time.LegalTime;

/**
 * Result of deadline arithmetic. For HOURS dueDateTime is set; for day/month units dueDate is set and dueDateTime is
 * null. {@code provisional} is true when the period touches a day of a year whose notice is not yet published (it
 * may change when it is); {@code skipped} lists the non-working days passed over.
 */
public record Deadline(LocalDate dueDate, LocalDateTime dueDateTime, boolean provisional, List<SkippedDay> skipped) {

    public Deadline {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** When the period ends, as an instant: the end (next midnight, Asia/Shanghai) of dueDate, or dueDateTime. */
    public Instant endsAt() {
        if (dueDateTime != null) {
            return dueDateTime.atZone(LegalTime.ZONE).toInstant();
        }
        return dueDate.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant();
    }

    /** The last day of the period (the date of dueDateTime for hours). */
    public LocalDate lastDay() {
        return dueDate != null ? dueDate : dueDateTime.toLocalDate();
    }
}
