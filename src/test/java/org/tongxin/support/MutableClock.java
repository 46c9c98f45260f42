package org.tongxin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.tongxin.shared.time.LegalTime;

/** A clock tests can move (never sleep): follows the system clock until set, then stays where it was put. */
public final class MutableClock extends Clock {

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return LegalTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant base = fixed != null ? fixed : Instant.now();
        return base.plus(offset);
    }

    /** Moves time forward (or back) by {@code amount}, keeping it running. */
    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    public void setInstant(Instant instant) {
        fixed = instant;
        offset = Duration.ZERO;
    }

    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }
}
