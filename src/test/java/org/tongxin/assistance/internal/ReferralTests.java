package org.tongxin.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceEvents.FirstContactRecorded;
import org.tongxin.assistance.AssistanceEvents.ProgressNoted;
import org.tongxin.assistance.AssistanceEvents.ReferralAccepted;
import org.tongxin.assistance.AssistanceEvents.ReferralCompleted;
import org.tongxin.assistance.AssistanceEvents.ReferralDeclined;
import org.tongxin.assistance.AssistanceEvents.ReferralPlaced;
import org.tongxin.assistance.AssistanceEvents.ReferralWithdrawn;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralStatus;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The referral's state machine without Spring: every transition and every refusal. */
class ReferralTests {

    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    static final ActorRef ACTOR = ActorRef.SYSTEM;

    static Referral in(ReferralStatus status) {
        return new Referral(
                ReferralId.random(),
                CaseId.of(UUID.randomUUID()),
                AssistanceService.SUBSISTENCE_ALLOWANCE,
                AgencyId.of(UUID.randomUUID()),
                AgencyId.of(UUID.randomUUID()),
                status,
                3);
    }

    static void refused(Runnable transition, String code) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** Every transition refused from every state but those it starts from, leaving the referral unchanged. */
    static void onlyFrom(
            List<ReferralStatus> allowed, Consumer<Referral> transition, String waitingCode, String otherCode) {
        for (ReferralStatus from : ReferralStatus.values()) {
            if (allowed.contains(from)) {
                continue;
            }
            Referral r = in(from);
            refused(
                    () -> transition.accept(r),
                    from == ReferralStatus.WAITING && waitingCode != null ? waitingCode : otherCode);
            assertThat(r.status()).isEqualTo(from);
            assertThat(r.pullEvents()).isEmpty();
        }
    }

    @Test
    void acceptingWithAFreePlacePlacesTheSubjectAtOnce() {
        Referral r = in(ReferralStatus.DELIVERED);
        r.accept(true, "王社工", T0, ACTOR);
        assertThat(r.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(r.placedAt).isEqualTo(T0);
        assertThat(r.answeredByName).isEqualTo("王社工");
        assertThat(r.waitingSince).isNull();
        assertThat(r.pullEvents()).hasSize(2).first().isInstanceOf(ReferralAccepted.class);
        assertThat(r.pullEvents()).isEmpty();
    }

    @Test
    void acceptingWithoutAFreePlaceJoinsTheWaitingListAndAPlaceLaterPlacesIt() {
        Referral r = in(ReferralStatus.DELIVERED);
        r.accept(false, "王社工", T0, ACTOR);
        assertThat(r.status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(r.waitingSince).isEqualTo(T0);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(ReferralAccepted.class);
        r.placeFromWaitingList(T0.plusSeconds(3600), ACTOR);
        assertThat(r.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(r.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReferralPlaced.class,
                        e -> assertThat(e.fromWaitingList()).isTrue());
        onlyFrom(List.of(ReferralStatus.WAITING), x -> x.placeFromWaitingList(T0, ACTOR), null, "REFERRAL_NOT_WAITING");
    }

    @Test
    void onlyADeliveredReferralIsAnsweredOrWithdrawn() {
        onlyFrom(
                List.of(ReferralStatus.DELIVERED), x -> x.accept(true, "王", T0, ACTOR), null, "REFERRAL_NOT_DELIVERED");
        onlyFrom(
                List.of(ReferralStatus.DELIVERED),
                x -> x.decline("名额已满，无法接收", "王", T0, ACTOR),
                null,
                "REFERRAL_NOT_DELIVERED");
        onlyFrom(
                List.of(ReferralStatus.DELIVERED),
                x -> x.withdraw("对象已就业，不再需要", T0, ACTOR),
                null,
                "REFERRAL_ALREADY_ANSWERED");

        Referral declined = in(ReferralStatus.DELIVERED);
        declined.decline("名额已满，无法接收", "王社工", T0, ACTOR);
        assertThat(declined.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(declined.declineReason).isEqualTo("名额已满，无法接收");
        assertThat(declined.closedAt).isEqualTo(T0);
        assertThat(declined.pullEvents()).singleElement().isInstanceOf(ReferralDeclined.class);

        Referral withdrawn = in(ReferralStatus.DELIVERED);
        withdrawn.withdraw("对象已就业，不再需要", T0, ACTOR);
        assertThat(withdrawn.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason).isEqualTo("对象已就业，不再需要");
        assertThat(withdrawn.pullEvents()).singleElement().isInstanceOf(ReferralWithdrawn.class);
    }

    @Test
    void theFirstContactStartsTheAssistanceOfAPlacedReferral() {
        Referral r = in(ReferralStatus.ACCEPTED);
        r.recordFirstContact(T0, ACTOR);
        assertThat(r.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(r.firstContactAt).isEqualTo(T0);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(FirstContactRecorded.class);
        onlyFrom(
                List.of(ReferralStatus.ACCEPTED),
                x -> x.recordFirstContact(T0, ACTOR),
                "REFERRAL_WAITING",
                "REFERRAL_NOT_ACCEPTED");
    }

    @Test
    void progressNotesAreNumberedWhileTheSubjectHoldsAPlace() {
        Referral r = in(ReferralStatus.IN_PROGRESS);
        assertThat(r.noteProgress(T0, ACTOR)).isEqualTo(1);
        assertThat(r.noteProgress(T0.plusSeconds(60), ACTOR)).isEqualTo(2);
        assertThat(r.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(r.pullEvents()).extracting(e -> ((ProgressNoted) e).number()).containsExactly(1, 2);
        onlyFrom(
                List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
                x -> x.noteProgress(T0, ACTOR),
                "REFERRAL_WAITING",
                "REFERRAL_NOT_RUNNING");
    }

    @Test
    void completingRecordsTheOutcomeAndEndsIt() {
        Referral r = in(ReferralStatus.IN_PROGRESS);
        r.complete(false, "对象迁出本区，未能完成", T0, ACTOR);
        assertThat(r.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(r.delivered).isFalse();
        assertThat(r.outcomeNote).isEqualTo("对象迁出本区，未能完成");
        assertThat(r.closedAt).isEqualTo(T0);
        assertThat(r.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReferralCompleted.class, e -> assertThat(e.delivered()).isFalse());
        onlyFrom(
                List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
                x -> x.complete(true, "已完成", T0, ACTOR),
                "REFERRAL_WAITING",
                "REFERRAL_NOT_RUNNING");
    }
}
