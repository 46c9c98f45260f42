package org.tongxin.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * A setting the law leaves to the policy model, beyond the alert and escalation thresholds: the limits of leave
 * approval and how often subjects of each supervision level report and are contacted. Stored per version (null:
 * inherited from the parent model), validated against {@link #min()}–{@link #max()}, shown with its source: the
 * national baseline's value rests on {@link #baselineBasis()} with {@link #baselineConfidence()}; a region's own
 * value is always local policy (confidence P) and never borrows the baseline's article.
 */
public enum PolicySetting {

    /** Whether the county agency entrusts its judicial offices with approving short leave (IM art. 26). */
    LEAVE_OFFICE_ENTRUSTED("leaveOfficeEntrusted", Kind.FLAG, Group.LEAVE, 0, 1, "IM 26", "R"),
    /** Leave a judicial office may approve where entrusted, in days (IM art. 26: 7). */
    LEAVE_OFFICE_MAX_DAYS("leaveOfficeMaxDays", Kind.DAYS, Group.LEAVE, 1, 30, "IM 26", "R"),
    /** Leave the county agency may approve at a time, in days; longer goes to the agency one level up (IM art. 26: 30). */
    LEAVE_COUNTY_MAX_DAYS("leaveCountyMaxDays", Kind.DAYS, Group.LEAVE, 1, 90, "IM 26", "R"),
    /** Leave in total within the window above which the agency one level up approves (IM art. 26: 30). */
    LEAVE_TOTAL_MAX_DAYS("leaveTotalMaxDays", Kind.DAYS, Group.LEAVE, 1, 180, "IM 26", "R"),
    /** The window of that total, in months (IM art. 26: 2). */
    LEAVE_TOTAL_WINDOW_MONTHS("leaveTotalWindowMonths", Kind.MONTHS, Group.LEAVE, 1, 12, "IM 26", "R"),
    /** How many days before departure a leave application is normally made (IM art. 26: 3). */
    LEAVE_ADVANCE_DAYS("leaveAdvanceDays", Kind.DAYS, Group.LEAVE, 0, 30, "IM 26", "R"),
    /** The longest period a simplified approval for frequent cross-county travel may cover, in months (IM art. 27: 6). */
    FREQUENT_TRAVEL_MAX_MONTHS("frequentTravelMaxMonths", Kind.MONTHS, Group.LEAVE, 1, 12, "IM 27", "R"),
    /** Days between a strictly supervised (严管) subject's reports. */
    REPORT_DAYS_STRICT("reportIntervalDaysStrict", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Days between an ordinarily supervised (普管) subject's reports. */
    REPORT_DAYS_ORDINARY("reportIntervalDaysOrdinary", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Days between a leniently supervised (宽管) subject's reports. */
    REPORT_DAYS_LENIENT("reportIntervalDaysLenient", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Days between the agency's or office's contacts (visits, checks) with a strictly supervised subject. */
    CONTACT_DAYS_STRICT("contactIntervalDaysStrict", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Days between contacts with an ordinarily supervised subject. */
    CONTACT_DAYS_ORDINARY("contactIntervalDaysOrdinary", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Days between contacts with a leniently supervised subject. */
    CONTACT_DAYS_LENIENT("contactIntervalDaysLenient", Kind.DAYS, Group.CONTACT, 1, 180, null, "P"),
    /** Reprimands (训诫) after which a violation not corrected warrants a warning (IM art. 35: twice). */
    REPRIMANDS_BEFORE_WARNING("reprimandsBeforeWarning", Kind.COUNT, Group.SANCTION, 1, 10, "IM 35", "R"),
    /** Days out of contact above which a warning rather than a reprimand applies (IM arts. 34–35: 10). */
    OUT_OF_CONTACT_DAYS_FOR_WARNING("outOfContactDaysForWarning", Kind.DAYS, Group.SANCTION, 1, 60, "IM 35", "R"),
    /** Warnings after which a violation not corrected grounds a revocation or custody proposal (IM arts. 46, 49: twice). */
    WARNINGS_BEFORE_REVOCATION("warningsBeforeRevocation", Kind.COUNT, Group.SANCTION, 1, 10, "IM 46", "R"),
    /** Days out of contact above which revocation or custody may be proposed (IM arts. 46, 49: more than a month). */
    OUT_OF_CONTACT_DAYS_FOR_REVOCATION(
            "outOfContactDaysForRevocation", Kind.DAYS, Group.SANCTION, 1, 180, "IM 46", "R"),
    /**
     * Reports missed and returns from leave overdue after which breaking the reporting and travel rules counts as
     * serious and warrants a warning (IM art. 35 says "情节较重" without a number: the model's own setting).
     */
    MISSED_REPORTS_FOR_WARNING("missedReportsForWarning", Kind.COUNT, Group.SANCTION, 1, 20, null, "P");

    /** How a value reads: a yes/no flag (stored 1/0), a number of days or of months, a count (of earlier sanctions). */
    public enum Kind {
        FLAG,
        DAYS,
        MONTHS,
        COUNT
    }

    /** Where the setting belongs on the pages. */
    public enum Group {
        LEAVE,
        CONTACT,
        SANCTION
    }

    private final String key;
    private final Kind kind;
    private final Group group;
    private final int min;
    private final int max;
    private final String baselineBasis;
    private final String baselineConfidence;

    PolicySetting(
            String key, Kind kind, Group group, int min, int max, String baselineBasis, String baselineConfidence) {
        this.key = key;
        this.kind = kind;
        this.group = group;
        this.min = min;
        this.max = max;
        this.baselineBasis = baselineBasis;
        this.baselineConfidence = baselineConfidence;
    }

    /** The stable name in the API, the forms and the database (e.g. leaveOfficeMaxDays). */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Group group() {
        return group;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The article the national baseline's value rests on (null: a setting of the model itself, not of the law). */
    public String baselineBasis() {
        return baselineBasis;
    }

    /** V, R or P for the national baseline's value. */
    public String baselineConfidence() {
        return baselineConfidence;
    }

    /** The report interval setting of a supervision level. */
    public static PolicySetting reportDays(SupervisionLevel level) {
        return switch (level) {
            case STRICT -> REPORT_DAYS_STRICT;
            case ORDINARY -> REPORT_DAYS_ORDINARY;
            case LENIENT -> REPORT_DAYS_LENIENT;
        };
    }

    /** The contact interval setting of a supervision level. */
    public static PolicySetting contactDays(SupervisionLevel level) {
        return switch (level) {
            case STRICT -> CONTACT_DAYS_STRICT;
            case ORDINARY -> CONTACT_DAYS_ORDINARY;
            case LENIENT -> CONTACT_DAYS_LENIENT;
        };
    }

    public static Optional<PolicySetting> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
