package org.tongxin.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.coordination.CoordinationEvents.ConflictEscalated;
import org.tongxin.coordination.CoordinationEvents.ConflictRaised;
import org.tongxin.coordination.CoordinationEvents.ConflictResolved;
import org.tongxin.coordination.CoordinationEvents.DecisionDone;
import org.tongxin.coordination.CoordinationEvents.DecisionRecorded;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/** The register's events on a case's timeline: kinds, arguments, and every party but the assisting departments. */
class CoordinationTimelineEntryTests {

    static final Instant T = Instant.parse("2025-10-20T01:00:00Z");
    static final CaseId CASE = CaseId.of(UUID.randomUUID());
    static final AgencyId AGENCY = AgencyId.of(UUID.randomUUID());
    static final ActorRef ACTOR = new ActorRef(UUID.randomUUID(), "协调员", UUID.randomUUID());

    @Test
    void decisions_and_conflicts_are_shown_to_every_party_but_the_assisting_departments() {
        DecisionId decision = DecisionId.random();
        MeetingId meeting = MeetingId.random();
        ConflictId conflict = ConflictId.random();
        List<TimelineEntry> entries = List.of(
                new DecisionRecorded(
                        UUID.randomUUID(), decision, meeting, CASE, AGENCY, LocalDate.of(2025, 11, 3), T, ACTOR),
                new DecisionDone(UUID.randomUUID(), decision, meeting, CASE, AGENCY, true, T, ACTOR),
                new ConflictRaised(
                        UUID.randomUUID(),
                        conflict,
                        CASE,
                        ConflictType.COMMUNICATION,
                        AGENCY,
                        List.of(AGENCY),
                        "intake.report",
                        T,
                        ACTOR),
                new ConflictEscalated(UUID.randomUUID(), conflict, CASE, AGENCY, T, ACTOR),
                new ConflictResolved(UUID.randomUUID(), conflict, CASE, ConflictType.COMMUNICATION, AGENCY, T, ACTOR));

        assertThat(entries)
                .extracting(TimelineEntry::timelineKind, TimelineEntry::timelineArgs)
                .containsExactly(
                        tuple("coordination.decision-recorded", Map.of("due", "2025-11-03")),
                        tuple("coordination.decision-done-late", Map.of()),
                        tuple("coordination.conflict-raised", Map.of("type", "信息沟通", "typeEn", "Communication")),
                        tuple("coordination.conflict-escalated", Map.of()),
                        tuple("coordination.conflict-resolved", Map.of("type", "信息沟通", "typeEn", "Communication")));
        assertThat(entries)
                .allSatisfy(e ->
                        assertThat(e.audience()).isEqualTo(EnumSet.complementOf(EnumSet.of(Participation.ASSISTING))));
    }
}
