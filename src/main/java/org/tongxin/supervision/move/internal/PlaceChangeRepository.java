package org.tongxin.supervision.move.internal;

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
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.supervision.move.PlaceChangeState;

/** SQL of changes of the place of execution; row-level security limits rows to the case's parties; texts encrypted. */
@Repository
public class PlaceChangeRepository {

    public static final String REASON = "supervision_place_change.reason";
    public static final String REPLY_REASON = "supervision_place_change.reply_reason";
    public static final String DECISION_REASON = "supervision_place_change.decision_reason";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    PlaceChangeRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(PlaceChange c) {
        jdbc.sql("""
            INSERT INTO supervision_place_change (id, case_id, former_county_agency_id, new_county_agency_id, state,
                intended_move_on, reason_enc, applied_at, version)
            VALUES (:id, :case, :former, :new, :state, :on, :reason, :applied, 0)\
            """)
                .param("id", c.id)
                .param("case", c.caseId.value())
                .param("former", c.formerCountyAgencyId.value())
                .param("new", c.newCountyAgencyId.value())
                .param("state", c.state.name())
                .param("on", c.intendedMoveOn)
                .param("reason", cipher.encrypt(c.reason, REASON))
                .param("applied", ts(c.appliedAt))
                .update();
    }

    public void update(PlaceChange c) {
        int n = jdbc.sql("""
            UPDATE supervision_place_change SET state = :state, consulted_at = :consulted, reply_reason_enc = :reply,
                replied_at = :replied, decision_reason_enc = :decision, decided_at = :decided, file_handover_id = :handover,
                file_sent_at = :sent, transferred_at = :transferred, reported_at = :reported,
                forward_handover_id = :forward, forwarded_at = :forwarded, consultation_document_id = :letter,
                decision_document_id = :notice, version = version + 1
            WHERE id = :id AND version = :version\
            """)
                .param("state", c.state.name())
                .param("consulted", ts(c.consultedAt))
                .param("reply", cipher.seal(c.replyReason, REPLY_REASON))
                .param("replied", ts(c.repliedAt))
                .param("decision", cipher.seal(c.decisionReason, DECISION_REASON))
                .param("decided", ts(c.decidedAt))
                .param("handover", c.fileHandoverId == null ? null : c.fileHandoverId.value())
                .param("sent", ts(c.fileSentAt))
                .param("transferred", ts(c.transferredAt))
                .param("reported", ts(c.reportedAt))
                .param("forward", c.forwardHandoverId == null ? null : c.forwardHandoverId.value())
                .param("forwarded", ts(c.forwardedAt))
                .param("letter", c.consultationDocumentId)
                .param("notice", c.decisionDocumentId)
                .param("id", c.id)
                .param("version", c.version)
                .update();
        requireUpdated(n);
        c.version++;
    }

    public Optional<PlaceChange> find(UUID id) {
        return jdbc.sql("SELECT * FROM supervision_place_change WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<PlaceChange> findByFileHandover(HandoverId handover) {
        return jdbc.sql("SELECT * FROM supervision_place_change WHERE file_handover_id = :h")
                .param("h", handover.value())
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<PlaceChange> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_place_change WHERE case_id = :c ORDER BY applied_at DESC")
                .param("c", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    private PlaceChange row(ResultSet rs) throws SQLException {
        UUID handover = rs.getObject("file_handover_id", UUID.class);
        UUID forward = rs.getObject("forward_handover_id", UUID.class);
        java.sql.Date on = rs.getDate("intended_move_on");
        PlaceChange c = new PlaceChange(
                rs.getObject("id", UUID.class),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                AgencyId.of(rs.getObject("former_county_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("new_county_agency_id", UUID.class)),
                on == null ? null : on.toLocalDate(),
                cipher.decrypt(rs.getBytes("reason_enc"), REASON),
                instant(rs, "applied_at"),
                PlaceChangeState.valueOf(rs.getString("state")),
                instant(rs, "consulted_at"),
                cipher.open(rs.getBytes("reply_reason_enc"), REPLY_REASON),
                instant(rs, "replied_at"),
                cipher.open(rs.getBytes("decision_reason_enc"), DECISION_REASON),
                instant(rs, "decided_at"),
                handover == null ? null : HandoverId.of(handover),
                instant(rs, "file_sent_at"),
                instant(rs, "transferred_at"),
                instant(rs, "reported_at"),
                forward == null ? null : HandoverId.of(forward),
                instant(rs, "forwarded_at"),
                rs.getInt("version"));
        c.consultationDocumentId = rs.getObject("consultation_document_id", UUID.class);
        c.decisionDocumentId = rs.getObject("decision_document_id", UUID.class);
        return c;
    }
}
