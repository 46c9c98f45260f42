package org.tongxin.supervision.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.supervision.ContactKind;

/** The next due day of reports, checks and medical re-examinations, by supervision level and the region's settings. */
class ContactScheduleTests {

    static final LocalDate ON = LocalDate.of(2026, 1, 31);

    @Test
    void reportsAndChecksFollowTheLevelsIntervalsOfTheBaseline() {
        PolicySettings baseline = PolicySettings.DEFAULTS;
        assertThat(ContactSchedule.nextDue(ContactKind.REPORT, ON, SupervisionLevel.STRICT, baseline))
                .isEqualTo(ON.plusDays(7));
        assertThat(ContactSchedule.nextDue(ContactKind.REPORT, ON, SupervisionLevel.ORDINARY, baseline))
                .isEqualTo(ON.plusDays(15));
        assertThat(ContactSchedule.nextDue(ContactKind.REPORT, ON, SupervisionLevel.LENIENT, baseline))
                .isEqualTo(ON.plusDays(30));
        assertThat(ContactSchedule.nextDue(ContactKind.VERIFY, ON, SupervisionLevel.STRICT, baseline))
                .isEqualTo(ON.plusDays(15));
        assertThat(ContactSchedule.nextDue(ContactKind.VERIFY, ON, null, baseline))
                .as("no level yet: ordinary")
                .isEqualTo(ON.plusDays(30));
    }

    @Test
    void aRegionsOwnIntervalsApply() {
        Map<PolicySetting, Integer> values = new EnumMap<>(PolicySettings.BUILT_IN);
        values.put(PolicySetting.REPORT_DAYS_ORDINARY, 14);
        values.put(PolicySetting.CONTACT_DAYS_LENIENT, 90);
        PolicySettings cityA = PolicySettings.of(2, 24, 2, 2, values);
        assertThat(ContactSchedule.days(ContactKind.REPORT, ON, SupervisionLevel.ORDINARY, cityA))
                .isEqualTo(14);
        assertThat(ContactSchedule.days(ContactKind.VERIFY, ON, SupervisionLevel.LENIENT, cityA))
                .isEqualTo(90);
    }

    @Test
    void aMedicalReExaminationIsDueThreeCalendarMonthsLater() {
        assertThat(ContactSchedule.nextDue(ContactKind.MEDICAL, ON, SupervisionLevel.STRICT, PolicySettings.DEFAULTS))
                .as("31 January + 3 months")
                .isEqualTo(LocalDate.of(2026, 4, 30));
        assertThatThrownBy(() -> ContactSchedule.nextDue("leave.return", ON, null, PolicySettings.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
