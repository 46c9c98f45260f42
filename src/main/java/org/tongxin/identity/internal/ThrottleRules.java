package org.tongxin.identity.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * How long guessing waits (OWASP ASVS 4.0.3 §2.2.1; doc/adr/0017-throttling-instead-of-lockout.md): each counter allows
 * a few free failures, then every further failure doubles the delay before the next attempt under the same key is even
 * checked, up to a cap. A counter is forgotten once {@code memory} passes without a failure. Plain values, no Spring.
 */
public enum ThrottleRules {

    /** One account from one source (a client address, or a browser the account logged in from before). */
    PAIR(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24)),
    /** One client address, whatever the account (spraying one password over many accounts). */
    SOURCE(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24)),
    /**
     * One account, whatever the source (many addresses guessing one account). Softer than a lockout: a browser the
     * account completed a login in before is not held by it, so an attacker cannot keep the real user out.
     */
    ACCOUNT(10, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24)),
    /** One client address presenting bad bearer tokens. */
    TOKEN(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    private final int free;
    private final Duration base;
    private final Duration cap;
    private final Duration memory;

    ThrottleRules(int free, Duration base, Duration cap, Duration memory) {
        this.free = free;
        this.base = base;
        this.cap = cap;
        this.memory = memory;
    }

    /** The wait after the {@code failures}-th counted failure: none while failures are free, then doubling to the cap. */
    public Duration delayAfter(int failures) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        if (doublings >= 30) {
            return cap;
        }
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Failures older than this (counted from the last one) are forgotten. */
    public Instant forgetBefore(Instant now) {
        return now.minus(memory);
    }

    public int free() {
        return free;
    }

    public Duration memory() {
        return memory;
    }
}
