package org.tongxin.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.tongxin.shared.time.LegalTime;

/**
 * The application's clock in demo mode: it follows the application clock it wraps, except while the City A caseload
 * is replayed, when it runs on from the replayed moment. The replay only moves it forwards, from the first replayed
 * day to the present, so every module sees one consistent time; afterwards it is the plain application clock again.
 * Production never has this bean (see doc/adr/0011).
 */
@Component
@Primary
@ConditionalOnExpression(CityACaseload.ENABLED)
final class DemoClock extends Clock {

    private final Clock application;
    /** How far the replay sets the clock back (zero outside a replay). */
    private volatile Duration offset = Duration.ZERO;

    private volatile boolean replaying;

    DemoClock(@Qualifier("clock") Clock application) {
        this.application = application;
    }

    @Override
    public ZoneId getZone() {
        return LegalTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Duration shift = offset;
        Instant now = application.instant();
        return shift.isZero() ? now : now.plus(shift);
    }

    /** The application clock's time, whatever the replay does. */
    Instant present() {
        return application.instant();
    }

    /** Whether the clock shows a replayed moment rather than the present. */
    boolean replaying() {
        return replaying;
    }

    /**
     * Runs on from {@code moment}, which must lie in the past and not before the time shown now (a replay never goes
     * back on what it has already done).
     */
    synchronized void travelTo(Instant moment) {
        Instant present = application.instant();
        if (moment.isAfter(present)) {
            throw new IllegalArgumentException("A replay cannot go beyond the present");
        }
        if (!replaying) {
            throw new IllegalStateException("No replay started");
        }
        if (moment.isBefore(instant())) {
            throw new IllegalArgumentException("A replay only moves forwards");
        }
        offset = Duration.between(present, moment);
    }

    /** Starts a replay at {@code moment}, a time in the past. */
    synchronized void startReplayAt(Instant moment) {
        if (moment.isAfter(application.instant())) {
            throw new IllegalArgumentException("A replay starts in the past");
        }
        replaying = true;
        offset = Duration.between(application.instant(), moment);
    }

    /** Back to the present: the plain application clock. */
    synchronized void returnToPresent() {
        offset = Duration.ZERO;
        replaying = false;
    }
}
