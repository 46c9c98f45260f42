package org.tongxin.policy;

import java.util.EnumMap;
import java.util.Map;

/**
 * A draft's own settings and its note (what the version changes). For a regional variant a null threshold, and a
 * setting absent from {@code rules}, inherits the parent's value; the baseline must set every one. Flags are 1 (yes)
 * or 0 (no).
 */
public record DraftSettings(
        Integer warningWorkingDays,
        Integer promptAlertHours,
        Integer immediateAlertHours,
        Integer escalationWorkingDays,
        String noteZh,
        String noteEn,
        Map<PolicySetting, Integer> rules) {

    public DraftSettings {
        Map<PolicySetting, Integer> own = new EnumMap<>(PolicySetting.class);
        if (rules != null) {
            rules.forEach((k, v) -> {
                if (k != null && v != null) {
                    own.put(k, v);
                }
            });
        }
        rules = java.util.Collections.unmodifiableMap(own);
    }

    /** The four thresholds and the note, inheriting every other setting. */
    public DraftSettings(
            Integer warningWorkingDays,
            Integer promptAlertHours,
            Integer immediateAlertHours,
            Integer escalationWorkingDays,
            String noteZh,
            String noteEn) {
        this(
                warningWorkingDays,
                promptAlertHours,
                immediateAlertHours,
                escalationWorkingDays,
                noteZh,
                noteEn,
                Map.of());
    }
}
