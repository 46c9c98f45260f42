package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Anonymous failures — wrong passwords, bad bearer tokens — as counted audit records instead of one record each, so
 * that a flood of guesses cannot flood the audit log (500 bad tokens are not 500 records). The first failure of a
 * burst (same action, source, account name and reason) is audited at once, with the request's details; the ones after
 * it are counted, and every minute a burst that went quiet, or has run for five minutes, becomes one audit record with
 * its count and first and last time. Counts live in PostgreSQL, so a restart loses none.
 */
@Component
public class FailureTally {

    static final Duration QUIET = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(FailureTally.class);

    private final ThrottleRepository repository;
    private final AuditLog audit;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FailureTally(
            ThrottleRepository repository,
            AuditLog audit,
            ClusterLock lock,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.lock = lock;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Counts a failure; audits it at once when it opens a burst. {@code subject} is the account name as typed (empty
     * for tokens and for attempts refused during a delay), {@code target} the account or token when one is known.
     */
    public void failed(String action, String source, String subject, String reason, String targetType, UUID target) {
        boolean opened = repository.tally(
                action, source, subject == null ? "" : truncate(subject, 100), reason, clock.instant());
        if (opened) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                    .outcome(AuditOutcome.FAILURE)
                    .target(targetType, target)
                    .actorName(subject == null || subject.isEmpty() ? null : subject)
                    .detail("reason", reason)
                    .detail("source", source));
        }
    }

    /** Writes the counted records of the bursts that ended, and forgets old throttle counters and browsers. */
    @Scheduled(fixedDelayString = "${tongxin.identity.failure-flush-interval:PT1M}", initialDelayString = "PT45S")
    public void flushOnSchedule() {
        lock.runExclusively("identity-failure-tally", this::flush);
    }

    /** One counted audit record per finished burst (in one transaction with taking them: none is lost or doubled). */
    public int flush() {
        Instant now = clock.instant();
        Integer written = transaction.execute(status -> {
            List<ThrottleRepository.Burst> bursts = repository.takeBursts(now.minus(QUIET), now.minus(LONGEST));
            int n = 0;
            for (ThrottleRepository.Burst b : bursts) {
                if (b.unaudited() == 0) {
                    continue;
                }
                audit.record(AuditEntry.of(AuditCategory.SECURITY, b.action())
                        .outcome(AuditOutcome.FAILURE)
                        .actorName(b.subject().isEmpty() ? null : b.subject())
                        .detail("reason", b.reason())
                        .detail("source", b.source())
                        .detail("count", b.unaudited())
                        .detail("from", b.firstUnaudited())
                        .detail("to", b.last())
                        .detail("repeated", true));
                n++;
            }
            repository.purge(now);
            repository.purgeDevices(now.minus(KnownDevices.REMEMBERED));
            return n;
        });
        if (written != null && written > 0) {
            log.info("Audited {} bursts of repeated failures as counted records", written);
        }
        return written == null ? 0 : written;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
