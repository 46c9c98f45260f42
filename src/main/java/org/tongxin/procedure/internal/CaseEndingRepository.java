package org.tongxin.procedure.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.casefile.CaseId;

/** The endings of cases (table procedure_case_ending, V202). */
@Repository
public class CaseEndingRepository {

    private final JdbcClient jdbc;

    CaseEndingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseEnding> find(CaseId caseId) {
        return jdbc.sql("""
            SELECT case_id, kind, ended_on, certificate_document_id, notice_handover_id, notified_at, created_at, version
              FROM procedure_case_ending WHERE case_id = :c\
            """)
                .param("c", caseId.value())
                .query((rs, n) -> new CaseEnding(
                        CaseId.of(rs.getObject(1, UUID.class)),
                        CaseEnding.Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8)))
                .optional();
    }

    /** Records an ending once (a redelivered event finds it there). */
    public void insertIfAbsent(CaseEnding e) {
        jdbc.sql("""
            INSERT INTO procedure_case_ending (case_id, kind, ended_on, created_at)
            SELECT :c, :kind, :on, :at WHERE NOT EXISTS (SELECT 1 FROM procedure_case_ending WHERE case_id = :c)\
            """)
                .param("c", e.caseId.value())
                .param("kind", e.kind.name())
                .param("on", e.endedOn)
                .param("at", Timestamp.from(e.createdAt))
                .update();
    }

    /** Saves the notice against the version read; false when someone else saved first. */
    public boolean update(CaseEnding e) {
        int n = jdbc.sql("""
            UPDATE procedure_case_ending SET certificate_document_id = :doc, notice_handover_id = :h, notified_at = :at,
                   version = version + 1 WHERE case_id = :c AND version = :v\
            """)
                .param("doc", e.documentId)
                .param("h", e.handoverId)
                .param("at", e.notifiedAt == null ? null : Timestamp.from(e.notifiedAt))
                .param("c", e.caseId.value())
                .param("v", e.version)
                .update();
        if (n == 1) {
            e.version++;
        }
        return n == 1;
    }
}
