package org.tongxin.policy.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicySetting;

/** SQL for models, versions and steps. */
@Repository
public class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ModelRow(
            UUID id, String region, UUID parentId, String nameZh, String nameEn, String noteZh, String noteEn) {}

    public record VersionRow(
            UUID id,
            UUID modelId,
            int number,
            String status,
            LocalDate effectiveFrom,
            Integer warningWorkingDays,
            Integer promptAlertHours,
            Integer immediateAlertHours,
            Integer escalationWorkingDays,
            String noteZh,
            String noteEn,
            UUID createdBy,
            Instant createdAt,
            UUID publishedBy,
            Instant publishedAt,
            int version) {

        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    /** A step row; for OVERRIDDEN rows null fields inherit the parent's value. */
    public record StepRow(
            UUID versionId,
            String stepId,
            String change,
            int sortOrder,
            String group,
            String nameZh,
            String nameEn,
            String triggerZh,
            String triggerEn,
            Organ owes,
            Organ counterparty,
            List<Organ> copies,
            Organ watcher,
            DeadlineKind deadlineKind,
            Integer deadlineAmount,
            Integer deadlineExpedited,
            String documentsZh,
            String documentsEn,
            String legalBasis,
            String confidence,
            Boolean pausable,
            String noteZh,
            String noteEn) {}

    public List<ModelRow> models() {
        return jdbc.sql("SELECT * FROM policy_model ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, region")
                .query(PolicyRepository::model)
                .list();
    }

    public Optional<ModelRow> model(UUID id) {
        return jdbc.sql("SELECT * FROM policy_model WHERE id = :id")
                .param("id", id)
                .query(PolicyRepository::model)
                .optional();
    }

    public Optional<ModelRow> modelOfRegion(String region) {
        return jdbc.sql("SELECT * FROM policy_model WHERE region = :r")
                .param("r", region)
                .query(PolicyRepository::model)
                .optional();
    }

    public List<VersionRow> versions(UUID modelId) {
        return jdbc.sql("SELECT * FROM policy_version WHERE model_id = :m ORDER BY number DESC")
                .param("m", modelId)
                .query(PolicyRepository::version)
                .list();
    }

    public Optional<VersionRow> version(UUID id) {
        return jdbc.sql("SELECT * FROM policy_version WHERE id = :id")
                .param("id", id)
                .query(PolicyRepository::version)
                .optional();
    }

    /** The published version with the latest effective date on or before {@code date}. */
    public Optional<VersionRow> inForce(UUID modelId, LocalDate date) {
        return jdbc.sql("""
            SELECT * FROM policy_version WHERE model_id = :m AND status = 'PUBLISHED' AND effective_from <= :d
             ORDER BY effective_from DESC, number DESC LIMIT 1\
            """)
                .param("m", modelId)
                .param("d", date)
                .query(PolicyRepository::version)
                .optional();
    }

    public List<StepRow> steps(UUID versionId) {
        return jdbc.sql("SELECT * FROM policy_step WHERE version_id = :v ORDER BY sort_order, step_id")
                .param("v", versionId)
                .query(PolicyRepository::step)
                .list();
    }

    public Optional<StepRow> step(UUID versionId, String stepId) {
        return jdbc.sql("SELECT * FROM policy_step WHERE version_id = :v AND step_id = :s")
                .param("v", versionId)
                .param("s", stepId)
                .query(PolicyRepository::step)
                .optional();
    }

    /** The position after the last step of a version (new steps go to the end; pages group them by stage). */
    public int nextSortOrder(UUID versionId) {
        return jdbc.sql("SELECT coalesce(max(sort_order), -1) + 1 FROM policy_step WHERE version_id = :v")
                .param("v", versionId)
                .query(Integer.class)
                .single();
    }

    public int nextNumber(UUID modelId) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM policy_version WHERE model_id = :m")
                .param("m", modelId)
                .query(Integer.class)
                .single();
    }

    public void insertVersion(UUID id, UUID modelId, int number, VersionRow from, UUID createdBy, Instant now) {
        jdbc.sql("""
            INSERT INTO policy_version (id, model_id, number, status, effective_from, warning_working_days,
                prompt_alert_hours, immediate_alert_hours, escalation_working_days, note_zh, note_en, created_by, created_at)
            VALUES (:id, :model, :number, 'DRAFT', NULL, :warn, :prompt, :immediate, :escalation, NULL, NULL, :by, :now)\
            """)
                .param("id", id)
                .param("model", modelId)
                .param("number", number)
                .param("warn", from == null ? null : from.warningWorkingDays())
                .param("prompt", from == null ? null : from.promptAlertHours())
                .param("immediate", from == null ? null : from.immediateAlertHours())
                .param("escalation", from == null ? null : from.escalationWorkingDays())
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void insertStep(UUID versionId, StepRow s) {
        jdbc.sql("""
            INSERT INTO policy_step (version_id, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh,
                trigger_en, owes, counterparty, copies, watcher, deadline_kind, deadline_amount, deadline_expedited,
                documents_zh, documents_en, legal_basis, confidence, pausable, note_zh, note_en)
            VALUES (:v, :id, :change, :sort, :group, :nameZh, :nameEn, :triggerZh, :triggerEn, :owes, :counterparty,
                :copies, :watcher, :kind, :amount, :expedited, :docsZh, :docsEn, :basis, :confidence, :pausable,
                :noteZh, :noteEn)\
            """)
                .param("v", versionId)
                .param("id", s.stepId())
                .param("change", s.change())
                .param("sort", s.sortOrder())
                .param("group", s.group())
                .param("nameZh", s.nameZh())
                .param("nameEn", s.nameEn())
                .param("triggerZh", s.triggerZh())
                .param("triggerEn", s.triggerEn())
                .param("owes", name(s.owes()))
                .param("counterparty", name(s.counterparty()))
                .param(
                        "copies",
                        s.copies() == null
                                ? null
                                : s.copies().stream().map(Enum::name).toArray(String[]::new))
                .param("watcher", name(s.watcher()))
                .param("kind", name(s.deadlineKind()))
                .param("amount", s.deadlineAmount())
                .param("expedited", s.deadlineExpedited())
                .param("docsZh", s.documentsZh())
                .param("docsEn", s.documentsEn())
                .param("basis", s.legalBasis())
                .param("confidence", s.confidence())
                .param("pausable", s.pausable())
                .param("noteZh", s.noteZh())
                .param("noteEn", s.noteEn())
                .update();
    }

    public void deleteStep(UUID versionId, String stepId) {
        jdbc.sql("DELETE FROM policy_step WHERE version_id = :v AND step_id = :s")
                .param("v", versionId)
                .param("s", stepId)
                .update();
    }

    /** Bumps the draft's optimistic lock; false when someone else changed it (or it is no longer a draft). */
    public boolean touchDraft(UUID versionId, int version) {
        return jdbc.sql("UPDATE policy_version SET version = version + 1 WHERE id = :id AND version = :v AND"
                                + " status = 'DRAFT'")
                        .param("id", versionId)
                        .param("v", version)
                        .update()
                == 1;
    }

    public boolean updateDraft(
            UUID versionId,
            int version,
            Integer warn,
            Integer prompt,
            Integer immediate,
            Integer escalation,
            String noteZh,
            String noteEn) {
        return jdbc.sql("""
            UPDATE policy_version SET warning_working_days = :warn, prompt_alert_hours = :prompt,
                   immediate_alert_hours = :immediate, escalation_working_days = :escalation, note_zh = :noteZh,
                   note_en = :noteEn, version = version + 1
             WHERE id = :id AND version = :v AND status = 'DRAFT'\
            """)
                        .param("id", versionId)
                        .param("v", version)
                        .param("warn", warn)
                        .param("prompt", prompt)
                        .param("immediate", immediate)
                        .param("escalation", escalation)
                        .param("noteZh", noteZh)
                        .param("noteEn", noteEn)
                        .update()
                == 1;
    }

    public boolean publish(UUID versionId, int version, LocalDate effectiveFrom, UUID by, Instant now) {
        return jdbc.sql("""
            UPDATE policy_version SET status = 'PUBLISHED', effective_from = :from, published_by = :by,
                   published_at = :now, version = version + 1
             WHERE id = :id AND version = :v AND status = 'DRAFT'\
            """)
                        .param("id", versionId)
                        .param("v", version)
                        .param("from", effectiveFrom)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The settings a version sets itself (the others it inherits). */
    public Map<PolicySetting, Integer> settings(UUID versionId) {
        Map<PolicySetting, Integer> values = new EnumMap<>(PolicySetting.class);
        jdbc.sql("SELECT setting_key, value FROM policy_setting WHERE version_id = :v")
                .param("v", versionId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(e -> PolicySetting.ofKey(e.getKey()).ifPresent(k -> values.put(k, e.getValue())));
        return values;
    }

    /** Replaces a draft's own settings (the database refuses it for a published version). */
    public void replaceSettings(UUID versionId, Map<PolicySetting, Integer> values) {
        jdbc.sql("DELETE FROM policy_setting WHERE version_id = :v")
                .param("v", versionId)
                .update();
        values.forEach((setting, value) -> jdbc.sql(
                        "INSERT INTO policy_setting (version_id, setting_key, value) VALUES (:v, :k, :value)")
                .param("v", versionId)
                .param("k", setting.key())
                .param("value", value)
                .update());
    }

    public void deleteDraft(UUID versionId) {
        jdbc.sql("DELETE FROM policy_setting WHERE version_id = :v")
                .param("v", versionId)
                .update();
        jdbc.sql("DELETE FROM policy_step WHERE version_id = :v")
                .param("v", versionId)
                .update();
        jdbc.sql("DELETE FROM policy_version WHERE id = :v AND status = 'DRAFT'")
                .param("v", versionId)
                .update();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static ModelRow model(ResultSet rs, int n) throws SQLException {
        return new ModelRow(
                rs.getObject("id", UUID.class),
                rs.getString("region"),
                rs.getObject("parent_id", UUID.class),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("note_zh"),
                rs.getString("note_en"));
    }

    private static VersionRow version(ResultSet rs, int n) throws SQLException {
        java.sql.Date from = rs.getDate("effective_from");
        Timestamp published = rs.getTimestamp("published_at");
        return new VersionRow(
                rs.getObject("id", UUID.class),
                rs.getObject("model_id", UUID.class),
                rs.getInt("number"),
                rs.getString("status"),
                from == null ? null : from.toLocalDate(),
                (Integer) rs.getObject("warning_working_days"),
                (Integer) rs.getObject("prompt_alert_hours"),
                (Integer) rs.getObject("immediate_alert_hours"),
                (Integer) rs.getObject("escalation_working_days"),
                rs.getString("note_zh"),
                rs.getString("note_en"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("published_by", UUID.class),
                published == null ? null : published.toInstant(),
                rs.getInt("version"));
    }

    private static StepRow step(ResultSet rs, int n) throws SQLException {
        return new StepRow(
                rs.getObject("version_id", UUID.class),
                rs.getString("step_id"),
                rs.getString("change"),
                rs.getInt("sort_order"),
                rs.getString("group_key"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("trigger_zh"),
                rs.getString("trigger_en"),
                organ(rs.getString("owes")),
                organ(rs.getString("counterparty")),
                organs(rs.getArray("copies")),
                organ(rs.getString("watcher")),
                rs.getString("deadline_kind") == null ? null : DeadlineKind.valueOf(rs.getString("deadline_kind")),
                (Integer) rs.getObject("deadline_amount"),
                (Integer) rs.getObject("deadline_expedited"),
                rs.getString("documents_zh"),
                rs.getString("documents_en"),
                rs.getString("legal_basis"),
                rs.getString("confidence"),
                (Boolean) rs.getObject("pausable"),
                rs.getString("note_zh"),
                rs.getString("note_en"));
    }

    private static Organ organ(String value) {
        return value == null ? null : Organ.valueOf(value);
    }

    private static List<Organ> organs(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return new ArrayList<>(
                Arrays.stream((String[]) array.getArray()).map(Organ::valueOf).toList());
    }
}
