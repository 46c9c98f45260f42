package org.tongxin.obligation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.calendar.TestCalendars;
import org.tongxin.casefile.CaseId;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationEvents.ObligationPaused;
import org.tongxin.obligation.ObligationEvents.ObligationResumed;
import org.tongxin.obligation.ObligationEvents.ObligationWaived;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.obligation.WaitReason;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.PolicyVersionRef;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The obligation's state machine without Spring or a database: every transition, and every refusal from every other state. */
class ObligationTests {

    static final LedgerRules RULES = new LedgerRules(TestCalendars.official());
    static final PolicySettings SETTINGS = PolicySettings.DEFAULTS;
    /** Monday 2 November 2026, 10:00 in Beijing. */
    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    static final ObligationId ID = ObligationId.of(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final CaseId CASE = CaseId.of(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    static final AgencyId COUNTY = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
    static final AgencyId OFFICE = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-0000000000d2"));
    static final AgencyId COURT = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-0000000000d3"));
    static final UUID OFFICER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final ActorRef ACTOR = new ActorRef(OFFICER, "王警官", COUNTY.value());
    static final PolicyVersionRef POLICY = new PolicyVersionRef(
            UUID.fromString("00000000-0000-0000-0000-0000000000f1"), "CN", 1, LocalDate.of(2020, 7, 1), true);
    /** Registration: 5 working days, pausable (materials supplemented). */
    static final ProcedureStep REGISTER = step("intake.register", true);

    static final ProcedureStep NOT_PAUSABLE = step("intake.receipt", false);

    static ProcedureStep step(String id, boolean pausable) {
        return new ProcedureStep(
                id,
                "登记",
                "Registration",
                null,
                null,
                Organ.COUNTY_AGENCY,
                Organ.DECISION_ORGAN,
                List.of(),
                null,
                DeadlineRule.of(DeadlineKind.WORKING_DAYS, 5),
                null,
                null,
                "CCL 17",
                "V",
                pausable,
                "intake",
                null,
                null,
                ProcedureStep.Origin.BASELINE);
    }

    static OpenObligation request(ProcedureStep step) {
        return new OpenObligation(CASE, step, "", POLICY, SETTINGS, COUNTY, false, COURT, 5, false, T0, null);
    }

    static LedgerRules.Due due(Instant from) {
        return RULES.due(DeadlineKind.WORKING_DAYS, 5, from, "CN", false, SETTINGS);
    }

    /** An obligation in a given state, its events and history lines already handed over (each call builds an equal one). */
    static Obligation settled(Obligation o) {
        o.pullEvents();
        o.pullHistory();
        return o;
    }

    static Obligation running() {
        return settled(Obligation.open(ID, request(REGISTER), "", "CN", due(T0), T0, null));
    }

    static Obligation notStarted() {
        return settled(Obligation.open(
                ID,
                request(REGISTER),
                "",
                "CN",
                due(T0),
                T0,
                Signal.waitFor(null, WaitReason.DOCUMENTS_TO_RECEIPT.name(), T0)));
    }

    static Obligation paused() {
        Obligation o = running();
        o.pause(T0.plus(Duration.ofDays(1)), "材料补正", ACTOR, REGISTER, RULES);
        return settled(o);
    }

    static Obligation waiting() {
        Obligation o = running();
        o.waitFor(COURT, WaitReason.DOCUMENTS_CORRECTION.name(), T0.plusSeconds(60), T0.plusSeconds(60));
        return settled(o);
    }

    /** As the clock's scan leaves it (the scan is set-based SQL, not a transition of the aggregate). */
    static Obligation overdue() {
        Obligation o = running();
        o.status = ObligationStatus.OVERDUE;
        o.nextEscalationAt = o.dueAt.plus(Duration.ofDays(3));
        return o;
    }

    static Obligation fulfilled() {
        Obligation o = running();
        o.fulfil(T0.plusSeconds(3600), ACTOR, REGISTER);
        return settled(o);
    }

    static Obligation fulfilledLate() {
        Obligation o = overdue();
        o.fulfil(o.dueAt.plusSeconds(3600), ACTOR, REGISTER);
        return settled(o);
    }

    static Obligation waived() {
        Obligation o = running();
        o.lapse(T0.plusSeconds(3600), "转介撤回");
        return settled(o);
    }

    static final Map<String, Supplier<Obligation>> STATES = Map.of(
            "running",
            ObligationTests::running,
            "not started",
            ObligationTests::notStarted,
            "paused",
            ObligationTests::paused,
            "waiting",
            ObligationTests::waiting,
            "overdue",
            ObligationTests::overdue,
            "fulfilled",
            ObligationTests::fulfilled,
            "fulfilled late",
            ObligationTests::fulfilledLate,
            "waived",
            ObligationTests::waived);

    static final List<String> CLOSED = List.of("fulfilled", "fulfilled late", "waived");

    /** Every state but {@code allowed} refuses the transition with the code, and leaves the obligation as it was. */
    static void refusedExceptIn(List<String> allowed, String code, Consumer<Obligation> transition) {
        STATES.forEach((name, state) -> {
            if (allowed.contains(name)) {
                return;
            }
            Obligation o = state.get();
            assertThatThrownBy(() -> transition.accept(o))
                    .as(name)
                    .isInstanceOfSatisfying(TongxinException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo(code);
                    });
            assertThat(o).as(name + " unchanged").usingRecursiveComparison().isEqualTo(state.get());
            assertThat(o.pullEvents()).as(name).isEmpty();
            assertThat(o.changed()).as(name).isFalse();
        });
    }

    @Test
    void openingStartsTheClockFromTheTriggerAndAnnouncesTheStepOnce() {
        Obligation o = Obligation.open(ID, request(REGISTER), "", "CN", due(T0), T0, null);
        assertThat(o.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(o.dueAt).isEqualTo(due(T0).dueAt());
        assertThat(o.warnAt).isEqualTo(due(T0).warnAt());
        assertThat(o.remainingAmount).isEqualTo(5);
        assertThat(o.pullHistory()).singleElement().satisfies(h -> {
            assertThat(h.event()).isEqualTo("OPENED");
            assertThat(h.statusAfter()).isEqualTo(ObligationStatus.OPEN);
            assertThat(h.detail()).isNull();
        });
        assertThat(o.pullEvents()).singleElement().isInstanceOfSatisfying(ObligationOpened.class, e -> {
            assertThat(e.obligationId()).isEqualTo(ID);
            assertThat(e.owingAgency()).isEqualTo(COUNTY);
            assertThat(e.dueAt()).isEqualTo(due(T0).dueAt());
        });
        assertThat(o.pullEvents()).isEmpty();
    }

    @Test
    void aStepOpenedBeforeItsTriggerHasNoDueTimeAndIsAnnouncedWhenItsClockStarts() {
        Obligation o = Obligation.open(
                ID,
                request(REGISTER),
                "",
                "CN",
                due(T0),
                T0,
                Signal.waitFor(COURT, WaitReason.DOCUMENTS_TO_RECEIPT.name(), T0));
        assertThat(o.dueAt).isNull();
        assertThat(o.notStarted).isTrue();
        assertThat(o.waitingFor).isEqualTo(COURT);
        assertThat(o.pullEvents()).isEmpty();
        assertThat(o.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).isEqualTo("not started: DOCUMENTS_TO_RECEIPT"));

        Instant trigger = T0.plus(Duration.ofDays(2));
        Instant now = trigger.plusSeconds(5);
        o.start(trigger, ACTOR, REGISTER, RULES, SETTINGS, now);
        assertThat(o.notStarted).isFalse();
        assertThat(o.waitingReason).isNull();
        assertThat(o.waitingSince).isEqualTo(trigger);
        assertThat(o.clockStart).isEqualTo(trigger);
        assertThat(o.dueAt).isEqualTo(due(trigger).dueAt());
        assertThat(o.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.event()).isEqualTo("STARTED"));
        assertThat(o.pullEvents()).singleElement().isInstanceOfSatisfying(ObligationOpened.class, e -> {
            assertThat(e.dueAt()).isEqualTo(due(trigger).dueAt());
            assertThat(e.occurredAt()).isEqualTo(now);
            assertThat(e.actor()).isEqualTo(ACTOR);
        });
    }

    @Test
    void aStepDoneInTimeIsFulfilledAndOneDoneAfterItsDueTimeOrOverdueIsLate() {
        Obligation onTime = running();
        onTime.fulfil(T0.plusSeconds(3600), ACTOR, REGISTER);
        assertThat(onTime.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(onTime.fulfilledBy).isEqualTo(OFFICER);
        assertThat(onTime.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ObligationFulfilled.class, e -> assertThat(e.late()).isFalse());

        Obligation afterDue = running();
        afterDue.fulfil(afterDue.dueAt.plusSeconds(1), ACTOR, REGISTER);
        assertThat(afterDue.status()).isEqualTo(ObligationStatus.FULFILLED_LATE);
        assertThat(afterDue.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ObligationFulfilled.class, e -> assertThat(e.late()).isTrue());

        Obligation overdue = overdue();
        overdue.fulfil(T0.plusSeconds(60), ACTOR, REGISTER);
        assertThat(overdue.status())
                .as("overdue is late, whenever it is done")
                .isEqualTo(ObligationStatus.FULFILLED_LATE);
    }

    @Test
    void aPausedClockDoesNotRunSoAStepDoneLongAfterItsDueTimeIsInTime() {
        Obligation o = paused();
        o.fulfil(o.dueAt.plus(Duration.ofDays(30)), ACTOR, REGISTER);
        assertThat(o.status()).isEqualTo(ObligationStatus.FULFILLED);
    }

    @Test
    void aPauseKeepsTheRestOfThePeriodAndAResumptionCountsItFromThen() {
        Obligation o = running();
        Instant pause = T0.plus(Duration.ofDays(1));
        assertThat(o.pause(pause, "材料补正", ACTOR, REGISTER, RULES)).isTrue();
        assertThat(o.status()).isEqualTo(ObligationStatus.PAUSED);
        assertThat(o.remainingAmount)
                .isEqualTo(RULES.remainingAfterPause(DeadlineKind.WORKING_DAYS, 5, T0, pause, "CN"))
                .isLessThan(5);
        assertThat(o.pauseReason).isEqualTo("材料补正");
        assertThat(o.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.statusAfter()).isEqualTo(ObligationStatus.PAUSED));
        assertThat(o.pullEvents()).singleElement().isInstanceOf(ObligationPaused.class);

        Instant resume = T0.plus(Duration.ofDays(10));
        o.resume(resume, ACTOR, REGISTER, RULES, SETTINGS);
        LedgerRules.Due rest = RULES.due(DeadlineKind.WORKING_DAYS, o.remainingAmount, resume, "CN", false, SETTINGS);
        assertThat(o.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(o.pausedAt).isNull();
        assertThat(o.clockStart).isEqualTo(resume);
        assertThat(o.dueAt).isEqualTo(rest.dueAt());
        assertThat(o.warnedAt).isNull();
        assertThat(o.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ObligationResumed.class, e -> assertThat(e.dueAt()).isEqualTo(rest.dueAt()));
    }

    @Test
    void aStepThePolicyDoesNotLetPauseKeepsRunningAndNothingIsRecorded() {
        Obligation o = settled(Obligation.open(ID, request(NOT_PAUSABLE), "", "CN", due(T0), T0, null));
        assertThat(o.pause(T0.plusSeconds(60), "材料补正", ACTOR, NOT_PAUSABLE, RULES))
                .isFalse();
        assertThat(o.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(o.changed()).isFalse();
        assertThat(o.pullEvents()).isEmpty();
    }

    @Test
    void waitingForAnotherOrganIsRecordedOnceAndItsEndPutsOffADueEscalation() {
        Obligation o = overdue();
        Instant escalation = o.nextEscalationAt;
        assertThat(o.waitFor(COURT, WaitReason.DOCUMENTS_CORRECTION.name(), T0.plusSeconds(60), T0.plusSeconds(60)))
                .isTrue();
        assertThat(o.pullHistory()).singleElement().satisfies(h -> {
            assertThat(h.event()).isEqualTo("WAITING");
            assertThat(h.detail()).isEqualTo("DOCUMENTS_CORRECTION " + COURT);
        });
        assertThat(o.waitFor(COURT, WaitReason.DOCUMENTS_CORRECTION.name(), T0.plusSeconds(90), T0.plusSeconds(90)))
                .as("a redelivered reaction")
                .isFalse();
        assertThat(o.changed()).isFalse();

        Instant now = escalation.plus(Duration.ofDays(1));
        o.stopWaiting(now, now, RULES);
        assertThat(o.waitingReason).isNull();
        assertThat(o.waitingFor).isNull();
        assertThat(o.waitingSince).isEqualTo(now);
        assertThat(o.nextEscalationAt).isEqualTo(RULES.workingDaysAfter("CN", now, SETTINGS.escalationWorkingDays()));
        assertThat(o.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.event()).isEqualTo("WAITING_ENDED"));
        assertThat(o.pullEvents())
                .as("whose move it is shows on the ledger, not in events")
                .isEmpty();
    }

    @Test
    void aReassignedStepIsTheOtherAgencysAndNobodyThereHasItYet() {
        Obligation o = running();
        o.take(OFFICER, T0.plusSeconds(10));
        assertThat(o.assignee).isEqualTo(OFFICER);
        assertThat(o.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.event()).isEqualTo("ASSIGNED"));

        assertThat(o.reassign(OFFICE, T0.plusSeconds(20))).isTrue();
        assertThat(o.owingAgency()).isEqualTo(OFFICE);
        assertThat(o.assignee).isNull();
        assertThat(o.pullHistory()).singleElement().satisfies(h -> {
            assertThat(h.agency()).isEqualTo(OFFICE);
            assertThat(h.detail()).isEqualTo(COUNTY.toString());
        });
        assertThat(o.reassign(OFFICE, T0.plusSeconds(30))).as("already its").isFalse();
        assertThat(o.changed()).isFalse();
        assertThat(o.pullEvents()).isEmpty();
    }

    @Test
    void aHeadWaivesWithTheReasonAndALapseHasNoEventOfItsOwn() {
        Obligation waived = running();
        waived.waive(OFFICER, "案件已撤回，不再适用", T0.plusSeconds(60), REGISTER, ACTOR);
        assertThat(waived.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(waived.waivedBy).isEqualTo(OFFICER);
        assertThat(waived.waiverReason).isEqualTo("案件已撤回，不再适用");
        assertThat(waived.pullEvents()).singleElement().isInstanceOf(ObligationWaived.class);

        Obligation lapsed = paused();
        lapsed.lapse(T0.plus(Duration.ofDays(2)), "转介撤回");
        assertThat(lapsed.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(lapsed.waivedBy).isNull();
        assertThat(lapsed.pullHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).isEqualTo("转介撤回"));
        assertThat(lapsed.pullEvents()).isEmpty();
    }

    @Test
    void aClosedObligationRefusesEveryTransition() {
        List<String> pending = List.of("running", "not started", "paused", "waiting", "overdue");
        Instant at = T0.plus(Duration.ofDays(3));
        refusedExceptIn(pending, "OBLIGATION_CLOSED", o -> o.fulfil(at, ACTOR, REGISTER));
        refusedExceptIn(pending, "OBLIGATION_CLOSED", o -> o.lapse(at, "不再适用"));
        refusedExceptIn(pending, "OBLIGATION_CLOSED", o -> o.waive(OFFICER, "不再适用的事项", at, REGISTER, ACTOR));
        refusedExceptIn(pending, "OBLIGATION_CLOSED", o -> o.take(OFFICER, at));
        refusedExceptIn(pending, "OBLIGATION_CLOSED", o -> o.reassign(OFFICE, at));
        refusedExceptIn(
                pending, "OBLIGATION_CLOSED", o -> o.waitFor(OFFICE, WaitReason.MATERIALS_SUPPLEMENT.name(), at, at));
    }

    @Test
    void onlyARunningClockPauses() {
        refusedExceptIn(
                List.of("running", "waiting", "overdue"),
                "OBLIGATION_NOT_RUNNING",
                o -> o.pause(T0.plus(Duration.ofDays(3)), "材料补正", ACTOR, REGISTER, RULES));
    }

    @Test
    void onlyAPausedClockResumes() {
        refusedExceptIn(
                List.of("paused"),
                "OBLIGATION_NOT_PAUSED",
                o -> o.resume(T0.plus(Duration.ofDays(3)), ACTOR, REGISTER, RULES, SETTINGS));
    }

    @Test
    void onlyAStepNotStartedStarts() {
        Instant at = T0.plus(Duration.ofDays(3));
        refusedExceptIn(
                List.of("not started"),
                "OBLIGATION_ALREADY_STARTED",
                o -> o.start(at, ACTOR, REGISTER, RULES, SETTINGS, at));
    }

    @Test
    void onlyAStartedStepThatWaitsStopsWaiting() {
        Instant at = T0.plus(Duration.ofDays(3));
        refusedExceptIn(List.of("waiting"), "OBLIGATION_NOT_WAITING", o -> o.stopWaiting(at, at, RULES));
    }

    @Test
    void theKeptCommandsSeeTheStateTheTransitionsLeave() {
        assertThat(paused().state().status()).isEqualTo(ObligationStatus.PAUSED);
        assertThat(notStarted().state().notStarted()).isTrue();
        assertThat(waiting().state().waitingReason()).isEqualTo(WaitReason.DOCUMENTS_CORRECTION.name());
        assertThat(Signal.of(Signal.Kind.RESUME, T0.plus(Duration.ofDays(2)), ACTOR)
                        .appliesTo(paused().state()))
                .isTrue();
        assertThat(Signal.of(Signal.Kind.START, T0, ACTOR).appliesTo(running().state()))
                .isFalse();
    }
}
