package org.tongxin.obligation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongxin.obligation.ObligationStatus.FULFILLED;
import static org.tongxin.obligation.ObligationStatus.OPEN;
import static org.tongxin.obligation.ObligationStatus.OVERDUE;
import static org.tongxin.obligation.ObligationStatus.PAUSED;
import static org.tongxin.obligation.ObligationStatus.WAIVED;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.shared.security.ActorRef;

/** Which kept ledger command applies to an obligation's state, and in which order (ADR 0028). */
class SignalTests {

    static final Instant T0 = Instant.parse("2025-09-22T02:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);
    static final Instant T2 = T0.plusSeconds(7200);
    static final Instant T3 = T0.plusSeconds(10800);

    static Signal signal(long id, Signal.Kind kind, Instant at) {
        return new Signal(
                id,
                kind,
                at,
                ActorRef.SYSTEM,
                kind == Signal.Kind.REASSIGN ? AgencyId.of(java.util.UUID.randomUUID()) : null,
                null);
    }

    @Test
    void closingCommandsApplyToAnyPendingObligationAndToNoClosedOne() {
        for (Signal.Kind kind :
                new Signal.Kind[] {Signal.Kind.FULFIL, Signal.Kind.LAPSE, Signal.Kind.LAPSE_ALL, Signal.Kind.REASSIGN
                }) {
            for (ObligationStatus pending : new ObligationStatus[] {OPEN, PAUSED, OVERDUE}) {
                assertThat(signal(1, kind, T0).appliesTo(pending, T1, T1))
                        .as("%s on %s", kind, pending)
                        .isTrue();
            }
            assertThat(signal(1, kind, T3).appliesTo(FULFILLED, T0, null))
                    .as("%s on a fulfilled one", kind)
                    .isFalse();
            assertThat(signal(1, kind, T3).appliesTo(WAIVED, T0, null))
                    .as("%s on a waived one", kind)
                    .isFalse();
        }
    }

    @Test
    void aPauseStopsOnlyARunningClockThatItDoesNotPredate() {
        assertThat(signal(1, Signal.Kind.PAUSE, T1).appliesTo(OPEN, T0, null)).isTrue();
        assertThat(signal(1, Signal.Kind.PAUSE, T1).appliesTo(OVERDUE, T0, null))
                .isTrue();
        assertThat(signal(1, Signal.Kind.PAUSE, T1).appliesTo(PAUSED, T0, T0))
                .as("already stopped: wait for the resumption")
                .isFalse();
        assertThat(signal(1, Signal.Kind.PAUSE, T0).appliesTo(OPEN, T1, null))
                .as("older than the clock's restart")
                .isFalse();
    }

    @Test
    void aResumptionRestartsOnlyAStoppedClockThatItDoesNotPredate() {
        assertThat(signal(1, Signal.Kind.RESUME, T2).appliesTo(PAUSED, T0, T1)).isTrue();
        assertThat(signal(1, Signal.Kind.RESUME, T2).appliesTo(OPEN, T0, null))
                .as("its pause has not come yet")
                .isFalse();
        assertThat(signal(1, Signal.Kind.RESUME, T0).appliesTo(PAUSED, T0, T1))
                .as("older than the pause")
                .isFalse();
    }

    @Test
    void keptCommandsApplyInTheOrderTheirFactsHappenedWhateverTheOrderTheyArrivedIn() {
        Signal resume = signal(1, Signal.Kind.RESUME, T2);
        Signal fulfil = signal(2, Signal.Kind.FULFIL, T3);
        Signal pause = signal(3, Signal.Kind.PAUSE, T1);
        List<Signal> kept = List.of(resume, fulfil, pause);
        assertThat(Signal.next(kept, OPEN, T0, null)).contains(pause);
        assertThat(Signal.next(List.of(resume, fulfil), PAUSED, T0, T1)).contains(resume);
        assertThat(Signal.next(List.of(fulfil), OPEN, T2, null)).contains(fulfil);
        assertThat(Signal.next(List.of(resume), OPEN, T0, null))
                .as("nothing applies yet")
                .isEmpty();
        Signal sameTimeFirst = signal(4, Signal.Kind.PAUSE, T1);
        Signal sameTimeSecond = signal(5, Signal.Kind.FULFIL, T1);
        assertThat(Signal.next(List.of(sameTimeSecond, sameTimeFirst), OPEN, T0, null))
                .as("ties: arrival")
                .contains(sameTimeFirst);
    }

    @Test
    void aCommandHasAKindATimeAndForAReassignmentTheAgency() {
        assertThatThrownBy(() -> new Signal(0, Signal.Kind.REASSIGN, T0, ActorRef.SYSTEM, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signal.of(Signal.Kind.FULFIL, null, ActorRef.SYSTEM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Signal.of(Signal.Kind.FULFIL, T0, null).actor())
                .as("no actor: the system")
                .isEqualTo(ActorRef.SYSTEM);
    }

    // Whose move it is (ADR 0039)

    static final AgencyId COURT = AgencyId.of(java.util.UUID.fromString("00000000-0000-0000-0000-0000000000c1"));

    @Test
    void aWaitAppliesToAPendingObligationUnlessItPredatesTheLastChangeOfItsWaiting() {
        Signal wait = Signal.waitFor(COURT, "DOCUMENTS_CORRECTION", T1);
        assertThat(wait.appliesTo(new Signal.State(PAUSED, T0, T1, null, null, false)))
                .as("never waited")
                .isTrue();
        assertThat(wait.appliesTo(new Signal.State(OVERDUE, T0, null, null, null, false)))
                .as("the clock ran out: still whose move")
                .isTrue();
        assertThat(wait.appliesTo(new Signal.State(OPEN, T0, null, null, T2, false)))
                .as("a redelivered rejection after the resend that ended its wait")
                .isFalse();
        assertThat(wait.appliesTo(new Signal.State(FULFILLED, T0, null, null, null, false)))
                .isFalse();
        assertThatThrownBy(() -> Signal.waitFor(COURT, " ", T1))
                .as("a wait names its reason")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStopEndsOnlyAWaitItDoesNotPredateAndNeverStartsAStepWhoseTriggerHasNotHappened() {
        Signal stop = Signal.of(Signal.Kind.STOP_WAITING, T2, ActorRef.SYSTEM);
        assertThat(stop.appliesTo(new Signal.State(PAUSED, T0, T1, "DOCUMENTS_CORRECTION", T1, false)))
                .isTrue();
        assertThat(stop.appliesTo(new Signal.State(OPEN, T0, null, null, null, false)))
                .as("its wait has not come yet")
                .isFalse();
        assertThat(stop.appliesTo(new Signal.State(PAUSED, T0, T1, "DOCUMENTS_CORRECTION", T3, false)))
                .as("older than the wait")
                .isFalse();
        assertThat(stop.appliesTo(new Signal.State(OPEN, T0, null, "DOCUMENTS_NOT_DELIVERED", T1, true)))
                .as("not started: only its trigger starts it")
                .isFalse();
    }

    @Test
    void aStartAppliesOnlyToAStepWhoseClockHasNotStartedAndANotStartedClockCannotBePaused() {
        Signal start = Signal.of(Signal.Kind.START, T2, ActorRef.SYSTEM);
        assertThat(start.appliesTo(new Signal.State(OPEN, T0, null, "DOCUMENTS_TO_RECEIPT", T1, true)))
                .isTrue();
        assertThat(start.appliesTo(new Signal.State(OPEN, T0, null, null, null, false)))
                .as("already running")
                .isFalse();
        assertThat(signal(1, Signal.Kind.PAUSE, T2)
                        .appliesTo(new Signal.State(OPEN, T0, null, "DOCUMENTS_TO_RECEIPT", T1, true)))
                .isFalse();
    }

    @Test
    void aWaitAndItsEndArrivingInReverseOrderApplyInTheOrderTheyHappened() {
        Signal stop = signal(1, Signal.Kind.STOP_WAITING, T2);
        Signal wait = new Signal(2, Signal.Kind.WAIT, T1, ActorRef.SYSTEM, COURT, "DOCUMENTS_CORRECTION");
        Signal.State running = new Signal.State(OPEN, T0, null, null, null, false);
        assertThat(Signal.next(List.of(stop, wait), running)).contains(wait);
        assertThat(Signal.next(List.of(stop), new Signal.State(OPEN, T0, null, "DOCUMENTS_CORRECTION", T1, false)))
                .contains(stop);
    }

    @Test
    void aCasesStandingLapseKeepsTheStepsTheLawKeepsByIdOrPrefix() {
        Signal ended = Signal.lapseAll(T0, "社区矫正已终止", List.of("end.certify", "procuratorate."));
        assertThat(ended.keeps("end.certify")).isTrue();
        assertThat(ended.keeps("procuratorate.reply"))
                .as("a prefix ends in a dot")
                .isTrue();
        assertThat(ended.keeps("end.certify.x")).as("an id is matched whole").isFalse();
        assertThat(ended.keeps("supervise.report")).isFalse();
        assertThat(Signal.lapseAll(T0, "withdrawn", List.of()).keeps("docs.receipt"))
                .as("withdrawn: nothing kept")
                .isFalse();
        assertThat(signal(1, Signal.Kind.LAPSE_ALL, T0).kept()).isEmpty();
    }
}
