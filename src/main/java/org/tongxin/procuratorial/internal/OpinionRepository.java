package org.tongxin.procuratorial.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.procuratorial.OpinionKind;
import org.tongxin.procuratorial.OpinionStatus;

/** Opinions and their replies (table procuratorial_opinion, V203); the words are stored encrypted by the caller. */
@Repository
public class OpinionRepository {

    private final JdbcClient jdbc;

    OpinionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An opinion with its words still encrypted. */
    public record Stored(Opinion opinion, byte[] content, byte[] reply) {}

    public void insert(Opinion o, byte[] content) {
        jdbc.sql("""
            INSERT INTO procuratorial_opinion (id, case_id, kind, procuratorate_id, addressed_agency_id, step_id, handover_id,
                                               content_enc, issued_at, status)
            VALUES (:id, :c, :kind, :p, :a, :step, :h, :content, :at, 'AWAITING_REPLY')\
            """)
                .param("id", o.id)
                .param("c", o.caseId.value())
                .param("kind", o.kind.name())
                .param("p", o.procuratorateId.value())
                .param("a", o.addressedAgencyId.value())
                .param("step", o.stepId)
                .param("h", o.handoverId)
                .param("content", content)
                .param("at", Timestamp.from(o.issuedAt))
                .update();
    }

    public boolean saveReply(Opinion o, int version, byte[] reply, UUID by) {
        int n = jdbc.sql("""
            UPDATE procuratorial_opinion SET status = :status, adopted = :adopted, reply_enc = :reply, replied_at = :at,
                   replied_by = :by, version = version + 1 WHERE id = :id AND version = :v\
            """)
                .param("status", o.status.name())
                .param("adopted", o.adopted)
                .param("reply", reply)
                .param("at", Timestamp.from(o.repliedAt))
                .param("by", by)
                .param("id", o.id)
                .param("v", version)
                .update();
        return n == 1;
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(OpinionRepository::row)
                .optional();
    }

    public List<Stored> ofCase(CaseId caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :c ORDER BY issued_at DESC")
                .param("c", caseId.value())
                .query(OpinionRepository::row)
                .list();
    }

    private static final String SELECT = """
        SELECT id, case_id, kind, procuratorate_id, addressed_agency_id, step_id, handover_id, issued_at, status, adopted,
               replied_at, version, content_enc, reply_enc FROM procuratorial_opinion\
        """;

    private static Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Opinion o = new Opinion(
                rs.getObject(1, UUID.class),
                CaseId.of(rs.getObject(2, UUID.class)),
                OpinionKind.valueOf(rs.getString(3)),
                AgencyId.of(rs.getObject(4, UUID.class)),
                AgencyId.of(rs.getObject(5, UUID.class)),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                rs.getTimestamp(8).toInstant(),
                OpinionStatus.valueOf(rs.getString(9)),
                (Boolean) rs.getObject(10),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                rs.getInt(12));
        return new Stored(o, rs.getBytes(13), rs.getBytes(14));
    }
}
