package org.tongxin.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingView;

/**
 * Who sees a meeting or a conflict is decided by the application, not only by row-level security (doc/adr/0022): the
 * rule the façades apply to every read.
 */
class CoordinationVisibilityTests {

    final AgencyId office = AgencyId.of(UUID.randomUUID());
    final AgencyId attendee = AgencyId.of(UUID.randomUUID());
    final AgencyId owing = AgencyId.of(UUID.randomUUID());
    final AgencyId party = AgencyId.of(UUID.randomUUID());
    final AgencyId outsider = AgencyId.of(UUID.randomUUID());

    @Test
    void aMeetingIsSeenByItsConvenorItsAttendeesAndTheAgenciesItsDecisionsNameOnly() {
        MeetingId id = MeetingId.of(UUID.randomUUID());
        DecisionView decision = new DecisionView(
                DecisionId.of(UUID.randomUUID()),
                id,
                1,
                "落实帮扶",
                owing,
                null,
                LocalDate.of(2026, 12, 31),
                true,
                false,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                0);
        MeetingView meeting = new MeetingView(
                id,
                office,
                "369900",
                "联席会议",
                Instant.EPOCH,
                "会议室",
                MeetingStatus.HELD,
                "纪要",
                Instant.EPOCH,
                null,
                null,
                null,
                UUID.randomUUID(),
                Instant.EPOCH,
                1,
                List.of(attendee),
                List.of(),
                List.of(decision));
        assertThat(meeting.seenBy(office)).isTrue();
        assertThat(meeting.seenBy(attendee)).isTrue();
        assertThat(meeting.seenBy(owing)).isTrue();
        assertThat(meeting.seenBy(outsider)).isFalse();
        assertThat(meeting.seenBy(null))
                .as("an administrator has no agency in it")
                .isFalse();
    }

    @Test
    void aConflictIsSeenByItsOfficeAndItsPartiesOnly() {
        ConflictView conflict = new ConflictView(
                ConflictId.of(UUID.randomUUID()),
                null,
                null,
                ConflictType.COMMUNICATION,
                ConflictState.RAISED,
                party,
                UUID.randomUUID(),
                office,
                List.of(party, attendee),
                "文书迟延",
                null,
                null,
                "369900",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0,
                List.of());
        assertThat(conflict.seenBy(office)).isTrue();
        assertThat(conflict.seenBy(party)).isTrue();
        assertThat(conflict.seenBy(attendee)).isTrue();
        assertThat(conflict.seenBy(outsider)).isFalse();
        assertThat(conflict.seenBy(null)).isFalse();
    }
}
