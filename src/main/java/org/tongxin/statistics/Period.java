package org.tongxin.statistics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.tongxin.shared.error.TongxinException;

/** A range of whole months, both included: what a scorecard or an assessment covers. */
public record Period(YearMonth from, YearMonth to) {

    /** The longest period a scorecard compares (five years of months). */
    public static final int MAX_MONTHS = 60;

    public static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw TongxinException.invalid(field, "statistics.month");
        }
        try {
            YearMonth month = YearMonth.parse(value.trim());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw TongxinException.invalid(field, "statistics.month");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid(field, "statistics.month");
        }
    }

    public static Period of(String from, String to) {
        YearMonth start = month("from", from);
        YearMonth end = month("to", to);
        if (end.isBefore(start)) {
            throw TongxinException.invalid("to", "statistics.period.order");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            throw TongxinException.invalid("to", "statistics.period.length", MAX_MONTHS);
        }
        return new Period(start, end);
    }

    public int months() {
        return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
    }
}
