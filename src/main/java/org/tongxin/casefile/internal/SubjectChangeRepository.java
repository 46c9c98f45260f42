package org.tongxin.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectChangeStatus;
import org.tongxin.casefile.SubjectField;
import org.tongxin.casefile.internal.CaseRepository.StatedSubject;
import org.tongxin.identity.Participation;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * SQL of proposed changes of a subject's record. Row-level security limits rows to the parties of the person's other
 * cases; the application narrows it further to their executing agencies and assigned offices.
 */
@Repository
public class SubjectChangeRepository {

    public static final Map<String, String> SORTABLE = Map.of("proposed", "proposed_at", "status", "status");

    private final JdbcClient jdbc;

    SubjectChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A proposal with its proposed values (encrypted) and its rejection reason (encrypted). */
    public record Row(SubjectChange change, StatedSubject proposed, byte[] rejectionReason) {}

    public void insert(SubjectChange c, StatedSubject proposed) {
        jdbc.sql("""
            INSERT INTO casefile_subject_change (id, subject_id, source_case_id, proposed_by_agency_id, proposed_at, fields, name,
                gender, ethnicity, id_type, birth_date, phone_enc, residence_division, residence_address_enc, guardian_name,
                guardian_relation, guardian_phone_enc, health_enc, status, version)
            VALUES (:id, :subject, :source, :by, :at, :fields, :name, :gender, :ethnicity, :idType, :birth, :phone, :division,
                :address, :guardian, :relation, :guardianPhone, :health, :status, 0)\
            """)
                .params(CaseRepository.statedParams(proposed))
                .param("id", c.id.value())
                .param("subject", c.subjectId)
                .param("source", c.sourceCaseId.value())
                .param("by", c.proposedBy.value())
                .param("at", Timestamp.from(c.proposedAt))
                .param("fields", c.fields.stream().sorted().map(Enum::name).toArray(String[]::new))
                .param("status", c.status.name())
                .update();
    }

    /** Saves a decision when the version read is still current (else false: someone decided first). */
    public boolean update(SubjectChange c, byte[] rejectionReason) {
        int rows = jdbc.sql("""
            UPDATE casefile_subject_change SET status = :status, decided_by = :by, decided_by_name = :name,
                decided_by_agency_id = :agency, decided_at = :at, rejection_reason_enc = :reason, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                .param("status", c.status.name())
                .param("by", c.decidedBy)
                .param("name", c.decidedByName)
                .param("agency", c.decidedByAgency == null ? null : c.decidedByAgency.value())
                .param("at", c.decidedAt == null ? null : Timestamp.from(c.decidedAt))
                .param("reason", rejectionReason)
                .param("id", c.id.value())
                .param("version", c.version)
                .update();
        if (rows == 1) {
            c.version++;
        }
        return rows == 1;
    }

    public Optional<Row> find(SubjectChangeId id) {
        return jdbc.sql("SELECT * FROM casefile_subject_change WHERE id = :id")
                .param("id", id.value())
                .query(SubjectChangeRepository::row)
                .optional();
    }

    /**
     * Proposals about the people of the cases where {@code agency} holds one of {@code roles} (other than the case that
     * proposed them), filtered by status, one page.
     */
    public PageResult<Row> forAgency(
            AgencyId agency, Set<Participation> roles, SubjectChangeStatus status, PageQuery page) {
        String where = " " + """
            WHERE EXISTS (SELECT 1 FROM casefile_case c JOIN casefile_party p ON p.case_id = c.id
                            WHERE c.subject_id = x.subject_id AND c.id <> x.source_case_id
                              AND p.agency_id = :agency AND p.participation IN (:roles))\
            """ + (status == null ? "" : " AND x.status" + " = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agency.value());
        params.put("roles", roles.stream().map(Enum::name).toList());
        if (status != null) {
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM casefile_subject_change x" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = "x." + SORTABLE.getOrDefault(page.sort(), "proposed_at") + (page.descending() ? " DESC" : "")
                + ", x.id";
        List<Row> rows = jdbc.sql("SELECT x.* FROM casefile_subject_change x" + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(SubjectChangeRepository::row)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** How many proposals await a decision by {@code agency} (the navigation's count: one cheap query). */
    public long awaiting(AgencyId agency) {
        return jdbc.sql("""
            SELECT count(*) FROM casefile_subject_change x
             WHERE x.status = 'PROPOSED'
               AND EXISTS (SELECT 1 FROM casefile_case c JOIN casefile_party p ON p.case_id = c.id
                            WHERE c.subject_id = x.subject_id AND c.id <> x.source_case_id
                              AND p.agency_id = :agency AND p.participation = 'EXECUTING_AGENCY')\
            """).param("agency", agency.value()).query(Long.class).single();
    }

    /** Proposals still open about the subject of a case, other than those the case itself made. */
    public List<SubjectChangeId> pendingAbout(CaseId caseId) {
        return jdbc.sql("""
            SELECT x.id FROM casefile_subject_change x JOIN casefile_case c ON c.subject_id = x.subject_id
             WHERE c.id = :c AND x.source_case_id <> :c AND x.status = 'PROPOSED' ORDER BY x.proposed_at\
            """).param("c", caseId.value()).query(UUID.class).list().stream()
                .map(SubjectChangeId::of)
                .toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Set<SubjectField> fields = EnumSet.noneOf(SubjectField.class);
        Arrays.stream((String[]) rs.getArray("fields").getArray())
                .map(SubjectField::valueOf)
                .forEach(fields::add);
        SubjectChange c = new SubjectChange(
                SubjectChangeId.of(rs.getObject("id", UUID.class)),
                rs.getObject("subject_id", UUID.class),
                CaseId.of(rs.getObject("source_case_id", UUID.class)),
                AgencyId.of(rs.getObject("proposed_by_agency_id", UUID.class)),
                rs.getTimestamp("proposed_at").toInstant(),
                fields);
        c.status = SubjectChangeStatus.valueOf(rs.getString("status"));
        c.decidedBy = rs.getObject("decided_by", UUID.class);
        c.decidedByName = rs.getString("decided_by_name");
        UUID agency = rs.getObject("decided_by_agency_id", UUID.class);
        c.decidedByAgency = agency == null ? null : AgencyId.of(agency);
        Timestamp at = rs.getTimestamp("decided_at");
        c.decidedAt = at == null ? null : at.toInstant();
        c.version = rs.getInt("version");
        return new Row(c, CaseRepository.stated(rs), rs.getBytes("rejection_reason_enc"));
    }
}
