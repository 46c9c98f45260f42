package org.tongxin.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditVerification;
import org.tongxin.audit.AuditVerification.Kind;
import org.tongxin.audit.AuditVerification.Problem;

/**
 * Re-computes every record's keyed hash and every seal, and reports records changed, missing or unexpected and
 * seals broken or missing. Works seal by seal, so memory stays bounded however long the log is.
 */
@Component
public class AuditVerifier {

    private final JdbcClient jdbc;
    private final AuditHashing hashing;
    private final Clock clock;

    AuditVerifier(JdbcClient jdbc, AuditHashing hashing, Clock clock) {
        this.jdbc = jdbc;
        this.hashing = hashing;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        List<Problem> problems = new ArrayList<>();
        List<Seal> seals = jdbc.sql("SELECT * FROM audit_seal ORDER BY id")
                .query((rs, n) -> new Seal(
                        rs.getLong("id"),
                        rs.getLong("txid_from"),
                        rs.getLong("txid_to"),
                        rs.getInt("record_count"),
                        AuditStore.longs(rs.getArray("record_ids")),
                        rs.getBytes("batch_hash"),
                        rs.getBytes("previous_hash"),
                        rs.getBytes("seal_hash")))
                .list();
        long records = 0;
        Seal previous = null;
        for (Seal seal : seals) {
            long expectedFrom = previous == null ? 0 : previous.txidTo();
            if (seal.txidFrom() != expectedFrom) {
                problems.add(new Problem(Kind.SEAL_GAP, null, seal.id()));
            }
            byte[] expectedPrevious = previous == null ? null : previous.sealHash();
            boolean linkOk = Arrays.equals(expectedPrevious, seal.previousHash());
            boolean selfOk = hashing.sealMatches(
                    seal.sealHash(),
                    seal.previousHash(),
                    seal.txidFrom(),
                    seal.txidTo(),
                    seal.count(),
                    seal.batchHash());
            if (!linkOk || !selfOk || seal.count() != seal.recordIds().size()) {
                problems.add(new Problem(Kind.SEAL_BROKEN, null, seal.id()));
            }
            List<StoredRecord> rows = jdbc.sql(
                            "SELECT * FROM audit_record WHERE txid >= :from AND txid < :to ORDER BY id")
                    .param("from", seal.txidFrom())
                    .param("to", seal.txidTo())
                    .query(AuditStore::map)
                    .list();
            records += rows.size();
            Set<Long> present = new HashSet<>();
            for (StoredRecord row : rows) {
                present.add(row.id());
                if (!hashing.recordMatches(row)) {
                    problems.add(new Problem(Kind.RECORD_CHANGED, row.id(), seal.id()));
                }
                if (!seal.recordIds().contains(row.id())) {
                    problems.add(new Problem(Kind.RECORD_UNEXPECTED, row.id(), seal.id()));
                }
            }
            for (Long id : seal.recordIds()) {
                if (!present.contains(id)) {
                    problems.add(new Problem(Kind.RECORD_MISSING, id, seal.id()));
                }
            }
            boolean sameIds = present.size() == seal.recordIds().size() && present.containsAll(seal.recordIds());
            if (sameIds
                    && !hashing.batchMatches(
                            seal.batchHash(),
                            rows.stream().map(StoredRecord::id).toList(),
                            rows.stream().map(StoredRecord::rowHash).toList())) {
                problems.add(new Problem(Kind.SEAL_BROKEN, null, seal.id()));
            }
            previous = seal;
        }
        long tailFrom = previous == null ? 0 : previous.txidTo();
        List<StoredRecord> tail = jdbc.sql("SELECT * FROM audit_record WHERE txid >= :from ORDER BY id")
                .param("from", tailFrom)
                .query(AuditStore::map)
                .list();
        for (StoredRecord row : tail) {
            if (!hashing.recordMatches(row)) {
                problems.add(new Problem(Kind.RECORD_CHANGED, row.id(), null));
            }
        }
        return new AuditVerification(
                clock.instant(),
                seals.size(),
                records + tail.size(),
                tail.size(),
                previous == null ? null : previous.id(),
                previous == null ? null : HexFormat.of().formatHex(previous.sealHash()),
                List.copyOf(problems));
    }

    private record Seal(
            long id,
            long txidFrom,
            long txidTo,
            int count,
            List<Long> recordIds,
            byte[] batchHash,
            byte[] previousHash,
            byte[] sealHash) {}
}
