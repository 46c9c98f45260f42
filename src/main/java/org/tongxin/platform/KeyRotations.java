package org.tongxin.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.crypto.DataKeys;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * What the system and security administrators know of the data key: the runs of the key rotation (who ran it, when, how
 * many values it sealed anew, how it ended) and the age of the key new values are written with, against the longest
 * period the operations guide allows between rotations ({@code tongxin.keys.max-age}, 365 days unless configured;
 * doc/operations.md). Reads only: the rotation command and the start-up write these records.
 */
@Component
public class KeyRotations {

    /** How a run ended. */
    public enum Outcome {
        /** Not ended: still running, or the process was stopped or killed. */
        RUNNING,
        /** Every value and hash is under the key. */
        ROTATED,
        /** Values remain (written meanwhile, or the run was stopped): run it again. */
        INCOMPLETE,
        /** An error stopped it. */
        FAILED
    }

    /** One run of the rotation command. */
    public record Run(
            UUID id,
            Instant startedAt,
            Instant finishedAt,
            String runBy,
            String suite,
            int keyVersion,
            Long resealed,
            Long remaining,
            Outcome outcome) {}

    /**
     * The key new values are written with: its suite and version, since when Tongxin writes with it ({@code null} when not
     * recorded yet), its age in whole days, the longest age allowed, and the last run that made everything current under it.
     */
    public record KeyState(
            String suite, int keyVersion, Instant inUseSince, Long ageDays, long maxAgeDays, Run lastCompleteRun) {

        /** Older than the operations guide allows: rotate to a new key. */
        public boolean tooOld() {
            return ageDays != null && ageDays > maxAgeDays;
        }

        /** No run has yet made every value current under this key (the key was added, the rotation not run or not finished). */
        public boolean rotationPending() {
            return lastCompleteRun == null;
        }
    }

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final Clock clock;
    private final Duration maxAge;

    KeyRotations(JdbcClient jdbc, DataKeys keys, Clock clock, @Value("${tongxin.keys.max-age:P365D}") Duration maxAge) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The latest run, if the key was ever rotated. */
    @Transactional(readOnly = true)
    public Optional<Run> last() {
        return jdbc.sql("SELECT * FROM platform_key_rotation_run ORDER BY started_at DESC, id LIMIT 1")
                .query(KeyRotations::run)
                .optional();
    }

    /** The runs, newest first. */
    @Transactional(readOnly = true)
    public PageResult<Run> runs(PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM platform_key_rotation_run")
                .query(Long.class)
                .single();
        List<Run> items = jdbc.sql(
                        "SELECT * FROM platform_key_rotation_run ORDER BY started_at DESC, id LIMIT :limit OFFSET"
                                + " :offset")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(KeyRotations::run)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The key in use now, its age and whether it is due for rotation. */
    @Transactional(readOnly = true)
    public KeyState key() {
        String suite = keys.suite().name();
        int version = keys.writeVersion();
        Instant since = jdbc.sql(
                        "SELECT first_used_at FROM platform_data_key_version WHERE suite = :s AND key_version = :v")
                .param("s", suite)
                .param("v", version)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
        Run complete = jdbc.sql("""
            SELECT * FROM platform_key_rotation_run WHERE suite = :s AND key_version = :v AND outcome = 'ROTATED'
             ORDER BY finished_at DESC LIMIT 1\
            """)
                .param("s", suite)
                .param("v", version)
                .query(KeyRotations::run)
                .optional()
                .orElse(null);
        Long age =
                since == null ? null : Duration.between(since, clock.instant()).toDays();
        return new KeyState(suite, version, since, age == null ? null : Math.max(0, age), maxAge.toDays(), complete);
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("run_by"),
                rs.getString("suite"),
                rs.getInt("key_version"),
                (Long) rs.getObject("resealed"),
                (Long) rs.getObject("remaining"),
                Outcome.valueOf(rs.getString("outcome")));
    }
}
