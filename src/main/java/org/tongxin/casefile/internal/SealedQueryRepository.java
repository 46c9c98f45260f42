package org.tongxin.casefile.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.casefile.SealedQueryBasis;
import org.tongxin.casefile.SealedQueryStatus;

/** The lawful queries of sealed records (table casefile_sealed_query, V200). */
@Repository
public class SealedQueryRepository {

    private final JdbcClient jdbc;

    SealedQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            UUID id,
            UUID caseId,
            UUID countyAgencyId,
            UUID requesterAgencyId,
            UUID requesterUserId,
            SealedQueryBasis basis,
            byte[] reason,
            int days,
            SealedQueryStatus status,
            Instant requestedAt,
            Instant decidedAt,
            Instant expiresAt,
            int version) {}

    /** The county agency deciding on queries of a sealed case, for its parties; empty when the case is not sealed. */
    public Optional<UUID> sealedCounty(UUID caseId) {
        return jdbc.sql("SELECT casefile_sealed_county(:c)")
                .param("c", caseId)
                .query(UUID.class)
                .optional();
    }

    /** Whether the case is sealed (asked through the definer function, whoever asks). */
    public boolean sealed(UUID caseId) {
        return sealedCounty(caseId).isPresent();
    }

    /** Whether the person holds a grant of the case that is approved and not expired at {@code now}. */
    public boolean liveGrant(UUID caseId, UUID userId, Instant now) {
        return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM casefile_sealed_query WHERE case_id = :c AND requester_user_id = :u
                              AND status = 'APPROVED' AND expires_at > :now)\
            """)
                .param("c", caseId)
                .param("u", userId)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    /** Whether the person has a request waiting or a grant running. */
    public boolean openFor(UUID caseId, UUID userId, Instant now) {
        return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM casefile_sealed_query WHERE case_id = :c AND requester_user_id = :u
                              AND (status = 'REQUESTED' OR (status = 'APPROVED' AND expires_at > :now)))\
            """)
                .param("c", caseId)
                .param("u", userId)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    public void insert(
            UUID id,
            UUID caseId,
            UUID county,
            UUID requesterAgency,
            UUID requester,
            SealedQueryBasis basis,
            byte[] reason,
            int days,
            Instant now) {
        jdbc.sql("""
            INSERT INTO casefile_sealed_query (id, case_id, county_agency_id, requester_agency_id, requester_user_id, basis,
                                               reason_enc, days, status, requested_at)
            VALUES (:id, :c, :county, :agency, :user, :basis, :reason, :days, 'REQUESTED', :now)\
            """)
                .param("id", id)
                .param("c", caseId)
                .param("county", county)
                .param("agency", requesterAgency)
                .param("user", requester)
                .param("basis", basis.name())
                .param("reason", reason)
                .param("days", days)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(SealedQueryRepository::row)
                .optional();
    }

    /** Requests the agency made or must decide, newest first. */
    public List<Row> forAgency(UUID agency) {
        return jdbc.sql(SELECT
                        + " WHERE requester_agency_id = :a OR county_agency_id = :a ORDER BY requested_at DESC"
                        + " LIMIT 200")
                .param("a", agency)
                .query(SealedQueryRepository::row)
                .list();
    }

    public boolean decide(UUID id, int version, SealedQueryStatus status, UUID by, Instant at, Instant expiresAt) {
        return jdbc.sql("""
            UPDATE casefile_sealed_query SET status = :status, decided_by = :by, decided_at = :at, expires_at = :expires,
                   version = version + 1
             WHERE id = :id AND version = :version AND status = 'REQUESTED'\
            """)
                        .param("status", status.name())
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public int expire(Instant now) {
        return jdbc.sql("UPDATE casefile_sealed_query SET status = 'EXPIRED', version = version + 1"
                        + " WHERE status = 'APPROVED' AND expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    private static final String SELECT = """
        SELECT id, case_id, county_agency_id, requester_agency_id, requester_user_id, basis, reason_enc, days, status,
               requested_at, decided_at, expires_at, version FROM casefile_sealed_query\
        """;

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                SealedQueryBasis.valueOf(rs.getString(6)),
                rs.getBytes(7),
                rs.getInt(8),
                SealedQueryStatus.valueOf(rs.getString(9)),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)),
                rs.getInt(13));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
