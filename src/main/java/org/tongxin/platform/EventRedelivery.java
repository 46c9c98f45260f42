package org.tongxin.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Delivers again the events whose listener did not complete (the process died, a listener failed): every minute,
 * those older than {@code tongxin.events.redeliver-after}, on one instance at a time (STYLE.md 6). Listeners are
 * idempotent, so a second delivery changes nothing.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications publications;
    private final ClusterLock lock;
    private final Duration age;

    EventRedelivery(IncompleteEventPublications publications, ClusterLock lock,
            @Value("${tongxin.events.redeliver-after:PT2M}") Duration age) {
        this.publications = publications;
        this.lock = lock;
        this.age = age;
    }

    @Scheduled(fixedDelayString = "${tongxin.events.redeliver-interval:PT1M}", initialDelayString = "PT30S")
    void redeliver() {
        lock.runExclusively("event-redelivery", () -> publications.resubmitIncompletePublicationsOlderThan(age));
    }
}
