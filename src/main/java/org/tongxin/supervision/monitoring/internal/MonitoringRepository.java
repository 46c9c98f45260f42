package org.tongxin.supervision.monitoring.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.requireUpdated;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringPeriodId;
import org.tongxin.supervision.monitoring.MonitoringState;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionView;

/**
 * SQL of electronic monitoring. Row-level security limits rows to the case's parties (the façade narrows positions to
 * the executing agency). The facts, reasons and every position's coordinates are encrypted at rest (doc/adr/0024).
 */
@Repository
public class MonitoringRepository {

    public static final String REASON = "supervision_monitoring_period.reason";
    public static final String REFUSAL = "supervision_monitoring_period.refusal";
    public static final String END_REASON = "supervision_monitoring_period.end_reason";
    public static final String LOCATION = "supervision_monitoring_position.location";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MonitoringRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(MonitoringPeriod p) {
        jdbc.sql("""
            INSERT INTO supervision_monitoring_period (id, case_id, state, ground, reason_enc, device_id, months, renews_id,
                county_agency_id, bureau_id, proposed_at, proposed_by, version)
            VALUES (:id, :case, :state, :ground, :reason, :device, :months, :renews, :county, :bureau, :at, :by, 0)\
            """)
                .param("id", p.id.value())
                .param("case", p.caseId.value())
                .param("state", p.state.name())
                .param("ground", p.ground.name())
                .param("reason", cipher.encrypt(p.reason, REASON))
                .param("device", p.deviceId)
                .param("months", p.months)
                .param("renews", p.renews == null ? null : p.renews.value())
                .param("county", p.countyAgencyId.value())
                .param("bureau", p.bureauId.value())
                .param("at", ts(p.proposedAt))
                .param("by", p.proposedBy)
                .update();
    }

    /** Saves the decision, end or renewal against the version read (409 when someone else changed it). */
    public void update(MonitoringPeriod p) {
        int n = jdbc.sql("""
            UPDATE supervision_monitoring_period SET state = :state, decided_at = :decidedAt, decided_by = :decidedBy,
                refusal_enc = :refusal, starts_at = :starts, ends_at = :ends, ended_at = :ended, end_reason_enc = :endReason,
                version = version + 1
            WHERE id = :id AND version = :version\
            """)
                .param("state", p.state.name())
                .param("decidedAt", ts(p.decidedAt))
                .param("decidedBy", p.decidedBy)
                .param("refusal", cipher.seal(p.refusal, REFUSAL))
                .param("starts", ts(p.startsAt))
                .param("ends", ts(p.endsAt))
                .param("ended", ts(p.endedAt))
                .param("endReason", cipher.seal(p.endReason, END_REASON))
                .param("id", p.id.value())
                .param("version", p.version)
                .update();
        requireUpdated(n);
        p.version++;
    }

    public Optional<MonitoringPeriod> find(MonitoringPeriodId id) {
        return jdbc.sql("SELECT * FROM supervision_monitoring_period WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> period(rs))
                .optional();
    }

    public List<MonitoringPeriod> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM supervision_monitoring_period WHERE case_id = :c ORDER BY proposed_at DESC")
                .param("c", caseId.value())
                .query((rs, n) -> period(rs))
                .list();
    }

    /** The periods given to a device (as far as the caller sees them), newest first. */
    public List<MonitoringPeriod> ofDevice(String deviceId) {
        return jdbc.sql("SELECT * FROM supervision_monitoring_period WHERE device_id = :d ORDER BY proposed_at DESC")
                .param("d", deviceId)
                .query((rs, n) -> period(rs))
                .list();
    }

    /** Whether the case has a proposal the bureau has not decided yet. */
    public boolean hasPending(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM supervision_monitoring_period WHERE case_id = :c AND state = 'PROPOSED'")
                        .param("c", caseId.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a position; false when the case already has one taken at that time (a device resending it). */
    public boolean insertPosition(
            UUID id,
            CaseId caseId,
            MonitoringPeriodId period,
            Instant time,
            double latitude,
            double longitude,
            BigDecimal accuracy,
            String source,
            Instant now) {
        String location = String.format(Locale.ROOT, "%.7f,%.7f", latitude, longitude);
        return jdbc.sql("""
            INSERT INTO supervision_monitoring_position (id, case_id, period_id, recorded_at, location_enc, accuracy_m, source, received_at)
            VALUES (:id, :case, :period, :time, :location, :accuracy, :source, :now) ON CONFLICT (case_id, recorded_at) DO NOTHING\
            """)
                        .param("id", id)
                        .param("case", caseId.value())
                        .param("period", period.value())
                        .param("time", ts(time))
                        .param("location", cipher.encrypt(location, LOCATION))
                        .param("accuracy", accuracy)
                        .param("source", source)
                        .param("now", ts(now))
                        .update()
                > 0;
    }

    public Optional<UUID> positionAt(CaseId caseId, Instant time) {
        return jdbc.sql("SELECT id FROM supervision_monitoring_position WHERE case_id = :c AND recorded_at = :t")
                .param("c", caseId.value())
                .param("t", ts(time))
                .query(UUID.class)
                .optional();
    }

    /** A case's positions, newest first, paged. */
    public PageResult<PositionView> positions(CaseId caseId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM supervision_monitoring_position WHERE case_id = :c")
                .param("c", caseId.value())
                .query(Long.class)
                .single();
        List<PositionView> items = jdbc.sql("""
            SELECT * FROM supervision_monitoring_position WHERE case_id = :c ORDER BY recorded_at DESC, id
            LIMIT :limit OFFSET :offset\
            """)
                .param("c", caseId.value())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> position(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private PositionView position(ResultSet rs) throws SQLException {
        String[] location =
                cipher.decrypt(rs.getBytes("location_enc"), LOCATION).split(",");
        return new PositionView(
                rs.getObject("id", UUID.class),
                instant(rs, "recorded_at"),
                Double.parseDouble(location[0]),
                Double.parseDouble(location[1]),
                rs.getBigDecimal("accuracy_m"),
                rs.getString("source"),
                instant(rs, "received_at"));
    }

    private MonitoringPeriod period(ResultSet rs) throws SQLException {
        UUID renews = rs.getObject("renews_id", UUID.class);
        return new MonitoringPeriod(
                MonitoringPeriodId.of(rs.getObject("id", UUID.class)),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                MonitoringState.valueOf(rs.getString("state")),
                MonitoringGround.valueOf(rs.getString("ground")),
                cipher.decrypt(rs.getBytes("reason_enc"), REASON),
                rs.getString("device_id"),
                rs.getInt("months"),
                renews == null ? null : MonitoringPeriodId.of(renews),
                AgencyId.of(rs.getObject("county_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("bureau_id", UUID.class)),
                instant(rs, "proposed_at"),
                rs.getObject("proposed_by", UUID.class),
                instant(rs, "decided_at"),
                rs.getObject("decided_by", UUID.class),
                cipher.open(rs.getBytes("refusal_enc"), REFUSAL),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "ended_at"),
                cipher.open(rs.getBytes("end_reason_enc"), END_REASON),
                rs.getInt("version"));
    }
}
