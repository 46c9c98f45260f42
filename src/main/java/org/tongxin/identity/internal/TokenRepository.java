package org.tongxin.identity.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.identity.Role;

/** SQL for API tokens (hashes only). */
@Repository
public class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as stored ({@code operations}: the scope of a system token, null = every operation its roles allow). */
    public record TokenRow(
            UUID id,
            String kind,
            String name,
            String prefix,
            UUID userId,
            UUID agencyId,
            Set<Role> roles,
            UUID createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            Set<String> operations,
            UUID requestId) {

        public boolean usable(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    public void insert(
            UUID id,
            String kind,
            String name,
            byte[] hash,
            String prefix,
            UUID userId,
            UUID agencyId,
            Set<Role> roles,
            UUID createdBy,
            Instant now,
            Instant expiresAt,
            Set<String> operations,
            UUID requestId,
            boolean createdInDemo) {
        jdbc.sql("""
            INSERT INTO identity_token (id, kind, name, token_hash, prefix, user_id, agency_id, roles, created_by,
                created_at, expires_at, operations, request_id, created_in_demo)
            VALUES (:id, :kind, :name, :hash, :prefix, :user, :agency, :roles, :by, :now, :expires, :operations, :request,
                :demo)\
            """)
                .param("id", id)
                .param("kind", kind)
                .param("name", name)
                .param("hash", hash)
                .param("prefix", prefix)
                .param("user", userId)
                .param("agency", agencyId)
                .param(
                        "roles",
                        roles == null
                                ? null
                                : roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .param("operations", operations == null ? null : String.join(",", operations))
                .param("request", requestId)
                .param("demo", createdInDemo)
                .update();
    }

    /** Ends every personal token of an account (its credentials were reset). */
    public int revokePersonal(UUID userId, UUID by, Instant now) {
        return jdbc.sql("""
            UPDATE identity_token SET revoked_at = :now, revoked_by = :by
             WHERE kind = 'PERSONAL' AND user_id = :user AND revoked_at IS NULL\
            """)
                .param("user", userId)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Leaving demo mode: every token made in demo mode stops; returns their ids. */
    public List<UUID> revokeCreatedInDemo(Instant now) {
        return jdbc.sql("""
            UPDATE identity_token SET revoked_at = :now WHERE created_in_demo AND revoked_at IS NULL RETURNING id\
            """).param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    public Optional<TokenRow> findByHash(byte[] hash) {
        return jdbc.sql("SELECT * FROM identity_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query(TokenRepository::map)
                .optional();
    }

    public Optional<TokenRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM identity_token WHERE id = :id")
                .param("id", id)
                .query(TokenRepository::map)
                .optional();
    }

    public List<TokenRow> personal(UUID userId) {
        return jdbc.sql("SELECT * FROM identity_token WHERE kind = 'PERSONAL' AND user_id = :user ORDER BY created_at"
                        + " DESC")
                .param("user", userId)
                .query(TokenRepository::map)
                .list();
    }

    public List<TokenRow> system() {
        return jdbc.sql("SELECT * FROM identity_token WHERE kind = 'SYSTEM' ORDER BY created_at DESC")
                .query(TokenRepository::map)
                .list();
    }

    public boolean revoke(UUID id, UUID by, Instant now) {
        return jdbc.sql("UPDATE identity_token SET revoked_at = :now, revoked_by = :by WHERE id = :id AND"
                                + " revoked_at IS NULL")
                        .param("id", id)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Records use at most once a minute, so busy integrations do not write on every call. */
    public void touched(UUID id, Instant now) {
        jdbc.sql("UPDATE identity_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR"
                        + " last_used_at < :minuteAgo)")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("minuteAgo", Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    private static TokenRow map(ResultSet rs, int n) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = roles == null || roles.isBlank()
                ? Set.of()
                : Set.copyOf(Arrays.stream(roles.split(","))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
        return new TokenRow(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getObject("user_id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                roleSet,
                rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                operations(rs.getString("operations")),
                rs.getObject("request_id", UUID.class));
    }

    private static Set<String> operations(String value) {
        return value == null ? null : new java.util.LinkedHashSet<>(Arrays.asList(value.split(",")));
    }
}
