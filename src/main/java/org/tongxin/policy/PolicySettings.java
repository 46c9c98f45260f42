package org.tongxin.policy;

/**
 * A region's own settings: warn this many working days before a due date; flag IMMEDIATELY and PROMPTLY steps after
 * these many hours; escalate an overdue step to the coordination office after this many further working days.
 */
public record PolicySettings(int warningWorkingDays, int promptAlertHours, int immediateAlertHours, int escalationWorkingDays) {

    public static final PolicySettings DEFAULTS = new PolicySettings(2, 24, 24, 2);
}
