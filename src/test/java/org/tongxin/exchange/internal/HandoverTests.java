package org.tongxin.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverEvents.HandoverDelivered;
import org.tongxin.exchange.HandoverEvents.HandoverReceipted;
import org.tongxin.exchange.HandoverEvents.HandoverRejected;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The handover's state machine without Spring: every transition, and every refusal from every other state. */
class HandoverTests {

    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    static final AgencyId COURT = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId PROCURATORATE = AgencyId.of(UUID.randomUUID());
    static final AgencyId POLICE = AgencyId.of(UUID.randomUUID());
    static final Set<Participation> AUDIENCE = EnumSet.of(Participation.ESCALATION, Participation.COORDINATION);
    static final Handover.Person CLERK = new Handover.Person(UUID.randomUUID(), "书记员 王");
    static final Handover.Person OFFICER = new Handover.Person(UUID.randomUUID(), "矫正干部 李");
    static final ActorRef ACTOR = ActorRef.SYSTEM;
    static final UUID RECEIPT = UUID.randomUUID();

    static final List<NewItem> COMPLETE = List.of(
            new NewItem(ItemCode.DECISION_DOCUMENT, "判决书", null),
            new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书", UUID.randomUUID()));

    static Handover prepared(List<NewItem> items) {
        return Handover.prepare(
                HandoverId.of(UUID.randomUUID()),
                CaseId.of(UUID.randomUUID()),
                HandoverKind.LEGAL_DOCUMENTS,
                "docs.deliver",
                COURT,
                COUNTY,
                Arrays.asList(PROCURATORATE, COURT, null, COUNTY, POLICE, PROCURATORATE),
                AUDIENCE,
                items,
                "请于五日内回执",
                CLERK.userId(),
                T0);
    }

    /** A handover as the repository reads it in a state, with its two items and its copies reached when it was delivered. */
    static Handover stored(HandoverStatus status) {
        boolean delivered = status != HandoverStatus.PREPARED && status != HandoverStatus.CANCELLED;
        Instant reached = delivered ? T0 : null;
        Handover h = new Handover(
                HandoverId.of(UUID.randomUUID()),
                CaseId.of(UUID.randomUUID()),
                HandoverKind.LEGAL_DOCUMENTS,
                "docs.deliver",
                COURT,
                COUNTY,
                List.of(new Handover.Copy(PROCURATORATE, reached), new Handover.Copy(POLICE, reached)),
                AUDIENCE,
                T0,
                3,
                List.of(
                        new Handover.Item(UUID.randomUUID(), ItemCode.DECISION_DOCUMENT, null, null, 0),
                        new Handover.Item(UUID.randomUUID(), ItemCode.EXECUTION_NOTICE, null, null, 0)),
                status,
                delivered ? 1 : 0);
        if (delivered) {
            h.firstDeliveredAt = T0;
            h.lastDeliveredAt = T0;
        }
        if (status == HandoverStatus.REJECTED || status == HandoverStatus.RECEIPTED) {
            h.answeredAt = T0.plusSeconds(60);
        }
        if (status == HandoverStatus.RECEIPTED) {
            h.receiptDocumentId = RECEIPT;
        }
        return h;
    }

    /** Everything a transition may change, to compare before and after a refusal. */
    static String state(Handover h) {
        return List.of(
                        h.status,
                        h.round,
                        String.valueOf(h.firstDeliveredAt),
                        String.valueOf(h.lastDeliveredAt),
                        String.valueOf(h.answeredAt),
                        String.valueOf(h.receiptDocumentId),
                        h.updatedAt,
                        h.items,
                        h.added,
                        String.valueOf(h.delivery),
                        String.valueOf(h.answer),
                        h.copies)
                .toString();
    }

    static List<Problem> missingNotice() {
        return List.of(new Problem(ItemCode.EXECUTION_NOTICE, null, ProblemKind.MISSING, null));
    }

    /** Each transition with the code it is refused with when the state does not allow it. */
    static final Map<String, Consumer<Handover>> TRANSITIONS = Map.of(
            "HANDOVER_NOT_PREPARED deliver", h -> h.deliver(CLERK, T0.plusSeconds(600), ACTOR),
            "HANDOVER_NOT_PREPARED cancel", h -> h.cancel(T0.plusSeconds(600)),
            "HANDOVER_NOT_REJECTED supplement",
                    h -> h.supplement(
                            List.of(new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书（补）", null)),
                            CLERK,
                            T0.plusSeconds(600),
                            ACTOR),
            "HANDOVER_NOT_DELIVERED receipt", h -> h.receipt(null, OFFICER, T0.plusSeconds(600), ACTOR, () -> RECEIPT),
            "HANDOVER_NOT_DELIVERED reject", h -> h.reject(missingNotice(), null, OFFICER, T0.plusSeconds(600), ACTOR));

    static final Map<String, Set<HandoverStatus>> ALLOWED = Map.of(
            "deliver",
            EnumSet.of(HandoverStatus.PREPARED),
            "cancel",
            EnumSet.of(HandoverStatus.PREPARED),
            "supplement",
            EnumSet.of(HandoverStatus.REJECTED),
            "receipt",
            EnumSet.of(HandoverStatus.DELIVERED),
            "reject",
            EnumSet.of(HandoverStatus.DELIVERED));

    @Test
    void preparingPutsTheBundleTogetherWithEachOtherAgencyCopiedOnceAndAnnouncesNothing() {
        Handover h = prepared(COMPLETE);
        assertThat(h.status()).isEqualTo(HandoverStatus.PREPARED);
        assertThat(h.round()).isZero();
        assertThat(h.copies)
                .extracting(Handover.Copy::agency)
                .as("never the sender or the receiver, each once")
                .containsExactly(PROCURATORATE, POLICE);
        assertThat(h.copies).allSatisfy(c -> assertThat(c.deliveredAt()).isNull());
        assertThat(h.items())
                .extracting(Handover.Item::code, Handover.Item::title, Handover.Item::addedRound)
                .containsExactly(
                        tuple(ItemCode.DECISION_DOCUMENT, "判决书", 0), tuple(ItemCode.EXECUTION_NOTICE, "执行通知书", 0));
        assertThat(h.added).as("written by the insert").hasSize(2);
        assertThat(h.note).isEqualTo("请于五日内回执");
        assertThat(h.preparedBy).isEqualTo(CLERK.userId());
        assertThat(h.pullEvents()).isEmpty();
    }

    @Test
    void deliveringACompleteBundleOpensRoundOneAndReachesEveryCopyRecipient() {
        Handover h = stored(HandoverStatus.PREPARED);
        Instant at = T0.plusSeconds(600);
        h.deliver(CLERK, at, ACTOR);
        assertThat(h.status()).isEqualTo(HandoverStatus.DELIVERED);
        assertThat(h.round()).isEqualTo(1);
        assertThat(h.firstDeliveredAt).isEqualTo(at);
        assertThat(h.lastDeliveredAt).isEqualTo(at);
        assertThat(h.delivery).isEqualTo(new Handover.Delivery(1, at, CLERK));
        assertThat(h.copies).allSatisfy(c -> assertThat(c.deliveredAt()).isEqualTo(at));
        assertThat(h.pullEvents()).singleElement().isInstanceOfSatisfying(HandoverDelivered.class, e -> {
            assertThat(e.round()).isEqualTo(1);
            assertThat(e.supplement()).isFalse();
            assertThat(e.copies()).containsExactly(PROCURATORATE, POLICE);
            assertThat(e.audience()).isEqualTo(AUDIENCE);
            assertThat(e.sender()).isEqualTo(COURT);
            assertThat(e.receiver()).isEqualTo(COUNTY);
        });
        assertThat(h.pullEvents()).as("handed over once").isEmpty();
    }

    @Test
    void aBundleLackingARequiredDocumentOrEmptyIsNotDeliveredAndNamesWhatIsMissing() {
        for (List<NewItem> items : List.of(List.of(COMPLETE.getFirst()), List.<NewItem>of())) {
            Handover h = prepared(items);
            h.pullEvents();
            String before = state(h);
            assertThatThrownBy(() -> h.deliver(CLERK, T0.plusSeconds(600), ACTOR))
                    .isInstanceOfSatisfying(TongxinException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("items");
                            assertThat(p.code()).isEqualTo("handoverIncomplete");
                            assertThat(p.args())
                                    .containsExactly(
                                            items.isEmpty()
                                                    ? "DECISION_DOCUMENT, EXECUTION_NOTICE"
                                                    : "EXECUTION_NOTICE");
                        });
                    });
            assertThat(state(h)).isEqualTo(before);
            assertThat(h.pullEvents()).isEmpty();
        }
    }

    @Test
    void theReceiverReceiptsTheRoundAndTheReceiptIsIssuedOnceTheStateAllowsIt() {
        Handover h = stored(HandoverStatus.DELIVERED);
        List<String> issued = new ArrayList<>();
        h.receipt("材料齐全", OFFICER, T0.plusSeconds(900), ACTOR, () -> {
            issued.add("receipt");
            return RECEIPT;
        });
        assertThat(issued).containsExactly("receipt");
        assertThat(h.status()).isEqualTo(HandoverStatus.RECEIPTED);
        assertThat(h.receiptDocumentId).isEqualTo(RECEIPT);
        assertThat(h.answeredAt).isEqualTo(T0.plusSeconds(900));
        assertThat(h.answer)
                .isEqualTo(new Handover.Answer(
                        1, HandoverStatus.RECEIPTED, T0.plusSeconds(900), OFFICER, "材料齐全", List.of()));
        assertThat(h.pullEvents()).singleElement().isInstanceOfSatisfying(HandoverReceipted.class, e -> {
            assertThat(e.receiptDocumentId()).isEqualTo(RECEIPT);
            assertThat(e.round()).isEqualTo(1);
        });
    }

    @Test
    void aReceiptWhoseIssueIsRefusedChangesNothing() {
        Handover h = stored(HandoverStatus.DELIVERED);
        String before = state(h);
        assertThatThrownBy(() -> h.receipt("x".repeat(501), OFFICER, T0, ACTOR, () -> {
                    throw TongxinException.invalid("note", "maxLength", 500);
                }))
                .isInstanceOf(TongxinException.class);
        assertThat(state(h)).isEqualTo(before);
        assertThat(h.pullEvents()).isEmpty();

        Handover receipted = stored(HandoverStatus.RECEIPTED);
        List<String> issued = new ArrayList<>();
        assertThatThrownBy(() -> receipted.receipt(null, OFFICER, T0, ACTOR, () -> {
                    issued.add("receipt");
                    return UUID.randomUUID();
                }))
                .isInstanceOf(TongxinException.class);
        assertThat(issued).as("no second receipt document").isEmpty();
    }

    @Test
    void aRejectionNamesTheProblemsAndTheSupplementDeliversTheNextRoundToTheSameRecipients() {
        Handover h = stored(HandoverStatus.DELIVERED);
        h.reject(missingNotice(), "缺执行通知书", OFFICER, T0.plusSeconds(900), ACTOR);
        assertThat(h.status()).isEqualTo(HandoverStatus.REJECTED);
        assertThat(h.answer.problems()).isEqualTo(missingNotice());
        assertThat(h.answer.outcome()).isEqualTo(HandoverStatus.REJECTED);
        assertThat(h.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        HandoverRejected.class, e -> assertThat(e.problems()).isEqualTo(1));

        Handover rejected = stored(HandoverStatus.REJECTED);
        Instant at = T0.plusSeconds(3600);
        rejected.supplement(List.of(new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书（补）", null)), CLERK, at, ACTOR);
        assertThat(rejected.status()).isEqualTo(HandoverStatus.DELIVERED);
        assertThat(rejected.round()).isEqualTo(2);
        assertThat(rejected.firstDeliveredAt).as("the first delivery stays").isEqualTo(T0);
        assertThat(rejected.lastDeliveredAt).isEqualTo(at);
        assertThat(rejected.added)
                .singleElement()
                .satisfies(i -> assertThat(i.addedRound()).isEqualTo(2));
        assertThat(rejected.items()).hasSize(3);
        assertThat(rejected.copies)
                .as("the copies were reached by the first round")
                .allSatisfy(c -> assertThat(c.deliveredAt()).isEqualTo(T0));
        assertThat(rejected.pullEvents()).singleElement().isInstanceOfSatisfying(HandoverDelivered.class, e -> {
            assertThat(e.round()).isEqualTo(2);
            assertThat(e.supplement()).isTrue();
            assertThat(e.copies()).containsExactly(PROCURATORATE, POLICE);
        });
    }

    @Test
    void aPreparedBundleIsCancelledWithoutAnEvent() {
        Handover h = stored(HandoverStatus.PREPARED);
        h.cancel(T0.plusSeconds(60));
        assertThat(h.status()).isEqualTo(HandoverStatus.CANCELLED);
        assertThat(h.updatedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(h.pullEvents()).isEmpty();
    }

    @Test
    void everyTransitionFromEveryOtherStateIsRefusedWithItsCodeAndChangesNothing() {
        int refusals = 0;
        for (HandoverStatus from : HandoverStatus.values()) {
            for (Map.Entry<String, Consumer<Handover>> t : TRANSITIONS.entrySet()) {
                String code = t.getKey().split(" ")[0];
                String name = t.getKey().split(" ")[1];
                if (ALLOWED.get(name).contains(from)) {
                    continue;
                }
                Handover h = stored(from);
                String before = state(h);
                assertThatThrownBy(() -> t.getValue().accept(h))
                        .as(name + " from " + from)
                        .isInstanceOfSatisfying(TongxinException.class, e -> {
                            assertThat(e.status().value()).isEqualTo(409);
                            assertThat(e.code()).isEqualTo(code);
                        });
                assertThat(state(h)).as(name + " from " + from).isEqualTo(before);
                assertThat(h.pullEvents()).as(name + " from " + from).isEmpty();
                refusals++;
            }
        }
        assertThat(refusals)
                .as("five states, five transitions, five allowed pairs")
                .isEqualTo(25 - 5);
    }
}
