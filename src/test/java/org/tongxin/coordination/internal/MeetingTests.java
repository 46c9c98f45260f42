package org.tongxin.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.CoordinationEvents.DecisionRecorded;
import org.tongxin.coordination.CoordinationEvents.MeetingConvened;
import org.tongxin.coordination.CoordinationEvents.MeetingHeld;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.AgendaItem;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The joint meeting's state machine without Spring: every transition and every refusal from every other status. */
class MeetingTests {

    static final Instant CONVENED_AT = Instant.parse("2026-11-02T02:00:00Z");
    static final Instant SCHEDULED = Instant.parse("2026-11-09T01:30:00Z");
    static final Instant AFTER = SCHEDULED.plusSeconds(7200);
    static final AgencyId OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId POLICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId CIVIL = AgencyId.of(UUID.randomUUID());
    static final ActorRef ACTOR = ActorRef.SYSTEM;

    static Meeting convened() {
        return Meeting.convene(
                MeetingId.random(),
                OFFICE,
                "CITYA",
                "失联人员协查联席会议",
                SCHEDULED,
                "市司法局三楼会议室",
                UUID.randomUUID(),
                "A矫〔2026〕3号",
                List.of(COUNTY, OFFICE, POLICE),
                List.of(
                        new Meeting.AgendaEntry(AgendaKind.TOPIC, "协查分工", null, null, null),
                        new Meeting.AgendaEntry(AgendaKind.REVIEW, null, null, null, DecisionId.random())),
                CONVENED_AT,
                ACTOR);
    }

    /** A meeting in the given status, its events already handed over. */
    static Meeting in(MeetingStatus status) {
        Meeting m = convened();
        switch (status) {
            case CONVENED -> {}
            case HELD -> m.hold("会议议定建立协查联络人制度。", 0, AFTER, ACTOR);
            case CLOSED -> {
                m.hold("会议议定建立协查联络人制度。", 0, AFTER, ACTOR);
                m.close(AFTER.plusSeconds(60));
            }
            case CANCELLED -> m.cancel("主要单位无法参加", CONVENED_AT.plusSeconds(60));
        }
        m.pullEvents();
        return m;
    }

    /** Everything a transition may change, to show that a refusal changed nothing. */
    static List<Object> state(Meeting m) {
        return java.util.Arrays.asList(
                m.status,
                m.minutes,
                m.heldAt,
                m.closedAt,
                m.cancelledAt,
                m.cancelReason,
                m.noticeNumber,
                m.minutesNumber,
                m.updatedAt,
                List.copyOf(m.attendees),
                List.copyOf(m.agenda));
    }

    /** From every status but {@code allowed} the transition is refused with {@code code}, and nothing changes. */
    static void refusedOutside(EnumSet<MeetingStatus> allowed, Consumer<Meeting> transition, int status, String code) {
        for (MeetingStatus from : EnumSet.complementOf(allowed)) {
            Meeting m = in(from);
            List<Object> before = state(m);
            assertThatThrownBy(() -> transition.accept(m))
                    .as(from.name())
                    .isInstanceOfSatisfying(TongxinException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(status);
                        assertThat(e.code()).isEqualTo(code);
                    });
            assertThat(state(m)).as("a refusal from %s changes nothing", from).isEqualTo(before);
            assertThat(m.pullEvents()).as("and announces nothing").isEmpty();
        }
    }

    @Test
    void conveningInvitesTheAgenciesButNotTheConvenorNumbersTheAgendaAndAnnouncesItOnce() {
        Meeting m = convened();
        assertThat(m.status()).isEqualTo(MeetingStatus.CONVENED);
        assertThat(m.attendees).as("the convenor is not its own guest").containsExactly(COUNTY, POLICE);
        assertThat(m.agenda).extracting(AgendaItem::position).containsExactly(1, 2);
        assertThat(m.agenda).extracting(AgendaItem::kind).containsExactly(AgendaKind.TOPIC, AgendaKind.REVIEW);
        assertThat(m.noticeNumber).as("the notice is issued with it").isEqualTo("A矫〔2026〕3号");
        assertThat(m.agendaStored).as("nothing stored yet").isZero();
        assertThat(m.pullEvents()).singleElement().isInstanceOfSatisfying(MeetingConvened.class, e -> {
            assertThat(e.attendees()).containsExactly(COUNTY, POLICE);
            assertThat(e.scheduledAt()).isEqualTo(SCHEDULED);
        });
        assertThat(m.pullEvents()).isEmpty();
    }

    @Test
    void aConflictTakenOntoTheAgendaComesLastAndInvitesItsPartiesOnlyWhileConvened() {
        Meeting m = in(MeetingStatus.CONVENED);
        ConflictId conflict = ConflictId.random();
        m.takeConflict(conflict, List.of(OFFICE, POLICE, CIVIL), AFTER);
        assertThat(m.agenda).last().satisfies(i -> {
            assertThat(i.position()).isEqualTo(3);
            assertThat(i.kind()).isEqualTo(AgendaKind.CONFLICT);
            assertThat(i.conflictId()).isEqualTo(conflict);
        });
        assertThat(m.attendees).containsExactly(COUNTY, POLICE, CIVIL);
        assertThat(m.updatedAt).isEqualTo(AFTER);
        assertThat(m.pullEvents())
                .as("the conflict announces its escalation, not the meeting")
                .isEmpty();
        refusedOutside(
                EnumSet.of(MeetingStatus.CONVENED),
                x -> x.takeConflict(ConflictId.random(), List.of(CIVIL), AFTER),
                409,
                "MEETING_NOT_CONVENED");
    }

    @Test
    void holdingRecordsTheMinutesAtTheMeetingsTimeAndAnnouncesTheDecisionsTakenWithThem() {
        Meeting m = in(MeetingStatus.CONVENED);
        m.hold("会议议定建立协查联络人制度。", 2, AFTER, ACTOR);
        assertThat(m.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(m.minutes).isEqualTo("会议议定建立协查联络人制度。");
        assertThat(m.heldAt()).as("held when it was scheduled").isEqualTo(SCHEDULED);
        assertThat(m.updatedAt).isEqualTo(AFTER);
        assertThat(m.pullEvents()).singleElement().isInstanceOfSatisfying(MeetingHeld.class, e -> {
            assertThat(e.decisions()).isEqualTo(2);
            assertThat(e.heldAt()).isEqualTo(SCHEDULED);
        });
        refusedOutside(
                EnumSet.of(MeetingStatus.CONVENED),
                x -> x.hold("再次记录纪要", 0, AFTER, ACTOR),
                409,
                "MEETING_NOT_CONVENED");
    }

    @Test
    void theMinutesWaitForTheMeetingsTime() {
        Meeting m = in(MeetingStatus.CONVENED);
        List<Object> before = state(m);
        assertThatThrownBy(() -> m.hold("提前写好的纪要", 0, SCHEDULED.minusSeconds(60), ACTOR))
                .isInstanceOfSatisfying(TongxinException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("MEETING_NOT_YET_HELD");
                });
        assertThat(state(m)).isEqualTo(before);
        assertThat(m.pullEvents()).isEmpty();
        m.hold("准时召开", 0, SCHEDULED, ACTOR);
        assertThat(m.status()).as("at its time it may be held").isEqualTo(MeetingStatus.HELD);
    }

    @Test
    void theMinutesAreIssuedOnceHeldAndMayBeAmendedUntilTheMeetingIsClosed() {
        Meeting m = in(MeetingStatus.HELD);
        m.issueMinutes("A矫〔2026〕4号");
        assertThat(m.minutesNumber).isEqualTo("A矫〔2026〕4号");
        m.amendMinutes("会议议定建立协查联络人制度，并明确通报时限。", AFTER.plusSeconds(600));
        assertThat(m.minutes).isEqualTo("会议议定建立协查联络人制度，并明确通报时限。");
        assertThat(m.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(m.updatedAt).isEqualTo(AFTER.plusSeconds(600));
        assertThat(m.pullEvents()).as("an amendment is not an event of its own").isEmpty();
        refusedOutside(EnumSet.of(MeetingStatus.HELD), x -> x.amendMinutes("修改纪要", AFTER), 409, "MEETING_NOT_HELD");
        refusedOutside(EnumSet.of(MeetingStatus.HELD), x -> x.issueMinutes("A矫〔2026〕5号"), 409, "MEETING_NOT_HELD");
    }

    @Test
    void aHeldMeetingTakesDecisionsEachOfItsOwnAndAnnouncedByItself() {
        Meeting m = in(MeetingStatus.HELD);
        CaseId caseId = CaseId.of(UUID.randomUUID());
        DecisionId id = DecisionId.random();
        Decision d = m.decide(
                id, "确定一名协查联络人", COUNTY, caseId, LocalDate.of(2026, 12, 7), true, AFTER.plusSeconds(900), ACTOR);
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.meetingId).isEqualTo(m.id());
        assertThat(d.owingAgency).isEqualTo(COUNTY);
        assertThat(d.tracked).isTrue();
        assertThat(d.done).isFalse();
        assertThat(d.version()).isZero();
        assertThat(m.updatedAt).as("the meeting's version moves with it").isEqualTo(AFTER.plusSeconds(900));
        assertThat(m.pullEvents()).as("the meeting itself announces nothing").isEmpty();
        assertThat(d.pullEvents()).singleElement().isInstanceOfSatisfying(DecisionRecorded.class, e -> {
            assertThat(e.decisionId()).isEqualTo(id);
            assertThat(e.caseId()).isEqualTo(caseId);
            assertThat(e.owingAgency()).isEqualTo(COUNTY);
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        });
        List<Decision> taken = new ArrayList<>();
        refusedOutside(
                EnumSet.of(MeetingStatus.HELD),
                x -> taken.add(x.decide(
                        DecisionId.random(), "会后补充的决定", POLICE, null, LocalDate.of(2026, 12, 7), false, AFTER, ACTOR)),
                409,
                "MEETING_NOT_HELD");
        assertThat(taken).as("no decision comes of a refusal").isEmpty();
    }

    @Test
    void closingEndsTheDecisionsOfAHeldMeeting() {
        Meeting m = in(MeetingStatus.HELD);
        m.close(AFTER.plusSeconds(3600));
        assertThat(m.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(m.closedAt).isEqualTo(AFTER.plusSeconds(3600));
        assertThat(m.pullEvents()).isEmpty();
        refusedOutside(EnumSet.of(MeetingStatus.HELD), x -> x.close(AFTER), 409, "MEETING_NOT_HELD");
    }

    @Test
    void onlyAMeetingNotYetHeldIsCancelledWithItsReason() {
        Meeting m = in(MeetingStatus.CONVENED);
        m.cancel("主要单位无法参加", CONVENED_AT.plusSeconds(60));
        assertThat(m.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(m.cancelReason).isEqualTo("主要单位无法参加");
        assertThat(m.cancelledAt).isEqualTo(CONVENED_AT.plusSeconds(60));
        assertThat(m.pullEvents()).isEmpty();
        refusedOutside(EnumSet.of(MeetingStatus.CONVENED), x -> x.cancel("再次取消", AFTER), 409, "MEETING_NOT_CONVENED");
    }

    @Test
    void aStoredMeetingKeepsWhatItWasAndAddsToItsAgendaAfterWhatIsStored() {
        MeetingId id = MeetingId.random();
        AgendaItem topic = new AgendaItem(1, AgendaKind.TOPIC, "协查分工", null, null, null);
        MeetingView stored = new MeetingView(
                id,
                OFFICE,
                "CITYA",
                "联席会议",
                SCHEDULED,
                "会议室",
                MeetingStatus.CONVENED,
                null,
                null,
                null,
                null,
                null,
                UUID.randomUUID(),
                CONVENED_AT,
                3,
                List.of(COUNTY),
                List.of(topic),
                List.of());
        Meeting m = Meeting.of(stored);
        assertThat(m.version()).isEqualTo(3);
        assertThat(m.agendaStored).isEqualTo(1);
        assertThat(m.noticeNumber).as("a stored number is not written again").isNull();
        m.takeConflict(ConflictId.random(), List.of(POLICE), AFTER);
        assertThat(m.agenda.subList(m.agendaStored, m.agenda.size()))
                .extracting(AgendaItem::position)
                .containsExactly(2);
        assertThat(m.attendees).containsExactly(COUNTY, POLICE);
    }
}
