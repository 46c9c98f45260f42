package org.tongxin.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.CoordinationEvents.DecisionDone;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** A meeting decision's own state machine without Spring: open until its agency reports it done, once. */
class DecisionTests {

    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    static final AgencyId CIVIL = AgencyId.of(UUID.randomUUID());
    static final UUID WORKER = UUID.randomUUID();
    static final ActorRef ACTOR = ActorRef.SYSTEM;

    static Decision open() {
        Meeting held = MeetingTests.in(MeetingStatus.HELD);
        Decision d = held.decide(
                DecisionId.random(),
                "受理并审核该对象的最低生活保障申请",
                CIVIL,
                CaseId.of(UUID.randomUUID()),
                LocalDate.of(2026, 12, 7),
                true,
                MeetingTests.AFTER,
                ACTOR);
        d.pullEvents();
        return d;
    }

    static List<Object> state(Decision d) {
        return Arrays.asList(d.done, d.doneAt, d.doneBy, d.doneNote, d.late);
    }

    @Test
    void theNamedAgencyReportsItDoneWithANoteAndItIsAnnouncedOnce() {
        Decision d = open();
        d.reportDone("已受理并完成审核", false, NOW, WORKER, ACTOR);
        assertThat(d.done).isTrue();
        assertThat(d.doneAt).isEqualTo(NOW);
        assertThat(d.doneBy).isEqualTo(WORKER);
        assertThat(d.doneNote).isEqualTo("已受理并完成审核");
        assertThat(d.late).isFalse();
        assertThat(d.pullEvents()).singleElement().isInstanceOfSatisfying(DecisionDone.class, e -> {
            assertThat(e.decisionId()).isEqualTo(d.id());
            assertThat(e.meetingId()).isEqualTo(d.meetingId);
            assertThat(e.owingAgency()).isEqualTo(CIVIL);
            assertThat(e.late()).isFalse();
            assertThat(e.timelineKind()).isEqualTo("coordination.decision-done");
        });
        assertThat(d.pullEvents()).isEmpty();
    }

    @Test
    void aLateReportIsAnnouncedAsLate() {
        Decision d = open();
        d.reportDone("逾期完成审核", true, NOW, WORKER, ACTOR);
        assertThat(d.late).isTrue();
        assertThat(d.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        DecisionDone.class,
                        e -> assertThat(e.timelineKind()).isEqualTo("coordination.decision-done-late"));
    }

    @Test
    void aDecisionDoneIsNotReportedAgainAndTheRefusalChangesNothing() {
        Decision d = open();
        d.reportDone("已受理并完成审核", false, NOW, WORKER, ACTOR);
        d.pullEvents();
        List<Object> before = state(d);
        for (Runnable again : List.<Runnable>of(
                () -> d.reportDone("再次报告", true, NOW.plusSeconds(60), UUID.randomUUID(), ACTOR), d::requireOpen)) {
            assertThatThrownBy(again::run).isInstanceOfSatisfying(TongxinException.class, e -> {
                assertThat(e.status().value()).isEqualTo(409);
                assertThat(e.code()).isEqualTo("DECISION_DONE");
            });
        }
        assertThat(state(d)).isEqualTo(before);
        assertThat(d.pullEvents()).isEmpty();
    }

    @Test
    void aStoredDecisionIsChangedUnderItsVersionAndAStoredReportStaysDone() {
        DecisionView openView = new DecisionView(
                DecisionId.random(),
                MeetingId.random(),
                2,
                "核查材料",
                CIVIL,
                null,
                LocalDate.of(2026, 12, 7),
                false,
                false,
                null,
                null,
                null,
                null,
                NOW.minusSeconds(86400),
                4);
        Decision d = Decision.of(openView);
        assertThat(d.version()).isEqualTo(4);
        assertThat(d.tracked).isFalse();
        d.requireOpen();
        d.reportDone("已核查", false, NOW, WORKER, ACTOR);
        assertThat(d.done).isTrue();

        DecisionView doneView = new DecisionView(
                DecisionId.random(),
                MeetingId.random(),
                1,
                "核查材料",
                CIVIL,
                null,
                LocalDate.of(2026, 12, 7),
                false,
                true,
                NOW,
                WORKER,
                "已核查",
                Boolean.FALSE,
                NOW.minusSeconds(86400),
                1);
        Decision done = Decision.of(doneView);
        assertThatThrownBy(() -> done.reportDone("再次", false, NOW, WORKER, ACTOR))
                .isInstanceOf(TongxinException.class);
        assertThat(state(done)).containsExactly(true, NOW, WORKER, "已核查", Boolean.FALSE);
    }
}
