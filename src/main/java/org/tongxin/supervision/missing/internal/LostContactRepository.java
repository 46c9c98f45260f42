package org.tongxin.supervision.missing.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.requireUpdated;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.crypto.FieldCipher;

/** SQL of lost contacts; row-level security limits rows to the case's parties; the texts are encrypted. */
@Repository
public class LostContactRepository {

    public static final String CIRCUMSTANCES = "supervision_lost_contact.circumstances";
    public static final String FOUND_NOTE = "supervision_lost_contact.found_note";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LostContactRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(LostContact c) {
        jdbc.sql("""
            INSERT INTO supervision_lost_contact (id, case_id, state, lost_since, circumstances_enc, reported_at, version)
            VALUES (:id, :case, :state, :lost, :text, :reported, 0)\
            """)
                .param("id", c.id)
                .param("case", c.caseId.value())
                .param("state", c.state.name())
                .param("lost", ts(c.lostSince))
                .param("text", cipher.encrypt(c.circumstances, CIRCUMSTANCES))
                .param("reported", ts(c.reportedAt))
                .update();
    }

    public void update(LostContact c) {
        int n = jdbc.sql("""
            UPDATE supervision_lost_contact SET state = :state, police_handover_id = :police, notice_handover_id = :notice,
                found_at = :found, found_note_enc = :note, over_a_month_at = :month, version = version + 1
            WHERE id = :id AND version = :version\
            """)
                .param("state", c.state.name())
                .param("police", c.policeHandoverId == null ? null : c.policeHandoverId.value())
                .param("notice", c.noticeHandoverId == null ? null : c.noticeHandoverId.value())
                .param("found", ts(c.foundAt))
                .param("note", cipher.seal(c.foundNote, FOUND_NOTE))
                .param("month", ts(c.overAMonthAt))
                .param("id", c.id)
                .param("version", c.version)
                .update();
        requireUpdated(n);
        c.version++;
    }

    public Optional<LostContact> find(UUID id) {
        return jdbc.sql("SELECT * FROM supervision_lost_contact WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<LostContact> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_lost_contact WHERE case_id = :c ORDER BY lost_since DESC")
                .param("c", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Searches still on whose month has not been announced, lost before {@code before} (the system's scan). */
    public List<UUID> monthCandidates(Instant before) {
        return jdbc.sql("""
            SELECT id FROM supervision_lost_contact WHERE state = 'SEARCHING' AND over_a_month_at IS NULL AND lost_since <= :before
            ORDER BY lost_since\
            """).param("before", ts(before)).query(UUID.class).list();
    }

    private LostContact row(ResultSet rs) throws SQLException {
        UUID police = rs.getObject("police_handover_id", UUID.class);
        UUID notice = rs.getObject("notice_handover_id", UUID.class);
        return new LostContact(
                rs.getObject("id", UUID.class),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                LostContact.State.valueOf(rs.getString("state")),
                instant(rs, "lost_since"),
                cipher.decrypt(rs.getBytes("circumstances_enc"), CIRCUMSTANCES),
                instant(rs, "reported_at"),
                police == null ? null : HandoverId.of(police),
                notice == null ? null : HandoverId.of(notice),
                instant(rs, "found_at"),
                cipher.open(rs.getBytes("found_note_enc"), FOUND_NOTE),
                instant(rs, "over_a_month_at"),
                rs.getInt("version"));
    }
}
