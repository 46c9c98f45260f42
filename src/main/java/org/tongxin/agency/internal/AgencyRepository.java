package org.tongxin.agency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyQuery;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL for agencies, jurisdictions and divisions. */
@Repository
public class AgencyRepository {

    /** Sort keys a client may use, and the SQL each stands for. */
    public static final Map<String, String> SORTABLE = Map.of(
            "code",
            "a.code",
            "name",
            "a.name_zh",
            "type",
            "a.type",
            "level",
            "a.level",
            "division",
            "a.division_code",
            "updated",
            "a.updated_at");

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgencyView> find(AgencyId id) {
        return jdbc.sql("SELECT a.* FROM agency a WHERE a.id = :id")
                .param("id", id.value())
                .query(this::agency)
                .optional()
                .map(this::withJurisdictions);
    }

    public List<AgencyView> findAll(Collection<AgencyId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AgencyView> rows = jdbc.sql("SELECT a.* FROM agency a WHERE a.id IN (:ids)")
                .param("ids", ids.stream().map(AgencyId::value).toList())
                .query(this::agency)
                .list();
        return withJurisdictions(rows);
    }

    public Optional<AgencyView> findByCode(String code) {
        return jdbc.sql("SELECT a.* FROM agency a WHERE a.code = :code")
                .param("code", code)
                .query(this::agency)
                .optional()
                .map(this::withJurisdictions);
    }

    public boolean codeTaken(String code, AgencyId except) {
        return jdbc.sql("SELECT count(*) FROM agency WHERE code = :code AND (CAST(:except AS uuid) IS NULL OR"
                                + " id <> :except)")
                        .param("code", code)
                        .param("except", except == null ? null : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean creditCodeTaken(String creditCode, AgencyId except) {
        return jdbc.sql("SELECT count(*) FROM agency WHERE credit_code = :cc AND (CAST(:except AS uuid) IS"
                                + " NULL OR id <> :except)")
                        .param("cc", creditCode)
                        .param("except", except == null ? null : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<AgencyView> listActive() {
        return withJurisdictions(jdbc.sql("SELECT a.* FROM agency a WHERE a.active ORDER BY a.code")
                .query(this::agency)
                .list());
    }

    /** Active agencies of a type and level whose jurisdiction contains the division (e.g. the county agency of a township). */
    public List<AgencyView> serving(AgencyType type, AgencyLevel level, String divisionCode) {
        return withJurisdictions(jdbc.sql("""
            SELECT DISTINCT a.* FROM agency a JOIN agency_jurisdiction j ON j.agency_id = a.id
             WHERE a.active AND a.type = :type AND a.level = :level
               AND :division LIKE (CASE WHEN length(j.division_code) = 9 THEN j.division_code
                                        WHEN j.division_code LIKE '%0000' THEN left(j.division_code, 2)
                                        WHEN j.division_code LIKE '%00' THEN left(j.division_code, 4)
                                        ELSE j.division_code END) || '%'
             ORDER BY a.code\
            """)
                .param("type", type.name())
                .param("level", level.name())
                .param("division", divisionCode)
                .query(this::agency)
                .list());
    }

    public List<AgencyView> children(AgencyId id) {
        return withJurisdictions(jdbc.sql("SELECT a.* FROM agency a WHERE a.parent_id = :id ORDER BY a.type, a.code")
                .param("id", id.value())
                .query(this::agency)
                .list());
    }

    public PageResult<AgencyView> search(AgencyQuery query, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (a.code ILIKE :text OR a.name_zh ILIKE :text OR a.name_en ILIKE :text)");
            params.put("text", "%" + escapeLike(query.text().trim()) + "%");
        }
        if (query.type() != null) {
            where.append(" AND a.type = :type");
            params.put("type", query.type().name());
        }
        if (query.level() != null) {
            where.append(" AND a.level = :level");
            params.put("level", query.level().name());
        }
        if (query.parentId() != null) {
            where.append(" AND a.parent_id = :parent");
            params.put("parent", query.parentId().value());
        }
        if (query.divisionCode() != null && !query.divisionCode().isBlank()) {
            where.append(" AND a.division_code LIKE :division");
            params.put("division", escapeLike(trimDivision(query.divisionCode())) + "%");
        }
        if (query.active() != null) {
            where.append(" AND a.active = :active");
            params.put("active", query.active());
        }
        long total = jdbc.sql("SELECT count(*) FROM agency a" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = SORTABLE.get(page.sort()) + (page.descending() ? " DESC" : " ASC") + ", a.code ASC";
        List<AgencyView> items = jdbc.sql(
                        "SELECT a.* FROM agency a" + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::agency)
                .list();
        return new PageResult<>(withJurisdictions(items), page.page(), page.size(), total);
    }

    /** Divisions within a code are those sharing its significant prefix (369900 → 3699…). */
    static String trimDivision(String code) {
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    public void insert(AgencyId id, AgencyDraft draft, Instant now) {
        jdbc.sql("""
            INSERT INTO agency (id, code, name_zh, name_en, type, level, parent_id, division_code, credit_code,
                                address, phone, active, created_at, updated_at, version)
            VALUES (:id, :code, :nameZh, :nameEn, :type, :level, :parent, :division, :credit, :address, :phone,
                    TRUE, :now, :now, 0)\
            """)
                .param("id", id.value())
                .params(draftParams(draft))
                .param("now", Timestamp.from(now))
                .update();
        replaceJurisdictions(id, draft.jurisdictions());
    }

    /** Updates when {@code version} is current; returns false when someone else changed it first. */
    public boolean update(AgencyId id, int version, AgencyDraft draft, Instant now) {
        int rows = jdbc.sql("""
            UPDATE agency SET code = :code, name_zh = :nameZh, name_en = :nameEn, type = :type, level = :level,
                   parent_id = :parent, division_code = :division, credit_code = :credit, address = :address,
                   phone = :phone, updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                .param("id", id.value())
                .param("version", version)
                .params(draftParams(draft))
                .param("now", Timestamp.from(now))
                .update();
        if (rows == 1) {
            replaceJurisdictions(id, draft.jurisdictions());
        }
        return rows == 1;
    }

    public boolean setActive(AgencyId id, int version, boolean active, Instant now) {
        return jdbc.sql("UPDATE agency SET active = :active, updated_at = :now, version = version + 1 WHERE id"
                                + " = :id AND version = :version")
                        .param("id", id.value())
                        .param("version", version)
                        .param("active", active)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private void replaceJurisdictions(AgencyId id, List<String> divisions) {
        jdbc.sql("DELETE FROM agency_jurisdiction WHERE agency_id = :id")
                .param("id", id.value())
                .update();
        for (String division : divisions) {
            jdbc.sql("INSERT INTO agency_jurisdiction (agency_id, division_code) VALUES (:id, :division)")
                    .param("id", id.value())
                    .param("division", division)
                    .update();
        }
    }

    private static Map<String, Object> draftParams(AgencyDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", d.code());
        p.put("nameZh", d.nameZh());
        p.put("nameEn", d.nameEn());
        p.put("type", d.type().name());
        p.put("level", d.level().name());
        p.put("parent", d.parentId() == null ? null : d.parentId().value());
        p.put("division", d.divisionCode());
        p.put("credit", d.creditCode());
        p.put("address", d.address());
        p.put("phone", d.phone());
        return p;
    }

    /** Ancestors from the parent upwards (stops at a repeated id, so a damaged hierarchy cannot loop). */
    public List<AgencyId> ancestors(AgencyId id) {
        return jdbc.sql("""
            WITH RECURSIVE up(id, parent_id, depth, path) AS (
                SELECT id, parent_id, 0, ARRAY[id] FROM agency WHERE id = :id
                UNION ALL
                SELECT a.id, a.parent_id, up.depth + 1, up.path || a.id
                  FROM agency a JOIN up ON a.id = up.parent_id
                 WHERE NOT a.id = ANY(up.path))
            SELECT id FROM up WHERE depth > 0 ORDER BY depth\
            """)
                .param("id", id.value())
                .query((rs, n) -> AgencyId.of(rs.getObject(1, UUID.class)))
                .list();
    }

    // Divisions

    public Optional<Division> division(String code) {
        return jdbc.sql("SELECT * FROM agency_division WHERE code = :code")
                .param("code", code)
                .query(AgencyRepository::division)
                .optional();
    }

    public List<Division> divisions(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM agency_division WHERE code IN (:codes) ORDER BY code")
                .param("codes", codes)
                .query(AgencyRepository::division)
                .list();
    }

    public List<Division> divisionChildren(String parentCode) {
        String sql = parentCode == null
                ? "SELECT * FROM agency_division WHERE parent_code IS NULL AND level <> 'NATIONAL' ORDER BY code"
                : "SELECT * FROM agency_division WHERE parent_code = :parent ORDER BY code";
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (parentCode != null) {
            spec = spec.param("parent", parentCode);
        }
        return spec.query(AgencyRepository::division).list();
    }

    public void insertDivision(Division division) {
        jdbc.sql("INSERT INTO agency_division (code, name_zh, name_en, level, parent_code) VALUES (:code, :zh,"
                        + " :en, :level, :parent)")
                .param("code", division.code())
                .param("zh", division.nameZh())
                .param("en", division.nameEn())
                .param("level", division.level().name())
                .param("parent", division.parentCode())
                .update();
    }

    public void updateDivisionNames(String code, String nameZh, String nameEn) {
        jdbc.sql("UPDATE agency_division SET name_zh = :zh, name_en = :en WHERE code = :code")
                .param("code", code)
                .param("zh", nameZh)
                .param("en", nameEn)
                .update();
    }

    private static Division division(ResultSet rs, int n) throws SQLException {
        return new Division(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                AgencyLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"));
    }

    private AgencyView agency(ResultSet rs, int n) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new AgencyView(
                AgencyId.of(rs.getObject("id", UUID.class)),
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                AgencyType.valueOf(rs.getString("type")),
                AgencyLevel.valueOf(rs.getString("level")),
                parent == null ? null : AgencyId.of(parent),
                rs.getString("division_code"),
                rs.getString("credit_code"),
                rs.getString("address"),
                rs.getString("phone"),
                rs.getBoolean("active"),
                List.of(),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private AgencyView withJurisdictions(AgencyView view) {
        return withJurisdictions(List.of(view)).get(0);
    }

    private List<AgencyView> withJurisdictions(List<AgencyView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<UUID, List<String>> byAgency = new HashMap<>();
        jdbc.sql("SELECT agency_id, division_code FROM agency_jurisdiction WHERE agency_id IN (:ids) ORDER BY"
                        + " division_code")
                .param("ids", views.stream().map(v -> v.id().value()).toList())
                .query(rs -> {
                    byAgency.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Map<AgencyId, AgencyView> ordered = new LinkedHashMap<>();
        for (AgencyView v : views) {
            ordered.put(
                    v.id(),
                    new AgencyView(
                            v.id(),
                            v.code(),
                            v.nameZh(),
                            v.nameEn(),
                            v.type(),
                            v.level(),
                            v.parentId(),
                            v.divisionCode(),
                            v.creditCode(),
                            v.address(),
                            v.phone(),
                            v.active(),
                            List.copyOf(byAgency.getOrDefault(v.id().value(), List.of())),
                            v.version(),
                            v.createdAt(),
                            v.updatedAt()));
        }
        return new ArrayList<>(ordered.values());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
