package org.tongxin.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Delivers again the events whose listener did not complete (the process died, a listener failed): every minute,
 * those older than {@code tongxin.events.redeliver-after}, on one instance at a time (doc/style.md 6). Listeners are
 * idempotent, so a second delivery changes nothing. Nightly, completed publications older than
 * {@code tongxin.events.keep-completed} are removed.
 *
 * <p>The registry claims a publication for redelivery by marking it RESUBMITTED and never claims a RESUBMITTED one
 * again, so that two rounds do not deliver it twice at once. A process that dies during a redelivery leaves its
 * publications RESUBMITTED for ever: each round therefore first hands back, as FAILED, those whose redelivery began
 * longer than {@code redeliver-after} ago and still has not completed. Recovery never depends on where a crash fell.
 */
@Component
public class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications publications;
    private final CompletedEventPublications completed;
    private final ClusterLock lock;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration age;
    private final Duration keepCompleted;

    EventRedelivery(
            IncompleteEventPublications publications,
            CompletedEventPublications completed,
            ClusterLock lock,
            JdbcClient jdbc,
            Clock clock,
            @Value("${tongxin.events.redeliver-after:PT2M}") Duration age,
            @Value("${tongxin.events.keep-completed:P7D}") Duration keepCompleted) {
        this.publications = publications;
        this.completed = completed;
        this.lock = lock;
        this.jdbc = jdbc;
        this.clock = clock;
        this.age = age;
        this.keepCompleted = keepCompleted;
    }

    /** One round of redelivery; false when another instance is doing it. Scheduled, and callable by tests. */
    @Scheduled(
            fixedDelayString = "${tongxin.events.redeliver-interval:PT1M}",
            initialDelayString = "${tongxin.events.redeliver-initial-delay:PT30S}")
    public boolean redeliver() {
        return lock.runExclusively("event-redelivery", () -> {
            int released = releaseAbandonedRedeliveries();
            if (released > 0) {
                log.warn(
                        "{} event publications whose redelivery never completed (the process died?) are delivered"
                                + " again",
                        released);
            }
            publications.resubmitIncompletePublicationsOlderThan(age);
        });
    }

    /** Redeliveries begun longer than {@code redeliver-after} ago that never completed become FAILED, to be claimed again. */
    int releaseAbandonedRedeliveries() {
        return jdbc.sql("""
            UPDATE event_publication SET status = 'FAILED'
             WHERE completion_date IS NULL AND status = 'RESUBMITTED'
               AND coalesce(last_resubmission_date, publication_date) < :cutoff\
            """)
                .param("cutoff", Timestamp.from(clock.instant().minus(age)))
                .update();
    }

    /** Completed publications are kept a week for diagnosis, then removed so the registry stays small. */
    @Scheduled(cron = "${tongxin.events.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        lock.runExclusively("event-purge", () -> completed.deletePublicationsOlderThan(keepCompleted));
    }
}
