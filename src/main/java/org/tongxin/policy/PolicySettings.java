package org.tongxin.policy;

import java.util.EnumMap;
import java.util.Map;

/**
 * A region's settings as they apply (nothing inherited is left open): warn this many working days before a due date;
 * flag IMMEDIATELY (立即) and PROMPTLY (及时) steps after these many hours; escalate an overdue step to the
 * coordination office after this many further working days; the limits of leave approval; and how often subjects of
 * each supervision level report and are contacted.
 */
public record PolicySettings(
        int warningWorkingDays,
        int promptAlertHours,
        int immediateAlertHours,
        int escalationWorkingDays,
        Leave leave,
        Map<SupervisionLevel, Contact> contact,
        Sanctions sanctions) {

    /**
     * When the graduated responses apply (IM arts. 34–35, 46, 49): a warning after {@code reprimandsBeforeWarning}
     * reprimands not heeded or more than {@code outOfContactDaysForWarning} days out of contact; revocation or custody
     * may be proposed after {@code warningsBeforeRevocation} warnings or more than {@code outOfContactDaysForRevocation};
     * {@code missedReportsForWarning} reports missed or returns from leave overdue make a breach of the reporting rules
     * serious enough for a warning.
     */
    public record Sanctions(
            int reprimandsBeforeWarning,
            int outOfContactDaysForWarning,
            int warningsBeforeRevocation,
            int outOfContactDaysForRevocation,
            int missedReportsForWarning) {}

    /**
     * Leave approval (IM arts. 26–27): a judicial office approves up to {@code officeMaxDays} only where
     * {@code officeEntrusted}; the county agency up to {@code countyMaxDays} at a time; above that, or above
     * {@code totalMaxDays} in total within {@code totalWindowMonths} months, the agency one level up approves (with
     * notice to the procuratorate). Applications normally come {@code advanceDays} before departure; a simplified
     * approval for frequent travel covers at most {@code frequentTravelMaxMonths} months.
     */
    public record Leave(
            boolean officeEntrusted,
            int officeMaxDays,
            int countyMaxDays,
            int totalMaxDays,
            int totalWindowMonths,
            int advanceDays,
            int frequentTravelMaxMonths) {}

    /** How often a subject of one supervision level reports, and how often the agency or office contacts them (days). */
    public record Contact(int reportIntervalDays, int contactIntervalDays) {}

    /** The values of the settings the model stores per key, as the national baseline first published them. */
    public static final Map<PolicySetting, Integer> BUILT_IN = builtIn();

    /** What applies where no version says otherwise (versions published before the settings existed). */
    public static final PolicySettings DEFAULTS = of(2, 24, 24, 2, BUILT_IN);

    public PolicySettings {
        contact = java.util.Collections.unmodifiableMap(new EnumMap<>(contact));
    }

    /** The four thresholds with the built-in values of the other settings. */
    public PolicySettings(
            int warningWorkingDays, int promptAlertHours, int immediateAlertHours, int escalationWorkingDays) {
        this(
                warningWorkingDays,
                promptAlertHours,
                immediateAlertHours,
                escalationWorkingDays,
                leave(BUILT_IN),
                contact(BUILT_IN),
                sanctions(BUILT_IN));
    }

    /** Settings from the four thresholds and a value for every {@link PolicySetting}. */
    public static PolicySettings of(
            int warningWorkingDays,
            int promptAlertHours,
            int immediateAlertHours,
            int escalationWorkingDays,
            Map<PolicySetting, Integer> values) {
        return new PolicySettings(
                warningWorkingDays,
                promptAlertHours,
                immediateAlertHours,
                escalationWorkingDays,
                leave(values),
                contact(values),
                sanctions(values));
    }

    /** The value of one setting (flags as 1 or 0). */
    public int value(PolicySetting setting) {
        return switch (setting) {
            case LEAVE_OFFICE_ENTRUSTED -> leave.officeEntrusted() ? 1 : 0;
            case LEAVE_OFFICE_MAX_DAYS -> leave.officeMaxDays();
            case LEAVE_COUNTY_MAX_DAYS -> leave.countyMaxDays();
            case LEAVE_TOTAL_MAX_DAYS -> leave.totalMaxDays();
            case LEAVE_TOTAL_WINDOW_MONTHS -> leave.totalWindowMonths();
            case LEAVE_ADVANCE_DAYS -> leave.advanceDays();
            case FREQUENT_TRAVEL_MAX_MONTHS -> leave.frequentTravelMaxMonths();
            case REPORT_DAYS_STRICT, REPORT_DAYS_ORDINARY, REPORT_DAYS_LENIENT ->
                contact.get(level(setting)).reportIntervalDays();
            case CONTACT_DAYS_STRICT, CONTACT_DAYS_ORDINARY, CONTACT_DAYS_LENIENT ->
                contact.get(level(setting)).contactIntervalDays();
            case REPRIMANDS_BEFORE_WARNING -> sanctions.reprimandsBeforeWarning();
            case OUT_OF_CONTACT_DAYS_FOR_WARNING -> sanctions.outOfContactDaysForWarning();
            case WARNINGS_BEFORE_REVOCATION -> sanctions.warningsBeforeRevocation();
            case OUT_OF_CONTACT_DAYS_FOR_REVOCATION -> sanctions.outOfContactDaysForRevocation();
            case MISSED_REPORTS_FOR_WARNING -> sanctions.missedReportsForWarning();
        };
    }

    /** Every setting's value, in declaration order. */
    public Map<PolicySetting, Integer> values() {
        Map<PolicySetting, Integer> values = new EnumMap<>(PolicySetting.class);
        for (PolicySetting s : PolicySetting.values()) {
            values.put(s, value(s));
        }
        return values;
    }

    /** Days between the reports of a subject supervised at {@code level}. */
    public int reportIntervalDays(SupervisionLevel level) {
        return contact.get(level).reportIntervalDays();
    }

    /** Days between the agency's or office's contacts with a subject supervised at {@code level}. */
    public int contactIntervalDays(SupervisionLevel level) {
        return contact.get(level).contactIntervalDays();
    }

    private static SupervisionLevel level(PolicySetting s) {
        return switch (s) {
            case REPORT_DAYS_STRICT, CONTACT_DAYS_STRICT -> SupervisionLevel.STRICT;
            case REPORT_DAYS_LENIENT, CONTACT_DAYS_LENIENT -> SupervisionLevel.LENIENT;
            default -> SupervisionLevel.ORDINARY;
        };
    }

    private static Leave leave(Map<PolicySetting, Integer> v) {
        return new Leave(
                v.get(PolicySetting.LEAVE_OFFICE_ENTRUSTED) != 0,
                v.get(PolicySetting.LEAVE_OFFICE_MAX_DAYS),
                v.get(PolicySetting.LEAVE_COUNTY_MAX_DAYS),
                v.get(PolicySetting.LEAVE_TOTAL_MAX_DAYS),
                v.get(PolicySetting.LEAVE_TOTAL_WINDOW_MONTHS),
                v.get(PolicySetting.LEAVE_ADVANCE_DAYS),
                v.get(PolicySetting.FREQUENT_TRAVEL_MAX_MONTHS));
    }

    private static Sanctions sanctions(Map<PolicySetting, Integer> v) {
        return new Sanctions(
                v.get(PolicySetting.REPRIMANDS_BEFORE_WARNING),
                v.get(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_WARNING),
                v.get(PolicySetting.WARNINGS_BEFORE_REVOCATION),
                v.get(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_REVOCATION),
                v.get(PolicySetting.MISSED_REPORTS_FOR_WARNING));
    }

    private static Map<SupervisionLevel, Contact> contact(Map<PolicySetting, Integer> v) {
        Map<SupervisionLevel, Contact> contact = new EnumMap<>(SupervisionLevel.class);
        for (SupervisionLevel level : SupervisionLevel.values()) {
            contact.put(
                    level,
                    new Contact(v.get(PolicySetting.reportDays(level)), v.get(PolicySetting.contactDays(level))));
        }
        return contact;
    }

    /**
     * The national baseline's values (IM arts. 26–27 for leave; the contact intervals are the model's own defaults,
     * local policy in the law's sense).
     */
    private static Map<PolicySetting, Integer> builtIn() {
        Map<PolicySetting, Integer> v = new EnumMap<>(PolicySetting.class);
        v.put(PolicySetting.LEAVE_OFFICE_ENTRUSTED, 0);
        v.put(PolicySetting.LEAVE_OFFICE_MAX_DAYS, 7);
        v.put(PolicySetting.LEAVE_COUNTY_MAX_DAYS, 30);
        v.put(PolicySetting.LEAVE_TOTAL_MAX_DAYS, 30);
        v.put(PolicySetting.LEAVE_TOTAL_WINDOW_MONTHS, 2);
        v.put(PolicySetting.LEAVE_ADVANCE_DAYS, 3);
        v.put(PolicySetting.FREQUENT_TRAVEL_MAX_MONTHS, 6);
        v.put(PolicySetting.REPORT_DAYS_STRICT, 7);
        v.put(PolicySetting.REPORT_DAYS_ORDINARY, 15);
        v.put(PolicySetting.REPORT_DAYS_LENIENT, 30);
        v.put(PolicySetting.CONTACT_DAYS_STRICT, 15);
        v.put(PolicySetting.CONTACT_DAYS_ORDINARY, 30);
        v.put(PolicySetting.CONTACT_DAYS_LENIENT, 60);
        v.put(PolicySetting.REPRIMANDS_BEFORE_WARNING, 2);
        v.put(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_WARNING, 10);
        v.put(PolicySetting.WARNINGS_BEFORE_REVOCATION, 2);
        v.put(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_REVOCATION, 30);
        v.put(PolicySetting.MISSED_REPORTS_FOR_WARNING, 3);
        return java.util.Collections.unmodifiableMap(v);
    }
}
