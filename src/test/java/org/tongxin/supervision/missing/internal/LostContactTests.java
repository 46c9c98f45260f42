package org.tongxin.supervision.missing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.missing.LostContactEvents.ContactLost;
import org.tongxin.supervision.missing.LostContactEvents.ContactRestored;
import org.tongxin.supervision.missing.LostContactEvents.StillMissingAfterOneMonth;

/** Every transition and refusal of a loss of contact (CCL art. 30), without Spring. */
class LostContactTests {

    static final ActorRef OFFICER = new ActorRef(UUID.randomUUID(), "officer", UUID.randomUUID());
    static final Instant LOST =
            ZonedDateTime.of(2026, 1, 31, 20, 0, 0, 0, LegalTime.ZONE).toInstant();
    static final Instant NOW = LOST.plusSeconds(3600);

    static LostContact searching() {
        LostContact c = LostContact.report(CaseId.of(UUID.randomUUID()), LOST, "电话关机，住处无人", NOW, OFFICER);
        assertThat(c.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ContactLost.class, e -> assertThat(e.toString()).doesNotContain("电话关机"));
        return c;
    }

    @Test
    void aReportNeedsAPastTimeAndTheCircumstances() {
        assertThatThrownBy(
                        () -> LostContact.report(CaseId.of(UUID.randomUUID()), NOW.plusSeconds(60), " ", NOW, OFFICER))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactlyInAnyOrder(
                                        tuple("lostSince", "past"), tuple("circumstances", "required")));
        assertThat(searching().state()).isEqualTo(LostContact.State.SEARCHING);
    }

    @Test
    void foundEndsTheSearchOnceAndNotBeforeTheLoss() {
        LostContact c = searching();
        assertThatThrownBy(() -> c.found(LOST.minusSeconds(1), "在外地务工", NOW, OFFICER))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::code)
                                .containsExactly("beforeLoss"));
        assertThat(c.state()).isEqualTo(LostContact.State.SEARCHING);
        c.found(NOW, "在外地务工，已责令返回", NOW, OFFICER);
        assertThat(c.state()).isEqualTo(LostContact.State.FOUND);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(ContactRestored.class);
        assertThatThrownBy(() -> c.found(NOW, "again", NOW, OFFICER))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("LOST_CONTACT_NOT_SEARCHING"));
        assertThat(c.checkMonth(NOW.plusSeconds(40L * 86_400)))
                .as("found: no revocation ground")
                .isFalse();
    }

    @Test
    void stillMissingAMonthOnIsAnnouncedOnceFromTheSameDayOfTheNextMonth() {
        LostContact c = searching();
        assertThat(c.monthElapsesAt())
                .isEqualTo(ZonedDateTime.of(2026, 2, 28, 20, 0, 0, 0, LegalTime.ZONE)
                        .toInstant());
        assertThat(c.checkMonth(c.monthElapsesAt().minusSeconds(1))).isFalse();
        assertThat(c.checkMonth(c.monthElapsesAt())).isTrue();
        assertThat(c.pullEvents()).singleElement().isInstanceOf(StillMissingAfterOneMonth.class);
        assertThat(c.checkMonth(c.monthElapsesAt().plusSeconds(86_400)))
                .as("once")
                .isFalse();
        assertThat(c.pullEvents()).isEmpty();
    }
}
