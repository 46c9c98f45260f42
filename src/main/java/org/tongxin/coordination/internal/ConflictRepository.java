package org.tongxin.coordination.internal;

import static org.tongxin.coordination.internal.MeetingRepository.uuid;
import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * SQL of the conflict register. Row-level security limits rows to the parties and the coordination office. The texts
 * (the conflict point, response, escalation note, resolution and lessons) may name or describe a person: encrypted at
 * rest; the text search decrypts within the reader's own conflicts (doc/adr/0024).
 */
@Repository
public class ConflictRepository {

    public static final Map<String, String> SORTABLE =
            Map.of("raised", "c.raised_at", "type", "c.type", "state", "c.state");

    public static final String POINT = "coordination_conflict.point";
    public static final String RESPONSE = "coordination_conflict.response";
    public static final String ESCALATION_NOTE = "coordination_conflict.escalation_note";
    public static final String RESOLUTION = "coordination_conflict.resolution";
    public static final String LESSONS = "coordination_conflict.lessons";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ConflictRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A conflict just raised, with its parties and its evidence. */
    public void insert(Conflict c) {
        jdbc.sql("""
            INSERT INTO coordination_conflict (id, case_id, case_number, type, state, raised_by_agency_id, raised_by_user_id,
                office_id, point_enc, step_id, legal_basis, policy_region, raised_at, updated_at)
            VALUES (:id, :case, :number, :type, :state, :raisedBy, :user, :office, :point, :step, :basis, :region, :now, :now)\
            """)
                .param("id", c.id.value())
                .param("case", c.caseId == null ? null : c.caseId.value())
                .param("number", c.caseNumber)
                .param("type", c.type.name())
                .param("state", c.state.name())
                .param("raisedBy", c.raisedBy.value())
                .param("user", c.raisedByUser)
                .param("office", c.office.value())
                .param("point", cipher.encrypt(c.point, POINT))
                .param("step", c.stepId)
                .param("basis", c.legalBasis)
                .param("region", c.policyRegion)
                .param("now", ts(c.raisedAt))
                .update();
        for (AgencyId party : c.parties) {
            jdbc.sql("INSERT INTO coordination_conflict_party (conflict_id, agency_id) VALUES (:c, :a) ON"
                            + " CONFLICT DO NOTHING")
                    .param("c", c.id.value())
                    .param("a", party.value())
                    .update();
        }
        for (Evidence e : c.evidence) {
            jdbc.sql("INSERT INTO coordination_conflict_evidence (conflict_id, kind, ref_id) VALUES (:c, :k,"
                            + " :r) ON CONFLICT DO NOTHING")
                    .param("c", c.id.value())
                    .param("k", e.kind())
                    .param("r", e.id())
                    .update();
        }
    }

    /**
     * Writes a changed conflict if nobody changed it since it was read (its version); false when someone did. The texts
     * are sealed again as they are now.
     */
    public boolean save(Conflict c) {
        return jdbc.sql("""
            UPDATE coordination_conflict SET state = :state, response_enc = :response, responded_at = :respondedAt,
                escalation_note_enc = :note, meeting_id = :meeting, escalated_at = :escalatedAt, resolution_enc = :resolution,
                lessons_enc = :lessons, resolved_at = :resolvedAt, updated_at = :updatedAt, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", c.id.value())
                        .param("version", c.version)
                        .param("state", c.state.name())
                        .param("response", cipher.seal(c.response, RESPONSE))
                        .param("respondedAt", ts(c.respondedAt))
                        .param("note", cipher.seal(c.escalationNote, ESCALATION_NOTE))
                        .param("meeting", c.meetingId == null ? null : c.meetingId.value())
                        .param("escalatedAt", ts(c.escalatedAt))
                        .param("resolution", cipher.seal(c.resolution, RESOLUTION))
                        .param("lessons", cipher.seal(c.lessons, LESSONS))
                        .param("resolvedAt", ts(c.resolvedAt))
                        .param("updatedAt", ts(c.updatedAt))
                        .update()
                == 1;
    }

    public Optional<ConflictView> find(ConflictId id) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> conflict(rs, true))
                .optional();
    }

    public List<ConflictView> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE case_id = :c ORDER BY raised_at DESC")
                .param("c", caseId.value())
                .query((rs, n) -> conflict(rs, true))
                .list();
    }

    /** Open conflicts of a coordination office (for a meeting's agenda). */
    public List<ConflictView> openOf(AgencyId office) {
        return jdbc.sql("SELECT * FROM coordination_conflict WHERE office_id = :o AND state <> 'RESOLVED' ORDER BY"
                        + " raised_at")
                .param("o", office.value())
                .query((rs, n) -> conflict(rs, true))
                .list();
    }

    /**
     * The register as {@code reader} may see it — the conflicts it is the office or a party of (row-level security repeats
     * the rule) — filtered, sorted and paged. The text filter matches the point, response, resolution or lessons: they are
     * encrypted, so it decrypts them within the reader's conflicts (after the other filters) and pages what matches.
     */
    public PageResult<ConflictView> search(AgencyId reader, ConflictSearch s, PageQuery page) {
        StringBuilder where = new StringBuilder(
                " WHERE (c.office_id = :reader OR EXISTS (SELECT 1 FROM coordination_conflict_party rp"
                        + " WHERE rp.conflict_id = c.id AND rp.agency_id = :reader))");
        Map<String, Object> params = new HashMap<>();
        params.put("reader", reader.value());
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
        String order = SORTABLE.getOrDefault(page.sort(), "c.raised_at") + (page.descending() ? " DESC" : " ASC");
        if (s.text() == null || s.text().isBlank()) {
            long total = jdbc.sql("SELECT count(*) FROM coordination_conflict c" + where)
                    .params(params)
                    .query(Long.class)
                    .single();
            List<ConflictView> items = jdbc.sql("SELECT c.* FROM coordination_conflict c" + where + " ORDER BY " + order
                            + ", c.id LIMIT :limit OFFSET :offset")
                    .params(params)
                    .param("limit", page.size())
                    .param("offset", page.offset())
                    .query((rs, n) -> conflict(rs, false))
                    .list();
            return new PageResult<>(items, page.page(), page.size(), total);
        }
        String needle = s.text().strip().toLowerCase(Locale.ROOT);
        List<UUID> matching = new ArrayList<>();
        jdbc.sql("SELECT c.id, c.point_enc, c.response_enc, c.resolution_enc, c.lessons_enc FROM"
                        + " coordination_conflict c"
                        + where + " ORDER BY " + order + ", c.id")
                .params(params)
                .query(rs -> {
                    if (contains(rs.getBytes(2), POINT, needle)
                            || contains(rs.getBytes(3), RESPONSE, needle)
                            || contains(rs.getBytes(4), RESOLUTION, needle)
                            || contains(rs.getBytes(5), LESSONS, needle)) {
                        matching.add(rs.getObject(1, UUID.class));
                    }
                });
        List<UUID> shown = matching.subList((int) Math.min(page.offset(), matching.size()), (int)
                Math.min(page.offset() + page.size(), matching.size()));
        Map<UUID, ConflictView> found = new HashMap<>();
        if (!shown.isEmpty()) {
            jdbc.sql("SELECT * FROM coordination_conflict WHERE id IN (:ids)")
                    .param("ids", shown)
                    .query((rs, n) -> conflict(rs, false))
                    .list()
                    .forEach(c -> found.put(c.id().value(), c));
        }
        List<ConflictView> items = shown.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        return new PageResult<>(items, page.page(), page.size(), matching.size());
    }

    private boolean contains(byte[] sealed, String context, String needle) {
        String text = cipher.open(sealed, context);
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private ConflictView conflict(ResultSet rs, boolean details) throws SQLException {
        ConflictId id = ConflictId.of(uuid(rs, "id"));
        List<AgencyId> parties = jdbc
                .sql("SELECT agency_id FROM coordination_conflict_party WHERE conflict_id = :c ORDER BY agency_id")
                .param("c", id.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(AgencyId::of)
                .toList();
        List<Evidence> evidence = !details
                ? List.of()
                : jdbc.sql("SELECT kind, ref_id FROM coordination_conflict_evidence WHERE conflict_id = :c ORDER"
                                + " BY kind, ref_id")
                        .param("c", id.value())
                        .query((r, n) -> new Evidence(r.getString(1), r.getObject(2, UUID.class)))
                        .list();
        return new ConflictView(
                id,
                rs.getObject("case_id", UUID.class) == null ? null : CaseId.of(uuid(rs, "case_id")),
                rs.getString("case_number"),
                ConflictType.valueOf(rs.getString("type")),
                ConflictState.valueOf(rs.getString("state")),
                AgencyId.of(uuid(rs, "raised_by_agency_id")),
                uuid(rs, "raised_by_user_id"),
                AgencyId.of(uuid(rs, "office_id")),
                parties,
                cipher.decrypt(rs.getBytes("point_enc"), POINT),
                rs.getString("step_id"),
                rs.getString("legal_basis"),
                rs.getString("policy_region"),
                cipher.open(rs.getBytes("response_enc"), RESPONSE),
                instant(rs, "responded_at"),
                instant(rs, "escalated_at"),
                cipher.open(rs.getBytes("escalation_note_enc"), ESCALATION_NOTE),
                rs.getObject("meeting_id", UUID.class) == null ? null : MeetingId.of(uuid(rs, "meeting_id")),
                cipher.open(rs.getBytes("resolution_enc"), RESOLUTION),
                cipher.open(rs.getBytes("lessons_enc"), LESSONS),
                instant(rs, "resolved_at"),
                instant(rs, "raised_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"),
                evidence);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
