package org.tongxin.supervision.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringApproved;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringEnded;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringProposed;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringRefused;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringState;

/** Every transition and refusal of a monitoring period (CCL arts. 29 and 34), without Spring. */
class MonitoringPeriodTests {

    static final CaseId CASE = CaseId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId BUREAU = AgencyId.of(UUID.randomUUID());
    static final ActorRef OFFICER = new ActorRef(UUID.randomUUID(), "officer", COUNTY.value());
    static final ActorRef HEAD = new ActorRef(UUID.randomUUID(), "head", BUREAU.value());
    static final Instant NOW =
            ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, LegalTime.ZONE).toInstant();

    static MonitoringPeriod proposed(MonitoringPeriod renewed, Instant at) {
        return MonitoringPeriod.propose(
                CASE,
                MonitoringGround.LEFT_AREA_WITHOUT_APPROVAL,
                "未经批准前往外省",
                "DEV-001",
                3,
                renewed,
                COUNTY,
                BUREAU,
                at,
                OFFICER);
    }

    static MonitoringPeriod approved() {
        MonitoringPeriod p = proposed(null, NOW);
        p.approve(null, NOW, HEAD);
        p.pullEvents();
        return p;
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aProposalNamesTheGroundTheFactsTheDeviceAndAtMostThreeMonths() {
        MonitoringPeriod p = proposed(null, NOW);
        assertThat(p.state()).isEqualTo(MonitoringState.PROPOSED);
        assertThat(p.bureauId()).isEqualTo(BUREAU);
        assertThat(p.pullEvents()).singleElement().isInstanceOfSatisfying(MonitoringProposed.class, e -> {
            assertThat(e.timelineKind()).isEqualTo("monitoring.proposed.LEFT_AREA_WITHOUT_APPROVAL");
            assertThat(e.timelineArgs()).containsEntry("months", "3");
            assertThat(e.toString()).doesNotContain("外省").doesNotContain("DEV-001");
        });
        assertThat(p.covers(NOW)).as("no position before approval").isFalse();
    }

    @Test
    void aProposalWithoutGroundFactsDeviceOrWithMoreThanThreeMonthsIsRefusedFieldByField() {
        assertThatThrownBy(() ->
                        MonitoringPeriod.propose(CASE, null, " ", "bad device!", 4, null, COUNTY, BUREAU, NOW, OFFICER))
                .isInstanceOfSatisfying(TongxinException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.fieldProblems())
                            .extracting(FieldProblem::field, FieldProblem::code)
                            .containsExactlyInAnyOrder(
                                    tuple("ground", "required"),
                                    tuple("reason", "required"),
                                    tuple("deviceId", "deviceId"),
                                    tuple("months", "range"));
                });
        assertThatThrownBy(() -> MonitoringPeriod.propose(
                        CASE,
                        MonitoringGround.PUBLIC_SECURITY_PENALTY,
                        "x",
                        "D1",
                        0,
                        null,
                        COUNTY,
                        BUREAU,
                        NOW,
                        OFFICER))
                .isInstanceOf(TongxinException.class);
    }

    @Test
    void approvalStartsThePeriodForTheMonthsAskedAndPositionsAreCoveredOnlyInside() {
        MonitoringPeriod p = proposed(null, NOW);
        p.pullEvents();
        p.approve(null, NOW, HEAD);
        assertThat(p.state()).isEqualTo(MonitoringState.APPROVED);
        assertThat(p.startsAt()).isEqualTo(NOW);
        assertThat(p.endsAt())
                .isEqualTo(ZonedDateTime.of(2026, 6, 10, 9, 0, 0, 0, LegalTime.ZONE)
                        .toInstant());
        assertThat(p.pullEvents()).singleElement().isInstanceOf(MonitoringApproved.class);
        assertThat(p.covers(NOW)).isTrue();
        assertThat(p.covers(NOW.minusSeconds(1))).isFalse();
        assertThat(p.covers(p.endsAt().minusSeconds(1))).isTrue();
        assertThat(p.covers(p.endsAt())).as("the end is exclusive").isFalse();
    }

    @Test
    void onlyAProposalIsDecidedAndOnlyOnce() {
        MonitoringPeriod p = approved();
        refused(() -> p.approve(null, NOW, HEAD), 409, "MONITORING_NOT_PROPOSED");
        refused(() -> p.refuse("不需要", NOW, HEAD), 409, "MONITORING_NOT_PROPOSED");
    }

    @Test
    void aRefusalNeedsItsReasonAndCoversNothing() {
        MonitoringPeriod p = proposed(null, NOW);
        p.pullEvents();
        assertThatThrownBy(() -> p.refuse(" ", NOW, HEAD))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(400));
        assertThat(p.state()).isEqualTo(MonitoringState.PROPOSED);
        p.refuse("事实不符合第二十九条", NOW, HEAD);
        assertThat(p.state()).isEqualTo(MonitoringState.REFUSED);
        assertThat(p.pullEvents()).singleElement().isInstanceOf(MonitoringRefused.class);
        assertThat(p.covers(NOW)).isFalse();
        refused(() -> p.end("x", NOW, OFFICER), 409, "MONITORING_NOT_RUNNING");
    }

    @Test
    void endingARunningPeriodStopsCoverageFromThatMomentAndOnlyOnce() {
        MonitoringPeriod p = approved();
        Instant later = NOW.plusSeconds(86_400);
        p.end("不再需要", later, OFFICER);
        assertThat(p.state()).isEqualTo(MonitoringState.ENDED);
        assertThat(p.pullEvents()).singleElement().isInstanceOf(MonitoringEnded.class);
        assertThat(p.covers(later.minusSeconds(1)))
                .as("positions taken before the end stay lawful")
                .isTrue();
        assertThat(p.covers(later)).isFalse();
        refused(() -> p.end("again", later, OFFICER), 409, "MONITORING_NOT_RUNNING");
    }

    @Test
    void aPeriodThatRanOutCannotBeEndedOrRenewed() {
        MonitoringPeriod p = approved();
        Instant after = p.endsAt();
        refused(() -> p.end("late", after, OFFICER), 409, "MONITORING_NOT_RUNNING");
        refused(() -> proposed(p, after), 422, "MONITORING_RENEWAL_NOT_RUNNING");
    }

    @Test
    void anApprovedRenewalStartsWhereTheRunningPeriodEndsAndMarksItRenewed() {
        MonitoringPeriod first = approved();
        Instant later = NOW.plusSeconds(80L * 86_400);
        MonitoringPeriod renewal = proposed(first, later);
        assertThat(renewal.renews()).isEqualTo(first.id());
        assertThat(renewal.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        MonitoringProposed.class,
                        e -> assertThat(e.timelineKind()).startsWith("monitoring.renewalProposed."));
        renewal.approve(first, later, HEAD);
        assertThat(first.state()).isEqualTo(MonitoringState.RENEWED);
        assertThat(renewal.startsAt()).isEqualTo(first.endsAt());
        assertThat(first.covers(first.endsAt().minusSeconds(1))).isTrue();
        assertThat(renewal.covers(first.endsAt())).isTrue();
    }

    @Test
    void aRenewalIsNotApprovedOnceThePeriodItRenewsHasRunOutOrEnded() {
        MonitoringPeriod first = approved();
        MonitoringPeriod renewal = proposed(first, NOW.plusSeconds(3600));
        Instant after = first.endsAt().plusSeconds(1);
        refused(() -> renewal.approve(first, after, HEAD), 422, "MONITORING_RENEWAL_NOT_RUNNING");
        first.end("不再需要", NOW.plusSeconds(7200), OFFICER);
        refused(() -> renewal.approve(first, NOW.plusSeconds(7300), HEAD), 422, "MONITORING_RENEWAL_NOT_RUNNING");
        refused(() -> renewal.approve(null, NOW.plusSeconds(7300), HEAD), 422, "MONITORING_RENEWAL_NOT_RUNNING");
        assertThat(renewal.state()).isEqualTo(MonitoringState.PROPOSED);
    }
}
