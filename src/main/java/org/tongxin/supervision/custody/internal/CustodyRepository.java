package org.tongxin.supervision.custody.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.requireUpdated;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.exchange.HandoverId;

/** SQL of custody records; row-level security limits rows to the case's parties. */
@Repository
public class CustodyRepository {

    private final JdbcClient jdbc;

    CustodyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CustodyRecord r) {
        jdbc.sql("""
            INSERT INTO supervision_custody (id, case_id, kind, detaining_organ_id, detained_at, recorded_at, version)
            VALUES (:id, :case, :kind, :organ, :detained, :recorded, 0)\
            """)
                .param("id", r.id)
                .param("case", r.caseId.value())
                .param("kind", r.kind.name())
                .param("organ", r.detainingOrganId.value())
                .param("detained", ts(r.detainedAt))
                .param("recorded", ts(r.recordedAt))
                .update();
    }

    public void update(CustodyRecord r) {
        int n = jdbc.sql("""
            UPDATE supervision_custody SET notice_handover_id = :handover, noticed_at = :noticed, released_at = :released,
                version = version + 1 WHERE id = :id AND version = :version\
            """)
                .param("handover", r.noticeHandoverId == null ? null : r.noticeHandoverId.value())
                .param("noticed", ts(r.noticedAt))
                .param("released", ts(r.releasedAt))
                .param("id", r.id)
                .param("version", r.version)
                .update();
        requireUpdated(n);
        r.version++;
    }

    public Optional<CustodyRecord> find(UUID id) {
        return jdbc.sql("SELECT * FROM supervision_custody WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> record(rs))
                .optional();
    }

    public List<CustodyRecord> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_custody WHERE case_id = :c ORDER BY detained_at DESC")
                .param("c", caseId.value())
                .query((rs, n) -> record(rs))
                .list();
    }

    private static CustodyRecord record(ResultSet rs) throws SQLException {
        UUID handover = rs.getObject("notice_handover_id", UUID.class);
        return new CustodyRecord(
                rs.getObject("id", UUID.class),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                CustodyKind.valueOf(rs.getString("kind")),
                AgencyId.of(rs.getObject("detaining_organ_id", UUID.class)),
                instant(rs, "detained_at"),
                instant(rs, "recorded_at"),
                handover == null ? null : HandoverId.of(handover),
                instant(rs, "noticed_at"),
                instant(rs, "released_at"),
                rs.getInt("version"));
    }
}
