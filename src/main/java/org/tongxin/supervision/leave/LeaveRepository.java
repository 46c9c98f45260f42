package org.tongxin.supervision.leave;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.supervision.LeaveApprover;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveStatus;

/**
 * SQL of leave requests. The destination and the reasons are sealed with {@link FieldCipher} (context = table.column);
 * row-level security shows a person's agency only the leave of cases it has a lawful role in.
 */
@Repository
public class LeaveRepository {

    public static final String DESTINATION = "supervision_leave.destination_enc";
    public static final String REASON = "supervision_leave.reason_enc";
    public static final String REFUSAL = "supervision_leave.refusal_reason_enc";
    public static final String EXTENSION = "supervision_leave.extension_reason_enc";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LeaveRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(LeaveRequest l) {
        jdbc.sql("""
            INSERT INTO supervision_leave (id, case_id, kind, destination_enc, reason_enc, depart_on, return_on, days, approver,
                approving_agency_id, late_application, status, requested_at, requested_by, requested_by_agency_id, version)
            VALUES (:id, :case, :kind, :dest, :reason, :from, :to, :days, :approver, :agency, :late, :status, :at, :by, :byAgency, 0)\
            """)
                .param("id", l.id.value())
                .param("case", l.caseId.value())
                .param("kind", l.kind.name())
                .param("dest", cipher.encrypt(l.destination, DESTINATION))
                .param("reason", cipher.encrypt(l.reason, REASON))
                .param("from", l.departOn)
                .param("to", l.returnOn)
                .param("days", l.days())
                .param("approver", l.approver.name())
                .param("agency", l.approvingAgency.value())
                .param("late", l.lateApplication)
                .param("status", l.status.name())
                .param("at", Timestamp.from(l.requestedAt))
                .param("by", l.requestedBy)
                .param("byAgency", l.requestedByAgency.value())
                .update();
    }

    /** Saves a transition when the version read is still current (else false: someone acted first). */
    public boolean update(LeaveRequest l) {
        int rows = jdbc.sql("""
            UPDATE supervision_leave SET return_on = :to, days = :days, approver = :approver, approving_agency_id = :agency,
                status = :status, decided_at = :decidedAt, decided_by_name = :decidedBy, decided_by_agency_id = :decidedAgency,
                refusal_reason_enc = :refusal, extension_return_on = :extTo, extension_approver = :extApprover,
                extension_agency_id = :extAgency, extension_reason_enc = :extReason, extensions = :extensions,
                returned_on = :returnedOn, returned_at = :returnedAt, notice_document_id = :notice, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                .param("to", l.returnOn)
                .param("days", l.days())
                .param("approver", l.approver.name())
                .param("agency", l.approvingAgency.value())
                .param("status", l.status.name())
                .param("decidedAt", ts(l.decidedAt))
                .param("decidedBy", l.decidedByName)
                .param("decidedAgency", l.decidedByAgency == null ? null : l.decidedByAgency.value())
                .param("refusal", cipher.seal(l.refusalReason, REFUSAL))
                .param("extTo", l.extensionReturnOn)
                .param("extApprover", l.extensionApprover == null ? null : l.extensionApprover.name())
                .param("extAgency", l.extensionAgency == null ? null : l.extensionAgency.value())
                .param("extReason", cipher.seal(l.extensionReason, EXTENSION))
                .param("extensions", l.extensions)
                .param("returnedOn", l.returnedOn)
                .param("returnedAt", ts(l.returnedAt))
                .param("notice", l.noticeDocumentId)
                .param("id", l.id.value())
                .param("version", l.version)
                .update();
        if (rows == 1) {
            l.version++;
        }
        return rows == 1;
    }

    /** Records the approval notice's document (no version change: the document follows the approval it prints). */
    public void attachNotice(LeaveId id, UUID documentId) {
        jdbc.sql("UPDATE supervision_leave SET notice_document_id = :doc WHERE id = :id")
                .param("doc", documentId)
                .param("id", id.value())
                .update();
    }

    public Optional<LeaveRequest> find(LeaveId id) {
        return jdbc.sql("SELECT * FROM supervision_leave WHERE id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    /** Every leave of a case, newest departure first. */
    public List<LeaveRequest> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_leave WHERE case_id = :case ORDER BY depart_on DESC, requested_at"
                        + " DESC")
                .param("case", caseId.value())
                .query(this::row)
                .list();
    }

    /**
     * Days of single leave approved (or being taken) for a case with a first day from {@code from} up to {@code to}, other
     * than {@code except}: what counts towards the total within the policy's window (IM art. 26).
     */
    public int approvedDays(CaseId caseId, LocalDate from, LocalDate to, LeaveId except) {
        Integer days = jdbc.sql("""
            SELECT coalesce(sum(days), 0) FROM supervision_leave
             WHERE case_id = :case AND kind = 'SINGLE' AND id <> :except
               AND status IN ('APPROVED', 'EXTENSION_REQUESTED', 'RETURN_OVERDUE', 'RETURNED')
               AND depart_on >= :from AND depart_on <= :to\
            """)
                .param("case", caseId.value())
                .param("except", except == null ? new UUID(0, 0) : except.value())
                .param("from", from)
                .param("to", to)
                .query(Integer.class)
                .single();
        return days == null ? 0 : days;
    }

    /** The leave awaiting a decision by {@code agency} (a request or an extension), oldest first. */
    public List<LeaveRequest> awaiting(AgencyId agency) {
        return jdbc.sql("""
            SELECT * FROM supervision_leave
             WHERE (status = 'REQUESTED' AND approving_agency_id = :agency)
                OR (status = 'EXTENSION_REQUESTED' AND extension_agency_id = :agency)
             ORDER BY requested_at, id\
            """).param("agency", agency.value()).query(this::row).list();
    }

    private LeaveRequest row(ResultSet rs, int n) throws SQLException {
        LeaveRequest l = new LeaveRequest(
                LeaveId.of(rs.getObject("id", UUID.class)),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                LeaveKind.valueOf(rs.getString("kind")),
                rs.getObject("depart_on", LocalDate.class),
                rs.getObject("return_on", LocalDate.class),
                rs.getBoolean("late_application"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("requested_by", UUID.class),
                AgencyId.of(rs.getObject("requested_by_agency_id", UUID.class)));
        l.destination = cipher.decrypt(rs.getBytes("destination_enc"), DESTINATION);
        l.reason = cipher.decrypt(rs.getBytes("reason_enc"), REASON);
        l.approver = LeaveApprover.valueOf(rs.getString("approver"));
        l.approvingAgency = AgencyId.of(rs.getObject("approving_agency_id", UUID.class));
        l.status = LeaveStatus.valueOf(rs.getString("status"));
        l.decidedAt = instant(rs, "decided_at");
        l.decidedByName = rs.getString("decided_by_name");
        UUID decidedAgency = rs.getObject("decided_by_agency_id", UUID.class);
        l.decidedByAgency = decidedAgency == null ? null : AgencyId.of(decidedAgency);
        l.refusalReason = cipher.open(rs.getBytes("refusal_reason_enc"), REFUSAL);
        l.extensionReturnOn = rs.getObject("extension_return_on", LocalDate.class);
        String extApprover = rs.getString("extension_approver");
        l.extensionApprover = extApprover == null ? null : LeaveApprover.valueOf(extApprover);
        UUID extAgency = rs.getObject("extension_agency_id", UUID.class);
        l.extensionAgency = extAgency == null ? null : AgencyId.of(extAgency);
        l.extensionReason = cipher.open(rs.getBytes("extension_reason_enc"), EXTENSION);
        l.extensions = rs.getInt("extensions");
        l.returnedOn = rs.getObject("returned_on", LocalDate.class);
        l.returnedAt = instant(rs, "returned_at");
        l.noticeDocumentId = rs.getObject("notice_document_id", UUID.class);
        l.version = rs.getInt("version");
        return l;
    }
}
