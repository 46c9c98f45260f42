package org.tongxin.statistics.internal;

import static org.tongxin.statistics.internal.StatisticsLabels.cells;
import static org.tongxin.statistics.internal.StatisticsLabels.rate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.Role;
import org.tongxin.identity.UserDirectory;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.statistics.Indicator;
import org.tongxin.statistics.Period;
import org.tongxin.statistics.ReportTable;

/**
 * The scorecards and the annual assessment (考核) of the agencies in the caller's scope, computed from the read models;
 * one screen's service (the dashboard and the coordinator's screen have theirs).
 */
@Service
public class ScorecardService {

    private final StatisticsQueries queries;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final StatisticsLabels labels;

    ScorecardService(
            StatisticsQueries queries, AgencyDirectory agencies, UserDirectory users, StatisticsLabels labels) {
        this.queries = queries;
        this.agencies = agencies;
        this.users = users;
        this.labels = labels;
    }

    /**
     * One agency's scorecard over a period. Rates are null when nothing fell due; lateness is over obligations that fell
     * due in the period and were fulfilled late (whole hours, a started hour counting); backlog is as of now.
     */
    public record ScorecardRow(
            UUID agencyId,
            String agencyName,
            AgencyType type,
            String district,
            long due,
            long onTime,
            Double onTimeRate,
            long fulfilledLate,
            Double medianLatenessHours,
            Integer worstLatenessHours,
            long openNow,
            long overdueNow,
            Double backlogMedianAgeDays,
            Long backlogOldestAgeDays,
            long handoversRejected,
            Map<String, Long> rejectionReasons,
            long handoversLate,
            long referralsMade,
            long referralsAccepted,
            long referralsDeclined,
            long assistanceDelivered,
            long conflictsRaised,
            long conflictsResolved,
            Long activeCases,
            Integer officers,
            Double casesPerOfficer) {}

    /** The month-by-month trend of the scope over the period. */
    public record MonthTrend(
            YearMonth month, long due, long onTime, Double onTimeRate, long handoversRejected, long received) {}

    /** {@code trendAgency}: the agency the trend follows (null: the whole scope). */
    public record Scorecards(
            Period period,
            String district,
            AgencyType agencyType,
            List<ScorecardRow> rows,
            List<MonthTrend> trend,
            UUID trendAgency,
            String trendAgencyName) {}

    @Transactional(readOnly = true)
    public Scorecards scorecards(StatisticsScope.Scope scope, Period period, AgencyType type, Locale locale) {
        return scorecards(scope, period, type, null, locale);
    }

    /** As above, with the month-by-month trend of one agency of the scope (404 for an agency outside it). */
    @Transactional(readOnly = true)
    public Scorecards scorecards(
            StatisticsScope.Scope scope, Period period, AgencyType type, UUID trendAgency, Locale locale) {
        AgencyView followed = trendAgency == null ? null : labels.agencyInScope(scope, trendAgency);
        List<StatisticsQueries.Count> counts = queries.counts(scope, period.from(), period.to());
        Map<UUID, StatisticsQueries.Lateness> lateness = queries.lateness(scope, period.from(), period.to());
        Map<UUID, StatisticsQueries.Backlog> backlog = queries.backlog(scope);
        Map<UUID, Long> caseload = queries.caseload(scope);
        Set<UUID> ids = new HashSet<>();
        counts.forEach(c -> ids.add(c.agencyId()));
        ids.addAll(lateness.keySet());
        ids.addAll(backlog.keySet());
        ids.addAll(caseload.keySet());
        Map<AgencyId, AgencyView> views =
                agencies.findAll(ids.stream().map(AgencyId::of).toList());
        Map<UUID, Map<String, Map<String, Long>>> byAgency = new LinkedHashMap<>();
        for (StatisticsQueries.Count c : counts) {
            byAgency.computeIfAbsent(c.agencyId(), k -> new TreeMap<>())
                    .computeIfAbsent(c.indicator(), k -> new TreeMap<>())
                    .put(c.dimension(), c.value());
        }
        List<ScorecardRow> rows = new ArrayList<>();
        for (UUID id : ids) {
            AgencyView agency = views.get(AgencyId.of(id));
            if (agency == null || type != null && agency.type() != type) {
                continue;
            }
            Map<String, Map<String, Long>> figures = byAgency.getOrDefault(id, Map.of());
            long due = total(figures, Indicator.OBLIGATION_DUE);
            long onTime = total(figures, Indicator.OBLIGATION_ON_TIME);
            StatisticsQueries.Lateness late = lateness.get(id);
            StatisticsQueries.Backlog open = backlog.get(id);
            Long active = caseload.get(id);
            Integer officers = officersOf(agency);
            Map<String, Long> reasons =
                    new TreeMap<>(figures.getOrDefault(Indicator.HANDOVER_REJECTED.key(), Map.of()));
            reasons.remove("");
            rows.add(new ScorecardRow(
                    id,
                    agency.name(locale),
                    agency.type(),
                    Districts.district(agency.divisionCode()),
                    due,
                    onTime,
                    rate(onTime, due),
                    late == null ? 0 : late.count(),
                    late == null ? null : late.medianHours(),
                    late == null ? null : late.worstHours(),
                    open == null ? 0 : open.open(),
                    open == null ? 0 : open.overdue(),
                    open == null ? null : open.medianAgeDays(),
                    open == null ? null : open.oldestAgeDays(),
                    total(figures, Indicator.HANDOVER_REJECTED),
                    reasons,
                    total(figures, Indicator.HANDOVER_LATE),
                    total(figures, Indicator.REFERRAL_MADE),
                    total(figures, Indicator.REFERRAL_ACCEPTED),
                    total(figures, Indicator.REFERRAL_DECLINED),
                    total(figures, Indicator.ASSISTANCE_DELIVERED),
                    total(figures, Indicator.CONFLICT_RAISED),
                    total(figures, Indicator.CONFLICT_RESOLVED),
                    active,
                    officers,
                    active == null || officers == null || officers == 0
                            ? null
                            : Math.round(active * 10.0 / officers) / 10.0));
        }
        rows.sort(Comparator.comparing((ScorecardRow r) -> r.type().ordinal())
                .thenComparing(ScorecardRow::district)
                .thenComparing(ScorecardRow::agencyName));
        List<MonthTrend> trend = new ArrayList<>();
        queries.perMonth(
                        scope,
                        period.from(),
                        period.to(),
                        List.of(
                                Indicator.OBLIGATION_DUE.key(),
                                Indicator.OBLIGATION_ON_TIME.key(),
                                Indicator.HANDOVER_REJECTED.key(),
                                Indicator.CASE_RECEIVED.key()),
                        trendAgency)
                .forEach((month, f) -> {
                    long d = f.getOrDefault(Indicator.OBLIGATION_DUE.key(), 0L);
                    long o = f.getOrDefault(Indicator.OBLIGATION_ON_TIME.key(), 0L);
                    trend.add(new MonthTrend(
                            month,
                            d,
                            o,
                            rate(o, d),
                            f.getOrDefault(Indicator.HANDOVER_REJECTED.key(), 0L),
                            f.getOrDefault(Indicator.CASE_RECEIVED.key(), 0L)));
                });
        return new Scorecards(
                period,
                scope.district(),
                type,
                rows,
                trend,
                trendAgency,
                followed == null ? null : followed.name(locale));
    }

    /** Active staff who carry cases: officers of a judicial office or a county agency, social workers of an organisation. */
    private Integer officersOf(AgencyView agency) {
        Role role = switch (agency.type()) {
            case JUDICIAL_OFFICE -> Role.OFFICE_OFFICER;
            case CORRECTION_AGENCY, JUDICIAL_BUREAU -> Role.COUNTY_OFFICER;
            case SOCIAL_ORGANISATION -> Role.SOCIAL_WORKER;
            default -> null;
        };
        if (role == null) {
            return null;
        }
        return (int) users.search(
                        null,
                        agency.id(),
                        role,
                        "ACTIVE",
                        PageQuery.of(0, 1, "status", UserDirectory.SORTABLE, "status"))
                .total();
    }

    private static long total(Map<String, Map<String, Long>> figures, Indicator indicator) {
        return figures.getOrDefault(indicator.key(), Map.of()).getOrDefault("", 0L);
    }

    /** The scorecards as tables (the annual assessment 考核 when the period is a year): for Excel and PDF. */
    public List<ReportTable> scorecardTables(Scorecards s, Locale locale) {
        List<String> headers = List.of(
                        "agency",
                        "type",
                        "due",
                        "onTime",
                        "ratePercent",
                        "late",
                        "medianLate",
                        "worstLate",
                        "open",
                        "overdueNow",
                        "backlogMedian",
                        "backlogOldest",
                        "rejected",
                        "handoversLate",
                        "referralsAccepted",
                        "referralsDeclined",
                        "conflictsRaised",
                        "conflictsResolved",
                        "activeCases",
                        "perOfficer")
                .stream()
                .map(h -> msg("statistics.col." + h, locale))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        for (ScorecardRow r : s.rows()) {
            rows.add(cells(
                    r.agencyName(),
                    msg("agency.type." + r.type().name(), locale),
                    r.due(),
                    r.onTime(),
                    r.onTimeRate(),
                    r.fulfilledLate(),
                    r.medianLatenessHours(),
                    r.worstLatenessHours(),
                    r.openNow(),
                    r.overdueNow(),
                    r.backlogMedianAgeDays() == null ? null : Math.round(r.backlogMedianAgeDays() * 10) / 10.0,
                    r.backlogOldestAgeDays(),
                    r.handoversRejected(),
                    r.handoversLate(),
                    r.referralsAccepted(),
                    r.referralsDeclined(),
                    r.conflictsRaised(),
                    r.conflictsResolved(),
                    r.activeCases(),
                    r.casesPerOfficer()));
        }
        List<List<Object>> trend = new ArrayList<>();
        for (MonthTrend t : s.trend()) {
            trend.add(cells(
                    t.month().toString(), t.due(), t.onTime(), t.onTimeRate(), t.handoversRejected(), t.received()));
        }
        List<List<Object>> definitions = new ArrayList<>();
        for (String key : List.of("rate", "medianLate", "worstLate", "backlogMedian", "rejected", "perOfficer")) {
            definitions.add(cells(msg("statistics.col." + key, locale), msg("statistics.def." + key, locale)));
        }
        return List.of(
                new ReportTable("scorecards", msg("statistics.scorecards.caption", locale), headers, rows),
                new ReportTable(
                        "trend",
                        msg("statistics.trend.caption", locale),
                        List.of(
                                msg("statistics.col.month", locale), msg("statistics.col.due", locale),
                                msg("statistics.col.onTime", locale), msg("statistics.col.ratePercent", locale),
                                msg("statistics.col.rejected", locale), msg("statistics.col.received", locale)),
                        trend),
                new ReportTable(
                        "definitions",
                        msg("statistics.definitions", locale),
                        List.of(msg("statistics.col.indicator", locale), msg("statistics.col.definition", locale)),
                        definitions));
    }

    private String msg(String key, Locale locale, Object... args) {
        return labels.msg(key, locale, args);
    }
}
