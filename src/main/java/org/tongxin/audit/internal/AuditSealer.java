package org.tongxin.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Every few seconds, seals the records of all transactions that have finished since the last seal: one seal row
 * with the batch's hash chained to the previous seal. It never updates a record and takes no lock writers wait on;
 * on several instances only one seals at a time (cluster lock).
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;
    private final AuditHashing hashing;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AuditSealer(
            JdbcClient jdbc,
            AuditHashing hashing,
            ClusterLock lock,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.hashing = hashing;
        this.lock = lock;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tongxin.audit.seal-interval:5s}",
            initialDelayString = "${tongxin.audit.seal-interval:5s}")
    void scheduled() {
        lock.runExclusively("audit-sealer", this::sealNow);
    }

    /** Seals what can be sealed now; returns the number of records sealed. */
    public int sealNow() {
        Integer sealed = transaction.execute(status -> {
            long horizon = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .query(Long.class)
                    .single();
            Optional<LastSeal> last = jdbc.sql("SELECT txid_to, seal_hash FROM audit_seal ORDER BY id DESC LIMIT 1")
                    .query((rs, n) -> new LastSeal(rs.getLong(1), rs.getBytes(2)))
                    .optional();
            long from = last.map(LastSeal::txidTo).orElse(0L);
            if (horizon <= from) {
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            jdbc.sql("SELECT id, row_hash FROM audit_record WHERE txid >= :from AND txid < :to ORDER BY id")
                    .param("from", from)
                    .param("to", horizon)
                    .query(rs -> {
                        ids.add(rs.getLong(1));
                        hashes.add(rs.getBytes(2));
                    });
            if (ids.isEmpty()) {
                return 0;
            }
            byte[] previous = last.map(LastSeal::hash).orElse(null);
            byte[] batch = hashing.batchHash(ids, hashes);
            byte[] seal = hashing.sealHash(previous, from, horizon, ids.size(), batch);
            jdbc.sql("""
                INSERT INTO audit_seal (sealed_at, txid_from, txid_to, record_count, record_ids, batch_hash, previous_hash, seal_hash)
                VALUES (:at, :from, :to, :count, :ids, :batch, :previous, :seal)\
                """)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("from", from)
                    .param("to", horizon)
                    .param("count", ids.size())
                    .param("ids", ids.toArray(Long[]::new))
                    .param("batch", batch)
                    .param("previous", previous)
                    .param("seal", seal)
                    .update();
            log.info(
                    "Audit seal over {} records, hash {}",
                    ids.size(),
                    HexFormat.of().formatHex(seal));
            return ids.size();
        });
        return sealed == null ? 0 : sealed;
    }

    private record LastSeal(long txidTo, byte[] hash) {}
}
