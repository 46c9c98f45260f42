package org.tongxin.procuratorial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.procuratorial.OpinionEvents;
import org.tongxin.procuratorial.OpinionKind;
import org.tongxin.procuratorial.OpinionStatus;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** A procuratorial opinion: issued with its words to another unit, answered once, reasons required when not adopted. */
class OpinionTests {

    static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    static final AgencyId PROCURATORATE = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final String WORDS = "未按规定在五日内向社区矫正决定机关送达回执，请依法纠正";

    static Opinion issued() {
        return Opinion.issue(
                CaseId.of(UUID.randomUUID()),
                OpinionKind.CORRECTION_OPINION,
                PROCURATORATE,
                COUNTY,
                "docs.receipt",
                null,
                WORDS,
                NOW,
                ActorRef.SYSTEM);
    }

    static void invalid(Runnable action, String field, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.fieldProblems())
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .contains(org.assertj.core.groups.Tuple.tuple(field, code));
        });
    }

    @Test
    void anOpinionIsIssuedAwaitingTheReply() {
        Opinion o = issued();
        assertThat(o.status()).isEqualTo(OpinionStatus.AWAITING_REPLY);
        assertThat(o.pullEvents()).singleElement().isInstanceOfSatisfying(OpinionEvents.OpinionIssued.class, e -> {
            assertThat(e.addressedAgencyId()).isEqualTo(COUNTY);
            assertThat(e.timelineKind()).isEqualTo("procuratorial.issued.CORRECTION_OPINION");
        });
    }

    @Test
    void anOpinionNeedsItsKindAddresseeAndWordsAndAnotherUnit() {
        CaseId c = CaseId.of(UUID.randomUUID());
        invalid(
                () -> Opinion.issue(c, null, PROCURATORATE, COUNTY, null, null, WORDS, NOW, ActorRef.SYSTEM),
                "kind",
                "required");
        invalid(
                () -> Opinion.issue(
                        c,
                        OpinionKind.PROCURATORIAL_SUGGESTION,
                        PROCURATORATE,
                        null,
                        null,
                        null,
                        WORDS,
                        NOW,
                        ActorRef.SYSTEM),
                "addressedAgencyId",
                "required");
        invalid(
                () -> Opinion.issue(
                        c,
                        OpinionKind.PROCURATORIAL_SUGGESTION,
                        PROCURATORATE,
                        COUNTY,
                        null,
                        null,
                        "太短",
                        NOW,
                        ActorRef.SYSTEM),
                "content",
                "minLength");
        invalid(
                () -> Opinion.issue(
                        c,
                        OpinionKind.PROCURATORIAL_SUGGESTION,
                        PROCURATORATE,
                        COUNTY,
                        null,
                        null,
                        "长".repeat(3001),
                        NOW,
                        ActorRef.SYSTEM),
                "content",
                "maxLength");
        assertThatThrownBy(() -> Opinion.issue(
                        c,
                        OpinionKind.CORRECTION_OPINION,
                        PROCURATORATE,
                        PROCURATORATE,
                        null,
                        null,
                        WORDS,
                        NOW,
                        ActorRef.SYSTEM))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("OPINION_TO_ITSELF"));
    }

    @Test
    void aReplyAdoptsOrGivesReasonsAndComesOnce() {
        Opinion o = issued();
        o.pullEvents();
        invalid(() -> o.reply(null, null, true, NOW, ActorRef.SYSTEM), "adopted", "required");
        invalid(() -> o.reply(false, " ", true, NOW, ActorRef.SYSTEM), "reasons", "required");
        assertThat(o.status()).as("a refusal changes nothing").isEqualTo(OpinionStatus.AWAITING_REPLY);
        o.reply(false, "回执已于次日补送，迟延系因材料不全，已完善内部流程", false, NOW, ActorRef.SYSTEM);
        assertThat(o.status()).isEqualTo(OpinionStatus.REPLIED);
        assertThat(o.adopted()).isFalse();
        assertThat(o.pullEvents()).singleElement().isInstanceOfSatisfying(OpinionEvents.OpinionReplied.class, e -> {
            assertThat(e.onTime()).isFalse();
            assertThat(e.timelineKind()).isEqualTo("procuratorial.replied.declined");
        });
        assertThatThrownBy(() -> o.reply(true, null, true, NOW, ActorRef.SYSTEM))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_REPLIED"));
    }

    @Test
    void anAdoptedReplyNeedsNoReasons() {
        Opinion o = issued();
        o.reply(true, null, true, NOW, ActorRef.SYSTEM);
        assertThat(o.adopted()).isTrue();
        assertThat(o.repliedAt()).isEqualTo(NOW);
    }
}
