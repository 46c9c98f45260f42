package org.tongxin.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.Evidence;
import org.tongxin.coordination.CoordinationEvents.ConflictEscalated;
import org.tongxin.coordination.CoordinationEvents.ConflictRaised;
import org.tongxin.coordination.CoordinationEvents.ConflictResolved;
import org.tongxin.coordination.MeetingId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The conflict's state machine without Spring: every transition and every refusal. */
class ConflictTests {

    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId COURT = AgencyId.of(UUID.randomUUID());
    static final AgencyId OFFICE = AgencyId.of(UUID.randomUUID());
    static final ActorRef ACTOR = ActorRef.SYSTEM;

    static Conflict raised() {
        return Conflict.raise(
                ConflictId.random(),
                CaseId.of(UUID.randomUUID()),
                "（2026）城东刑初12号",
                ConflictType.values()[0],
                COUNTY,
                UUID.randomUUID(),
                OFFICE,
                List.of(COUNTY, COURT),
                "法律文书送达不全，双方对补正期限有分歧",
                "docs.deliver",
                "CCL 20",
                "CITYA",
                List.of(new Evidence("HANDOVER", UUID.randomUUID())),
                T0,
                ACTOR);
    }

    static void refused(Runnable transition, String code) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void raisingRecordsTheConflictWithItsPartiesAndAnnouncesItOnce() {
        Conflict c = raised();
        assertThat(c.state()).isEqualTo(ConflictState.RAISED);
        assertThat(c.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ConflictRaised.class, e -> assertThat(e.parties()).containsExactly(COUNTY, COURT));
        assertThat(c.pullEvents()).isEmpty();
    }

    @Test
    void aConflictNeedsTheRaisingAgencyAndAnotherParty() {
        assertThatThrownBy(() -> Conflict.raise(
                        ConflictId.random(),
                        null,
                        null,
                        ConflictType.values()[0],
                        COUNTY,
                        UUID.randomUUID(),
                        OFFICE,
                        List.of(COUNTY),
                        "只有一方",
                        null,
                        null,
                        "CITYA",
                        List.of(),
                        T0,
                        ACTOR))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT_NEEDS_TWO_PARTIES"));
        assertThatThrownBy(() -> Conflict.raise(
                        ConflictId.random(),
                        null,
                        null,
                        ConflictType.values()[0],
                        COUNTY,
                        UUID.randomUUID(),
                        OFFICE,
                        List.of(COURT, OFFICE),
                        "提出方不在其中",
                        null,
                        null,
                        "CITYA",
                        List.of(),
                        T0,
                        ACTOR))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT_NEEDS_TWO_PARTIES"));
    }

    @Test
    void theOfficeRespondsOnceAndOnlyBeforeAnythingElseHappened() {
        Conflict c = raised();
        c.pullEvents();
        c.respond("已联系双方，三日内答复", T0.plusSeconds(60));
        assertThat(c.state()).isEqualTo(ConflictState.RESPONDED);
        assertThat(c.response).isEqualTo("已联系双方，三日内答复");
        assertThat(c.respondedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(c.pullEvents()).as("a response is not an event of its own").isEmpty();
        refused(() -> c.respond("再次回应", T0.plusSeconds(120)), "CONFLICT_ALREADY_ANSWERED");

        Conflict escalatedFirst = raised();
        escalatedFirst.escalate("需要联席会议", null, T0, ACTOR);
        refused(() -> escalatedFirst.respond("迟到的回应", T0), "CONFLICT_ALREADY_ANSWERED");
    }

    @Test
    void escalationTakesItToAMeetingAgainIfNeededAndKeepsTheEarlierNoteAndMeeting() {
        Conflict c = raised();
        c.pullEvents();
        c.escalate("分歧较大，提交联席会议", null, T0.plusSeconds(60), ACTOR);
        assertThat(c.state()).isEqualTo(ConflictState.ESCALATED);
        assertThat(c.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ConflictEscalated.class, e -> assertThat(e.to()).isEqualTo(OFFICE));
        MeetingId meeting = MeetingId.random();
        c.escalate(null, meeting, T0.plusSeconds(120), ACTOR);
        assertThat(c.escalationNote).as("a meeting's agenda keeps the note").isEqualTo("分歧较大，提交联席会议");
        assertThat(c.meetingId).isEqualTo(meeting);
        c.escalate("再议", null, T0.plusSeconds(180), ACTOR);
        assertThat(c.meetingId).as("and the meeting").isEqualTo(meeting);
        assertThat(c.escalatedAt).isEqualTo(T0.plusSeconds(180));
        assertThat(c.pullEvents()).hasSize(2);
    }

    @Test
    void resolvingEndsItFromAnyOpenStateAndNothingHappensAfterwards() {
        for (ConflictState from : List.of(ConflictState.RAISED, ConflictState.RESPONDED, ConflictState.ESCALATED)) {
            Conflict c = raised();
            if (from == ConflictState.RESPONDED) {
                c.respond("已回应", T0);
            } else if (from == ConflictState.ESCALATED) {
                c.escalate("提交会议", null, T0, ACTOR);
            }
            c.pullEvents();
            c.resolve("法院三日内补送", "送达前核对清单", T0.plusSeconds(300), ACTOR);
            assertThat(c.state()).as(from.name()).isEqualTo(ConflictState.RESOLVED);
            assertThat(c.resolvedAt).isEqualTo(T0.plusSeconds(300));
            assertThat(c.pullEvents()).singleElement().isInstanceOf(ConflictResolved.class);
            refused(() -> c.resolve("再次", "再次", T0, ACTOR), "CONFLICT_RESOLVED");
            refused(() -> c.escalate("再次", null, T0, ACTOR), "CONFLICT_RESOLVED");
            refused(() -> c.respond("再次", T0), "CONFLICT_ALREADY_ANSWERED");
            assertThat(c.pullEvents()).as("a refusal changes nothing").isEmpty();
        }
    }
}
