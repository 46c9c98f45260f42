package db.migration;

import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the procedure catalogue as published version 1 of each model: the national baseline of doc/procedures.md
 * ({@code policy/national-baseline.json}) and the regional variants ({@code policy/regional-variants.json}).
 * Later corrections are new versions drafted and published in the application, never edits of this data.
 */
public class V21__Load_policy_models extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<UUID> versions = new ArrayList<>();
        JsonNode baseline = read("policy/national-baseline.json");
        UUID baselineModel = model(c, baseline, null);
        UUID baselineVersion = version(c, baselineModel, baseline);
        versions.add(baselineVersion);
        int order = 0;
        for (JsonNode step : baseline.get("steps")) {
            step(c, baselineVersion, step, "DEFINED", order++);
        }
        for (JsonNode variant : read("policy/regional-variants.json")) {
            UUID model = model(c, variant, baselineModel);
            UUID version = version(c, model, variant);
            versions.add(version);
            for (JsonNode step : variant.get("overrides")) {
                step(c, version, step, "OVERRIDDEN", order++);
            }
            for (JsonNode step : variant.get("added")) {
                step(c, version, step, "ADDED", order++);
            }
            for (JsonNode step : variant.get("removed")) {
                step(c, version, step, "REMOVED", order++);
            }
        }
        // Published only now: a published version accepts no further steps.
        for (UUID version : versions) {
            try (PreparedStatement p = c.prepareStatement("UPDATE policy_version SET status = 'PUBLISHED' WHERE id = ?")) {
                p.setObject(1, version);
                p.executeUpdate();
            }
        }
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = V21__Load_policy_models.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return JSON.readTree(in);
        }
    }

    private static UUID model(Connection c, JsonNode data, UUID parent) throws Exception {
        UUID id = UUID.nameUUIDFromBytes(("policy-model:" + data.get("region").asString()).getBytes());
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO policy_model (id, region, parent_id, name_zh, name_en, note_zh, note_en, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setObject(1, id);
            p.setString(2, data.get("region").asString());
            p.setObject(3, parent);
            p.setString(4, data.get("nameZh").asString());
            p.setString(5, data.get("nameEn").asString());
            p.setString(6, text(data, "noteZh"));
            p.setString(7, text(data, "noteEn"));
            p.setTimestamp(8, Timestamp.from(Instant.parse("2020-07-01T00:00:00Z")));
            p.executeUpdate();
        }
        return id;
    }

    private static UUID version(Connection c, UUID model, JsonNode data) throws Exception {
        UUID id = UUID.nameUUIDFromBytes(("policy-version:" + model + ":1").getBytes());
        JsonNode settings = data.get("settings");
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO policy_version (id, model_id, number, status, effective_from, warning_working_days,
                    prompt_alert_hours, immediate_alert_hours, escalation_working_days, note_zh, note_en, created_at, published_at)
                VALUES (?, ?, 1, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setObject(1, id);
            p.setObject(2, model);
            p.setDate(3, Date.valueOf(LocalDate.parse(data.get("effectiveFrom").asString())));
            p.setObject(4, integer(settings, "warningWorkingDays"));
            p.setObject(5, integer(settings, "promptAlertHours"));
            p.setObject(6, integer(settings, "immediateAlertHours"));
            p.setObject(7, integer(settings, "escalationWorkingDays"));
            p.setString(8, "依据法律法规载入的初始版本");
            p.setString(9, "Initial version loaded from the law");
            p.setTimestamp(10, Timestamp.from(Instant.parse("2020-07-01T00:00:00Z")));
            p.setTimestamp(11, Timestamp.from(Instant.parse("2020-07-01T00:00:00Z")));
            p.executeUpdate();
        }
        return id;
    }

    private static void step(Connection c, UUID version, JsonNode s, String change, int order) throws Exception {
        JsonNode deadline = s.get("deadline");
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO policy_step (version_id, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh,
                    trigger_en, owes, counterparty, copies, watcher, deadline_kind, deadline_amount, deadline_expedited,
                    documents_zh, documents_en, legal_basis, confidence, pausable, note_zh, note_en)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setObject(1, version);
            p.setString(2, s.get("id").asString());
            p.setString(3, change);
            p.setInt(4, order);
            p.setString(5, text(s, "group"));
            p.setString(6, text(s, "nameZh"));
            p.setString(7, text(s, "nameEn"));
            p.setString(8, text(s, "triggerZh"));
            p.setString(9, text(s, "triggerEn"));
            p.setString(10, text(s, "owes"));
            p.setString(11, text(s, "counterparty"));
            Array copies = null;
            if (s.has("copies") && !s.get("copies").isNull()) {
                List<String> list = new ArrayList<>();
                s.get("copies").forEach(n -> list.add(n.asString()));
                copies = c.createArrayOf("text", list.toArray());
            }
            p.setArray(12, copies);
            p.setString(13, text(s, "watcher"));
            p.setString(14, deadline == null ? null : text(deadline, "kind"));
            p.setObject(15, deadline == null ? null : integer(deadline, "amount"));
            p.setObject(16, deadline == null ? null : integer(deadline, "expeditedAmount"));
            p.setString(17, text(s, "documentsZh"));
            p.setString(18, text(s, "documentsEn"));
            p.setString(19, text(s, "legalBasis"));
            p.setString(20, text(s, "confidence"));
            p.setObject(21, s.has("pausable") ? s.get("pausable").asBoolean() : null);
            p.setString(22, text(s, "noteZh"));
            p.setString(23, text(s, "noteEn"));
            p.executeUpdate();
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
