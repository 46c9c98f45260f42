package org.tongxin.supervision.minors.internal;

import static org.tongxin.shared.jdbc.SqlValues.requireUpdated;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.crypto.FieldCipher;

/** SQL of the minors' steps; row-level security limits rows to the case's parties; the texts are encrypted. */
@Repository
public class MinorStepRepository {

    public static final String CIRCUMSTANCES = "supervision_minor_step.circumstances";
    public static final String DONE_NOTE = "supervision_minor_step.done_note";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MinorStepRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Stores a new step; false when the case already has this step from its registration (a reaction delivered twice:
     * the partial unique index keeps one).
     */
    public boolean insert(MinorStep s) {
        return jdbc.sql("""
            INSERT INTO supervision_minor_step (id, case_id, step_id, trigger, state, circumstances_enc, opened_at, version)
            VALUES (:id, :case, :step, :trigger, :state, :text, :opened, 0)
            ON CONFLICT DO NOTHING\
            """)
                        .param("id", s.id)
                        .param("case", s.caseId.value())
                        .param("step", s.stepId)
                        .param("trigger", s.trigger.name())
                        .param("state", s.state.name())
                        .param("text", cipher.seal(s.circumstances, CIRCUMSTANCES))
                        .param("opened", Timestamp.from(s.openedAt))
                        .update()
                == 1;
    }

    public void update(MinorStep s) {
        int n = jdbc.sql("""
            UPDATE supervision_minor_step SET state = :state, done_at = :done, done_note_enc = :note, version = version + 1
            WHERE id = :id AND version = :version\
            """)
                .param("state", s.state.name())
                .param("done", s.doneAt == null ? null : Timestamp.from(s.doneAt))
                .param("note", cipher.seal(s.doneNote, DONE_NOTE))
                .param("id", s.id)
                .param("version", s.version)
                .update();
        requireUpdated(n);
        s.version++;
    }

    public Optional<MinorStep> find(UUID id) {
        return jdbc.sql("SELECT * FROM supervision_minor_step WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The step a case's registration opened, if any. */
    public Optional<MinorStep> atRegistration(CaseId caseId, String stepId) {
        return jdbc.sql("SELECT * FROM supervision_minor_step WHERE case_id = :c AND step_id = :s AND trigger ="
                        + " 'REGISTRATION'")
                .param("c", caseId.value())
                .param("s", stepId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<MinorStep> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_minor_step WHERE case_id = :c ORDER BY opened_at, step_id")
                .param("c", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    private MinorStep row(ResultSet rs) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new MinorStep(
                rs.getObject("id", UUID.class),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                rs.getString("step_id"),
                MinorStep.Trigger.valueOf(rs.getString("trigger")),
                MinorStep.State.valueOf(rs.getString("state")),
                cipher.open(rs.getBytes("circumstances_enc"), CIRCUMSTANCES),
                rs.getTimestamp("opened_at").toInstant(),
                done == null ? null : done.toInstant(),
                cipher.open(rs.getBytes("done_note_enc"), DONE_NOTE),
                rs.getInt("version"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
