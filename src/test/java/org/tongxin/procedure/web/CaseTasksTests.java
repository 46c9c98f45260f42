package org.tongxin.procedure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.procedure.web.CaseTasks.State;
import org.tongxin.procedure.web.CaseWorkspace.Actions;
import org.tongxin.procedure.web.CaseWorkspace.ObligationRow;

/** The case page's task list: where each step stands for its reader, and which one action comes first. */
class CaseTasksTests {

    static final UUID CASE = UUID.randomUUID();
    static final UUID COUNTY = UUID.randomUUID();
    static final UUID COURT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    /** The county officer's actions after the documents came and the subject reported: register, office, missing. */
    static final Actions COUNTY_ACTIONS = new Actions(
            false, false, false, false, false, true, true, false, false, false, false, false, false, false, false);

    static final Actions DECIDER = new Actions(
            true, false, false, false, false, false, false, false, false, false, false, false, false, false, false);
    static final Actions NOTHING = new Actions(
            false, false, false, false, false, false, false, false, false, false, false, false, false, false, false);

    @Test
    void aStepStandsOverdueForEveryReaderAndToDoOnlyForTheAgencyThatOwesIt() {
        assertThat(CaseTasks.state(ObligationStatus.OVERDUE, false, false)).isEqualTo(State.OVERDUE);
        assertThat(CaseTasks.state(ObligationStatus.OVERDUE, true, false)).isEqualTo(State.OVERDUE);
        assertThat(CaseTasks.state(ObligationStatus.OPEN, false, true)).isEqualTo(State.TO_DO);
        assertThat(CaseTasks.state(ObligationStatus.OPEN, false, false))
                .as("another organ's move")
                .isEqualTo(State.WAITING);
        assertThat(CaseTasks.state(ObligationStatus.OPEN, true, false))
                .as("the subject's move")
                .isEqualTo(State.WAITING);
        assertThat(CaseTasks.state(ObligationStatus.PAUSED, false, true))
                .as("a paused clock")
                .isEqualTo(State.WAITING);
        assertThat(CaseTasks.state(ObligationStatus.FULFILLED_LATE, false, true))
                .isEqualTo(State.DONE);
        assertThat(CaseTasks.state(ObligationStatus.WAIVED, false, true)).isEqualTo(State.DONE);
    }

    @Test
    void theOverdueStepComesFirstAndIsThePrimaryActionWhenTheReaderOwesIt() {
        ObligationRow done = row("docs.deliver", COURT, ObligationStatus.FULFILLED, NOW.minusSeconds(90_000));
        ObligationRow waiting = row("docs.notify", COURT, ObligationStatus.OPEN, NOW.plusSeconds(86_400));
        ObligationRow register = row("intake.register", COUNTY, ObligationStatus.OVERDUE, NOW.minusSeconds(3_600));

        CaseTasks.TaskList list =
                CaseTasks.of(CASE, COUNTY, List.of(done, waiting, register), COUNTY_ACTIONS, List.of());

        assertThat(list.tasks())
                .extracting(t -> t.obligation().stepId())
                .containsExactly("intake.register", "docs.notify", "docs.deliver");
        assertThat(list.tasks())
                .extracting(CaseTasks.Task::state)
                .containsExactly(State.OVERDUE, State.WAITING, State.DONE);
        assertThat(list.overdue()).extracting(t -> t.obligation().stepId()).containsExactly("intake.register");
        assertThat(list.primary().path()).isEqualTo("/cases/" + CASE + "/tasks/register");
        assertThat(list.tasks().get(1).actionable())
                .as("the court's step is not the county's to do")
                .isFalse();
        assertThat(list.others())
                .as("the office is the county's other action; registration is in the list")
                .extracting(CaseTasks.Other::form)
                .containsExactly("office");
        assertThat(list.open()).isEqualTo(2);
    }

    @Test
    void withoutAStepOfItsOwnTheReaderIsOfferedItsFirstActionAndWithNoneThePageSaysSo() {
        CaseTasks.TaskList court = CaseTasks.of(CASE, COURT, List.of(), DECIDER, List.of());
        assertThat(court.others()).extracting(CaseTasks.Other::form).containsExactly("decide", "withdraw");
        assertThat(court.primary().form()).isEqualTo("decide");

        CaseTasks.TaskList none = CaseTasks.of(
                CASE, COUNTY, List.of(row("docs.notify", COURT, ObligationStatus.OPEN, NOW)), NOTHING, List.of());
        assertThat(none.primary()).as("nothing to do: the page says so").isNull();
    }

    @Test
    void aStepDoneElsewhereLeadsItsOwnerToThePartOfTheCaseWhereItIsDone() {
        CaseTasks.TaskList list = CaseTasks.of(
                CASE,
                COUNTY,
                List.of(
                        row("leave.approve", COUNTY, ObligationStatus.OPEN, NOW),
                        row("assist.answer", COURT, ObligationStatus.OPEN, NOW)),
                NOTHING,
                List.of());
        assertThat(list.tasks())
                .extracting(CaseTasks.Task::path)
                .containsExactly("/cases/" + CASE + "/supervision", null);
        assertThat(list.primary().path()).isEqualTo("/cases/" + CASE + "/supervision");
    }

    static ObligationRow row(String step, UUID owing, ObligationStatus status, Instant due) {
        ObligationView o = new ObligationView(
                ObligationId.of(UUID.randomUUID()),
                CaseId.of(CASE),
                step,
                "",
                UUID.randomUUID(),
                "CN",
                AgencyId.of(owing),
                false,
                null,
                status,
                DeadlineKind.WORKING_DAYS,
                5,
                false,
                due.minusSeconds(432_000),
                due,
                LocalDate.ofInstant(due, java.time.ZoneOffset.UTC),
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                status.pending() ? null : due.minusSeconds(60),
                null,
                null,
                null,
                null,
                0,
                null,
                due.minusSeconds(432_000),
                0,
                null,
                null,
                null,
                null,
                false);
        return new ObligationRow(o, null);
    }
}
