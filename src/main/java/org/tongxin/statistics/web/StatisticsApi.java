package org.tongxin.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyType;
import org.tongxin.statistics.Period;
import org.tongxin.statistics.ReportTable;
import org.tongxin.statistics.internal.DashboardService;
import org.tongxin.statistics.internal.HoldupsService;
import org.tongxin.statistics.internal.MonthlyReports;
import org.tongxin.statistics.internal.ScorecardService;

/**
 * REST API of statistics for the coordination office (the whole city) and the county agencies (their county): the
 * scorecards and annual assessment, the monthly report (JSON, Excel or PDF), the dashboard's figures, what holds cases
 * up, and the cases behind a figure (only those the caller has a lawful role in; minors masked; audited).
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "statistics", description = "Scorecards, assessments, monthly reports, dashboard and drill-down")
@PreAuthorize(StatisticsWeb.READERS)
class StatisticsApi {

    private final StatisticsWeb web;

    StatisticsApi(StatisticsWeb web) {
        this.web = web;
    }

    @GetMapping("/scorecards")
    @Operation(
            operationId = "getScorecards",
            summary = "Agency scorecards over a period of months (the annual assessment for a year)",
            description =
                    "from, to: months (YYYY-MM, at most 60); agencyType: compare agencies of one type; district: a"
                            + " county division code inside the caller's scope; agency: the agency whose month-by-month"
                            + " trend to give (the whole scope's when absent); format: json (default), xlsx or pdf.")
    ResponseEntity<?> scorecards(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) AgencyType agencyType,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) UUID agency,
            @RequestParam(defaultValue = "json") String format,
            @Parameter(hidden = true) Locale locale) {
        String kind = StatisticsWeb.format(format);
        Period period = Period.of(from, to);
        ScorecardService.Scorecards cards = web.scorecards(district, period, agencyType, agency, locale);
        if (kind.equals("json")) {
            return ResponseEntity.ok(cards);
        }
        return web.scorecardFile(cards, kind, locale);
    }

    /** The monthly report: each table's caption, headings and rows, as of the month's end. */
    record MonthlyResponse(
            YearMonth month, String district, String districtName, Instant asOf, List<ReportTable> tables) {}

    @GetMapping("/monthly")
    @Operation(
            operationId = "getMonthlyReport",
            summary = "The monthly statistical report of the city or a district, as of the month's end",
            description = "month: YYYY-MM (not after the current month); district: a county division code inside the"
                    + " caller's scope (e.g. 369902), the caller's whole scope when absent; format: json"
                    + " (default), xlsx or pdf.")
    ResponseEntity<?> monthly(
            @RequestParam String month,
            @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "json") String format,
            @Parameter(hidden = true) Locale locale) {
        String kind = StatisticsWeb.format(format);
        MonthlyReports.MonthlyReport report = web.monthly(district, Period.month("month", month), locale);
        if (kind.equals("json")) {
            return ResponseEntity.ok(new MonthlyResponse(
                    report.month(), report.district(), report.districtName(), report.asOf(), report.tables()));
        }
        return web.monthlyFile(report, kind, locale);
    }

    @GetMapping("/dashboard")
    @Operation(
            operationId = "getStatisticsDashboard",
            summary =
                    "The dashboard's figures: active cases by district and type, twelve months of entries, failures to"
                            + " report, lost contacts, rejected handovers, assistance and conflicts, overdue by agency")
    DashboardService.Dashboard dashboard(
            @RequestParam(required = false) String district, @Parameter(hidden = true) Locale locale) {
        return web.dashboard(district, locale);
    }

    /** What holds cases up, per agency, with the cases the caller may open named (minors masked). */
    record HoldupsResponse(HoldupsService.Holdups holdups, Map<UUID, StatisticsWeb.CaseLabel> cases) {}

    @GetMapping("/holdups")
    @Operation(
            operationId = "getHoldups",
            summary = "Which agency holds which cases up and why: overdue and escalated obligations, "
                    + "rejected handovers awaiting a supplement, declined referrals, open conflicts")
    HoldupsResponse holdups(@RequestParam(required = false) String district, @Parameter(hidden = true) Locale locale) {
        HoldupsService.Holdups holdups = web.holdups(district, locale);
        return new HoldupsResponse(holdups, web.caseLabels(holdups.caseIds(), "api.getHoldups"));
    }

    @GetMapping("/cases")
    @Operation(
            operationId = "listStatisticsCases",
            summary = "The cases behind a figure that the caller has a lawful role in (minors masked, audited)",
            description =
                    "figure: ACTIVE, RECEIVED (needs month), OVERDUE, HANDOVER_REJECTED, CONFLICT, FAILED_TO_REPORT or"
                            + " LOST_CONTACT (month optional); district, agency: narrow the figure; page, size (1-100)."
                            + " 'total' counts every case behind the figure, 'items' only those the caller may see.")
    StatisticsWeb.Drilldown cases(
            @RequestParam String figure,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) UUID agency,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return web.drilldown(figure, district, agency, month, page, size, "api.listStatisticsCases");
    }
}
