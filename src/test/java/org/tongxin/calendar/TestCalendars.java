package org.tongxin.calendar;

/** Working calendars for unit tests of other modules, without a database. */
public final class TestCalendars {

    private TestCalendars() {}

    /** The national calendar with the official years the migration seeds (later years provisional). */
    public static WorkingCalendar official() {
        return new SeedCalendar().calendar();
    }
}
