package org.tongxin.supervision.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.PolicySettings;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.LeaveApprover;
import org.tongxin.supervision.LeaveEvents.LeaveApproved;
import org.tongxin.supervision.LeaveEvents.LeaveExtensionRequested;
import org.tongxin.supervision.LeaveEvents.LeaveRefused;
import org.tongxin.supervision.LeaveEvents.LeaveRequested;
import org.tongxin.supervision.LeaveEvents.LeaveReturnOverdue;
import org.tongxin.supervision.LeaveEvents.LeaveReturned;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveStatus;

/** The leave request's state machine (IM arts. 26-28) without Spring: every transition and every refusal code. */
class LeaveRequestTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final ActorRef OFFICER = new ActorRef(UUID.randomUUID(), "矫正干部", UUID.randomUUID());
    static final AgencyId OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId CITY = AgencyId.of(UUID.randomUUID());
    static final CaseId CASE = CaseId.of(UUID.randomUUID());
    /** The national baseline: no entrustment, 30 days per approval and in total within 2 months, 3 days ahead, 6 months. */
    static final PolicySettings.Leave BASELINE = PolicySettings.DEFAULTS.leave();
    /** City A: the judicial office entrusted with up to 7 days. */
    static final PolicySettings.Leave ENTRUSTED = new PolicySettings.Leave(true, 7, 30, 30, 2, 3, 6);

    static AgencyId agencyOf(LeaveApprover a) {
        return switch (a) {
            case JUDICIAL_OFFICE -> OFFICE;
            case COUNTY_AGENCY -> COUNTY;
            case SUPERIOR_AGENCY -> CITY;
        };
    }

    static LeaveRequest request(LeaveKind kind, LocalDate from, LocalDate to, int prior, PolicySettings.Leave rules) {
        return LeaveRequest.request(
                LeaveId.random(),
                CASE,
                kind,
                "广东省广州市",
                "探望住院的母亲",
                from,
                to,
                TODAY,
                prior,
                rules,
                LeaveRequestTests::agencyOf,
                NOW,
                OFFICER,
                OFFICE);
    }

    static LeaveRequest requested(int days) {
        LeaveRequest leave = request(LeaveKind.SINGLE, TODAY.plusDays(5), TODAY.plusDays(4 + days), 0, ENTRUSTED);
        leave.pullEvents();
        return leave;
    }

    static LeaveRequest approved(int days) {
        LeaveRequest leave = requested(days);
        leave.approve(TODAY, "所长", OFFICE, NOW, OFFICER);
        leave.pullEvents();
        return leave;
    }

    static TongxinException refusal(Runnable action) {
        try {
            action.run();
        } catch (TongxinException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void whoApprovesFollowsTheLengthAndThePolicySettings() {
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 7, 0, BASELINE))
                .as("no entrustment: the county agency")
                .isEqualTo(LeaveApprover.COUNTY_AGENCY);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 7, 0, ENTRUSTED))
                .isEqualTo(LeaveApprover.JUDICIAL_OFFICE);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 8, 0, ENTRUSTED)).isEqualTo(LeaveApprover.COUNTY_AGENCY);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 30, 0, ENTRUSTED)).isEqualTo(LeaveApprover.COUNTY_AGENCY);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 31, 0, ENTRUSTED))
                .as("over 30 days at once")
                .isEqualTo(LeaveApprover.SUPERIOR_AGENCY);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 5, 26, ENTRUSTED))
                .as("over 30 days in total within 2 months")
                .isEqualTo(LeaveApprover.SUPERIOR_AGENCY);
        assertThat(LeaveRequest.approverFor(LeaveKind.SINGLE, 5, 25, ENTRUSTED))
                .isEqualTo(LeaveApprover.JUDICIAL_OFFICE);
        assertThat(LeaveRequest.approverFor(LeaveKind.FREQUENT, 180, 40, ENTRUSTED))
                .isEqualTo(LeaveApprover.COUNTY_AGENCY);
        assertThat(LeaveRequest.windowStart(LocalDate.of(2026, 4, 30), BASELINE))
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void anApplicationNamesItsApproverAndIsMarkedLateWhenAskedFewerThanThreeDaysAhead() {
        LeaveRequest ahead = request(LeaveKind.SINGLE, TODAY.plusDays(3), TODAY.plusDays(5), 0, ENTRUSTED);
        assertThat(ahead.status()).isEqualTo(LeaveStatus.REQUESTED);
        assertThat(ahead.lateApplication()).isFalse();
        assertThat(ahead.days()).isEqualTo(3);
        assertThat(ahead.approvingAgency()).isEqualTo(OFFICE);
        LeaveRequested event = (LeaveRequested) ahead.pullEvents().getFirst();
        assertThat(event.approver()).isEqualTo(LeaveApprover.JUDICIAL_OFFICE);
        assertThat(event.timelineArgs().values())
                .as("no destination or reason on the timeline")
                .noneMatch(v -> v.contains("广州") || v.contains("母亲"));
        LeaveRequest late = request(LeaveKind.SINGLE, TODAY.plusDays(2), TODAY.plusDays(40), 0, ENTRUSTED);
        assertThat(late.lateApplication()).isTrue();
        assertThat(late.approvingAgency()).isEqualTo(CITY);
    }

    @Test
    void badApplicationsAreRefusedFieldByField() {
        TongxinException e = refusal(() -> LeaveRequest.request(
                LeaveId.random(),
                CASE,
                null,
                " ",
                null,
                TODAY.minusDays(1),
                null,
                TODAY,
                0,
                BASELINE,
                LeaveRequestTests::agencyOf,
                NOW,
                OFFICER,
                OFFICE));
        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.fieldProblems())
                .extracting(p -> p.field() + ":" + p.code())
                .containsExactlyInAnyOrder(
                        "kind:required",
                        "destination:required",
                        "reason:required",
                        "departOn:notBefore",
                        "returnOn:required");
        assertThat(refusal(() -> request(LeaveKind.SINGLE, TODAY.plusDays(5), TODAY.plusDays(4), 0, BASELINE))
                        .fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("returnOn"));
        TongxinException tooLong = refusal(() -> request(
                LeaveKind.FREQUENT,
                TODAY.plusDays(5),
                TODAY.plusDays(5).plusMonths(6).plusDays(1),
                0,
                BASELINE));
        assertThat(tooLong.code()).isEqualTo("LEAVE_FREQUENT_TOO_LONG");
        assertThat(tooLong.status().value()).isEqualTo(422);
        TongxinException nobody = refusal(() -> LeaveRequest.request(
                LeaveId.random(),
                CASE,
                LeaveKind.SINGLE,
                "北京市",
                "出差开会",
                TODAY.plusDays(5),
                TODAY.plusDays(6),
                TODAY,
                0,
                BASELINE,
                a -> null,
                NOW,
                OFFICER,
                OFFICE));
        assertThat(nobody.code()).isEqualTo("LEAVE_NO_APPROVER");
    }

    @Test
    void approvalBeforeDepartureAndNotTwice() {
        LeaveRequest leave = requested(5);
        leave.approve(TODAY, "所长", OFFICE, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(leave.decidedByAgency()).isEqualTo(OFFICE);
        LeaveApproved event = (LeaveApproved) leave.pullEvents().getFirst();
        assertThat(event.extension()).isFalse();
        assertThat(event.procuratorateNotified()).isFalse();
        TongxinException again = refusal(() -> leave.approve(TODAY, "所长", OFFICE, NOW, OFFICER));
        assertThat(again.code()).isEqualTo("LEAVE_NOT_PENDING");
        assertThat(again.status().value()).isEqualTo(409);
        LeaveRequest gone = requested(5);
        TongxinException passed = refusal(() -> gone.approve(gone.departOn().plusDays(1), "所长", OFFICE, NOW, OFFICER));
        assertThat(passed.code()).isEqualTo("LEAVE_DEPARTURE_PASSED");
        assertThat(gone.status()).isEqualTo(LeaveStatus.REQUESTED);
    }

    @Test
    void theAgencyOneLevelUpApprovesWithNoticeToTheProcuratorate() {
        LeaveRequest leave = request(LeaveKind.SINGLE, TODAY.plusDays(5), TODAY.plusDays(44), 0, ENTRUSTED);
        leave.pullEvents();
        leave.approve(TODAY, "市局", CITY, NOW, OFFICER);
        assertThat(((LeaveApproved) leave.pullEvents().getFirst()).procuratorateNotified())
                .isTrue();
    }

    @Test
    void aRefusalNeedsAReason() {
        LeaveRequest leave = requested(5);
        assertThat(refusal(() -> leave.refuse(" ", "所长", OFFICE, NOW, OFFICER)).fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("required"));
        assertThat(refusal(() -> leave.refuse("不行", "所长", OFFICE, NOW, OFFICER)).fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("minLength"));
        assertThat(leave.status()).isEqualTo(LeaveStatus.REQUESTED);
        leave.refuse("外出理由不充分，且正处于严管期", "所长", OFFICE, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.REFUSED);
        assertThat(leave.refusalReason()).isEqualTo("外出理由不充分，且正处于严管期");
        assertThat(leave.pullEvents()).singleElement().isInstanceOf(LeaveRefused.class);
        assertThat(refusal(() -> leave.refuse("外出理由不充分，再次拒绝", "所长", OFFICE, NOW, OFFICER))
                        .code())
                .isEqualTo("LEAVE_NOT_PENDING");
        assertThat(refusal(() -> leave.recordReturn(leave.departOn(), leave.departOn(), NOW, OFFICER))
                        .code())
                .isEqualTo("LEAVE_NOT_AWAY");
    }

    @Test
    void anExtensionAskedBeforeTheLastDayIsDecidedAtTheLevelOfTheNewLength() {
        LeaveRequest leave = approved(5);
        LocalDate lastDay = leave.returnOn();
        leave.requestExtension(
                lastDay.plusDays(5), "母亲病情加重需继续陪护", lastDay, 0, ENTRUSTED, LeaveRequestTests::agencyOf, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.EXTENSION_REQUESTED);
        assertThat(leave.pendingLevel()).as("10 days: beyond the office's 7").isEqualTo(LeaveApprover.COUNTY_AGENCY);
        assertThat(leave.pendingApprover()).isEqualTo(COUNTY);
        assertThat(leave.pullEvents()).singleElement().isInstanceOf(LeaveExtensionRequested.class);
        assertThat(refusal(() -> leave.requestExtension(
                                lastDay.plusDays(6),
                                "再次延期申请",
                                lastDay,
                                0,
                                ENTRUSTED,
                                LeaveRequestTests::agencyOf,
                                NOW,
                                OFFICER))
                        .code())
                .isEqualTo("LEAVE_EXTENSION_PENDING");
        leave.approve(lastDay, "矫正干部", COUNTY, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(leave.returnOn()).isEqualTo(lastDay.plusDays(5));
        assertThat(leave.extensions()).isEqualTo(1);
        assertThat(((LeaveApproved) leave.pullEvents().getFirst()).extension()).isTrue();
    }

    @Test
    void aRefusedExtensionKeepsTheOldLastDay() {
        LeaveRequest leave = approved(5);
        LocalDate lastDay = leave.returnOn();
        leave.requestExtension(
                lastDay.plusDays(2), "车票售罄无法按时返回", lastDay, 0, ENTRUSTED, LeaveRequestTests::agencyOf, NOW, OFFICER);
        leave.pullEvents();
        leave.refuse("可改乘其他车次按时返回", "所长", OFFICE, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(leave.returnOn()).isEqualTo(lastDay);
        assertThat(((LeaveRefused) leave.pullEvents().getFirst()).extension()).isTrue();
    }

    @Test
    void anExtensionIsRefusedAfterTheLastDayOrForAnEarlierDayOrForFrequentTravel() {
        LeaveRequest leave = approved(5);
        LocalDate lastDay = leave.returnOn();
        TongxinException late = refusal(() -> leave.requestExtension(
                lastDay.plusDays(3),
                "需要继续陪护",
                lastDay.plusDays(1),
                0,
                ENTRUSTED,
                LeaveRequestTests::agencyOf,
                NOW,
                OFFICER));
        assertThat(late.code()).isEqualTo("LEAVE_EXTENSION_TOO_LATE");
        assertThat(refusal(() -> leave.requestExtension(
                                lastDay, "需要继续陪护", lastDay, 0, ENTRUSTED, LeaveRequestTests::agencyOf, NOW, OFFICER))
                        .fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("returnOn"));
        LeaveRequest frequent = request(LeaveKind.FREQUENT, TODAY.plusDays(5), TODAY.plusMonths(3), 0, ENTRUSTED);
        frequent.approve(TODAY, "矫正干部", COUNTY, NOW, OFFICER);
        assertThat(refusal(() -> frequent.requestExtension(
                                TODAY.plusMonths(4),
                                "工作需要继续往返",
                                TODAY,
                                0,
                                ENTRUSTED,
                                LeaveRequestTests::agencyOf,
                                NOW,
                                OFFICER))
                        .code())
                .isEqualTo("LEAVE_FREQUENT_NOT_EXTENDED");
        LeaveRequest pending = requested(3);
        assertThat(refusal(() -> pending.requestExtension(
                                pending.returnOn().plusDays(1),
                                "需要继续陪护",
                                TODAY,
                                0,
                                ENTRUSTED,
                                LeaveRequestTests::agencyOf,
                                NOW,
                                OFFICER))
                        .code())
                .isEqualTo("LEAVE_NOT_AWAY");
    }

    @Test
    void theReturnIsRecordedOnTimeOrLate() {
        LeaveRequest leave = approved(5);
        assertThat(refusal(() -> leave.recordReturn(TODAY.plusDays(1), TODAY, NOW, OFFICER))
                        .fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("notAfterToday"));
        LocalDate back = leave.returnOn();
        leave.recordReturn(back, back, NOW, OFFICER);
        assertThat(leave.status()).isEqualTo(LeaveStatus.RETURNED);
        assertThat(((LeaveReturned) leave.pullEvents().getFirst()).late()).isFalse();
        assertThat(refusal(() -> leave.recordReturn(back, back, NOW, OFFICER)).code())
                .isEqualTo("LEAVE_NOT_AWAY");
    }

    @Test
    void aMissedLastDayMakesTheReturnOverdueOnceAndALateReturnEndsIt() {
        LeaveRequest leave = approved(5);
        LocalDate lastDay = leave.returnOn();
        assertThat(leave.returnOverdue(lastDay, NOW, OFFICER))
                .as("not before the last day has passed")
                .isFalse();
        assertThat(leave.returnOverdue(lastDay.plusDays(1), NOW, OFFICER)).isTrue();
        assertThat(leave.status()).isEqualTo(LeaveStatus.RETURN_OVERDUE);
        assertThat(leave.pullEvents()).singleElement().isInstanceOf(LeaveReturnOverdue.class);
        assertThat(leave.returnOverdue(lastDay.plusDays(2), NOW, OFFICER))
                .as("a redelivered cue changes nothing")
                .isFalse();
        assertThat(leave.pullEvents()).isEmpty();
        leave.recordReturn(lastDay.plusDays(2), lastDay.plusDays(2), NOW, OFFICER);
        List<Object> events = leave.pullEvents();
        assertThat(((LeaveReturned) events.getFirst()).late()).isTrue();
        assertThat(leave.returnOverdue(lastDay.plusDays(3), NOW, OFFICER)).isFalse();
    }
}
