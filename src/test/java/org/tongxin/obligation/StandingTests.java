package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.DeadlineKind;

/** Whose move an obligation is, and what counts as the agency's own "to do" (ADR 0039). */
class StandingTests {

    static final Instant T0 = Instant.parse("2025-10-20T01:00:00Z");
    static final AgencyId COUNTY = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final AgencyId COURT = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    static ObligationView obligation(
            String step,
            ObligationStatus status,
            boolean bySubject,
            AgencyId waitingFor,
            String reason,
            boolean notStarted) {
        return new ObligationView(
                ObligationId.of(UUID.randomUUID()),
                CaseId.of(UUID.randomUUID()),
                step,
                "",
                UUID.randomUUID(),
                "CITYA",
                COUNTY,
                bySubject,
                COURT,
                status,
                DeadlineKind.CALENDAR_DAYS,
                5,
                false,
                T0,
                notStarted ? null : T0.plusSeconds(86400 * 5),
                null,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                T0,
                0,
                null,
                waitingFor,
                reason,
                reason == null ? null : T0,
                notStarted);
    }

    @Test
    void theAgencysOwnStepThatWaitsForNobodyIsToDoEvenWhenOverdue() {
        ObligationView overdue = obligation("docs.receipt", ObligationStatus.OVERDUE, false, null, null, false);
        assertThat(overdue.standing()).isEqualTo(Standing.TO_DO);
        assertThat(overdue.actionable()).isTrue();
        assertThat(overdue.waitReason()).isEmpty();
    }

    @Test
    void aStepWaitingForTheCourtsCorrectionIsTheCourtsMoveWhetherItsClockRunsOrStopped() {
        for (ObligationStatus status :
                new ObligationStatus[] {ObligationStatus.PAUSED, ObligationStatus.OPEN, ObligationStatus.OVERDUE}) {
            ObligationView o = obligation("docs.receipt", status, false, COURT, "DOCUMENTS_CORRECTION", false);
            assertThat(o.standing()).as("%s", status).isEqualTo(Standing.WAITING_FOR_ORGAN);
            assertThat(o.actionable()).isFalse();
            assertThat(o.waitReason()).contains(WaitReason.DOCUMENTS_CORRECTION);
        }
    }

    @Test
    void theSubjectsOwnStepIsNeverTheAgencysToDo() {
        ObligationView report = obligation("report.self", ObligationStatus.OVERDUE, true, null, null, false);
        assertThat(report.standing()).isEqualTo(Standing.WAITING_FOR_SUBJECT);
        assertThat(report.actionable()).isFalse();
        assertThat(report.waitReason()).contains(WaitReason.SUBJECT);
    }

    @Test
    void aStepWhoseTriggerHasNotHappenedIsNotStartedAndSaysWhatItWaitsFor() {
        ObligationView register =
                obligation("intake.register", ObligationStatus.OPEN, false, COURT, "DOCUMENTS_NOT_DELIVERED", true);
        assertThat(register.standing()).isEqualTo(Standing.NOT_STARTED);
        assertThat(register.standing().waiting()).isTrue();
        assertThat(register.actionable()).isFalse();
        assertThat(register.waitReason()).contains(WaitReason.DOCUMENTS_NOT_DELIVERED);
    }

    @Test
    void aReasonThisVersionDoesNotKnowStillWaitsAndAClosedStepIsNobodysWait() {
        assertThat(obligation("x.y", ObligationStatus.OPEN, false, COURT, "SOMETHING_NEW", false)
                        .waitReason())
                .contains(WaitReason.OTHER);
        assertThat(obligation("x.y", ObligationStatus.FULFILLED, false, COURT, "DOCUMENTS_CORRECTION", false)
                        .waitReason())
                .isEmpty();
    }
}
