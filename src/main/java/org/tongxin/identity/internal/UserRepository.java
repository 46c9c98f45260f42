package org.tongxin.identity.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL for staff accounts and their roles. */
@Repository
public class UserRepository {

    public static final Map<String, String> SORTABLE = Map.of(
            "username",
            "u.username",
            "name",
            "u.display_name",
            "agency",
            "u.agency_id",
            "status",
            "u.status",
            "lastLogin",
            "u.last_login_at");

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserRow> findByUsername(String username) {
        return one(jdbc.sql("SELECT u.* FROM identity_user u WHERE u.username = :u")
                .param("u", username));
    }

    public Optional<UserRow> findById(UUID id) {
        return one(jdbc.sql("SELECT u.* FROM identity_user u WHERE u.id = :id").param("id", id));
    }

    public List<UserRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withRoles(jdbc.sql("SELECT u.* FROM identity_user u WHERE u.id IN (:ids)")
                .param("ids", ids)
                .query(UserRepository::map)
                .list());
    }

    /** Status and stamp only: checked on every request, so it must be cheap. */
    public Optional<SessionCheck> sessionCheck(UUID id) {
        return jdbc.sql("SELECT status, security_stamp FROM identity_user WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new SessionCheck("ACTIVE".equals(rs.getString(1)), rs.getInt(2)))
                .optional();
    }

    public record SessionCheck(boolean active, int securityStamp) {}

    public PageResult<UserRow> search(String text, UUID agencyId, Role role, String status, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (u.username ILIKE :text OR u.display_name ILIKE :text)");
            params.put(
                    "text",
                    "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (agencyId != null) {
            where.append(" AND u.agency_id = :agency");
            params.put("agency", agencyId);
        }
        if (role != null) {
            where.append(" AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", role.name());
        }
        if (status != null) {
            where.append(" AND u.status = :status");
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT count(*) FROM identity_user u" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = SORTABLE.get(page.sort()) + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                + ", u.username";
        List<UserRow> rows = jdbc.sql("SELECT u.* FROM identity_user u" + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(UserRepository::map)
                .list();
        return new PageResult<>(withRoles(rows), page.page(), page.size(), total);
    }

    public long countWithRole(Role role) {
        return jdbc.sql("""
            SELECT count(*) FROM identity_user u JOIN identity_user_role r ON r.user_id = u.id
             WHERE r.role = :role AND u.status = 'ACTIVE'\
            """).param("role", role.name()).query(Long.class).single();
    }

    public void insert(
            UUID id,
            String username,
            String displayName,
            UUID agencyId,
            String passwordHash,
            boolean mustChangePassword,
            boolean mfaExempt,
            boolean createdInDemo,
            Instant now) {
        jdbc.sql("""
            INSERT INTO identity_user (id, username, display_name, agency_id, status, password_hash, password_changed_at,
                must_change_password, mfa_exempt, created_in_demo, created_at, updated_at)
            VALUES (:id, :username, :name, :agency, 'ACTIVE', :hash, :now, :must, :exempt, :demo, :now, :now)\
            """)
                .param("id", id)
                .param("username", username)
                .param("name", displayName)
                .param("agency", agencyId)
                .param("hash", passwordHash)
                .param("must", mustChangePassword)
                .param("exempt", mfaExempt)
                .param("demo", createdInDemo)
                .param("now", ts(now))
                .update();
    }

    public boolean updateProfile(UUID id, int version, String displayName, UUID agencyId, Instant now) {
        return jdbc.sql("""
            UPDATE identity_user SET display_name = :name, agency_id = :agency, updated_at = :now,
                   version = version + 1, security_stamp = security_stamp + CASE WHEN agency_id <> :agency THEN 1 ELSE 0 END
             WHERE id = :id AND version = :version\
            """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", displayName)
                        .param("agency", agencyId)
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    public boolean setStatus(UUID id, int version, String status, Instant now) {
        return jdbc.sql("""
            UPDATE identity_user SET status = :status, updated_at = :now, version = version + 1,
                   security_stamp = security_stamp + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status)
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    public void setPassword(UUID id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET password_hash = :hash, must_change_password = :must, password_changed_at = :now,
                   updated_at = :now, version = version + 1, security_stamp = security_stamp + 1
             WHERE id = :id\
            """)
                .param("id", id)
                .param("hash", hash)
                .param("must", mustChange)
                .param("now", ts(now))
                .update();
    }

    /** The security administrator's lock: sessions end (new stamp), logins and personal tokens are refused until unlocked. */
    public void lock(UUID id, Instant until, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET locked_until = :until, updated_at = :now, security_stamp = security_stamp + 1
             WHERE id = :id\
            """)
                .param("id", id)
                .param("until", ts(until))
                .param("now", ts(now))
                .update();
    }

    public void unlock(UUID id) {
        jdbc.sql("UPDATE identity_user SET locked_until = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    public void loginSucceeded(UUID id, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET last_login_at = :now WHERE id = :id\
            """).param("id", id).param("now", ts(now)).update();
    }

    /** Enrols a second factor; {@code published} marks the demo's secret, which the README gives to everybody. */
    public void setTotp(UUID id, byte[] encryptedSecret, long step, boolean published, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET totp_secret = :secret, totp_enrolled_at = :now, totp_last_step = :step,
                   totp_published = :published, updated_at = :now, security_stamp = security_stamp + 1
             WHERE id = :id\
            """)
                .param("id", id)
                .param("secret", encryptedSecret)
                .param("step", step)
                .param("published", published)
                .param("now", ts(now))
                .update();
    }

    public void clearTotp(UUID id, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = 0, totp_published = FALSE,
                   updated_at = :now, security_stamp = security_stamp + 1
             WHERE id = :id\
            """).param("id", id).param("now", ts(now)).update();
    }

    /** Accepts a TOTP time step once: true only if it is newer than every step accepted before. */
    public boolean consumeTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE identity_user SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                        .param("id", id)
                        .param("step", step)
                        .update()
                == 1;
    }

    public void setPreferredLanguage(UUID id, String language) {
        jdbc.sql("UPDATE identity_user SET preferred_language = :lang WHERE id = :id")
                .param("id", id)
                .param("lang", language)
                .update();
    }

    public void replaceRoles(UUID id, Set<Role> roles, UUID grantedBy, Instant now) {
        jdbc.sql("DELETE FROM identity_user_role WHERE user_id = :id")
                .param("id", id)
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_user_role (user_id, role, granted_by, granted_at) VALUES (:id,"
                            + " :role, :by, :now)")
                    .param("id", id)
                    .param("role", role.name())
                    .param("by", grantedBy)
                    .param("now", ts(now))
                    .update();
        }
        jdbc.sql("UPDATE identity_user SET security_stamp = security_stamp + 1, updated_at = :now, version ="
                        + " version + 1 WHERE id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    /** Accounts made in demo mode that can still be used: active, or holding the published second factor. */
    public List<UserRow> openDemoAccounts() {
        return withRoles(jdbc.sql("""
            SELECT u.* FROM identity_user u WHERE u.created_in_demo AND (u.status = 'ACTIVE' OR u.totp_published)
             ORDER BY u.username\
            """).query(UserRepository::map).list());
    }

    /**
     * Closes a demo account for good: disabled (its sessions end), the published second factor removed, and renamed so
     * that its name is free for a real account (the bootstrap's administrators have the demo's names).
     */
    public void retireDemoAccount(UUID id, String newUsername, Instant now) {
        jdbc.sql("""
            UPDATE identity_user SET status = 'DISABLED', username = :username,
                   totp_secret = CASE WHEN totp_published THEN NULL ELSE totp_secret END,
                   totp_enrolled_at = CASE WHEN totp_published THEN NULL ELSE totp_enrolled_at END,
                   totp_published = FALSE, security_stamp = security_stamp + 1, version = version + 1, updated_at = :now
             WHERE id = :id\
            """)
                .param("id", id)
                .param("username", newUsername)
                .param("now", ts(now))
                .update();
    }

    /** Active holders of an administrator role (for choosing whom a two-person reset concerns). */
    public List<UserRow> administrators() {
        return withRoles(jdbc.sql("""
            SELECT u.* FROM identity_user u WHERE EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id
               AND r.role IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')) ORDER BY u.username\
            """).query(UserRepository::map).list());
    }

    private Optional<UserRow> one(JdbcClient.StatementSpec spec) {
        return spec.query(UserRepository::map)
                .optional()
                .map(u -> withRoles(List.of(u)).get(0));
    }

    private List<UserRow> withRoles(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM identity_user_role WHERE user_id IN (:ids)")
                .param("ids", rows.stream().map(UserRow::id).toList())
                .query(rs -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString(2)));
                });
        List<UserRow> result = new ArrayList<>(rows.size());
        for (UserRow u : rows) {
            result.add(new UserRow(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.agencyId(),
                    u.status(),
                    u.passwordHash(),
                    u.passwordChangedAt(),
                    u.mustChangePassword(),
                    u.totpSecret(),
                    u.totpEnrolledAt(),
                    u.totpLastStep(),
                    u.mfaExempt(),
                    u.lockedUntil(),
                    u.preferredLanguage(),
                    u.securityStamp(),
                    u.lastLoginAt(),
                    u.createdAt(),
                    u.updatedAt(),
                    u.version(),
                    u.createdInDemo(),
                    u.totpPublished(),
                    Set.copyOf(roles.getOrDefault(u.id(), EnumSet.noneOf(Role.class)))));
        }
        return result;
    }

    private static UserRow map(ResultSet rs, int n) throws SQLException {
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getObject("agency_id", UUID.class),
                rs.getString("status"),
                rs.getString("password_hash"),
                instant(rs, "password_changed_at"),
                rs.getBoolean("must_change_password"),
                rs.getBytes("totp_secret"),
                instant(rs, "totp_enrolled_at"),
                rs.getLong("totp_last_step"),
                rs.getBoolean("mfa_exempt"),
                instant(rs, "locked_until"),
                rs.getString("preferred_language"),
                rs.getInt("security_stamp"),
                instant(rs, "last_login_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"),
                rs.getBoolean("created_in_demo"),
                rs.getBoolean("totp_published"),
                Set.of());
    }
}
