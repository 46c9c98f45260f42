package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The delays grow with every failure past the free ones, up to a cap; old failures are forgotten. */
class ThrottleRulesTests {

    @Test
    void aPairHasFiveFreeFailuresThenDoublingDelaysUpToFifteenMinutes() {
        assertThat(ThrottleRules.PAIR.delayAfter(4)).isZero();
        assertThat(ThrottleRules.PAIR.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ThrottleRules.PAIR.delayAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottleRules.PAIR.delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ThrottleRules.PAIR.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(ThrottleRules.PAIR.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ThrottleRules.PAIR.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theAccountLimitIsSofterAndLongerTheSourceLimitCoversSpraying() {
        assertThat(ThrottleRules.ACCOUNT.delayAfter(9)).isZero();
        assertThat(ThrottleRules.ACCOUNT.delayAfter(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottleRules.ACCOUNT.delayAfter(20)).isEqualTo(Duration.ofHours(1));
        assertThat(ThrottleRules.SOURCE.delayAfter(19)).isZero();
        assertThat(ThrottleRules.SOURCE.delayAfter(21)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottleRules.TOKEN.delayAfter(20)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ThrottleRules.TOKEN.delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void delaysNeverShrinkAsFailuresGrow() {
        for (ThrottleRules rule : ThrottleRules.values()) {
            Duration previous = Duration.ZERO;
            for (int n = 0; n < 100; n++) {
                Duration delay = rule.delayAfter(n);
                assertThat(delay).as("%s after %d", rule, n).isGreaterThanOrEqualTo(previous);
                previous = delay;
            }
        }
    }

    @Test
    void failuresAreForgottenAfterTheRulesMemory() {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        assertThat(ThrottleRules.PAIR.forgetBefore(now)).isEqualTo(now.minus(Duration.ofHours(24)));
        assertThat(ThrottleRules.TOKEN.forgetBefore(now)).isEqualTo(now.minus(Duration.ofHours(1)));
    }
}
