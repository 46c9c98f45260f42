package org.tongxin.calendar;

/** What a day is in the working calendar. */
public enum DayKind {
    /** Monday to Friday, no holiday. */
    WORKING_DAY(true),
    /** A Saturday or Sunday declared a working day (调休上班). */
    ADJUSTED_WORKING_DAY(true),
    /** A Saturday or Sunday. */
    WEEKEND(false),
    /** A public holiday, or a day of a holiday break (放假). */
    HOLIDAY(false);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
