package org.tongxin.calendar;

/**
 * How a period is counted (doc/procedures.md "Counting periods"): working days (X个工作日), calendar days (X日),
 * calendar months, or hours.
 */
public enum PeriodUnit {
    WORKING_DAYS,
    CALENDAR_DAYS,
    MONTHS,
    HOURS
}
