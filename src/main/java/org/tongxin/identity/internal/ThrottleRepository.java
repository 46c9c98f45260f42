package org.tongxin.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the throttle's counters, the known browsers and the counted failures (all in PostgreSQL: every instance shares them). */
@Repository
class ThrottleRepository {

    private final JdbcClient jdbc;

    ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(ThrottleRules scope, String key) {}

    /** The latest time until which any of these keys refuses attempts, if one does now. */
    Optional<Instant> blockedUntil(Collection<Key> keys, Instant now) {
        Instant latest = null;
        for (Key k : keys) {
            Optional<Timestamp> until = jdbc.sql("""
                SELECT blocked_until FROM identity_throttle
                 WHERE scope = :scope AND key = :key AND blocked_until > :now\
                """)
                    .param("scope", k.scope().name())
                    .param("key", k.key())
                    .param("now", Timestamp.from(now))
                    .query(Timestamp.class)
                    .optional();
            if (until.isPresent() && (latest == null || until.get().toInstant().isAfter(latest))) {
                latest = until.get().toInstant();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Counts a failure atomically (forgetting an old run) and sets the delay its count calls for; returns the count. */
    int failed(Key k, Instant now) {
        int failures = jdbc.sql("""
            INSERT INTO identity_throttle (scope, key, failures, last_failure_at) VALUES (:scope, :key, 1, :now)
            ON CONFLICT (scope, key) DO UPDATE SET
                failures = CASE WHEN identity_throttle.last_failure_at < :forget THEN 1 ELSE identity_throttle.failures + 1 END,
                last_failure_at = :now
            RETURNING failures\
            """)
                .param("scope", k.scope().name())
                .param("key", k.key())
                .param("now", Timestamp.from(now))
                .param("forget", Timestamp.from(k.scope().forgetBefore(now)))
                .query(Integer.class)
                .single();
        java.time.Duration delay = k.scope().delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("UPDATE identity_throttle SET blocked_until = :until WHERE scope = :scope AND key = :key")
                    .param("scope", k.scope().name())
                    .param("key", k.key())
                    .param("until", Timestamp.from(now.plus(delay)))
                    .update();
        }
        return failures;
    }

    void clear(Key k) {
        jdbc.sql("DELETE FROM identity_throttle WHERE scope = :scope AND key = :key")
                .param("scope", k.scope().name())
                .param("key", k.key())
                .update();
    }

    /** Forgets every pair of an account (all its sources). */
    void clearPairsOf(String username) {
        jdbc.sql("DELETE FROM identity_throttle WHERE scope = 'PAIR' AND key LIKE :prefix ESCAPE '\\'")
                .param(
                        "prefix",
                        username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%")
                .update();
    }

    /** Drops counters nobody has failed under for longer than their memory. */
    int purge(Instant now) {
        int purged = 0;
        for (ThrottleRules scope : ThrottleRules.values()) {
            purged += jdbc.sql("DELETE FROM identity_throttle WHERE scope = :scope AND last_failure_at < :forget")
                    .param("scope", scope.name())
                    .param("forget", Timestamp.from(scope.forgetBefore(now)))
                    .update();
        }
        return purged;
    }

    // Known browsers

    boolean knownDevice(UUID userId, byte[] hash, Instant since) {
        return jdbc.sql("""
            SELECT count(*) FROM identity_known_device WHERE user_id = :user AND device_hash = :hash AND last_seen_at >= :since\
            """)
                        .param("user", userId)
                        .param("hash", hash)
                        .param("since", Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void rememberDevice(UUID userId, byte[] hash, Instant now) {
        jdbc.sql("""
            INSERT INTO identity_known_device (user_id, device_hash, first_seen_at, last_seen_at) VALUES (:user, :hash, :now, :now)
            ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = :now\
            """)
                .param("user", userId)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update();
    }

    void forgetDevices(UUID userId) {
        jdbc.sql("DELETE FROM identity_known_device WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    int purgeDevices(Instant before) {
        return jdbc.sql("DELETE FROM identity_known_device WHERE last_seen_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    // Counted failures

    /** Counts a failure under its burst; true when it opened a new burst (and so is to be audited at once). */
    boolean tally(String action, String source, String subject, String reason, Instant now) {
        return jdbc.sql("""
            INSERT INTO identity_failure_tally (action, source, subject, reason, opened_at, unaudited, last_at)
            VALUES (:action, :source, :subject, :reason, :now, 0, :now)
            ON CONFLICT (action, source, subject, reason) DO UPDATE SET
                unaudited = identity_failure_tally.unaudited + 1,
                first_unaudited_at = COALESCE(identity_failure_tally.first_unaudited_at, :now),
                last_at = :now
            RETURNING (xmax = 0)\
            """)
                .param("action", action)
                .param("source", source)
                .param("subject", subject)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    record Burst(
            String action,
            String source,
            String subject,
            String reason,
            int unaudited,
            Instant firstUnaudited,
            Instant last) {}

    /** Takes the bursts that ended (quiet since {@code quietSince}) or ran long enough (opened before {@code openedBefore}). */
    List<Burst> takeBursts(Instant quietSince, Instant openedBefore) {
        return jdbc.sql("""
            DELETE FROM identity_failure_tally WHERE last_at < :quiet OR opened_at < :opened
            RETURNING action, source, subject, reason, unaudited, first_unaudited_at, last_at\
            """)
                .param("quiet", Timestamp.from(quietSince))
                .param("opened", Timestamp.from(openedBefore))
                .query((rs, n) -> new Burst(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
