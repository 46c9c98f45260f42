package org.tongxin.simulation.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.simulation.SimulationFigure;
import org.tongxin.simulation.SimulationRequest;
import org.tongxin.simulation.SimulationStatus;
import org.tongxin.simulation.SimulationView;
import tools.jackson.databind.json.JsonMapper;

/** The module's SQL: runs and their figures (tables simulation_run and simulation_figure, no case data). */
@Repository
public class SimulationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    SimulationRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public void insert(
            UUID id,
            String name,
            long seed,
            String region,
            LocalDate firstMonth,
            int months,
            SimulationRequest parameters,
            UUID createdBy,
            UUID agency,
            Instant at) {
        jdbc.sql("""
            INSERT INTO simulation_run (id, name, status, seed, region, first_month, months, parameters, created_by, agency_id, created_at,
                                        heartbeat_at)
            VALUES (:id, :name, 'QUEUED', :seed, :region, :first, :months, CAST(:parameters AS JSONB), :by, :agency, :at, :at)\
            """)
                .param("id", id)
                .param("name", name)
                .param("seed", seed)
                .param("region", region)
                .param("first", firstMonth)
                .param("months", months)
                .param("parameters", json.writeValueAsString(parameters))
                .param("by", createdBy)
                .param("agency", agency)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<SimulationView> find(UUID id) {
        return jdbc.sql("SELECT * FROM simulation_run WHERE id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    /** The agency whose staff see a run. */
    public UUID agencyOf(UUID id) {
        return jdbc.sql("SELECT agency_id FROM simulation_run WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    /** The runs an agency made, newest first, a page at a time, with their total. */
    public List<SimulationView> forAgency(UUID agency, int offset, int limit) {
        return jdbc.sql("SELECT * FROM simulation_run WHERE agency_id = :a ORDER BY created_at DESC, id LIMIT :l"
                        + " OFFSET :o")
                .param("a", agency)
                .param("l", limit)
                .param("o", offset)
                .query(this::view)
                .list();
    }

    public long countForAgency(UUID agency) {
        return jdbc.sql("SELECT count(*) FROM simulation_run WHERE agency_id = :a")
                .param("a", agency)
                .query(Long.class)
                .single();
    }

    public Optional<SimulationRun> load(UUID id) {
        return jdbc.sql("SELECT * FROM simulation_run WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new SimulationRun(
                        rs.getObject("id", UUID.class),
                        SimulationStatus.valueOf(rs.getString("status")),
                        rs.getDouble("progress"),
                        instant(rs, "started_at"),
                        instant(rs, "finished_at"),
                        (Integer) rs.getObject("cases"),
                        (Long) rs.getObject("obligations"),
                        rs.getString("failure"),
                        rs.getInt("version")))
                .optional();
    }

    /**
     * Saves a run's state if no one changed it meanwhile (its version): false when someone did — a cancellation from a
     * page while the executor was writing its progress.
     */
    public boolean save(SimulationRun run) {
        int updated = jdbc.sql("""
            UPDATE simulation_run SET status = :status, progress = :progress, started_at = :started, finished_at = :finished,
                   cases = :cases, obligations = :obligations, failure = :failure, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                .param("status", run.status.name())
                .param("progress", run.progress)
                .param("started", ts(run.startedAt))
                .param("finished", ts(run.finishedAt))
                .param("cases", run.cases)
                .param("obligations", run.obligations)
                .param("failure", run.failure)
                .param("id", run.id)
                .param("version", run.version)
                .update();
        if (updated == 1) {
            run.version++;
        }
        return updated == 1;
    }

    /** Marks the runs this instance holds as still held (the version stays: a heartbeat is not a change of state). */
    public void heartbeat(Collection<UUID> held, Instant now) {
        if (held.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE simulation_run SET heartbeat_at = :now WHERE id IN (:ids) AND status IN ('QUEUED', 'RUNNING')")
                .param("now", Timestamp.from(now))
                .param("ids", List.copyOf(held))
                .update();
    }

    /** Queued or running runs that no instance has marked since {@code before}: their instance stopped. */
    public List<UUID> orphaned(Instant before) {
        return jdbc.sql("""
            SELECT id FROM simulation_run
             WHERE status IN ('QUEUED', 'RUNNING') AND coalesce(heartbeat_at, created_at) < :before
             ORDER BY created_at\
            """)
                .param("before", Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    public void saveOrConflict(SimulationRun run) {
        if (!save(run)) {
            throw TongxinException.staleVersion();
        }
    }

    /** A run's figures in one batch (thousands of rows for a city). */
    public void insertFigures(UUID run, List<SimulationFigure> figures) {
        template.batchUpdate("""
            INSERT INTO simulation_figure (run_id, scenario, agency_key, agency_zh, agency_en, agency_type, district, officers, month,
                opened, fulfilled, on_time, late, breaches, backlog, entries, terminations, lost_contacts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\
            """, figures, 1000, (ps, f) -> {
            ps.setObject(1, run);
            ps.setString(2, f.scenario());
            ps.setString(3, f.agencyKey());
            ps.setString(4, f.agencyZh());
            ps.setString(5, f.agencyEn());
            ps.setString(6, f.agencyType());
            ps.setString(7, f.district());
            ps.setInt(8, f.officers());
            ps.setObject(9, f.month());
            ps.setInt(10, f.opened());
            ps.setInt(11, f.fulfilled());
            ps.setInt(12, f.onTime());
            ps.setInt(13, f.late());
            ps.setInt(14, f.breaches());
            ps.setInt(15, f.backlog());
            ps.setInt(16, f.entries());
            ps.setInt(17, f.terminations());
            ps.setInt(18, f.lostContacts());
        });
    }

    public List<SimulationFigure> figures(UUID run) {
        return jdbc.sql("SELECT * FROM simulation_figure WHERE run_id = :id ORDER BY scenario, district NULLS LAST,"
                        + " agency_type, agency_zh, month")
                .param("id", run)
                .query((rs, n) -> new SimulationFigure(
                        rs.getString("scenario"),
                        rs.getString("agency_key"),
                        rs.getString("agency_zh"),
                        rs.getString("agency_en"),
                        rs.getString("agency_type"),
                        rs.getString("district"),
                        rs.getInt("officers"),
                        rs.getObject("month", LocalDate.class),
                        rs.getInt("opened"),
                        rs.getInt("fulfilled"),
                        rs.getInt("on_time"),
                        rs.getInt("late"),
                        rs.getInt("breaches"),
                        rs.getInt("backlog"),
                        rs.getInt("entries"),
                        rs.getInt("terminations"),
                        rs.getInt("lost_contacts")))
                .list();
    }

    private SimulationView view(ResultSet rs, int row) throws SQLException {
        return new SimulationView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                SimulationStatus.valueOf(rs.getString("status")),
                rs.getDouble("progress"),
                rs.getLong("seed"),
                rs.getString("region"),
                rs.getObject("first_month", LocalDate.class),
                rs.getInt("months"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                (Integer) rs.getObject("cases"),
                (Long) rs.getObject("obligations"),
                rs.getString("failure"),
                rs.getInt("version"),
                json.readValue(rs.getString("parameters"), SimulationRequest.class));
    }
}
