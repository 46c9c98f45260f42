package org.tongxin.policy;

/**
 * How a step's period runs. The first four are counted by the working calendar; IMMEDIATELY (立即) and PROMPTLY
 * (及时) have no computed due date but a short policy-configured alert threshold; AT_EVENT means "at the moment of
 * the trigger" (at decision, on reporting); NONE has no legal period.
 */
public enum DeadlineKind {
    WORKING_DAYS,
    CALENDAR_DAYS,
    MONTHS,
    HOURS,
    IMMEDIATELY,
    PROMPTLY,
    AT_EVENT,
    NONE;

    public boolean counted() {
        return this == WORKING_DAYS || this == CALENDAR_DAYS || this == MONTHS || this == HOURS;
    }

    public boolean alerted() {
        return this == IMMEDIATELY || this == PROMPTLY;
    }
}
