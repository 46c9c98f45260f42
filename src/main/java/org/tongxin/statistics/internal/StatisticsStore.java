package org.tongxin.statistics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.statistics.Indicator;

/** Writes of the read models: one statement each, all idempotent through {@link #claim}. */
@Repository
public class StatisticsStore {

    /** Context of a declined referral's reason, kept encrypted beside the item (it may describe the subject). */
    static final String REASON = "statistics_item.reason";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    StatisticsStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Records that an event is being counted; false when it was counted before (a redelivery). */
    public boolean claim(UUID eventId, Instant at) {
        return jdbc.sql("INSERT INTO statistics_handled_event (event_id, handled_at) VALUES (:id, :at) ON"
                                + " CONFLICT DO NOTHING")
                        .param("id", eventId)
                        .param("at", ts(at))
                        .update()
                == 1;
    }

    /** The first day of the month (Asia/Shanghai) an instant falls in. */
    public static LocalDate month(Instant at) {
        return LegalTime.dateOf(at).withDayOfMonth(1);
    }

    /** Adds one to the indicator's total for the month and agency, and to each of the given dimensions. */
    public void count(Instant when, AgencyId agency, String district, Indicator indicator, String... dimensions) {
        add(month(when), agency, district, indicator, "");
        for (String dimension : dimensions) {
            if (dimension != null && !dimension.isEmpty()) {
                add(month(when), agency, district, indicator, dimension);
            }
        }
    }

    private void add(LocalDate month, AgencyId agency, String district, Indicator indicator, String dimension) {
        jdbc.sql("""
            INSERT INTO statistics_monthly (month, agency_id, district, indicator, dimension, value)
            VALUES (:month, :agency, :district, :indicator, :dimension, 1)
            ON CONFLICT (month, agency_id, indicator, dimension) DO UPDATE SET value = statistics_monthly.value + 1\
            """)
                .param("month", month)
                .param("agency", agency.value())
                .param("district", district)
                .param("indicator", indicator.key())
                .param("dimension", truncate(dimension, 40))
                .update();
    }

    // Cases

    public void caseDecided(
            UUID caseId, AgencyId county, String district, String type, String gender, boolean minor, Instant at) {
        jdbc.sql("""
            INSERT INTO statistics_case (case_id, county_agency_id, district, correction_type, gender, minor, decided_at)
            VALUES (:id, :county, :district, :type, :gender, :minor, :at)
            ON CONFLICT (case_id) DO UPDATE SET county_agency_id = excluded.county_agency_id, district = excluded.district,
                correction_type = excluded.correction_type, gender = excluded.gender, minor = excluded.minor,
                decided_at = coalesce(statistics_case.decided_at, excluded.decided_at)\
            """)
                .param("id", caseId)
                .param("county", county.value())
                .param("district", district)
                .param("type", type)
                .param("gender", gender)
                .param("minor", minor)
                .param("at", ts(at))
                .update();
    }

    public boolean caseKnown(UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM statistics_case WHERE case_id = :id")
                        .param("id", caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<String> caseType(UUID caseId) {
        return jdbc.sql("SELECT correction_type FROM statistics_case WHERE case_id = :id")
                .param("id", caseId)
                .query(String.class)
                .optional();
    }

    public void caseReceived(UUID caseId, Instant at) {
        jdbc.sql("UPDATE statistics_case SET received_at = coalesce(received_at, :at) WHERE case_id = :id")
                .param("id", caseId)
                .param("at", ts(at))
                .update();
    }

    /** Correction ended (termination, revocation, death): the first ending counts, a redelivery changes nothing. */
    public void caseReleased(UUID caseId, Instant at) {
        jdbc.sql("UPDATE statistics_case SET released_at = coalesce(released_at, :at) WHERE case_id = :id")
                .param("id", caseId)
                .param("at", ts(at))
                .update();
    }

    public void officeAssigned(UUID caseId, AgencyId office) {
        jdbc.sql("UPDATE statistics_case SET office_id = :office WHERE case_id = :id")
                .param("id", caseId)
                .param("office", office.value())
                .update();
    }

    /** The social organisations on the case's team, replacing what an earlier team formation recorded. */
    public void teamFormed(UUID caseId, java.util.Collection<AgencyId> organisations) {
        jdbc.sql("DELETE FROM statistics_case_team WHERE case_id = :id")
                .param("id", caseId)
                .update();
        for (AgencyId agency : new java.util.LinkedHashSet<>(organisations)) {
            jdbc.sql("INSERT INTO statistics_case_team (case_id, agency_id) VALUES (:id, :agency) ON CONFLICT"
                            + " DO NOTHING")
                    .param("id", caseId)
                    .param("agency", agency.value())
                    .update();
        }
    }

    // Obligations

    public record ObligationRow(
            UUID id,
            UUID caseId,
            String stepId,
            UUID agencyId,
            String district,
            Instant dueAt,
            String status,
            Instant overdueAt) {

        /** The agency that owes the obligation. */
        public AgencyId agency() {
            return new AgencyId(agencyId);
        }
    }

    public Optional<ObligationRow> obligation(UUID id) {
        return jdbc.sql("""
            SELECT obligation_id, case_id, step_id, agency_id, district, due_at, status, overdue_at
              FROM statistics_obligation WHERE obligation_id = :id\
            """)
                .param("id", id)
                .query((rs, n) -> new ObligationRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7),
                        instant(rs.getTimestamp(8))))
                .optional();
    }

    public void obligationOpened(
            UUID id,
            UUID caseId,
            String stepId,
            String stepZh,
            String stepEn,
            AgencyId agency,
            String district,
            Instant openedAt,
            Instant dueAt,
            String status) {
        jdbc.sql("""
            INSERT INTO statistics_obligation (obligation_id, case_id, step_id, step_zh, step_en, agency_id, district,
                opened_at, due_at, status)
            VALUES (:id, :case, :step, :zh, :en, :agency, :district, :opened, :due, :status)
            ON CONFLICT (obligation_id) DO NOTHING\
            """)
                .param("id", id)
                .param("case", caseId)
                .param("step", stepId)
                .param("zh", truncate(stepZh, 200))
                .param("en", truncate(stepEn, 200))
                .param("agency", agency.value())
                .param("district", district)
                .param("opened", ts(openedAt))
                .param("due", ts(dueAt))
                .param("status", status)
                .update();
    }

    public void obligationClosed(UUID id, String status, Instant at, Integer latenessHours) {
        jdbc.sql("UPDATE statistics_obligation SET status = :status, closed_at = :at, lateness_hours = :late"
                        + " WHERE obligation_id = :id")
                .param("id", id)
                .param("status", status)
                .param("at", ts(at))
                .param("late", latenessHours)
                .update();
    }

    public void obligationOverdue(UUID id, Instant at) {
        jdbc.sql("UPDATE statistics_obligation SET status = 'OVERDUE', overdue_at = coalesce(overdue_at, :at)"
                        + " WHERE obligation_id = :id")
                .param("id", id)
                .param("at", ts(at))
                .update();
    }

    public void obligationEscalated(UUID id, int level, AgencyId to) {
        jdbc.sql("""
            UPDATE statistics_obligation SET escalation_level = greatest(escalation_level, :level), escalated_to = :to
             WHERE obligation_id = :id\
            """)
                .param("id", id)
                .param("level", level)
                .param("to", to == null ? null : to.value())
                .update();
    }

    public void obligationPaused(UUID id) {
        jdbc.sql("UPDATE statistics_obligation SET status = 'PAUSED' WHERE obligation_id = :id AND status IN"
                        + " ('OPEN', 'OVERDUE')")
                .param("id", id)
                .update();
    }

    public void obligationDue(UUID id, Instant dueAt, boolean resumed) {
        jdbc.sql("""
            UPDATE statistics_obligation SET due_at = :due,
                status = CASE WHEN :resumed AND status = 'PAUSED' THEN CASE WHEN overdue_at IS NULL THEN 'OPEN' ELSE 'OVERDUE' END
                              ELSE status END
             WHERE obligation_id = :id\
            """)
                .param("id", id)
                .param("due", ts(dueAt))
                .param("resumed", resumed)
                .update();
    }

    /** Whether the sender's obligation for a handover's step in a case went overdue (a late handover). */
    public boolean stepWentOverdue(UUID caseId, String stepId, AgencyId agency) {
        return jdbc.sql("""
            SELECT count(*) FROM statistics_obligation
             WHERE case_id = :case AND step_id = :step AND agency_id = :agency
               AND (overdue_at IS NOT NULL OR status = 'FULFILLED_LATE')\
            """)
                        .param("case", caseId)
                        .param("step", stepId)
                        .param("agency", agency.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    // Items that hold cases up

    public void itemOpened(
            String kind,
            UUID itemId,
            UUID caseId,
            AgencyId agency,
            AgencyId counterparty,
            String district,
            String detail,
            Instant at) {
        itemOpened(kind, itemId, caseId, agency, counterparty, district, detail, null, at);
    }

    /** An item with a reason in the agency's words (encrypted; {@code detail} holds only non-personal facts). */
    public void itemOpened(
            String kind,
            UUID itemId,
            UUID caseId,
            AgencyId agency,
            AgencyId counterparty,
            String district,
            String detail,
            String reason,
            Instant at) {
        jdbc.sql("""
            INSERT INTO statistics_item (kind, item_id, case_id, agency_id, counterparty_id, district, detail, reason_enc, opened_at)
            VALUES (:kind, :id, :case, :agency, :other, :district, :detail, :reason, :at)
            ON CONFLICT (kind, item_id) DO UPDATE SET opened_at = excluded.opened_at, detail = excluded.detail,
                reason_enc = excluded.reason_enc, closed_at = NULL\
            """)
                .param("kind", kind)
                .param("id", itemId)
                .param("case", caseId)
                .param("agency", agency.value())
                .param("other", counterparty == null ? null : counterparty.value())
                .param("district", district)
                .param("detail", truncate(detail, 200))
                .param("reason", cipher.seal(reason == null || reason.isBlank() ? null : reason, REASON))
                .param("at", ts(at))
                .update();
    }

    public void itemClosed(String kind, UUID itemId, Instant at) {
        jdbc.sql("UPDATE statistics_item SET closed_at = :at WHERE kind = :kind AND item_id = :id AND closed_at"
                        + " IS NULL")
                .param("kind", kind)
                .param("id", itemId)
                .param("at", ts(at))
                .update();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
