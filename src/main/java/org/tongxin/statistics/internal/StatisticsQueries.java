package org.tongxin.statistics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.time.LegalTime;

/**
 * Reads of the read models, always within a scope of districts (a LIKE on the six-digit code, served by the
 * indexes that lead with the district) and a range of months: no page view scans the ledger or the case tables.
 */
@Repository
public class StatisticsQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FieldCipher cipher;

    StatisticsQueries(JdbcClient jdbc, Clock clock, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A counted figure: the agency, indicator and dimension summed over a range of months. */
    public record Count(UUID agencyId, String district, String indicator, String dimension, long value) {}

    /** Sums per agency, indicator and dimension over the months (inclusive). */
    public List<Count> counts(StatisticsScope.Scope scope, YearMonth from, YearMonth to) {
        return jdbc.sql("""
            SELECT agency_id, district, indicator, dimension, sum(value) FROM statistics_monthly
             WHERE district BETWEEN :scopeFrom AND :scopeTo AND month BETWEEN :from AND :to
             GROUP BY agency_id, district, indicator, dimension\
            """)
                .params(scope.bounds())
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .query((rs, n) -> new Count(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** Totals (dimension '') of some indicators per month, for trends. */
    public Map<YearMonth, Map<String, Long>> perMonth(
            StatisticsScope.Scope scope, YearMonth from, YearMonth to, List<String> indicators, UUID agency) {
        Map<YearMonth, Map<String, Long>> result = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            result.put(m, new HashMap<>());
        }
        jdbc.sql("""
            SELECT month, indicator, sum(value) FROM statistics_monthly
             WHERE district BETWEEN :scopeFrom AND :scopeTo AND month BETWEEN :from AND :to AND indicator IN (:indicators) AND dimension = ''
               AND (CAST(:agency AS UUID) IS NULL OR agency_id = :agency)
             GROUP BY month, indicator\
            """)
                .params(scope.bounds())
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .param("indicators", indicators)
                .param("agency", agency)
                .query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getObject(1, LocalDate.class));
                    result.computeIfAbsent(month, k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    return null;
                })
                .list();
        return result;
    }

    /** Lateness of obligations due in the period and fulfilled late, per agency: count, median and worst hours. */
    public record Lateness(UUID agencyId, long count, double medianHours, int worstHours) {}

    public Map<UUID, Lateness> lateness(StatisticsScope.Scope scope, YearMonth from, YearMonth to) {
        Map<UUID, Lateness> result = new HashMap<>();
        jdbc.sql("""
            SELECT agency_id, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY lateness_hours), max(lateness_hours)
              FROM statistics_obligation
             WHERE status = 'FULFILLED_LATE' AND district BETWEEN :scopeFrom AND :scopeTo AND due_at >= :from AND due_at < :to
             GROUP BY agency_id\
            """)
                .params(scope.bounds())
                .param("from", Timestamp.from(start(from)))
                .param("to", Timestamp.from(start(to.plusMonths(1))))
                .query((rs, n) -> result.put(
                        rs.getObject(1, UUID.class),
                        new Lateness(rs.getObject(1, UUID.class), rs.getLong(2), rs.getDouble(3), rs.getInt(4))))
                .list();
        return result;
    }

    /** Open obligations now, per agency: how many, and the median and oldest age in days. */
    public record Backlog(UUID agencyId, long open, long overdue, double medianAgeDays, long oldestAgeDays) {}

    public Map<UUID, Backlog> backlog(StatisticsScope.Scope scope) {
        Map<UUID, Backlog> result = new HashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
            SELECT agency_id, count(*), count(*) FILTER (WHERE status = 'OVERDUE'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (:now - opened_at)) / 86400),
                   max(extract(epoch FROM (:now - opened_at)) / 86400)
              FROM statistics_obligation
             WHERE status IN ('OPEN', 'PAUSED', 'OVERDUE') AND district BETWEEN :scopeFrom AND :scopeTo
             GROUP BY agency_id\
            """)
                .param("now", now)
                .params(scope.bounds())
                .query((rs, n) -> result.put(
                        rs.getObject(1, UUID.class),
                        new Backlog(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getDouble(4), (long)
                                Math.floor(rs.getDouble(5)))))
                .list();
        return result;
    }

    /**
     * Active cases now per executing county agency, per judicial office and per social organisation with a social
     * worker on the case's team (caseload), for the cases of the scope.
     */
    public Map<UUID, Long> caseload(StatisticsScope.Scope scope) {
        Map<UUID, Long> result = new HashMap<>();
        jdbc.sql("""
            SELECT county_agency_id, office_id, count(*) FROM statistics_case
             WHERE district BETWEEN :scopeFrom AND :scopeTo AND received_at IS NOT NULL AND released_at IS NULL
             GROUP BY county_agency_id, office_id\
            """)
                .params(scope.bounds())
                .query((rs, n) -> {
                    result.merge(rs.getObject(1, UUID.class), rs.getLong(3), Long::sum);
                    UUID office = rs.getObject(2, UUID.class);
                    if (office != null) {
                        result.merge(office, rs.getLong(3), Long::sum);
                    }
                    return null;
                })
                .list();
        jdbc.sql("""
            SELECT t.agency_id, count(*) FROM statistics_case_team t JOIN statistics_case c ON c.case_id = t.case_id
             WHERE c.district BETWEEN :scopeFrom AND :scopeTo AND c.received_at IS NOT NULL AND c.released_at IS NULL
             GROUP BY t.agency_id\
            """)
                .params(scope.bounds())
                .query((rs, n) -> result.merge(rs.getObject(1, UUID.class), rs.getLong(2), Long::sum))
                .list();
        return result;
    }

    // Cases as of a moment (the monthly report and the dashboard)

    /** A breakdown of cases: district, type, sex, minor and a count. */
    public record CaseCount(String district, String type, String gender, boolean minor, long value) {}

    /** Cases received in [from, to). */
    public List<CaseCount> received(StatisticsScope.Scope scope, Instant from, Instant to) {
        return caseCounts("received_at >= :from AND received_at < :to", scope, from, to);
    }

    /** Cases released in [from, to). */
    public List<CaseCount> released(StatisticsScope.Scope scope, Instant from, Instant to) {
        return caseCounts("released_at >= :from AND released_at < :to", scope, from, to);
    }

    /** Cases under correction at the instant {@code to} (received before it, not released by it). */
    public List<CaseCount> active(StatisticsScope.Scope scope, Instant to) {
        return caseCounts("received_at < :to AND (released_at IS NULL OR released_at >= :to)", scope, to, to);
    }

    private List<CaseCount> caseCounts(String condition, StatisticsScope.Scope scope, Instant from, Instant to) {
        return jdbc.sql("SELECT district, correction_type, gender, minor, count(*) FROM statistics_case WHERE district"
                        + " BETWEEN :scopeFrom AND :scopeTo AND "
                        + condition + " GROUP BY district, correction_type, gender, minor")
                .params(scope.bounds())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new CaseCount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)))
                .list();
    }

    // What holds cases up now

    public record StuckObligation(
            UUID obligationId,
            UUID caseId,
            String stepId,
            String stepZh,
            String stepEn,
            UUID agencyId,
            String district,
            Instant dueAt,
            Instant overdueAt,
            int escalationLevel,
            UUID escalatedTo) {}

    /** Overdue obligations in scope, by agency then case then due time. */
    public List<StuckObligation> overdue(StatisticsScope.Scope scope, int limit) {
        return jdbc.sql("""
            SELECT obligation_id, case_id, step_id, step_zh, step_en, agency_id, district, due_at, overdue_at,
                   escalation_level, escalated_to
              FROM statistics_obligation
             WHERE status = 'OVERDUE' AND district BETWEEN :scopeFrom AND :scopeTo
             ORDER BY agency_id, case_id, due_at LIMIT :limit\
            """)
                .params(scope.bounds())
                .param("limit", limit)
                .query((rs, n) -> new StuckObligation(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        StatisticsStore.instant(rs.getTimestamp(8)),
                        StatisticsStore.instant(rs.getTimestamp(9)),
                        rs.getInt(10),
                        rs.getObject(11, UUID.class)))
                .list();
    }

    public record Item(
            String kind,
            UUID itemId,
            UUID caseId,
            UUID agencyId,
            UUID counterpartyId,
            String district,
            String detail,
            Instant openedAt) {}

    /** Open items (rejected handovers awaiting a supplement, open conflicts) and declined referrals since {@code since}. */
    public List<Item> items(StatisticsScope.Scope scope, Instant declinedSince, int limit) {
        return jdbc.sql("""
            SELECT kind, item_id, case_id, agency_id, counterparty_id, district, detail, opened_at, reason_enc FROM statistics_item
             WHERE district BETWEEN :scopeFrom AND :scopeTo AND closed_at IS NULL
               AND (kind <> 'REFERRAL_DECLINED' OR opened_at >= :since)
             ORDER BY kind, agency_id, opened_at LIMIT :limit\
            """)
                .params(scope.bounds())
                .param("since", Timestamp.from(declinedSince))
                .param("limit", limit)
                .query((rs, n) -> new Item(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        detail(rs.getString(7), rs.getBytes(9)),
                        StatisticsStore.instant(rs.getTimestamp(8))))
                .list();
    }

    /** The item's facts, with the reason (decrypted for this reader, who sees the item) after a colon. */
    private String detail(String facts, byte[] reason) {
        String text = cipher.open(reason, StatisticsStore.REASON);
        return text == null ? facts : (facts == null ? "" : facts) + ": " + text;
    }

    /** Open items per kind and district, for the dashboard. */
    public Map<String, Map<String, Long>> openItems(StatisticsScope.Scope scope) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        jdbc.sql("SELECT kind, district, count(*) FROM statistics_item WHERE district BETWEEN :scopeFrom AND"
                        + " :scopeTo AND closed_at IS NULL GROUP BY kind, district")
                .params(scope.bounds())
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return result;
    }

    // The cases behind a figure (drill-down)

    /** Which cases a drill-down lists. */
    public enum Figure {
        ACTIVE,
        RECEIVED,
        OVERDUE,
        HANDOVER_REJECTED,
        CONFLICT,
        FAILED_TO_REPORT,
        LOST_CONTACT
    }

    public record CaseIds(List<UUID> ids, long total) {}

    public CaseIds casesBehind(
            Figure figure, StatisticsScope.Scope scope, UUID agency, YearMonth month, int offset, int size) {
        Instant from = month == null ? null : start(month);
        Instant to = month == null ? null : start(month.plusMonths(1));
        String sql = switch (figure) {
            case ACTIVE -> """
                SELECT case_id AS id, max(received_at) AS at FROM statistics_case WHERE district BETWEEN :scopeFrom AND :scopeTo
                   AND received_at IS NOT NULL AND released_at IS NULL
                   AND (CAST(:agency AS UUID) IS NULL OR county_agency_id = :agency OR office_id = :agency)
                 GROUP BY case_id\
                """;
            case RECEIVED -> """
                SELECT case_id AS id, max(received_at) AS at FROM statistics_case WHERE district BETWEEN :scopeFrom AND :scopeTo
                   AND received_at >= :from AND received_at < :to
                   AND (CAST(:agency AS UUID) IS NULL OR county_agency_id = :agency OR office_id = :agency)
                 GROUP BY case_id\
                """;
            case OVERDUE -> """
                SELECT case_id AS id, min(due_at) AS at FROM statistics_obligation WHERE district BETWEEN :scopeFrom AND :scopeTo
                   AND status = 'OVERDUE' AND case_id IS NOT NULL
                   AND (CAST(:agency AS UUID) IS NULL OR agency_id = :agency)
                 GROUP BY case_id\
                """;
            case FAILED_TO_REPORT, LOST_CONTACT -> """
                SELECT case_id AS id, min(opened_at) AS at FROM statistics_obligation WHERE district BETWEEN :scopeFrom AND :scopeTo
                   AND step_id = :step AND case_id IS NOT NULL
                   AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR opened_at >= :from AND opened_at < :to)
                   AND (CAST(:agency AS UUID) IS NULL OR agency_id = :agency)
                 GROUP BY case_id\
                """;
            case HANDOVER_REJECTED, CONFLICT -> """
                SELECT case_id AS id, min(opened_at) AS at FROM statistics_item WHERE district BETWEEN :scopeFrom AND :scopeTo
                   AND kind = :kind AND closed_at IS NULL AND case_id IS NOT NULL
                   AND (CAST(:agency AS UUID) IS NULL OR agency_id = :agency)
                 GROUP BY case_id\
                """;
        };
        if (figure == Figure.RECEIVED && month == null) {
            throw new IllegalArgumentException("RECEIVED needs a month");
        }
        String kind = figure == Figure.CONFLICT ? "CONFLICT" : "HANDOVER_REJECTED";
        String step = figure == Figure.LOST_CONTACT
                ? StatisticsProjector.LOST_CONTACT_STEP
                : StatisticsProjector.FAILED_TO_REPORT_STEP;
        Timestamp fromTs = from == null ? null : Timestamp.from(from);
        Timestamp toTs = to == null ? null : Timestamp.from(to);
        long total = jdbc.sql("SELECT count(*) FROM (" + sql + ") t")
                .params(scope.bounds())
                .param("agency", agency)
                .param("from", fromTs)
                .param("to", toTs)
                .param("kind", kind)
                .param("step", step)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("SELECT id FROM (" + sql + ") t ORDER BY at, id LIMIT :limit OFFSET :offset")
                .params(scope.bounds())
                .param("agency", agency)
                .param("from", fromTs)
                .param("to", toTs)
                .param("kind", kind)
                .param("step", step)
                .param("limit", size)
                .param("offset", offset)
                .query(UUID.class)
                .list();
        return new CaseIds(new ArrayList<>(ids), total);
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(LegalTime.ZONE).toInstant();
    }
}
