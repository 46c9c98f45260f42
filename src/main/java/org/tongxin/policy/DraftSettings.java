package org.tongxin.policy;

/**
 * A draft's own settings and its note (what the version changes). For a regional variant a null setting inherits
 * the parent's value; the baseline must set all four.
 */
public record DraftSettings(Integer warningWorkingDays, Integer promptAlertHours, Integer immediateAlertHours,
        Integer escalationWorkingDays, String noteZh, String noteEn) {
}
