package org.tongxin.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Delivers again the events whose listener did not complete (the process died, a listener failed): every minute,
 * those older than {@code tongxin.events.redeliver-after}, on one instance at a time (STYLE.md 6). Listeners are
 * idempotent, so a second delivery changes nothing. Nightly, completed publications older than
 * {@code tongxin.events.keep-completed} are removed.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications publications;
    private final CompletedEventPublications completed;
    private final ClusterLock lock;
    private final Duration age;
    private final Duration keepCompleted;

    EventRedelivery(IncompleteEventPublications publications, CompletedEventPublications completed, ClusterLock lock,
            @Value("${tongxin.events.redeliver-after:PT2M}") Duration age,
            @Value("${tongxin.events.keep-completed:P7D}") Duration keepCompleted) {
        this.publications = publications;
        this.completed = completed;
        this.lock = lock;
        this.age = age;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${tongxin.events.redeliver-interval:PT1M}", initialDelayString = "PT30S")
    void redeliver() {
        lock.runExclusively("event-redelivery", () -> publications.resubmitIncompletePublicationsOlderThan(age));
    }

    /** Completed publications are kept a week for diagnosis, then removed so the registry stays small. */
    @Scheduled(cron = "${tongxin.events.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        lock.runExclusively("event-purge", () -> completed.deletePublicationsOlderThan(keepCompleted));
    }
}
