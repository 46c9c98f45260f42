package org.tongxin.statistics.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyType;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.statistics.Indicator;
import org.tongxin.statistics.Period;
import org.tongxin.statistics.internal.DashboardService;
import org.tongxin.statistics.internal.HoldupsService;
import org.tongxin.statistics.internal.MonthlyReports;
import org.tongxin.statistics.internal.ScorecardService;
import org.tongxin.statistics.internal.Slice;
import org.tongxin.statistics.internal.StatisticsScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics pages: the dashboard (charts with their tables, a click on a district or agency drills down), the
 * scorecards and annual assessment, the monthly report, the coordinator's screen of what holds cases up, and the
 * cases behind a figure.
 */
@Controller
@PreAuthorize(StatisticsWeb.READERS)
class StatisticsPages {

    /**
     * One chart: categories on the x axis (on the y axis, top down, when {@code horizontal}: long agency names stay
     * readable), one or more series, and where a click on a category leads.
     */
    record Chart(
            String kind,
            List<String> categories,
            List<Series> series,
            List<String> links,
            boolean stack,
            boolean horizontal) {

        Chart(String kind, List<String> categories, List<Series> series, List<String> links, boolean stack) {
            this(kind, categories, series, links, stack, false);
        }
    }

    record Series(String name, List<? extends Number> data) {}

    /** A district's line in the table behind the active-cases chart: a count per correction type and the total. */
    record ActiveRow(String district, String label, List<Long> byType, long total) {}

    private final StatisticsWeb web;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    StatisticsPages(StatisticsWeb web, MessageSource messages, JsonMapper json, Clock clock) {
        this.web = web;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String dashboard(@RequestParam(required = false) String district, Model model, Locale locale) {
        StatisticsScope.Scope scope = web.scope(district);
        DashboardService.Dashboard d = web.dashboard(district, locale);
        model.addAttribute("d", d);
        model.addAttribute("scope", scope);
        model.addAttribute("area", web.area(district, locale));
        model.addAttribute("district", scope.district());
        model.addAttribute("ownCity", web.scope(null).city());
        model.addAttribute("types", d.activeByType());
        // Active cases per district, stacked by type; a click narrows the dashboard to the district.
        List<String> types = d.activeByType().stream().map(Slice::key).toList();
        List<Series> byType = new ArrayList<>();
        for (Slice type : d.activeByType()) {
            byType.add(new Series(
                    type.label(),
                    d.districts().stream()
                            .map(s -> d.activeByDistrictAndType()
                                    .getOrDefault(s.key(), Map.of())
                                    .getOrDefault(type.key(), 0L))
                            .toList()));
        }
        model.addAttribute("typeKeys", types);
        model.addAttribute(
                "activeRows",
                d.districts().stream()
                        .map(s -> new ActiveRow(
                                s.key(),
                                s.label(),
                                types.stream()
                                        .map(t -> d.activeByDistrictAndType()
                                                .getOrDefault(s.key(), Map.of())
                                                .getOrDefault(t, 0L))
                                        .toList(),
                                s.value()))
                        .toList());
        model.addAttribute(
                "activeChart",
                chart(new Chart(
                        "bar",
                        d.districts().stream().map(Slice::label).toList(),
                        byType,
                        d.districts().stream()
                                .map(s -> "/statistics?district=" + s.key())
                                .toList(),
                        true)));
        List<String> months = d.months().stream().map(YearMonth::toString).toList();
        model.addAttribute("monthLabels", months);
        model.addAttribute(
                "entriesChart",
                chart(new Chart(
                        "line",
                        months,
                        List.of(
                                series(Indicator.CASE_RECEIVED, d, locale),
                                series(Indicator.SUBJECT_FAILED_TO_REPORT, d, locale),
                                series(Indicator.SUBJECT_LOST_CONTACT, d, locale)),
                        List.of(),
                        false)));
        model.addAttribute(
                "cooperationChart",
                chart(new Chart(
                        "bar",
                        months,
                        List.of(
                                series(Indicator.HANDOVER_REJECTED, d, locale),
                                series(Indicator.ASSISTANCE_DELIVERED, d, locale),
                                series(Indicator.CONFLICT_RAISED, d, locale)),
                        List.of(),
                        false)));
        model.addAttribute(
                "overdueChart",
                chart(new Chart(
                        "bar",
                        d.overdueByAgency().stream().map(Slice::label).toList(),
                        List.of(new Series(
                                msg("statistics.dashboard.overdueNow", locale),
                                d.overdueByAgency().stream().map(Slice::value).toList())),
                        d.overdueByAgency().stream()
                                .map(s -> drill("OVERDUE", scope.district(), s.key(), null))
                                .toList(),
                        false,
                        true)));
        model.addAttribute("series", StatisticsServiceSeries.of(d));
        return "statistics/dashboard";
    }

    private Series series(Indicator indicator, DashboardService.Dashboard d, Locale locale) {
        return new Series(msg(indicator.labelKey(), locale), d.monthly().get(indicator.key()));
    }

    /** The dashboard's monthly series as rows for the table behind the charts; {@code figure} when cases lie behind it. */
    record StatisticsServiceSeries(String key, List<Long> values, String figure) {

        static final Map<String, String> FIGURES = Map.of(
                Indicator.CASE_RECEIVED.key(),
                "RECEIVED",
                Indicator.SUBJECT_FAILED_TO_REPORT.key(),
                "FAILED_TO_REPORT",
                Indicator.SUBJECT_LOST_CONTACT.key(),
                "LOST_CONTACT");

        static List<StatisticsServiceSeries> of(DashboardService.Dashboard d) {
            return d.monthly().entrySet().stream()
                    .map(e -> new StatisticsServiceSeries(e.getKey(), e.getValue(), FIGURES.get(e.getKey())))
                    .toList();
        }
    }

    @GetMapping("/statistics/scorecards")
    String scorecards(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) AgencyType agencyType,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) UUID agency,
            Model model,
            Locale locale) {
        YearMonth now = YearMonth.from(LegalTime.today(clock));
        Period period = Period.of(
                from == null || from.isBlank() ? now.withMonth(1).toString() : from,
                to == null || to.isBlank() ? now.toString() : to);
        ScorecardService.Scorecards cards = web.scorecards(district, period, agencyType, agency, locale);
        model.addAttribute("cards", cards);
        model.addAttribute("area", web.area(district, locale));
        model.addAttribute("district", web.scope(district).district());
        model.addAttribute("agencyTypes", AgencyType.values());
        model.addAttribute("year", period.from().getYear());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", period.from().toString());
        params.put("to", period.to().toString());
        if (agencyType != null) {
            params.put("agencyType", agencyType.name());
        }
        if (district != null && !district.isBlank()) {
            params.put("district", district);
        }
        model.addAttribute("trendUrl", url("/statistics/scorecards", params, null));
        if (agency != null) {
            params.put("agency", agency.toString());
        }
        model.addAttribute("xlsxUrl", url("/api/v1/statistics/scorecards", params, "xlsx"));
        model.addAttribute("pdfUrl", url("/api/v1/statistics/scorecards", params, "pdf"));
        Map<String, String> yearParams = new LinkedHashMap<>(params);
        yearParams.put("from", period.from().getYear() + "-01");
        yearParams.put("to", period.from().getYear() + "-12");
        model.addAttribute("assessmentXlsxUrl", url("/api/v1/statistics/scorecards", yearParams, "xlsx"));
        model.addAttribute("assessmentPdfUrl", url("/api/v1/statistics/scorecards", yearParams, "pdf"));
        model.addAttribute(
                "trendChart",
                chart(new Chart(
                        "line",
                        cards.trend().stream().map(t -> t.month().toString()).toList(),
                        List.of(new Series(
                                msg("statistics.col.rate", locale),
                                cards.trend().stream()
                                        .map(t -> t.onTimeRate() == null ? (Double) null : t.onTimeRate())
                                        .toList())),
                        List.of(),
                        false)));
        return "statistics/scorecards";
    }

    @GetMapping("/statistics/monthly")
    String monthly(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String district,
            Model model,
            Locale locale) {
        YearMonth m = month == null || month.isBlank()
                ? YearMonth.from(LegalTime.today(clock)).minusMonths(1)
                : Period.month("month", month);
        MonthlyReports.MonthlyReport report = web.monthly(district, m, locale);
        model.addAttribute("report", report);
        model.addAttribute("scope", web.scope(null));
        model.addAttribute("districts", web.districts(locale));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("month", m.toString());
        if (district != null && !district.isBlank()) {
            params.put("district", district);
        }
        model.addAttribute("xlsxUrl", url("/api/v1/statistics/monthly", params, "xlsx"));
        model.addAttribute("pdfUrl", url("/api/v1/statistics/monthly", params, "pdf"));
        return "statistics/monthly";
    }

    @GetMapping("/statistics/holdups")
    String holdups(@RequestParam(required = false) String district, Model model, Locale locale) {
        HoldupsService.Holdups holdups = web.holdups(district, locale);
        model.addAttribute("holdups", holdups);
        model.addAttribute(
                "view", HoldupsView.of(holdups, web.caseLabels(holdups.caseIds(), "page.statistics.holdups")));
        model.addAttribute("area", web.area(district, locale));
        model.addAttribute("district", web.scope(district).district());
        model.addAttribute("now", clock.instant());
        return "statistics/holdups";
    }

    @GetMapping("/statistics/cases")
    String cases(
            @RequestParam String figure,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) UUID agency,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer page,
            Model model,
            Locale locale) {
        StatisticsWeb.Drilldown drill =
                web.drilldown(figure, district, agency, month, page, null, "page.statistics.cases");
        model.addAttribute("drill", drill);
        model.addAttribute("page", drill.page());
        model.addAttribute("area", web.area(district, locale));
        model.addAttribute(
                "pageUrl", drill(drill.figure(), district, agency == null ? null : agency.toString(), month) + "&");
        return "statistics/cases";
    }

    static String drill(String figure, String district, String agency, String month) {
        UriComponentsBuilder b =
                UriComponentsBuilder.fromPath("/statistics/cases").queryParam("figure", figure);
        if (district != null) {
            b.queryParam("district", district);
        }
        if (agency != null) {
            b.queryParam("agency", agency);
        }
        if (month != null) {
            b.queryParam("month", month);
        }
        return b.build().toUriString();
    }

    private static String url(String path, Map<String, String> params, String format) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach(b::queryParam);
        if (format != null) {
            b.queryParam("format", format);
        }
        return b.build().toUriString();
    }

    private String chart(Chart chart) {
        return json.writeValueAsString(chart);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
