package org.tongxin.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.Gender;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.web.CaseSamples;

/**
 * The handover aggregate as the exchange saves it (doc/adr/0048-the-handover-aggregate.md): each round and its answer
 * come back as they were given, a wrong state is refused before the input, and a refused command saves nothing.
 */
@IntegrationTest
class HandoversIntegrationTests {

    @Autowired
    Handovers handovers;

    @Autowired
    CaseSamples samples;

    @Autowired
    Actors actors;

    /** The entrustment letter the court delivered to the county agency for a new case. */
    HandoverView letter() {
        CaseId caseId = samples.entrusted(CaseSamples.subject("赵交接", Gender.MALE, LocalDate.of(1990, 3, 4)), null);
        return actors.call("cd.county", () -> handovers.ofCase(caseId)).stream()
                .filter(h -> h.kind() == HandoverKind.ASSESSMENT_ENTRUSTMENT)
                .findFirst()
                .orElseThrow();
    }

    HandoverView read(HandoverId id) {
        return actors.call("cd.court.clerk", () -> handovers.view(id));
    }

    static void refused(Runnable command, int status, String code) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aRejectedBundleIsSupplementedAndReceiptedRoundByRoundAsItWasGiven() {
        HandoverView delivered = letter();
        assertThat(delivered.status()).isEqualTo(HandoverStatus.DELIVERED);
        assertThat(delivered.round()).isEqualTo(1);
        HandoverView.Item first = delivered.items().getFirst();

        actors.run(
                "cd.county",
                () -> handovers.reject(
                        delivered.id(),
                        delivered.version(),
                        List.of(
                                new Problem(ItemCode.CASE_MATERIALS, null, ProblemKind.MISSING, null),
                                new Problem(null, first.id(), ProblemKind.DEFECTIVE, "  印章不清  ")),
                        "请补正后再送"));
        samples.settle();
        HandoverView rejected = read(delivered.id());
        assertThat(rejected.status()).isEqualTo(HandoverStatus.REJECTED);
        assertThat(rejected.version()).isEqualTo(delivered.version() + 1);
        assertThat(rejected.answeredAt()).isNotNull();
        assertThat(rejected.rounds()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("REJECTED");
            assertThat(r.note()).isEqualTo("请补正后再送");
            assertThat(r.problems())
                    .containsExactly(
                            new HandoverView.ProblemView(ItemCode.CASE_MATERIALS, null, ProblemKind.MISSING, null),
                            new HandoverView.ProblemView(first.code(), first.id(), ProblemKind.DEFECTIVE, "印章不清"));
        });

        actors.run(
                "cd.court.clerk",
                () -> handovers.supplement(
                        delivered.id(),
                        rejected.version(),
                        List.of(new NewItem(ItemCode.CASE_MATERIALS, "起诉书副本（补）", null)),
                        null));
        samples.settle();
        HandoverView supplemented = read(delivered.id());
        assertThat(supplemented.status()).isEqualTo(HandoverStatus.DELIVERED);
        assertThat(supplemented.round()).isEqualTo(2);
        assertThat(supplemented.firstDeliveredAt())
                .as("the first delivery stays")
                .isEqualTo(delivered.firstDeliveredAt());
        assertThat(supplemented.items()).hasSize(delivered.items().size() + 1);
        assertThat(supplemented.items().getLast()).satisfies(i -> {
            assertThat(i.title()).isEqualTo("起诉书副本（补）");
            assertThat(i.addedRound()).isEqualTo(2);
        });
        assertThat(supplemented.items().subList(0, delivered.items().size()))
                .as("stored titles are kept as they were")
                .isEqualTo(delivered.items());
        assertThat(supplemented.rounds())
                .extracting(HandoverView.Round::number, HandoverView.Round::outcome)
                .containsExactly(tuple(1, "REJECTED"), tuple(2, null));

        actors.run("cd.county", () -> handovers.receipt(delivered.id(), supplemented.version(), "材料齐全"));
        samples.settle();
        HandoverView receipted = read(delivered.id());
        assertThat(receipted.status()).isEqualTo(HandoverStatus.RECEIPTED);
        assertThat(receipted.receiptDocumentId()).isNotNull();
        assertThat(receipted.rounds().getLast().outcome()).isEqualTo("RECEIPTED");
        assertThat(receipted.rounds().getLast().note()).isEqualTo("材料齐全");
        assertThat(receipted.rounds().getFirst().problems())
                .as("the first round's answer stays")
                .hasSize(2);
    }

    @Test
    void aWrongStateIsRefusedBeforeTheInputAndARefusedCommandSavesNothing() {
        HandoverView delivered = letter();
        int version = delivered.version();

        refused(
                () -> actors.run(
                        "cd.court.clerk", () -> handovers.supplement(delivered.id(), version, List.of(), null)),
                409,
                "HANDOVER_NOT_REJECTED");
        refused(
                () -> actors.run(
                        "cd.county",
                        () -> handovers.reject(
                                delivered.id(),
                                version,
                                List.of(new Problem(null, UUID.randomUUID(), ProblemKind.DEFECTIVE, null)),
                                null)),
                400,
                "VALIDATION_FAILED");
        refused(
                () -> actors.run("cd.county", () -> handovers.receipt(delivered.id(), version, "长".repeat(501))),
                400,
                "VALIDATION_FAILED");
        refused(
                () -> actors.run("cd.county", () -> handovers.receipt(delivered.id(), version + 1, null)),
                409,
                "STALE_VERSION");
        assertThat(read(delivered.id())).as("nothing saved").isEqualTo(delivered);

        actors.run("cd.county", () -> handovers.receipt(delivered.id(), version, null));
        samples.settle();
        HandoverView receipted = read(delivered.id());
        refused(
                () -> actors.run(
                        "cd.county", () -> handovers.receipt(delivered.id(), receipted.version(), "长".repeat(501))),
                409,
                "HANDOVER_NOT_DELIVERED");
        refused(
                () -> actors.run(
                        "cd.county", () -> handovers.reject(delivered.id(), receipted.version(), List.of(), null)),
                409,
                "HANDOVER_NOT_DELIVERED");
        refused(
                () -> actors.run("cd.court.clerk", () -> handovers.deliver(delivered.id(), receipted.version())),
                409,
                "HANDOVER_NOT_PREPARED");
        refused(
                () -> actors.run("cd.court.clerk", () -> handovers.cancel(delivered.id(), receipted.version())),
                409,
                "HANDOVER_NOT_PREPARED");
        assertThat(read(delivered.id())).as("nothing saved").isEqualTo(receipted);
    }
}
