package org.tongxin.supervision.contact;

import java.time.LocalDate;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.supervision.ContactKind;

/**
 * When the next report, check or re-examination falls due after one on {@code on} (plain rules, no Spring): the
 * reporting interval of the subject's supervision level for the subject's reports, the contact interval for the
 * agency's checks and visits (both policy settings of the case's region), 3 months for a medical re-examination
 * (IM art. 24). A case without a level yet counts as ordinary supervision.
 */
public final class ContactSchedule {

    private ContactSchedule() {}

    public static LocalDate nextDue(String stepId, LocalDate on, SupervisionLevel level, PolicySettings settings) {
        SupervisionLevel l = level == null ? SupervisionLevel.ORDINARY : level;
        return switch (stepId) {
            case ContactKind.REPORT -> on.plusDays(settings.reportIntervalDays(l));
            case ContactKind.VERIFY -> on.plusDays(settings.contactIntervalDays(l));
            case ContactKind.MEDICAL -> on.plusMonths(3);
            default -> throw new IllegalArgumentException("Not a contact step: " + stepId);
        };
    }

    /** The interval in days between {@code on} and the next due day (the ledger period of the next instance). */
    public static int days(String stepId, LocalDate on, SupervisionLevel level, PolicySettings settings) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(on, nextDue(stepId, on, level, settings));
    }
}
