package org.tongxin.identity.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL for system-token requests. */
@Repository
class TokenRequestRepository {

    static final Map<String, String> SORTABLE =
            Map.of("requested", "requested_at", "state", "state", "name", "name", "decided", "decided_at");

    private final JdbcClient jdbc;

    TokenRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SystemTokenRequest r) {
        jdbc.sql("""
            INSERT INTO identity_token_request (id, agency_id, name, purpose, roles, operations, lifetime_days, state,
                requested_by, requested_at, created_in_demo, version)
            VALUES (:id, :agency, :name, :purpose, :roles, :operations, :days, :state, :by, :at, :demo, 0)\
            """)
                .param("id", r.id)
                .param("agency", r.agencyId.value())
                .param("name", r.name)
                .param("purpose", r.purpose)
                .param("roles", roles(r.roles))
                .param("operations", String.join(",", r.operations))
                .param("days", r.lifetimeDays)
                .param("state", r.state.name())
                .param("by", r.requestedBy)
                .param("at", Timestamp.from(r.requestedAt))
                .param("demo", r.createdInDemo)
                .update();
    }

    /** Saves a transition; false when someone else changed the request since it was read (stale version). */
    boolean update(SystemTokenRequest r) {
        return jdbc.sql("""
            UPDATE identity_token_request SET state = :state, decided_by = :decidedBy, decided_at = :decidedAt,
                   refusal_reason = :reason, expires_at = :expires, token_id = :token, delivered_at = :delivered,
                   version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", r.id)
                        .param("version", r.version)
                        .param("state", r.state.name())
                        .param("decidedBy", r.decidedBy)
                        .param("decidedAt", ts(r.decidedAt))
                        .param("reason", r.refusalReason)
                        .param("expires", ts(r.expiresAt))
                        .param("token", r.tokenId)
                        .param("delivered", ts(r.deliveredAt))
                        .update()
                == 1;
    }

    Optional<SystemTokenRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM identity_token_request WHERE id = :id")
                .param("id", id)
                .query(TokenRequestRepository::map)
                .optional();
    }

    /** One page, newest first by default; {@code agency} null for every agency (the security administrator). */
    PageResult<SystemTokenRequest> search(UUID agency, SystemTokenRequest.State state, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (agency != null) {
            where.append(" AND agency_id = :agency");
            params.put("agency", agency);
        }
        if (state != null) {
            where.append(" AND state = :state");
            params.put("state", state.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM identity_token_request" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<SystemTokenRequest> items = jdbc.sql("SELECT * FROM identity_token_request" + where + " ORDER BY "
                        + SORTABLE.get(page.sort()) + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                        + ", requested_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(TokenRequestRepository::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM identity_token_request WHERE state = 'REQUESTED'")
                .query(Long.class)
                .single();
    }

    /** Leaving demo mode: requests made in demo mode that could still yield a token are withdrawn. */
    int withdrawCreatedInDemo(Instant now) {
        return jdbc.sql("""
            UPDATE identity_token_request SET state = 'WITHDRAWN', decided_at = :now, version = version + 1
             WHERE created_in_demo AND state IN ('REQUESTED', 'ISSUED')\
            """).param("now", Timestamp.from(now)).update();
    }

    private static SystemTokenRequest map(ResultSet rs, int n) throws SQLException {
        SystemTokenRequest r = new SystemTokenRequest(
                rs.getObject("id", UUID.class), AgencyId.of(rs.getObject("agency_id", UUID.class)));
        r.name = rs.getString("name");
        r.purpose = rs.getString("purpose");
        String roles = rs.getString("roles");
        r.roles = roles == null || roles.isBlank()
                ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(","))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        r.operations =
                new LinkedHashSet<>(Arrays.asList(rs.getString("operations").split(",")));
        r.lifetimeDays = rs.getInt("lifetime_days");
        r.state = SystemTokenRequest.State.valueOf(rs.getString("state"));
        r.requestedBy = rs.getObject("requested_by", UUID.class);
        r.requestedAt = instant(rs, "requested_at");
        r.decidedBy = rs.getObject("decided_by", UUID.class);
        r.decidedAt = instant(rs, "decided_at");
        r.refusalReason = rs.getString("refusal_reason");
        r.expiresAt = instant(rs, "expires_at");
        r.tokenId = rs.getObject("token_id", UUID.class);
        r.deliveredAt = instant(rs, "delivered_at");
        r.createdInDemo = rs.getBoolean("created_in_demo");
        r.version = rs.getInt("version");
        return r;
    }

    static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
