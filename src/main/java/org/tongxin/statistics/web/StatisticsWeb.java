package org.tongxin.statistics.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyType;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.statistics.Period;
import org.tongxin.statistics.internal.DashboardService;
import org.tongxin.statistics.internal.HoldupsService;
import org.tongxin.statistics.internal.MonthlyReports;
import org.tongxin.statistics.internal.ReportExports;
import org.tongxin.statistics.internal.ScorecardService;
import org.tongxin.statistics.internal.Slice;
import org.tongxin.statistics.internal.StatisticsLabels;
import org.tongxin.statistics.internal.StatisticsQueries;
import org.tongxin.statistics.internal.StatisticsScope;

/** What the statistics pages and the API share: scope, validation, files and the cases behind a figure. */
@Component
class StatisticsWeb {

    /**
     * Who reads statistics: the coordination office (the city), county agency staff (their county) and, read-only for
     * comparing their office with the others, heads of judicial offices (their county).
     */
    static final String READERS = "hasAnyRole('CITY_COORDINATOR', 'COUNTY_HEAD', 'COUNTY_OFFICER', 'OFFICE_HEAD')";

    static final Set<String> READER_ROLES = Set.of("CITY_COORDINATOR", "COUNTY_HEAD", "COUNTY_OFFICER", "OFFICE_HEAD");

    /** A case as a drill-down or the coordinator's screen may name it: only where the caller has a lawful role. */
    record CaseLabel(UUID caseId, String caseNumber, String subjectName, boolean masked) {}

    /** A page of the cases behind a figure: {@code page.total()} counts them all, {@code hidden} those on this page the caller may not see. */
    record Drilldown(
            String figure, String district, UUID agency, String month, PageResult<CaseLabel> page, int hidden) {}

    private final StatisticsScope scopes;
    private final ScorecardService scorecards;
    private final DashboardService dashboards;
    private final HoldupsService holdups;
    private final StatisticsLabels labels;
    private final MonthlyReports monthly;
    private final StatisticsQueries queries;
    private final ReportExports exports;
    private final CaseDirectory cases;
    private final MessageSource messages;
    private final Formats formats;
    private final java.time.Clock clock;
    private final org.tongxin.agency.AgencyDirectory agencies;
    private final org.tongxin.identity.CurrentUser currentUser;

    StatisticsWeb(
            StatisticsScope scopes,
            ScorecardService scorecards,
            DashboardService dashboards,
            HoldupsService holdups,
            StatisticsLabels labels,
            MonthlyReports monthly,
            StatisticsQueries queries,
            ReportExports exports,
            CaseDirectory cases,
            MessageSource messages,
            Formats formats,
            java.time.Clock clock,
            org.tongxin.agency.AgencyDirectory agencies,
            org.tongxin.identity.CurrentUser currentUser) {
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.scopes = scopes;
        this.scorecards = scorecards;
        this.dashboards = dashboards;
        this.holdups = holdups;
        this.labels = labels;
        this.monthly = monthly;
        this.queries = queries;
        this.exports = exports;
        this.cases = cases;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    static String format(String format) {
        String f = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("xlsx") && !f.equals("pdf")) {
            throw TongxinException.invalid("format", "statistics.format");
        }
        return f;
    }

    StatisticsScope.Scope scope(String district) {
        return scopes.of(district);
    }

    ScorecardService.Scorecards scorecards(
            String district, Period period, AgencyType type, UUID agency, Locale locale) {
        return scorecards.scorecards(scopes.of(district), period, type, agency, locale);
    }

    MonthlyReports.MonthlyReport monthly(String district, YearMonth month, Locale locale) {
        return monthly.report(scopes.of(district), month, locale);
    }

    DashboardService.Dashboard dashboard(String district, Locale locale) {
        return dashboards.dashboard(scopes.of(district), locale);
    }

    /** The districts of the caller's own scope, for choosing one. */
    List<Slice> districts(Locale locale) {
        return labels.districtSlices(scopes.own(), List.of(), locale);
    }

    HoldupsService.Holdups holdups(String district, Locale locale) {
        return holdups.holdups(scopes.of(district), locale);
    }

    ResponseEntity<byte[]> scorecardFile(ScorecardService.Scorecards cards, String kind, Locale locale) {
        String area = area(cards.district(), locale);
        boolean year = cards.period().from().getMonthValue() == 1
                && cards.period().to().getMonthValue() == 12
                && cards.period().from().getYear() == cards.period().to().getYear();
        String title = year
                ? msg(
                        "statistics.assessment.title",
                        locale,
                        area,
                        cards.period().from().getYear())
                : msg("statistics.scorecards.fileTitle", locale, area);
        String subtitle = msg(
                "statistics.file.subtitle",
                locale,
                cards.period().from().toString(),
                cards.period().to().toString(),
                formats.dateTime(clock.instant()));
        var tables = scorecards.scorecardTables(cards, locale);
        String name = msg(
                        year ? "statistics.assessment.file" : "statistics.scorecards.file",
                        locale,
                        cards.period().from().toString(),
                        cards.period().to().toString())
                + "." + kind;
        return file(name, kind, title, subtitle, tables, List.of(), locale);
    }

    ResponseEntity<byte[]> monthlyFile(MonthlyReports.MonthlyReport report, String kind, Locale locale) {
        String title = msg(
                "statistics.monthly.fileTitle",
                locale,
                report.districtName(),
                report.month().getYear(),
                report.month().getMonthValue());
        String subtitle = msg("statistics.monthly.asOf", locale, formats.dateTime(report.asOf()));
        String name = msg(
                        "statistics.monthly.file",
                        locale,
                        report.month().toString(),
                        report.district() == null ? "" : "-" + report.district())
                + "." + kind;
        // An official monthly report closes with who filed it, its head's signature and the day it was filed.
        String filer = agencies.find(currentUser.get().agency())
                .map(a -> a.name(locale))
                .orElse("");
        List<String> closing = List.of(
                msg("statistics.monthly.filedBy", locale, filer),
                msg("statistics.monthly.head", locale),
                msg(
                        "statistics.monthly.filedOn",
                        locale,
                        Formats.arguments(new Object[] {LegalTime.today(clock)}, locale)[0]));
        return file(name, kind, title, subtitle, report.tables(), closing, locale);
    }

    private ResponseEntity<byte[]> file(
            String name,
            String kind,
            String title,
            String subtitle,
            List<org.tongxin.statistics.ReportTable> tables,
            List<String> closing,
            Locale locale) {
        byte[] content = kind.equals("xlsx")
                ? exports.xlsx(title, subtitle, tables, locale)
                : exports.pdf(title, subtitle, tables, closing);
        return Downloads.attachment(name, kind.equals("xlsx") ? ReportExports.XLSX : ReportExports.PDF, content);
    }

    String area(String district, Locale locale) {
        StatisticsScope.Scope scope = scopes.of(district);
        return labels.districtName(scope.city() ? scope.cityCode() : scope.district(), locale);
    }

    /** Case numbers and names (minors masked) of the given cases the caller may see; the read is audited. */
    Map<UUID, CaseLabel> caseLabels(Collection<UUID> ids, String purpose) {
        Map<UUID, CaseLabel> labels = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        Map<CaseId, CaseViews.CaseSummary> seen =
                cases.summaries(ids.stream().map(CaseId::of).toList(), purpose);
        seen.forEach((id, s) ->
                labels.put(id.value(), new CaseLabel(id.value(), s.caseNumber(), s.subjectName(), s.masked())));
        return labels;
    }

    Drilldown drilldown(
            String figure, String district, UUID agency, String month, Integer page, Integer size, String purpose) {
        StatisticsQueries.Figure f;
        try {
            f = StatisticsQueries.Figure.valueOf(
                    figure == null ? "" : figure.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("figure", "statistics.figure");
        }
        YearMonth m = month == null || month.isBlank() ? null : Period.month("month", month);
        if (f == StatisticsQueries.Figure.RECEIVED && m == null) {
            throw TongxinException.invalid("month", "statistics.month");
        }
        StatisticsScope.Scope scope = scopes.of(district);
        if (agency != null) {
            labels.agencyInScope(scope, agency);
        }
        PageQuery q = PageQuery.of(page, size, "case", Set.of("case"), "case");
        StatisticsQueries.CaseIds ids = queries.casesBehind(f, scope, agency, m, (int) q.offset(), q.size());
        Map<UUID, CaseLabel> labels = caseLabels(ids.ids(), purpose);
        List<CaseLabel> items = new ArrayList<>();
        ids.ids().forEach(id -> {
            if (labels.containsKey(id)) {
                items.add(labels.get(id));
            }
        });
        return new Drilldown(
                f.name(),
                district,
                agency,
                month,
                new PageResult<>(items, q.page(), q.size(), ids.total()),
                ids.ids().size() - items.size());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
