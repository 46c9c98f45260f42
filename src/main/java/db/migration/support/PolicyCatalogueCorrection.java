package db.migration.support;

import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a correction of the policy models from data files, the way a migration must: published versions never
 * change, so each correction is a new version of each model, carrying over what the model's own latest version holds
 * (a coordinator's settings and overrides stay) with the corrections applied.
 * <ul>
 * <li>The baseline file gives every step of the corrected catalogue in full, the step ids it removes, its note and
 * settings ({@code rules}: {@link org.tongxin.policy.PolicySetting} keys). A step that differs from the same step of the
 * catalogue it corrects (the previous file) replaces the step of that id, a new one is added; a step the correction does
 * not change is left as the model holds it, so a coordinator's later edit of it stays.</li>
 * <li>A variant gives its overrides, added and removed steps (each replaces the variant's own row for that id), the
 * ids whose own row it drops to inherit the baseline again ({@code inherit}), its note and settings (null: inherit).</li>
 * </ul>
 * <b>When it takes effect.</b> On a database where obligations exist, from the day the migration runs (Asia/Shanghai):
 * a step opened before keeps the version it was opened under (ADR 0009). On a database without any obligation yet (a
 * fresh install, where the demo replays its last months), from the model's first effective date, so that nothing is
 * ever opened under the uncorrected rules there. The version in force on that day is corrected, and so is every
 * version published to take effect later (each corrected twin takes effect on the same day with a higher number, which
 * wins the tie). An open draft receives the corrections too and is renumbered after the new versions, so publishing
 * it cannot bring the old rules back.
 */
public final class PolicyCatalogueCorrection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection c;
    private final JsonNode baseline;
    private final JsonNode variants;
    private final Set<String> removedFromBaseline = new LinkedHashSet<>();
    private final Map<String, JsonNode> previousSteps = new HashMap<>();

    private PolicyCatalogueCorrection(Connection c, JsonNode baseline, JsonNode previous, JsonNode variants) {
        this.c = c;
        this.baseline = baseline;
        this.variants = variants;
        baseline.path("removed").forEach(n -> removedFromBaseline.add(n.asString()));
        previous.path("steps").forEach(n -> previousSteps.put(n.get("id").asString(), n));
    }

    /**
     * Applies the correction files (class-path resources) to every model they name: the corrected baseline, the baseline
     * catalogue it corrects (to tell the corrected steps from the unchanged ones), and the variants' corrections.
     */
    public static void publish(Connection connection, String baselineResource, String previousBaselineResource,
            String variantsResource) throws Exception {
        new PolicyCatalogueCorrection(connection, read(baselineResource), read(previousBaselineResource), read(variantsResource))
                .run();
    }

    private void run() throws SQLException {
        boolean history = exists("SELECT 1 FROM obligation LIMIT 1");
        LocalDate today = date("SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date");
        // The index allows one draft per model; while corrections are drafted beside a coordinator's open draft it is
        // set aside, and restored before the migration commits (DDL is transactional in PostgreSQL).
        execute("DROP INDEX policy_version_one_draft_idx");
        correct(baseline, true, history, today);
        for (JsonNode variant : variants) {
            correct(variant, false, history, today);
        }
        execute("CREATE UNIQUE INDEX policy_version_one_draft_idx ON policy_version (model_id) WHERE status = 'DRAFT'");
        execute("COMMENT ON INDEX policy_version_one_draft_idx IS 'One open draft per model: a coordinator finishes or "
                + "discards it before another starts.'");
    }

    private record Version(UUID id, int number, String status, LocalDate effectiveFrom) {
    }

    private void correct(JsonNode data, boolean isBaseline, boolean history, LocalDate today) throws SQLException {
        UUID model = uuid("SELECT id FROM policy_model WHERE region = ?", data.get("region").asString());
        if (model == null) {
            return;
        }
        List<Version> published = new ArrayList<>();
        Version draft = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, number, status, effective_from FROM policy_version WHERE model_id = ? ORDER BY effective_from, number")) {
            p.setObject(1, model);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Date from = rs.getDate(4);
                    Version v = new Version(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                            from == null ? null : from.toLocalDate());
                    if ("PUBLISHED".equals(v.status())) {
                        published.add(v);
                    } else {
                        draft = v;
                    }
                }
            }
        }
        if (published.isEmpty()) {
            return;
        }
        LocalDate from = history ? today : published.getFirst().effectiveFrom();
        Version inForce = null;
        List<Version> later = new ArrayList<>();
        for (Version v : published) {
            if (!v.effectiveFrom().isAfter(from)) {
                inForce = v;
            } else {
                later.add(v);
            }
        }
        List<Version> toCorrect = new ArrayList<>();
        if (inForce != null) {
            toCorrect.add(inForce);
        }
        toCorrect.addAll(later);
        for (Version v : toCorrect) {
            int number = nextNumber(model);
            UUID id = UUID.nameUUIDFromBytes(("policy-version:" + model + ":" + number).getBytes());
            LocalDate effective = v.effectiveFrom().isAfter(from) ? v.effectiveFrom() : from;
            copyVersion(v.id(), id, model, number);
            apply(id, data, isBaseline);
            update("UPDATE policy_version SET status = 'PUBLISHED', effective_from = ?, published_at = now() WHERE id = ?",
                    Date.valueOf(effective), id);
        }
        if (draft != null) {
            apply(draft.id(), data, isBaseline);
            update("UPDATE policy_version SET number = ?, version = version + 1 WHERE id = ?", nextNumber(model), draft.id());
        }
    }

    /** A new draft version with the source version's settings and rows (published just after the corrections). */
    private void copyVersion(UUID source, UUID target, UUID model, int number) throws SQLException {
        update("""
                INSERT INTO policy_version (id, model_id, number, status, effective_from, warning_working_days, prompt_alert_hours,
                    immediate_alert_hours, escalation_working_days, note_zh, note_en, created_at)
                SELECT ?, ?, ?, 'DRAFT', NULL, warning_working_days, prompt_alert_hours, immediate_alert_hours,
                       escalation_working_days, note_zh, note_en, now()
                  FROM policy_version WHERE id = ?""", target, model, number, source);
        update("""
                INSERT INTO policy_step (version_id, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh, trigger_en,
                    owes, counterparty, copies, watcher, deadline_kind, deadline_amount, deadline_expedited, documents_zh,
                    documents_en, legal_basis, confidence, pausable, note_zh, note_en)
                SELECT ?, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh, trigger_en, owes, counterparty,
                       copies, watcher, deadline_kind, deadline_amount, deadline_expedited, documents_zh, documents_en,
                       legal_basis, confidence, pausable, note_zh, note_en
                  FROM policy_step WHERE version_id = ?""", target, source);
        update("INSERT INTO policy_setting (version_id, setting_key, value) SELECT ?, setting_key, value FROM policy_setting "
                + "WHERE version_id = ?", target, source);
    }

    /** Writes the corrections of one model into a version that is still a draft. */
    private void apply(UUID version, JsonNode data, boolean isBaseline) throws SQLException {
        update("UPDATE policy_version SET note_zh = ?, note_en = ? WHERE id = ?", text(data, "noteZh"), text(data, "noteEn"), version);
        JsonNode settings = data.path("settings");
        for (String[] column : new String[][] { { "warningWorkingDays", "warning_working_days" },
                { "promptAlertHours", "prompt_alert_hours" }, { "immediateAlertHours", "immediate_alert_hours" },
                { "escalationWorkingDays", "escalation_working_days" } }) {
            if (settings.has(column[0])) {
                update("UPDATE policy_version SET " + column[1] + " = ? WHERE id = ?", integer(settings, column[0]), version);
            }
        }
        for (Map.Entry<String, JsonNode> rule : settings.path("rules").properties()) {
            update("DELETE FROM policy_setting WHERE version_id = ? AND setting_key = ?", version, rule.getKey());
            if (!rule.getValue().isNull()) {
                update("INSERT INTO policy_setting (version_id, setting_key, value) VALUES (?, ?, ?)", version, rule.getKey(),
                        rule.getValue().asInt());
            }
        }
        Map<String, Integer> order = sortOrders(version);
        if (isBaseline) {
            int position = 0;
            for (JsonNode step : data.path("steps")) {
                int at = position++;
                String id = step.get("id").asString();
                if (!step.equals(previousSteps.get(id)) || !order.containsKey(id)) {
                    replace(version, step, "DEFINED", at);
                } else {
                    update("UPDATE policy_step SET sort_order = ? WHERE version_id = ? AND step_id = ?", at, version, id);
                }
            }
            for (String id : removedFromBaseline) {
                update("DELETE FROM policy_step WHERE version_id = ? AND step_id = ?", version, id);
            }
            return;
        }
        int next = order.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (String id : removedFromBaseline) {
            update("DELETE FROM policy_step WHERE version_id = ? AND step_id = ? AND change IN ('OVERRIDDEN', 'REMOVED')", version, id);
        }
        for (JsonNode id : data.path("inherit")) {
            update("DELETE FROM policy_step WHERE version_id = ? AND step_id = ?", version, id.asString());
        }
        for (String[] kind : new String[][] { { "overrides", "OVERRIDDEN" }, { "added", "ADDED" }, { "removed", "REMOVED" } }) {
            for (JsonNode step : data.path(kind[0])) {
                String id = step.isString() ? step.asString() : step.get("id").asString();
                Integer existing = order.get(id);
                int position = existing != null ? existing : next++;
                replace(version, step.isString() ? JSON.createObjectNode().put("id", id) : step, kind[1], position);
            }
        }
    }

    private void replace(UUID version, JsonNode s, String change, int order) throws SQLException {
        String id = s.get("id").asString();
        update("DELETE FROM policy_step WHERE version_id = ? AND step_id = ?", version, id);
        JsonNode deadline = s.get("deadline");
        Array copies = null;
        if (s.has("copies") && !s.get("copies").isNull()) {
            List<String> list = new ArrayList<>();
            s.get("copies").forEach(n -> list.add(n.asString()));
            copies = c.createArrayOf("text", list.toArray());
        }
        update("""
                INSERT INTO policy_step (version_id, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh, trigger_en,
                    owes, counterparty, copies, watcher, deadline_kind, deadline_amount, deadline_expedited, documents_zh,
                    documents_en, legal_basis, confidence, pausable, note_zh, note_en)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", version, id, change, order,
                text(s, "group"), text(s, "nameZh"), text(s, "nameEn"), text(s, "triggerZh"), text(s, "triggerEn"), text(s, "owes"),
                text(s, "counterparty"), copies, text(s, "watcher"), deadline == null ? null : text(deadline, "kind"),
                deadline == null ? null : integer(deadline, "amount"), deadline == null ? null : integer(deadline, "expeditedAmount"),
                text(s, "documentsZh"), text(s, "documentsEn"), text(s, "legalBasis"), text(s, "confidence"),
                s.has("pausable") && !s.get("pausable").isNull() ? s.get("pausable").asBoolean() : null, text(s, "noteZh"),
                text(s, "noteEn"));
    }

    private Map<String, Integer> sortOrders(UUID version) throws SQLException {
        Map<String, Integer> orders = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT step_id, sort_order FROM policy_step WHERE version_id = ?")) {
            p.setObject(1, version);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return orders;
    }

    private int nextNumber(UUID model) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(number), 0) + 1 FROM policy_version WHERE model_id = ?")) {
            p.setObject(1, model);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean exists(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private LocalDate date(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDate(1).toLocalDate();
        }
    }

    private UUID uuid(String sql, String parameter) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            p.executeUpdate();
        }
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = PolicyCatalogueCorrection.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return JSON.readTree(in);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
