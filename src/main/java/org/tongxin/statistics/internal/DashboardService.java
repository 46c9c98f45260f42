package org.tongxin.statistics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.statistics.Indicator;

/**
 * The dashboard of the caller's scope: active cases by district and type, the monthly series, overdue work by agency and
 * open conflicts by district.
 */
@Service
public class DashboardService {

    private final StatisticsQueries queries;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final StatisticsLabels labels;

    DashboardService(StatisticsQueries queries, AgencyDirectory agencies, Clock clock, StatisticsLabels labels) {
        this.queries = queries;
        this.agencies = agencies;
        this.clock = clock;
        this.labels = labels;
    }

    public record Dashboard(
            String district,
            List<Slice> districts,
            Map<String, Map<String, Long>> activeByDistrictAndType,
            List<Slice> activeByType,
            List<YearMonth> months,
            Map<String, List<Long>> monthly,
            List<Slice> overdueByAgency,
            List<Slice> openConflictsByDistrict,
            long active,
            long overdueNow,
            long openConflicts,
            long rejectedAwaiting) {}

    /** The indicators the dashboard follows month by month. */
    static final List<Indicator> DASHBOARD_SERIES = List.of(
            Indicator.CASE_RECEIVED,
            Indicator.SUBJECT_FAILED_TO_REPORT,
            Indicator.SUBJECT_LOST_CONTACT,
            Indicator.HANDOVER_REJECTED,
            Indicator.ASSISTANCE_DELIVERED,
            Indicator.CONFLICT_RAISED);

    @Transactional(readOnly = true)
    public Dashboard dashboard(StatisticsScope.Scope scope, Locale locale) {
        Instant now = clock.instant();
        YearMonth to = YearMonth.from(LegalTime.dateOf(now));
        YearMonth from = to.minusMonths(11);
        List<StatisticsQueries.CaseCount> active = queries.active(scope, now);
        Map<String, Map<String, Long>> byDistrictType = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        for (StatisticsQueries.CaseCount c : active) {
            String type = c.type() == null ? "UNKNOWN" : c.type();
            byDistrictType.computeIfAbsent(c.district(), k -> new TreeMap<>()).merge(type, c.value(), Long::sum);
            byType.merge(type, c.value(), Long::sum);
        }
        List<Slice> districts = labels.districtSlices(scope, byDistrictType.keySet(), locale);
        Map<YearMonth, Map<String, Long>> perMonth = queries.perMonth(
                scope, from, to, DASHBOARD_SERIES.stream().map(Indicator::key).toList(), null);
        Map<String, List<Long>> monthly = new LinkedHashMap<>();
        for (Indicator i : DASHBOARD_SERIES) {
            monthly.put(
                    i.key(),
                    perMonth.values().stream()
                            .map(f -> f.getOrDefault(i.key(), 0L))
                            .toList());
        }
        Map<UUID, StatisticsQueries.Backlog> backlog = queries.backlog(scope);
        Map<AgencyId, AgencyView> views =
                agencies.findAll(backlog.keySet().stream().map(AgencyId::of).toList());
        List<Slice> overdue = backlog.values().stream()
                .filter(b -> b.overdue() > 0)
                .map(b -> new Slice(
                        b.agencyId().toString(),
                        views.containsKey(AgencyId.of(b.agencyId()))
                                ? views.get(AgencyId.of(b.agencyId())).name(locale)
                                : "?",
                        b.overdue()))
                .sorted(Comparator.comparingLong(Slice::value).reversed().thenComparing(Slice::label))
                .toList();
        Map<String, Map<String, Long>> open = queries.openItems(scope);
        Map<String, Long> conflictsByDistrict = open.getOrDefault("CONFLICT", Map.of());
        List<Slice> conflictSlices = labels.districtSlices(scope, conflictsByDistrict.keySet(), locale).stream()
                .map(s -> new Slice(s.key(), s.label(), conflictsByDistrict.getOrDefault(s.key(), 0L)))
                .toList();
        List<Slice> typeSlices = byType.entrySet().stream()
                .map(e -> new Slice(e.getKey(), msg("case.type." + e.getKey(), locale), e.getValue()))
                .toList();
        districts = districts.stream()
                .map(s -> new Slice(
                        s.key(),
                        s.label(),
                        byDistrictType.getOrDefault(s.key(), Map.of()).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()))
                .toList();
        return new Dashboard(
                scope.district(),
                districts,
                byDistrictType,
                typeSlices,
                perMonth.keySet().stream().toList(),
                monthly,
                overdue,
                conflictSlices,
                byType.values().stream().mapToLong(Long::longValue).sum(),
                overdue.stream().mapToLong(Slice::value).sum(),
                conflictsByDistrict.values().stream().mapToLong(Long::longValue).sum(),
                open.getOrDefault("HANDOVER_REJECTED", Map.of()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    private String msg(String key, Locale locale, Object... args) {
        return labels.msg(key, locale, args);
    }
}
