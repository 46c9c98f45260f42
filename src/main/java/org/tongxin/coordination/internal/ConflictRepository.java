package org.tongxin.coordination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictSearch;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.ConflictViews.Evidence;
import org.tongxin.coordination.MeetingId;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

import static org.tongxin.coordination.internal.MeetingRepository.instant;
import static org.tongxin.coordination.internal.MeetingRepository.ts;
import static org.tongxin.coordination.internal.MeetingRepository.uuid;

/** SQL of the conflict register. Row-level security limits rows to the parties and the coordination office. */
@Repository
public class ConflictRepository {

    public static final Map<String, String> SORTABLE = Map.of("raised", "c.raised_at", "type", "c.type", "state", "c.state");

    private final JdbcClient jdbc;

    ConflictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ConflictId id, CaseId caseId, String caseNumber, ConflictType type, AgencyId raisedBy, UUID user,
            AgencyId office, String point, String stepId, String legalBasis, String region, Instant now) {
        jdbc.sql("""
                INSERT INTO coordination_conflict (id, case_id, case_number, type, state, raised_by_agency_id, raised_by_user_id,
                    office_id, point, step_id, legal_basis, policy_region, raised_at, updated_at)
                VALUES (:id, :case, :number, :type, 'RAISED', :raisedBy, :user, :office, :point, :step, :basis, :region, :now, :now)""")
                .param("id", id.value()).param("case", caseId == null ? null : caseId.value()).param("number", caseNumber)
                .param("type", type.name()).param("raisedBy", raisedBy.value()).param("user", user)
                .param("office", office.value()).param("point", point).param("step", stepId).param("basis", legalBasis)
                .param("region", region).param("now", ts(now)).update();
    }

    public void party(ConflictId id, AgencyId agency) {
        jdbc.sql("INSERT INTO coordination_conflict_party (conflict_id, agency_id) VALUES (:c, :a) ON CONFLICT DO NOTHING")
                .param("c", id.value()).param("a", agency.value()).update();
    }

    public void evidence(ConflictId id, String kind, UUID ref) {
        jdbc.sql("INSERT INTO coordination_conflict_evidence (conflict_id, kind, ref_id) VALUES (:c, :k, :r) ON CONFLICT DO NOTHING")
                .param("c", id.value()).param("k", kind).param("r", ref).update();
    }

    public Optional<ConflictView> find(ConflictId id) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE id = :id").param("id", id.value())
                .query((rs, n) -> conflict(rs, true)).optional();
    }

    public List<ConflictView> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE case_id = :c ORDER BY raised_at DESC")
                .param("c", caseId.value()).query((rs, n) -> conflict(rs, true)).list();
    }

    /** Open conflicts of a coordination office (for a meeting's agenda). */
    public List<ConflictView> openOf(AgencyId office) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE office_id = :o AND state <> 'RESOLVED' ORDER BY raised_at")
                .param("o", office.value()).query((rs, n) -> conflict(rs, true)).list();
    }

    /**
     * The register as {@code reader} may see it — the conflicts it is the office or a party of (row-level security repeats
     * the rule) — filtered, sorted and paged.
     */
    public PageResult<ConflictView> search(AgencyId reader, ConflictSearch s, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE (c.office_id = :reader OR EXISTS (SELECT 1 FROM coordination_conflict_party rp"
                + " WHERE rp.conflict_id = c.id AND rp.agency_id = :reader))");
        Map<String, Object> params = new HashMap<>();
        params.put("reader", reader.value());
        if (s.text() != null && !s.text().isBlank()) {
            where.append(" AND (c.point ILIKE :text OR c.resolution ILIKE :text OR c.lessons ILIKE :text OR c.response ILIKE :text)");
            params.put("text", "%" + like(s.text().strip()) + "%");
        }
        if (s.type() != null) {
            where.append(" AND c.type = :type");
            params.put("type", s.type().name());
        }
        if (s.state() != null) {
            where.append(" AND c.state = :state");
            params.put("state", s.state().name());
        }
        if (s.agencyId() != null) {
            where.append(" AND (c.office_id = :agency OR EXISTS (SELECT 1 FROM coordination_conflict_party p"
                    + " WHERE p.conflict_id = c.id AND p.agency_id = :agency))");
            params.put("agency", s.agencyId());
        }
        if (s.caseNumber() != null && !s.caseNumber().isBlank()) {
            where.append(" AND c.case_number ILIKE :number");
            params.put("number", "%" + like(s.caseNumber().strip()) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM coordination_conflict c" + where).params(params).query(Long.class).single();
        String order = SORTABLE.getOrDefault(page.sort(), "c.raised_at") + (page.descending() ? " DESC" : " ASC");
        List<ConflictView> items = jdbc.sql("SELECT c.* FROM coordination_conflict c" + where + " ORDER BY " + order
                + ", c.id LIMIT :limit OFFSET :offset").params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> conflict(rs, false)).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    public boolean responded(ConflictId id, int version, String response, Instant now) {
        return jdbc.sql("""
                UPDATE coordination_conflict SET state = 'RESPONDED', response = :r, responded_at = :now, updated_at = :now,
                    version = version + 1 WHERE id = :id AND version = :v AND state = 'RAISED'""")
                .param("id", id.value()).param("v", version).param("r", response).param("now", ts(now)).update() == 1;
    }

    public boolean escalated(ConflictId id, Integer version, String note, MeetingId meeting, Instant now) {
        return jdbc.sql("""
                UPDATE coordination_conflict SET state = 'ESCALATED', escalated_at = :now, escalation_note = coalesce(:note, escalation_note),
                    meeting_id = coalesce(:meeting, meeting_id), updated_at = :now, version = version + 1
                 WHERE id = :id AND (CAST(:v AS INT) IS NULL OR version = :v) AND state IN ('RAISED', 'RESPONDED', 'ESCALATED')""")
                .param("id", id.value()).param("v", version).param("note", note)
                .param("meeting", meeting == null ? null : meeting.value()).param("now", ts(now)).update() == 1;
    }

    public boolean resolved(ConflictId id, int version, String resolution, String lessons, Instant now) {
        return jdbc.sql("""
                UPDATE coordination_conflict SET state = 'RESOLVED', resolution = :r, lessons = :l, resolved_at = :now,
                    updated_at = :now, version = version + 1 WHERE id = :id AND version = :v AND state <> 'RESOLVED'""")
                .param("id", id.value()).param("v", version).param("r", resolution).param("l", lessons).param("now", ts(now))
                .update() == 1;
    }

    private ConflictView conflict(ResultSet rs, boolean details) throws SQLException {
        ConflictId id = ConflictId.of(uuid(rs, "id"));
        List<AgencyId> parties = jdbc.sql("SELECT agency_id FROM coordination_conflict_party WHERE conflict_id = :c ORDER BY agency_id")
                .param("c", id.value()).query(UUID.class).list().stream().map(AgencyId::of).toList();
        List<Evidence> evidence = !details ? List.of()
                : jdbc.sql("SELECT kind, ref_id FROM coordination_conflict_evidence WHERE conflict_id = :c ORDER BY kind, ref_id")
                        .param("c", id.value()).query((r, n) -> new Evidence(r.getString(1), r.getObject(2, UUID.class))).list();
        return new ConflictView(id, rs.getObject("case_id", UUID.class) == null ? null : CaseId.of(uuid(rs, "case_id")),
                rs.getString("case_number"), ConflictType.valueOf(rs.getString("type")), ConflictState.valueOf(rs.getString("state")),
                AgencyId.of(uuid(rs, "raised_by_agency_id")), uuid(rs, "raised_by_user_id"), AgencyId.of(uuid(rs, "office_id")),
                parties, rs.getString("point"), rs.getString("step_id"), rs.getString("legal_basis"), rs.getString("policy_region"),
                rs.getString("response"), instant(rs, "responded_at"), instant(rs, "escalated_at"), rs.getString("escalation_note"),
                rs.getObject("meeting_id", UUID.class) == null ? null : MeetingId.of(uuid(rs, "meeting_id")),
                rs.getString("resolution"), rs.getString("lessons"), instant(rs, "resolved_at"), instant(rs, "raised_at"),
                instant(rs, "updated_at"), rs.getInt("version"), evidence);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
