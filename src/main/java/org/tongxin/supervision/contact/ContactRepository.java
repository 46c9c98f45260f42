package org.tongxin.supervision.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.supervision.ContactKind;

/** SQL of recorded contacts; the note is sealed (context = table.column). */
@Repository
public class ContactRepository {

    public static final String NOTE = "supervision_contact.note_enc";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ContactRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** One recorded contact, its note opened. */
    public record Row(
            UUID id,
            CaseId caseId,
            ContactKind kind,
            LocalDate on,
            LocalDate nextDueOn,
            SupervisionLevel level,
            String note,
            String recordedByName,
            AgencyId recordedByAgency,
            Instant recordedAt) {}

    public void insert(Row r, UUID recordedBy) {
        jdbc.sql("""
            INSERT INTO supervision_contact (id, case_id, kind, step_id, contacted_on, next_due_on, supervision_level, note_enc,
                recorded_by, recorded_by_name, recorded_by_agency_id, recorded_at)
            VALUES (:id, :case, :kind, :step, :on, :next, :level, :note, :by, :name, :agency, :at)\
            """)
                .param("id", r.id())
                .param("case", r.caseId().value())
                .param("kind", r.kind().name())
                .param("step", r.kind().stepId())
                .param("on", r.on())
                .param("next", r.nextDueOn())
                .param("level", r.level().name())
                .param("note", cipher.seal(r.note(), NOTE))
                .param("by", recordedBy)
                .param("name", r.recordedByName())
                .param("agency", r.recordedByAgency().value())
                .param("at", Timestamp.from(r.recordedAt()))
                .update();
    }

    /** The contacts of a case, newest first. */
    public List<Row> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_contact WHERE case_id = :case ORDER BY contacted_on DESC,"
                        + " recorded_at DESC")
                .param("case", caseId.value())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        CaseId.of(rs.getObject("case_id", UUID.class)),
                        ContactKind.valueOf(rs.getString("kind")),
                        rs.getObject("contacted_on", LocalDate.class),
                        rs.getObject("next_due_on", LocalDate.class),
                        SupervisionLevel.valueOf(rs.getString("supervision_level")),
                        cipher.open(rs.getBytes("note_enc"), NOTE),
                        rs.getString("recorded_by_name"),
                        AgencyId.of(rs.getObject("recorded_by_agency_id", UUID.class)),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
