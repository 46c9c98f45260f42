/**
 * The working calendar (工作日历): which days are public holidays, adjusted working days (调休上班) and weekends, in
 * the nation and in regions with their own extras, and the deadline arithmetic of doc/procedures.md "Counting periods"
 * on top of it ({@link org.tongxin.calendar.WorkingCalendar}). Years come from the State Council's annual notices,
 * entered by system administrators ({@link org.tongxin.calendar.CalendarAdministration}); a year without a notice
 * is derived from the national holiday regulation and everything computed across it is marked provisional until
 * the notice is entered, which publishes {@link org.tongxin.calendar.CalendarYearPublished}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "agency"})
package org.tongxin.calendar;
