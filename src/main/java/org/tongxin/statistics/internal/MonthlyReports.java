package org.tongxin.statistics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.statistics.Indicator;
import org.tongxin.statistics.ReportTable;

/**
 * The official monthly report (社区矫正工作月报) for the city or one district. Every figure is either a count of
 * things that happened in the month (kept per month in the read models) or a state at the month's end computed from
 * the dates at which cases were received and released, so a past month's report is the same whenever it is made.
 */
@Service
public class MonthlyReports {

    public record MonthlyReport(
            YearMonth month, String district, String districtName, Instant asOf, List<ReportTable> tables) {}

    private final StatisticsQueries queries;
    private final StatisticsLabels labelsOf;
    private final AgencyDirectory agencies;
    private final Clock clock;

    MonthlyReports(StatisticsQueries queries, StatisticsLabels labelsOf, AgencyDirectory agencies, Clock clock) {
        this.queries = queries;
        this.labelsOf = labelsOf;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MonthlyReport report(StatisticsScope.Scope scope, YearMonth month, Locale locale) {
        YearMonth current = YearMonth.from(LegalTime.dateOf(clock.instant()));
        if (month.isAfter(current)) {
            throw TongxinException.rule("STATISTICS_MONTH_NOT_STARTED", month.toString());
        }
        Instant start = StatisticsQueries.start(month);
        Instant end = StatisticsQueries.start(month.plusMonths(1));
        Instant asOf = month.equals(current) ? clock.instant() : end;
        List<StatisticsQueries.CaseCount> received = queries.received(scope, start, end);
        List<StatisticsQueries.CaseCount> released = queries.released(scope, start, end);
        List<StatisticsQueries.CaseCount> active = queries.active(scope, asOf);
        List<StatisticsQueries.Count> counts = queries.counts(scope, month, month);
        List<ReportTable> tables = new ArrayList<>();
        tables.add(subjects(received, released, active, locale));
        List<Slice> districts = labelsOf.districtSlices(
                scope,
                counts.stream()
                        .map(StatisticsQueries.Count::district)
                        .filter(d -> !d.endsWith("00"))
                        .toList(),
                locale);
        tables.add(byDistrict(districts, received, released, active, counts, locale));
        tables.add(handovers(districts, counts, locale));
        tables.add(byAgency(
                "obligations",
                counts,
                locale,
                a -> true,
                List.of(
                        Indicator.OBLIGATION_DUE,
                        Indicator.OBLIGATION_ON_TIME,
                        Indicator.OBLIGATION_OVERDUE,
                        Indicator.OBLIGATION_FULFILLED_LATE,
                        Indicator.OBLIGATION_ESCALATED),
                true));
        tables.add(byAgency(
                "referrals",
                counts,
                locale,
                a -> true,
                List.of(
                        Indicator.REFERRAL_MADE,
                        Indicator.REFERRAL_ACCEPTED,
                        Indicator.REFERRAL_DECLINED,
                        Indicator.REFERRAL_COMPLETED,
                        Indicator.ASSISTANCE_DELIVERED),
                false));
        tables.add(coordination(districts, counts, locale));
        return new MonthlyReport(
                month,
                scope.district(),
                labelsOf.districtName(scope.city() ? scope.cityCode() : scope.district(), locale),
                asOf,
                tables);
    }

    private ReportTable subjects(
            List<StatisticsQueries.CaseCount> received,
            List<StatisticsQueries.CaseCount> released,
            List<StatisticsQueries.CaseCount> active,
            Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (CorrectionType type : CorrectionType.values()) {
            Predicate<StatisticsQueries.CaseCount> p = c -> type.name().equals(c.type());
            rows.add(StatisticsLabels.cells(
                    msg("case.type." + type.name(), locale), sum(received, p), sum(released, p), sum(active, p)));
        }
        for (String gender : List.of("MALE", "FEMALE")) {
            Predicate<StatisticsQueries.CaseCount> p = c -> gender.equals(c.gender());
            rows.add(StatisticsLabels.cells(
                    msg("statistics.monthly.sex", locale, msg("case.gender." + gender, locale)),
                    sum(received, p),
                    sum(released, p),
                    sum(active, p)));
        }
        Predicate<StatisticsQueries.CaseCount> minors = StatisticsQueries.CaseCount::minor;
        rows.add(StatisticsLabels.cells(
                msg("statistics.monthly.minors", locale),
                sum(received, minors),
                sum(released, minors),
                sum(active, minors)));
        Predicate<StatisticsQueries.CaseCount> all = c -> true;
        rows.add(StatisticsLabels.cells(
                msg("statistics.monthly.total", locale), sum(received, all), sum(released, all), sum(active, all)));
        return new ReportTable(
                "subjects",
                msg("statistics.monthly.subjects", locale),
                headers(
                        locale,
                        "statistics.col.category",
                        "statistics.col.received",
                        "statistics.col.released",
                        "statistics.col.activeAtEnd"),
                rows);
    }

    private ReportTable byDistrict(
            List<Slice> districts,
            List<StatisticsQueries.CaseCount> received,
            List<StatisticsQueries.CaseCount> released,
            List<StatisticsQueries.CaseCount> active,
            List<StatisticsQueries.Count> counts,
            Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Slice d : districts) {
            Predicate<StatisticsQueries.CaseCount> p = c -> d.key().equals(c.district());
            rows.add(StatisticsLabels.cells(
                    d.label(),
                    sum(received, p),
                    sum(released, p),
                    sum(active, p),
                    count(counts, d.key(), Indicator.SUBJECT_FAILED_TO_REPORT),
                    count(counts, d.key(), Indicator.SUBJECT_LOST_CONTACT)));
        }
        return new ReportTable(
                "districts",
                msg("statistics.monthly.districts", locale),
                headers(
                        locale,
                        "statistics.col.district",
                        "statistics.col.received",
                        "statistics.col.released",
                        "statistics.col.activeAtEnd",
                        "indicator.subject.failed-to-report",
                        "indicator.subject.lost-contact"),
                rows);
    }

    private ReportTable handovers(List<Slice> districts, List<StatisticsQueries.Count> counts, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Slice d : districts) {
            rows.add(StatisticsLabels.cells(
                    d.label(),
                    count(counts, d.key(), Indicator.HANDOVER_RECEIVED),
                    count(counts, d.key(), Indicator.HANDOVER_RECEIPTED),
                    count(counts, d.key(), Indicator.HANDOVER_REJECTED),
                    count(counts, d.key(), Indicator.HANDOVER_LATE)));
        }
        return new ReportTable(
                "handovers",
                msg("statistics.monthly.handovers", locale),
                headers(
                        locale,
                        "statistics.col.district",
                        "indicator.handover.received",
                        "indicator.handover.receipted",
                        "indicator.handover.rejected",
                        "indicator.handover.late"),
                rows);
    }

    private ReportTable coordination(List<Slice> districts, List<StatisticsQueries.Count> counts, Locale locale) {
        List<Indicator> indicators = List.of(
                Indicator.MEETING_HELD,
                Indicator.DECISION_RECORDED,
                Indicator.DECISION_DONE,
                Indicator.CONFLICT_RAISED,
                Indicator.CONFLICT_RESOLVED);
        List<List<Object>> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>(districts.stream().map(Slice::key).toList());
        Map<String, String> labels = new HashMap<>();
        districts.forEach(d -> labels.put(d.key(), d.label()));
        counts.stream()
                .map(StatisticsQueries.Count::district)
                .filter(d -> !codes.contains(d))
                .distinct()
                .sorted()
                .forEach(d -> {
                    codes.add(0, d);
                    labels.put(d, labelsOf.districtName(d, locale));
                });
        for (String code : codes) {
            List<Object> row = StatisticsLabels.cells(labels.get(code));
            indicators.forEach(i -> row.add(count(counts, code, i)));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of(msg("statistics.col.district", locale)));
        indicators.forEach(i -> headers.add(msg(i.labelKey(), locale)));
        return new ReportTable("coordination", msg("statistics.monthly.coordination", locale), headers, rows);
    }

    /** One row per agency with any of the indicators in the month; with the on-time rate for obligations. */
    private ReportTable byAgency(
            String key,
            List<StatisticsQueries.Count> counts,
            Locale locale,
            Predicate<AgencyView> which,
            List<Indicator> indicators,
            boolean rate) {
        Map<UUID, Map<String, Long>> byAgency = new HashMap<>();
        for (StatisticsQueries.Count c : counts) {
            if (c.dimension().isEmpty()
                    && indicators.stream().anyMatch(i -> i.key().equals(c.indicator()))) {
                byAgency.computeIfAbsent(c.agencyId(), k -> new TreeMap<>()).merge(c.indicator(), c.value(), Long::sum);
            }
        }
        Map<AgencyId, AgencyView> views =
                agencies.findAll(byAgency.keySet().stream().map(AgencyId::of).toList());
        List<AgencyView> ordered = views.values().stream()
                .filter(which)
                .sorted(Comparator.comparing((AgencyView a) -> a.type().ordinal())
                        .thenComparing(AgencyView::code))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        for (AgencyView a : ordered) {
            Map<String, Long> f = byAgency.get(a.id().value());
            List<Object> row = StatisticsLabels.cells(
                    a.name(locale), msg("agency.type." + a.type().name(), locale));
            indicators.forEach(i -> row.add(f.getOrDefault(i.key(), 0L)));
            if (rate) {
                row.add(StatisticsLabels.rate(
                        f.getOrDefault(Indicator.OBLIGATION_ON_TIME.key(), 0L),
                        f.getOrDefault(Indicator.OBLIGATION_DUE.key(), 0L)));
            }
            rows.add(row);
        }
        List<String> headers =
                new ArrayList<>(List.of(msg("statistics.col.agency", locale), msg("statistics.col.type", locale)));
        indicators.forEach(i -> headers.add(msg(i.labelKey(), locale)));
        if (rate) {
            headers.add(msg("statistics.col.ratePercent", locale));
        }
        return new ReportTable(key, msg("statistics.monthly." + key, locale), headers, rows);
    }

    private static long sum(List<StatisticsQueries.CaseCount> counts, Predicate<StatisticsQueries.CaseCount> p) {
        return counts.stream()
                .filter(p)
                .mapToLong(StatisticsQueries.CaseCount::value)
                .sum();
    }

    private static long count(List<StatisticsQueries.Count> counts, String district, Indicator indicator) {
        return counts.stream()
                .filter(c -> c.dimension().isEmpty()
                        && c.indicator().equals(indicator.key())
                        && c.district().equals(district))
                .mapToLong(StatisticsQueries.Count::value)
                .sum();
    }

    private List<String> headers(Locale locale, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> msg(k, locale)).toList();
    }

    private String msg(String key, Locale locale, Object... args) {
        return labelsOf.msg(key, locale, args);
    }
}
