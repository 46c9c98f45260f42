package org.tongxin.identity.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL for credential resets. */
@Repository
class CredentialResetRepository {

    static final Map<String, String> SORTABLE =
            Map.of("requested", "requested_at", "state", "state", "decided", "decided_at");

    private final JdbcClient jdbc;

    CredentialResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts; a second open request for the same account is refused (409), as the unique index says. */
    void insert(CredentialReset r) {
        try {
            jdbc.sql("""
                INSERT INTO identity_credential_reset (id, target_user_id, kind, reason, state, requested_by, requested_role,
                    requested_at, decided_by, decided_role, decided_at, version)
                VALUES (:id, :target, :kind, :reason, :state, :by, :role, :at, :decidedBy, :decidedRole, :decidedAt, 0)\
                """)
                    .param("id", r.id)
                    .param("target", r.targetUserId)
                    .param("kind", r.kind.name())
                    .param("reason", r.reason)
                    .param("state", r.state.name())
                    .param("by", r.requestedBy)
                    .param("role", r.requestedRole.name())
                    .param("at", Timestamp.from(r.requestedAt))
                    .param("decidedBy", r.decidedBy)
                    .param("decidedRole", r.decidedRole == null ? null : r.decidedRole.name())
                    .param("decidedAt", ts(r.decidedAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw TongxinException.conflict("RESET_ALREADY_REQUESTED");
        }
    }

    boolean update(CredentialReset r) {
        return jdbc.sql("""
            UPDATE identity_credential_reset SET state = :state, decided_by = :decidedBy, decided_role = :decidedRole,
                   decided_at = :decidedAt, refusal_reason = :refusal, shown_to_target_at = :shown, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", r.id)
                        .param("version", r.version)
                        .param("state", r.state.name())
                        .param("decidedBy", r.decidedBy)
                        .param("decidedRole", r.decidedRole == null ? null : r.decidedRole.name())
                        .param("decidedAt", ts(r.decidedAt))
                        .param("refusal", r.refusalReason)
                        .param("shown", ts(r.shownToTargetAt))
                        .update()
                == 1;
    }

    Optional<CredentialReset> find(UUID id) {
        return jdbc.sql("SELECT * FROM identity_credential_reset WHERE id = :id")
                .param("id", id)
                .query(CredentialResetRepository::map)
                .optional();
    }

    /** The resets of administrators' credentials (requested through the two-person procedure), one page. */
    PageResult<CredentialReset> search(CredentialReset.State state, PageQuery page) {
        String where = " WHERE (requested_by <> decided_by OR decided_by IS NULL)"
                + (state == null ? "" : " AND state = :state");
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            params.put("state", state.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM identity_credential_reset" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CredentialReset> items = jdbc.sql("SELECT * FROM identity_credential_reset" + where + " ORDER BY "
                        + SORTABLE.get(page.sort()) + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                        + ", requested_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CredentialResetRepository::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The resets carried out on an account, newest first. */
    List<CredentialReset> doneFor(UUID target, int limit) {
        return jdbc.sql("""
            SELECT * FROM identity_credential_reset WHERE target_user_id = :target AND state = 'DONE'
             ORDER BY decided_at DESC LIMIT :limit\
            """)
                .param("target", target)
                .param("limit", limit)
                .query(CredentialResetRepository::map)
                .list();
    }

    boolean anyUnseen(UUID target) {
        return jdbc.sql("""
            SELECT count(*) FROM identity_credential_reset
             WHERE target_user_id = :target AND state = 'DONE' AND shown_to_target_at IS NULL\
            """).param("target", target).query(Long.class).single() > 0;
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM identity_credential_reset WHERE state = 'REQUESTED'")
                .query(Long.class)
                .single();
    }

    private static CredentialReset map(ResultSet rs, int n) throws SQLException {
        CredentialReset r =
                new CredentialReset(rs.getObject("id", UUID.class), rs.getObject("target_user_id", UUID.class));
        r.kind = CredentialReset.Kind.valueOf(rs.getString("kind"));
        r.reason = rs.getString("reason");
        r.state = CredentialReset.State.valueOf(rs.getString("state"));
        r.requestedBy = rs.getObject("requested_by", UUID.class);
        r.requestedRole = Role.valueOf(rs.getString("requested_role"));
        r.requestedAt = instant(rs, "requested_at");
        r.decidedBy = rs.getObject("decided_by", UUID.class);
        String decidedRole = rs.getString("decided_role");
        r.decidedRole = decidedRole == null ? null : Role.valueOf(decidedRole);
        r.decidedAt = instant(rs, "decided_at");
        r.refusalReason = rs.getString("refusal_reason");
        r.shownToTargetAt = instant(rs, "shown_to_target_at");
        r.version = rs.getInt("version");
        return r;
    }
}
