package org.tongxin.procedure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.casefile.CaseId;
import org.tongxin.procedure.TerminationEvents;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/** The end of a case: each notice once, and only for its own kind of ending. */
class CaseEndingTests {

    static final Instant NOW = Instant.parse("2026-03-31T02:00:00Z");
    static final LocalDate ON = LocalDate.of(2026, 3, 31);

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aTerminationIsCertifiedOnceWithItsNotice() {
        CaseEnding e = CaseEnding.ended(CaseId.of(UUID.randomUUID()), CaseEnding.Kind.TERMINATED, ON, NOW);
        UUID certificate = UUID.randomUUID();
        UUID handover = UUID.randomUUID();
        e.certified(certificate, handover, NOW, ActorRef.SYSTEM);
        assertThat(e.documentId()).isEqualTo(certificate);
        assertThat(e.handoverId()).isEqualTo(handover);
        assertThat(e.notifiedAt()).isEqualTo(NOW);
        assertThat(e.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        TerminationEvents.TerminationCertified.class,
                        ev -> assertThat(ev.handoverId()).isEqualTo(handover));
        refused(() -> e.certified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM), 409, "ALREADY_NOTIFIED");
        assertThat(e.pullEvents()).isEmpty();
        assertThat(e.documentId()).as("the refusal changed nothing").isEqualTo(certificate);
    }

    @Test
    void aDeathIsNotifiedOnceAndGetsNoCertificate() {
        CaseEnding e = CaseEnding.ended(CaseId.of(UUID.randomUUID()), CaseEnding.Kind.DECEASED, ON, NOW);
        refused(
                () -> e.certified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM),
                409,
                "ENDING_NOT_TERMINATION");
        e.deathNotified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM);
        assertThat(e.pullEvents()).singleElement().isInstanceOf(TerminationEvents.DeathNotified.class);
        refused(
                () -> e.deathNotified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM),
                409,
                "ALREADY_NOTIFIED");
    }

    @Test
    void aTerminationOrRevocationGetsNoNoticeOfDeath() {
        CaseEnding terminated = CaseEnding.ended(CaseId.of(UUID.randomUUID()), CaseEnding.Kind.TERMINATED, ON, NOW);
        refused(
                () -> terminated.deathNotified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM),
                409,
                "ENDING_NOT_DEATH");
        CaseEnding revoked = CaseEnding.ended(CaseId.of(UUID.randomUUID()), CaseEnding.Kind.REVOKED, ON, NOW);
        refused(
                () -> revoked.certified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM),
                409,
                "ENDING_NOT_TERMINATION");
        refused(
                () -> revoked.deathNotified(UUID.randomUUID(), UUID.randomUUID(), NOW, ActorRef.SYSTEM),
                409,
                "ENDING_NOT_DEATH");
        assertThat(revoked.notifiedAt()).isNull();
    }

    @Test
    void anEndingNeedsItsCaseKindAndDay() {
        assertThatThrownBy(() -> CaseEnding.ended(null, CaseEnding.Kind.TERMINATED, ON, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseEnding.ended(CaseId.of(UUID.randomUUID()), null, ON, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseEnding.ended(CaseId.of(UUID.randomUUID()), CaseEnding.Kind.DECEASED, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
