package org.tongxin.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.obligation.ObligationEvents.ObligationEscalated;
import org.tongxin.obligation.ObligationEvents.ObligationFulfilled;
import org.tongxin.obligation.ObligationEvents.ObligationOpened;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationEvents.ObligationPaused;
import org.tongxin.obligation.ObligationEvents.ObligationResumed;
import org.tongxin.obligation.ObligationEvents.ObligationWaived;
import org.tongxin.shared.security.ActorRef;

/** Every ledger event on a case's timeline: its kind, the step's names as arguments, and the parties that follow the ledger. */
class LedgerTimelineEntryTests {

    static final Instant T = Instant.parse("2025-10-20T01:00:00Z");
    static final ObligationId ID = ObligationId.of(UUID.randomUUID());
    static final CaseId CASE = CaseId.of(UUID.randomUUID());
    static final AgencyId OWER = AgencyId.of(UUID.randomUUID());
    static final ActorRef ACTOR = new ActorRef(UUID.randomUUID(), "系统", UUID.randomUUID());

    @Test
    void every_ledger_event_names_the_step_in_both_languages_to_the_parties_that_follow_the_ledger() {
        List<TimelineEntry> entries = List.of(
                new ObligationOpened(
                        UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", OWER, T, T, ACTOR),
                new ObligationFulfilled(
                        UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", OWER, false, T, ACTOR),
                new ObligationFulfilled(
                        UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", OWER, true, T, ACTOR),
                new ObligationOverdue(
                        UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", OWER, T, T, ACTOR),
                new ObligationEscalated(
                        UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", OWER, 1, OWER, T, ACTOR),
                new ObligationPaused(UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", T, ACTOR),
                new ObligationResumed(UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", T, T, ACTOR),
                new ObligationWaived(UUID.randomUUID(), ID, CASE, "intake.report", "报到", "Reporting", T, ACTOR));

        assertThat(entries)
                .extracting(TimelineEntry::timelineKind)
                .containsExactly(
                        "obligation.opened",
                        "obligation.fulfilled",
                        "obligation.fulfilled-late",
                        "obligation.overdue",
                        "obligation.escalated",
                        "obligation.paused",
                        "obligation.resumed",
                        "obligation.waived");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.timelineArgs()).isEqualTo(Map.of("step", "报到", "stepEn", "Reporting"));
            // As the timeline row stores them: the names, sorted.
            assertThat(e.audience().stream().map(Enum::name).sorted())
                    .containsExactly(
                            "ASSIGNED_OFFICE",
                            "COORDINATION",
                            "COPIED_POLICE",
                            "COPIED_PROCURATORATE",
                            "DECISION_ORGAN",
                            "ESCALATION",
                            "EXECUTING_AGENCY",
                            "HANDOVER_INSTITUTION");
        });
    }
}
