package org.tongxin.shared.jdbc;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cross-module reactions run after a change commits, from the event publication registry. A page that has just
 * changed a case shows the obligations that follow from it only when those reactions have run: after a command, the
 * page waits here (briefly, bounded) until no publication is in flight. If the reactions take longer the page shows
 * what is there; they still happen, and the registry delivers again whatever failed.
 */
@Component
public class EventQuiescence {

    private static final Duration POLL = Duration.ofMillis(25);

    private final JdbcClient jdbc;
    private final Duration settleLimit;

    EventQuiescence(JdbcClient jdbc, @Value("${tongxin.api.settle-timeout:PT2S}") Duration settleLimit) {
        this.jdbc = jdbc;
        this.settleLimit = settleLimit;
    }

    /**
     * After a person's command (a page or an API call): waits the configured short bound
     * ({@code tongxin.api.settle-timeout}, 2 s by default) so that a reader right after it sees the reactions.
     */
    public boolean settle() {
        return await(settleLimit);
    }

    /** Waits up to {@code limit} for the reactions in flight to complete; returns whether they did. */
    public boolean await(Duration limit) {
        // Elapsed time, not the clock of the law: measured with the monotonic timer.
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            if (inFlight() == 0) {
                return true;
            }
            if (System.nanoTime() - end > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Publications not yet completed that a listener is still expected to finish (failed ones wait for redelivery). */
    public long inFlight() {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                 WHERE completion_date IS NULL AND (status IS NULL OR status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))""").query(Long.class).single();
    }
}
