package org.tongxin.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.shared.crypto.DataKeys;
import org.tongxin.shared.crypto.EncryptedData;
import org.tongxin.shared.crypto.EncryptedData.HashedColumn;
import org.tongxin.shared.crypto.EncryptedData.SealedColumn;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.KeyedHash;

/**
 * Seals every encrypted value and recomputes every keyed hash with the newest key of the key file and the configured
 * suite (doc/operations.md, doc/adr/0023), while the application runs: column by column, in small batches, each batch
 * its own short transaction that changes a row only if it still holds what was read (a person's edit in between wins,
 * and it was written with the newest key anyway). Where a column got to is kept in {@code platform_key_rotation}, so a
 * run that was stopped — killed, even — resumes there; every batch skips values that are already current, so running
 * it again is harmless. At the end it counts, per column, what is still not current (values an instance with an older
 * key file wrote meanwhile): those are picked up by the next run. Audit records are never rewritten: their hashes name
 * the key they were made with, and the verifier uses that key.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final String SEPARATOR = "\u001F";

    /** One column's outcome: values sealed anew now, and values still not current at the end. */
    public record Line(String target, long resealed, long remaining) {}

    public record Report(
            String suite, int keyVersion, List<Line> lines, boolean stopped, List<Integer> auditKeyVersions) {

        public long resealed() {
            return lines.stream().mapToLong(Line::resealed).sum();
        }

        public long remaining() {
            return lines.stream().mapToLong(Line::remaining).sum();
        }

        public boolean complete() {
            return !stopped && remaining() == 0;
        }
    }

    private final List<EncryptedData> declarations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final FieldCipher cipher;
    private final KeyedHash hash;
    private final DataKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;

    KeyRotation(
            List<EncryptedData> declarations,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            FieldCipher cipher,
            KeyedHash hash,
            DataKeys keys,
            AuditLog audit,
            Clock clock,
            @Value("${tongxin.keys.rotate-batch-size:200}") int batchSize,
            @Value("${tongxin.keys.rotate-pause:PT0.02S}") Duration pause) {
        this.declarations = declarations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.cipher = cipher;
        this.hash = hash;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    /** Every column the modules declare. */
    public List<SealedColumn> sealedColumns() {
        return declarations.stream().flatMap(d -> d.sealedColumns().stream()).toList();
    }

    public List<HashedColumn> hashedColumns() {
        return declarations.stream().flatMap(d -> d.hashedColumns().stream()).toList();
    }

    /** Rotates to the end. */
    public Report rotate() {
        return rotate(Integer.MAX_VALUE);
    }

    /**
     * Rotates, stopping after {@code batches} batches as if the process had been stopped there (what a kill leaves:
     * every batch before committed, nothing of the next). Package-private: for the tests.
     */
    Report rotate(int batches) {
        int version = keys.writeVersion();
        String suite = keys.suite().name();
        String runBy = runBy();
        UUID run = UUID.randomUUID();
        // Recorded before the work starts, so that a killed run shows as one that did not end (doc/operations.md).
        jdbc.sql("""
            INSERT INTO platform_key_rotation_run (id, started_at, run_by, suite, key_version, outcome)
            VALUES (:id, :now, :by, :suite, :version, 'RUNNING')\
            """)
                .param("id", run)
                .param("now", now())
                .param("by", runBy)
                .param("suite", suite)
                .param("version", version)
                .update();
        DataKeyVersions.recordFirstUse(jdbc, suite, version, now());
        log.info(
                "Key rotation to suite {} key version {} over {} columns",
                suite,
                version,
                sealedColumns().size() + hashedColumns().size());
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "keys.rotate.start")
                .detail("suite", suite)
                .detail("keyVersion", version)
                .detail("runBy", runBy)
                .detail("run", run));
        long[] sealedInRun = {0};
        try {
            Report report = rotate(batches, suite, version, run, runBy, sealedInRun);
            jdbc.sql("""
                UPDATE platform_key_rotation_run SET finished_at = :now, resealed = :resealed, remaining = :remaining, outcome = :outcome
                 WHERE id = :id\
                """)
                    .param("id", run)
                    .param("now", now())
                    .param("resealed", report.resealed())
                    .param("remaining", report.remaining())
                    .param("outcome", report.complete() ? "ROTATED" : "INCOMPLETE")
                    .update();
            return report;
        } catch (RuntimeException | Error e) {
            jdbc.sql("UPDATE platform_key_rotation_run SET finished_at = :now, resealed = :resealed, outcome ="
                            + " 'FAILED' WHERE id = :id")
                    .param("id", run)
                    .param("now", now())
                    .param("resealed", sealedInRun[0])
                    .update();
            audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "keys.rotate")
                    .detail("suite", suite)
                    .detail("keyVersion", version)
                    .detail("runBy", runBy)
                    .detail("run", run)
                    .detail("outcome", "FAILED"));
            throw e;
        }
    }

    private Report rotate(int batches, String suite, int version, UUID run, String runBy, long[] sealedInRun) {
        byte[] header = keys.currentHeader();
        int[] budget = {batches};
        List<Line> lines = new ArrayList<>();
        boolean stopped = false;
        for (SealedColumn c : sealedColumns()) {
            long done = stopped
                    ? 0
                    : run(
                            new Target(c.target(), c.table(), c.key(), c.column(), false),
                            suite,
                            version,
                            header,
                            budget,
                            sealedInRun,
                            row -> cipher.reseal(
                                    (byte[]) row.get(c.column()),
                                    c.contextColumn() == null ? c.context() : c.context() + row.get(c.contextColumn())),
                            c.contextColumn() == null ? List.of() : List.of(c.contextColumn()));
            stopped = stopped || budget[0] <= 0 && !finished(c.target());
            lines.add(new Line(c.target(), done, remaining(c.table(), c.column(), false, header)));
        }
        for (HashedColumn h : hashedColumns()) {
            long done = stopped
                    ? 0
                    : run(
                            new Target(h.target(), h.table(), h.key(), h.column(), true),
                            suite,
                            version,
                            header,
                            budget,
                            sealedInRun,
                            row -> {
                                byte[] source = (byte[]) row.get(h.source());
                                return source == null
                                        ? (byte[]) row.get(h.column())
                                        : hash.hash(
                                                h.purpose(),
                                                h.normalise().apply(cipher.decrypt(source, h.sourceContext())));
                            },
                            List.of(h.source()));
            stopped = stopped || budget[0] <= 0 && !finished(h.target());
            lines.add(new Line(h.target(), done, remaining(h.table(), h.column(), true, header)));
        }
        Report report = new Report(suite, version, lines, stopped, auditKeyVersions());
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "keys.rotate")
                .detail("suite", suite)
                .detail("keyVersion", version)
                .detail("resealed", report.resealed())
                .detail("remaining", report.remaining())
                .detail("complete", report.complete())
                .detail("runBy", runBy)
                .detail("run", run)
                .detail("outcome", report.complete() ? "ROTATED" : "INCOMPLETE"));
        log.info(
                "Key rotation to key version {}: {} values sealed anew, {} not current{}",
                version,
                report.resealed(),
                report.remaining(),
                stopped ? " (stopped before the end)" : "");
        return report;
    }

    private record Target(String name, String table, List<String> key, String column, boolean hash) {}

    /** Works through one column from where it got to; returns the values sealed anew in this run. */
    private long run(
            Target t,
            String suite,
            int version,
            byte[] header,
            int[] budget,
            long[] sealedInRun,
            Function<Map<String, Object>, byte[]> reseal,
            List<String> extra) {
        Map<String, String> types = keyTypes(t.table(), t.key());
        Optional<Progress> progress = progress(t.name());
        List<String> position;
        if (progress.isEmpty()
                || !progress.get().suite().equals(suite)
                || progress.get().keyVersion() != version) {
            jdbc.sql("""
                INSERT INTO platform_key_rotation (target, suite, key_version, position, rows_sealed, started_at, updated_at)
                VALUES (:t, :s, :v, NULL, 0, :now, :now)
                ON CONFLICT (target) DO UPDATE SET suite = excluded.suite, key_version = excluded.key_version, position = NULL,
                    rows_sealed = 0, started_at = excluded.started_at, updated_at = excluded.updated_at, finished_at = NULL\
                """)
                    .param("t", t.name())
                    .param("s", suite)
                    .param("v", version)
                    .param("now", now())
                    .update();
            position = null;
        } else if (progress.get().finishedAt() != null) {
            if (remaining(t.table(), t.column(), t.hash(), header) == 0) {
                return 0;
            }
            // Finished, but values written meanwhile with an older key: once more from the start.
            position = null;
        } else {
            position = progress.get().position() == null
                    ? null
                    : List.of(progress.get().position().split(SEPARATOR, -1));
        }
        long done = 0;
        while (true) {
            if (budget[0] <= 0) {
                return done;
            }
            List<Map<String, Object>> rows = batch(t, types, header, position, extra);
            if (rows.isEmpty()) {
                jdbc.sql("UPDATE platform_key_rotation SET position = NULL, finished_at = :now, updated_at ="
                                + " :now WHERE target = :t")
                        .param("t", t.name())
                        .param("now", now())
                        .update();
                return done;
            }
            List<String> last = t.key().stream()
                    .map(k -> String.valueOf(rows.get(rows.size() - 1).get(k)))
                    .toList();
            Integer sealed = transaction.execute(status -> {
                int n = 0;
                for (Map<String, Object> row : rows) {
                    byte[] old = (byte[]) row.get(t.column());
                    byte[] fresh = reseal.apply(row);
                    if (fresh != old) {
                        n += update(t, types, row, old, fresh);
                    }
                }
                jdbc.sql("""
                    UPDATE platform_key_rotation SET position = :p, rows_sealed = rows_sealed + :n, updated_at = :now
                     WHERE target = :t\
                    """)
                        .param("p", String.join(SEPARATOR, last))
                        .param("n", n)
                        .param("now", now())
                        .param("t", t.name())
                        .update();
                return n;
            });
            done += sealed == null ? 0 : sealed;
            sealedInRun[0] += sealed == null ? 0 : sealed;
            position = last;
            budget[0]--;
            pause();
        }
    }

    private List<Map<String, Object>> batch(
            Target t, Map<String, String> types, byte[] header, List<String> position, List<String> extra) {
        String keyList = String.join(", ", t.key());
        StringBuilder sql =
                new StringBuilder("SELECT ").append(keyList).append(", ").append(t.column());
        extra.stream()
                .filter(e -> !t.key().contains(e))
                .forEach(e -> sql.append(", ").append(e));
        sql.append(" FROM ")
                .append(t.table())
                .append(" WHERE ")
                .append(t.column())
                .append(" IS NOT NULL AND ")
                .append(notCurrent(t.column(), t.hash()));
        Map<String, Object> params = new HashMap<>();
        params.put("header", header);
        if (position != null) {
            sql.append(" AND (").append(keyList).append(") > (");
            for (int i = 0; i < t.key().size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("CAST(:p")
                        .append(i)
                        .append(" AS ")
                        .append(types.get(t.key().get(i)))
                        .append(")");
                params.put("p" + i, position.get(i));
            }
            sql.append(")");
        }
        sql.append(" ORDER BY ").append(keyList).append(" LIMIT ").append(batchSize);
        return jdbc.sql(sql.toString()).params(params).query().listOfRows();
    }

    private int update(Target t, Map<String, String> types, Map<String, Object> row, byte[] old, byte[] fresh) {
        StringBuilder sql = new StringBuilder("UPDATE ")
                .append(t.table())
                .append(" SET ")
                .append(t.column())
                .append(" = :fresh WHERE ")
                .append(t.column())
                .append(" = :old");
        Map<String, Object> params = new HashMap<>();
        params.put("fresh", fresh);
        params.put("old", old);
        for (int i = 0; i < t.key().size(); i++) {
            String k = t.key().get(i);
            sql.append(" AND ")
                    .append(k)
                    .append(" = CAST(:k")
                    .append(i)
                    .append(" AS ")
                    .append(types.get(k))
                    .append(")");
            params.put("k" + i, String.valueOf(row.get(k)));
        }
        return jdbc.sql(sql.toString()).params(params).update();
    }

    private static String notCurrent(String column, boolean hash) {
        return hash
                ? "(length(" + column + ") <> 35 OR substring(" + column + " from 1 for 3) <> :header)"
                : "substring(" + column + " from 1 for 3) <> :header";
    }

    private long remaining(String table, String column, boolean hash, byte[] header) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " IS NOT NULL AND "
                        + notCurrent(column, hash))
                .param("header", header)
                .query(Long.class)
                .single();
    }

    private Map<String, String> keyTypes(String table, List<String> key) {
        Map<String, String> types = new HashMap<>();
        jdbc.sql("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
             WHERE a.attrelid = CAST(:t AS regclass) AND a.attname IN (:k) AND NOT a.attisdropped\
            """).param("t", table).param("k", key).query(rs -> {
            types.put(rs.getString(1), rs.getString(2));
        });
        if (!types.keySet().containsAll(key)) {
            throw new IllegalStateException("Key rotation: " + table + " has no column among " + key);
        }
        return types;
    }

    private record Progress(String suite, int keyVersion, String position, Instant finishedAt) {}

    private Optional<Progress> progress(String target) {
        return jdbc.sql("SELECT suite, key_version, position, finished_at FROM platform_key_rotation WHERE target = :t")
                .param("t", target)
                .query((rs, n) -> new Progress(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private boolean finished(String target) {
        return progress(target).map(p -> p.finishedAt() != null).orElse(false);
    }

    /** Key versions the audit log's hashes name: they must stay in the key file for the verifier. */
    private List<Integer> auditKeyVersions() {
        return jdbc.sql("""
            SELECT DISTINCT CASE WHEN length(h) = 35 THEN get_byte(h, 1) * 256 + get_byte(h, 2) ELSE 1 END
              FROM (SELECT row_hash AS h FROM audit_record UNION ALL SELECT seal_hash FROM audit_seal) hashes ORDER BY 1\
            """).query(Integer.class).list();
    }

    /**
     * Who ran it: nobody logs in to run the command, so the operating-system account and the host it ran on (what an
     * operator's change record names).
     */
    static String runBy() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "unknown host";
            }
        }
        String by = System.getProperty("user.name", "unknown") + "@" + host;
        return by.length() > 200 ? by.substring(0, 200) : by;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private void pause() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
