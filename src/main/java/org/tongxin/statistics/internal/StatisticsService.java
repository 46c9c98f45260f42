package org.tongxin.statistics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.identity.Role;
import org.tongxin.identity.UserDirectory;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.statistics.Indicator;
import org.tongxin.statistics.Period;
import org.tongxin.statistics.ReportTable;

/**
 * Scorecards and the annual assessment, the dashboard, the coordinator's view of what holds cases up, and the monthly
 * report: all computed from the read models within the caller's scope.
 */
@Service
public class StatisticsService {

    /** How far back declined referrals stay on the coordinator's screen. */
    static final Duration DECLINED_WINDOW = Duration.ofDays(90);
    /** The most lines the coordinator's screen lists of each kind (the counts above them are complete). */
    static final int HOLDUP_LIMIT = 500;

    private final StatisticsQueries queries;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final ObligationLedger ledger;
    private final MessageSource messages;
    private final Clock clock;
    private final HoldupLines lines;

    private final org.tongxin.policy.PolicyModels policies;

    StatisticsService(StatisticsQueries queries, AgencyDirectory agencies, UserDirectory users, ObligationLedger ledger,
            MessageSource messages, Clock clock, HoldupLines lines, org.tongxin.policy.PolicyModels policies) {
        this.policies = policies;
        this.lines = lines;
        this.queries = queries;
        this.agencies = agencies;
        this.users = users;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    // Scorecards

    /**
     * One agency's scorecard over a period. Rates are null when nothing fell due; lateness is over obligations that fell
     * due in the period and were fulfilled late (whole hours, a started hour counting); backlog is as of now.
     */
    public record ScorecardRow(UUID agencyId, String agencyName, AgencyType type, String district, long due, long onTime,
            Double onTimeRate, long fulfilledLate, Double medianLatenessHours, Integer worstLatenessHours, long openNow,
            long overdueNow, Double backlogMedianAgeDays, Long backlogOldestAgeDays, long handoversRejected,
            Map<String, Long> rejectionReasons, long handoversLate, long referralsMade, long referralsAccepted,
            long referralsDeclined, long assistanceDelivered, long conflictsRaised, long conflictsResolved, Long activeCases,
            Integer officers, Double casesPerOfficer) {
    }

    /** The month-by-month trend of the scope over the period. */
    public record MonthTrend(YearMonth month, long due, long onTime, Double onTimeRate, long handoversRejected,
            long received) {
    }

    /** {@code trendAgency}: the agency the trend follows (null: the whole scope). */
    public record Scorecards(Period period, String district, AgencyType agencyType, List<ScorecardRow> rows,
            List<MonthTrend> trend, UUID trendAgency, String trendAgencyName) {
    }

    @Transactional(readOnly = true)
    public Scorecards scorecards(StatisticsScope.Scope scope, Period period, AgencyType type, Locale locale) {
        return scorecards(scope, period, type, null, locale);
    }

    /** As above, with the month-by-month trend of one agency of the scope (404 for an agency outside it). */
    @Transactional(readOnly = true)
    public Scorecards scorecards(StatisticsScope.Scope scope, Period period, AgencyType type, UUID trendAgency, Locale locale) {
        AgencyView followed = trendAgency == null ? null : agencyInScope(scope, trendAgency);
        List<StatisticsQueries.Count> counts = queries.counts(scope, period.from(), period.to());
        Map<UUID, StatisticsQueries.Lateness> lateness = queries.lateness(scope, period.from(), period.to());
        Map<UUID, StatisticsQueries.Backlog> backlog = queries.backlog(scope);
        Map<UUID, Long> caseload = queries.caseload(scope);
        Set<UUID> ids = new HashSet<>();
        counts.forEach(c -> ids.add(c.agencyId()));
        ids.addAll(lateness.keySet());
        ids.addAll(backlog.keySet());
        ids.addAll(caseload.keySet());
        Map<AgencyId, AgencyView> views = agencies.findAll(ids.stream().map(AgencyId::of).toList());
        Map<UUID, Map<String, Map<String, Long>>> byAgency = new LinkedHashMap<>();
        for (StatisticsQueries.Count c : counts) {
            byAgency.computeIfAbsent(c.agencyId(), k -> new TreeMap<>()).computeIfAbsent(c.indicator(), k -> new TreeMap<>())
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
            Map<String, Long> reasons = new TreeMap<>(figures.getOrDefault(Indicator.HANDOVER_REJECTED.key(), Map.of()));
            reasons.remove("");
            rows.add(new ScorecardRow(id, agency.name(locale), agency.type(), Districts.district(agency.divisionCode()), due,
                    onTime, rate(onTime, due), late == null ? 0 : late.count(), late == null ? null : late.medianHours(),
                    late == null ? null : late.worstHours(), open == null ? 0 : open.open(), open == null ? 0 : open.overdue(),
                    open == null ? null : open.medianAgeDays(), open == null ? null : open.oldestAgeDays(),
                    total(figures, Indicator.HANDOVER_REJECTED), reasons, total(figures, Indicator.HANDOVER_LATE),
                    total(figures, Indicator.REFERRAL_MADE), total(figures, Indicator.REFERRAL_ACCEPTED),
                    total(figures, Indicator.REFERRAL_DECLINED), total(figures, Indicator.ASSISTANCE_DELIVERED),
                    total(figures, Indicator.CONFLICT_RAISED), total(figures, Indicator.CONFLICT_RESOLVED), active, officers,
                    active == null || officers == null || officers == 0 ? null : Math.round(active * 10.0 / officers) / 10.0));
        }
        rows.sort(Comparator.comparing((ScorecardRow r) -> r.type().ordinal()).thenComparing(ScorecardRow::district)
                .thenComparing(ScorecardRow::agencyName));
        List<MonthTrend> trend = new ArrayList<>();
        queries.perMonth(scope, period.from(), period.to(), List.of(Indicator.OBLIGATION_DUE.key(),
                Indicator.OBLIGATION_ON_TIME.key(), Indicator.HANDOVER_REJECTED.key(), Indicator.CASE_RECEIVED.key()), trendAgency)
                .forEach((month, f) -> {
                    long d = f.getOrDefault(Indicator.OBLIGATION_DUE.key(), 0L);
                    long o = f.getOrDefault(Indicator.OBLIGATION_ON_TIME.key(), 0L);
                    trend.add(new MonthTrend(month, d, o, rate(o, d), f.getOrDefault(Indicator.HANDOVER_REJECTED.key(), 0L),
                            f.getOrDefault(Indicator.CASE_RECEIVED.key(), 0L)));
                });
        return new Scorecards(period, scope.district(), type, rows, trend, trendAgency,
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
        return (int) users.search(null, agency.id(), role, "ACTIVE", PageQuery.of(0, 1, "status", UserDirectory.SORTABLE, "status")).total();
    }

    private static long total(Map<String, Map<String, Long>> figures, Indicator indicator) {
        return figures.getOrDefault(indicator.key(), Map.of()).getOrDefault("", 0L);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** The scorecards as tables (the annual assessment 考核 when the period is a year): for Excel and PDF. */
    public List<ReportTable> scorecardTables(Scorecards s, Locale locale) {
        List<String> headers = List.of("agency", "type", "due", "onTime", "ratePercent", "late", "medianLate", "worstLate", "open",
                "overdueNow", "backlogMedian", "backlogOldest", "rejected", "handoversLate", "referralsAccepted",
                "referralsDeclined", "conflictsRaised", "conflictsResolved", "activeCases", "perOfficer").stream()
                .map(h -> msg("statistics.col." + h, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (ScorecardRow r : s.rows()) {
            rows.add(cells(r.agencyName(), msg("agency.type." + r.type().name(), locale), r.due(), r.onTime(), r.onTimeRate(),
                    r.fulfilledLate(), r.medianLatenessHours(), r.worstLatenessHours(), r.openNow(), r.overdueNow(),
                    r.backlogMedianAgeDays() == null ? null : Math.round(r.backlogMedianAgeDays() * 10) / 10.0,
                    r.backlogOldestAgeDays(), r.handoversRejected(), r.handoversLate(), r.referralsAccepted(),
                    r.referralsDeclined(), r.conflictsRaised(), r.conflictsResolved(), r.activeCases(), r.casesPerOfficer()));
        }
        List<List<Object>> trend = new ArrayList<>();
        for (MonthTrend t : s.trend()) {
            trend.add(cells(t.month().toString(), t.due(), t.onTime(), t.onTimeRate(), t.handoversRejected(), t.received()));
        }
        List<List<Object>> definitions = new ArrayList<>();
        for (String key : List.of("rate", "medianLate", "worstLate", "backlogMedian", "rejected", "perOfficer")) {
            definitions.add(cells(msg("statistics.col." + key, locale), msg("statistics.def." + key, locale)));
        }
        return List.of(new ReportTable("scorecards", msg("statistics.scorecards.caption", locale), headers, rows),
                new ReportTable("trend", msg("statistics.trend.caption", locale),
                        List.of(msg("statistics.col.month", locale), msg("statistics.col.due", locale),
                                msg("statistics.col.onTime", locale), msg("statistics.col.ratePercent", locale),
                                msg("statistics.col.rejected", locale), msg("statistics.col.received", locale)),
                        trend),
                new ReportTable("definitions", msg("statistics.definitions", locale),
                        List.of(msg("statistics.col.indicator", locale), msg("statistics.col.definition", locale)), definitions));
    }

    // The coordinator's one screen

    public record StuckLine(UUID obligationId, UUID caseId, String stepId, String step, String legalBasis, String policyRegion,
            Instant startedAt, Instant dueAt, long daysOverdue, int escalationLevel, String escalatedTo) {
    }

    public record ItemLine(String kind, UUID itemId, UUID caseId, String agencyName, String counterpartyName, String detail,
            Instant openedAt, long days) {
    }

    /**
     * One agency's share: its overdue obligations by case, its rejected handovers, declined referrals, open conflicts, as
     * far as the reader may open them; {@code overdue} counts all its overdue obligations, {@code hiddenOverdue} and
     * {@code hiddenItems} the lines left out because the reader may not open them (doc/security-requirements.md S7).
     */
    public record AgencyHoldups(UUID agencyId, String agencyName, String district, Map<UUID, List<StuckLine>> byCase,
            List<StuckLine> withoutCase, List<ItemLine> items, long overdue, long hiddenOverdue, long hiddenItems) {
    }

    /** The whole screen; the totals count every line, listed or not, and {@code hidden} those not listed. */
    public record Holdups(List<AgencyHoldups> agencies, long overdue, long rejectedHandovers, long declinedReferrals,
            long openConflicts, long hidden, Set<UUID> caseIds) {
    }

    @Transactional(readOnly = true)
    public Holdups holdups(StatisticsScope.Scope scope, Locale locale) {
        Instant now = clock.instant();
        List<StatisticsQueries.StuckObligation> stuck = queries.overdue(scope, HOLDUP_LIMIT);
        List<StatisticsQueries.Item> items = queries.items(scope, now.minus(DECLINED_WINDOW), HOLDUP_LIMIT);
        Set<UUID> mentioned = new HashSet<>();
        stuck.forEach(s -> {
            if (s.caseId() != null) {
                mentioned.add(s.caseId());
            }
        });
        items.forEach(i -> {
            if (i.caseId() != null) {
                mentioned.add(i.caseId());
            }
        });
        HoldupLines.Reader reader = lines.reader(mentioned);
        Map<UUID, long[]> hidden = new HashMap<>();
        Set<UUID> agencyIds = new HashSet<>();
        stuck.forEach(s -> {
            agencyIds.add(s.agencyId());
            if (s.escalatedTo() != null) {
                agencyIds.add(s.escalatedTo());
            }
        });
        items.forEach(i -> {
            agencyIds.add(i.agencyId());
            if (i.counterpartyId() != null) {
                agencyIds.add(i.counterpartyId());
            }
        });
        Map<AgencyId, AgencyView> views = agencies.findAll(agencyIds.stream().map(AgencyId::of).toList());
        Function<UUID, String> name = id -> id == null ? null
                : views.containsKey(AgencyId.of(id)) ? views.get(AgencyId.of(id)).name(locale) : id.toString();
        Map<UUID, AgencyHoldups> result = new LinkedHashMap<>();
        Set<UUID> caseIds = new HashSet<>();
        for (StatisticsQueries.StuckObligation s : stuck) {
            AgencyHoldups a = result.computeIfAbsent(s.agencyId(),
                    id -> new AgencyHoldups(id, name.apply(id), s.district(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), 0, 0, 0));
            if (!reader.obligation(s)) {
                hidden.computeIfAbsent(s.agencyId(), k -> new long[2])[0]++;
                continue;
            }
            String basis = null;
            String region = null;
            Instant started = null;
            try {
                var view = ledger.find(ObligationId.of(s.obligationId())).orElse(null);
                if (view != null) {
                    basis = ledger.step(view).legalBasis();
                    region = view.policyRegion();
                    started = view.startedAt();
                }
            } catch (RuntimeException unknownStep) {
                // A step no longer in its policy version: shown without a basis rather than hiding the line.
            }
            long days = s.dueAt() == null ? 0 : Math.max(0, Duration.between(s.dueAt(), now).toDays());
            // An obligation about a matter rather than a case (a meeting's decision) has no case to be listed under: a map
            // key must not be null (the API writes the map as a JSON object).
            (s.caseId() == null ? a.withoutCase() : a.byCase().computeIfAbsent(s.caseId(), k -> new ArrayList<>())).add(new StuckLine(s.obligationId(), s.caseId(),
                    s.stepId(), "en".equals(locale.getLanguage()) ? s.stepEn() : s.stepZh(), basis, region, started, s.dueAt(),
                    days, s.escalationLevel(), name.apply(s.escalatedTo())));
            if (s.caseId() != null) {
                caseIds.add(s.caseId());
            }
        }
        long rejected = 0;
        long declined = 0;
        long conflicts = 0;
        for (StatisticsQueries.Item i : items) {
            AgencyHoldups a = result.computeIfAbsent(i.agencyId(),
                    id -> new AgencyHoldups(id, name.apply(id), i.district(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), 0, 0, 0));
            switch (i.kind()) {
                case "HANDOVER_REJECTED" -> rejected++;
                case "REFERRAL_DECLINED" -> declined++;
                default -> conflicts++;
            }
            if (!reader.item(i)) {
                hidden.computeIfAbsent(i.agencyId(), k -> new long[2])[1]++;
                continue;
            }
            // A line the reader may open names the case only when the reader may open the case too.
            UUID caseId = i.caseId() != null && reader.caseOpenable(i.caseId()) ? i.caseId() : null;
            a.items().add(new ItemLine(i.kind(), i.itemId(), caseId, a.agencyName(), name.apply(i.counterpartyId()),
                    itemDetail(i, locale), i.openedAt(), Duration.between(i.openedAt(), now).toDays()));
            if (caseId != null) {
                caseIds.add(caseId);
            }
        }
        List<AgencyHoldups> list = result.values().stream()
                .map(a -> {
                    long[] h = hidden.getOrDefault(a.agencyId(), new long[2]);
                    return new AgencyHoldups(a.agencyId(), a.agencyName(), a.district(), a.byCase(), a.withoutCase(), a.items(),
                            a.byCase().values().stream().mapToLong(List::size).sum() + a.withoutCase().size() + h[0], h[0], h[1]);
                })
                .sorted(Comparator.comparingLong((AgencyHoldups a) -> -(a.overdue() + a.items().size() + a.hiddenItems()))
                        .thenComparing(AgencyHoldups::agencyName))
                .toList();
        long hiddenTotal = hidden.values().stream().mapToLong(h -> h[0] + h[1]).sum();
        return new Holdups(list, stuck.size(), rejected, declined, conflicts, hiddenTotal, caseIds);
    }

    private String itemDetail(StatisticsQueries.Item i, Locale locale) {
        String detail = i.detail() == null ? "" : i.detail();
        int colon = detail.indexOf(':');
        String head = colon < 0 ? detail : detail.substring(0, colon);
        String tail = colon < 0 ? "" : detail.substring(colon + 1);
        return switch (i.kind()) {
            case "HANDOVER_REJECTED" -> msg("statistics.holdups.rejectedDetail", locale, msg("handover.kind." + head, locale), tail);
            case "REFERRAL_DECLINED" -> msg("statistics.service." + head, locale) + (tail.isBlank() ? "" : ": " + tail.trim());
            default -> msg("statistics.conflict." + head, locale) + (tail.isBlank() ? "" : " · " + stepName(tail.trim(), locale));
        };
    }

    /** A conflict's procedure step by its name (the national baseline's, today), never by its id. */
    private String stepName(String stepId, Locale locale) {
        return policies.findInForce(org.tongxin.policy.PolicyModels.NATIONAL, LegalTime.today(clock))
                .flatMap(p -> p.step(stepId)).map(step -> step.name(locale)).orElse(stepId);
    }

    // The dashboard

    public record Slice(String key, String label, long value) {
    }

    public record Dashboard(String district, List<Slice> districts, Map<String, Map<String, Long>> activeByDistrictAndType,
            List<Slice> activeByType, List<YearMonth> months, Map<String, List<Long>> monthly, List<Slice> overdueByAgency,
            List<Slice> openConflictsByDistrict, long active, long overdueNow, long openConflicts, long rejectedAwaiting) {
    }

    /** The indicators the dashboard follows month by month. */
    static final List<Indicator> DASHBOARD_SERIES = List.of(Indicator.CASE_RECEIVED, Indicator.SUBJECT_FAILED_TO_REPORT,
            Indicator.SUBJECT_LOST_CONTACT, Indicator.HANDOVER_REJECTED, Indicator.ASSISTANCE_DELIVERED,
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
        List<Slice> districts = districtSlices(scope, byDistrictType.keySet(), locale);
        Map<YearMonth, Map<String, Long>> perMonth = queries.perMonth(scope, from, to,
                DASHBOARD_SERIES.stream().map(Indicator::key).toList(), null);
        Map<String, List<Long>> monthly = new LinkedHashMap<>();
        for (Indicator i : DASHBOARD_SERIES) {
            monthly.put(i.key(), perMonth.values().stream().map(f -> f.getOrDefault(i.key(), 0L)).toList());
        }
        Map<UUID, StatisticsQueries.Backlog> backlog = queries.backlog(scope);
        Map<AgencyId, AgencyView> views = agencies.findAll(backlog.keySet().stream().map(AgencyId::of).toList());
        List<Slice> overdue = backlog.values().stream().filter(b -> b.overdue() > 0)
                .map(b -> new Slice(b.agencyId().toString(),
                        views.containsKey(AgencyId.of(b.agencyId())) ? views.get(AgencyId.of(b.agencyId())).name(locale) : "?",
                        b.overdue()))
                .sorted(Comparator.comparingLong(Slice::value).reversed().thenComparing(Slice::label)).toList();
        Map<String, Map<String, Long>> open = queries.openItems(scope);
        Map<String, Long> conflictsByDistrict = open.getOrDefault("CONFLICT", Map.of());
        List<Slice> conflictSlices = districtSlices(scope, conflictsByDistrict.keySet(), locale).stream()
                .map(s -> new Slice(s.key(), s.label(), conflictsByDistrict.getOrDefault(s.key(), 0L))).toList();
        List<Slice> typeSlices = byType.entrySet().stream()
                .map(e -> new Slice(e.getKey(), msg("case.type." + e.getKey(), locale), e.getValue())).toList();
        districts = districts.stream().map(s -> new Slice(s.key(), s.label(),
                byDistrictType.getOrDefault(s.key(), Map.of()).values().stream().mapToLong(Long::longValue).sum())).toList();
        return new Dashboard(scope.district(), districts, byDistrictType, typeSlices,
                perMonth.keySet().stream().toList(), monthly, overdue, conflictSlices,
                byType.values().stream().mapToLong(Long::longValue).sum(),
                overdue.stream().mapToLong(Slice::value).sum(),
                conflictsByDistrict.values().stream().mapToLong(Long::longValue).sum(),
                open.getOrDefault("HANDOVER_REJECTED", Map.of()).values().stream().mapToLong(Long::longValue).sum());
    }

    /** The districts of the scope with their names: every county of the city, or the one district. */
    public List<Slice> districtSlices(StatisticsScope.Scope scope, Collection<String> withFigures, Locale locale) {
        Set<String> codes = new java.util.TreeSet<>(withFigures);
        if (scope.city()) {
            agencies.divisionChildren(scope.cityCode()).forEach(d -> codes.add(Districts.district(d.code())));
        } else {
            codes.add(scope.district());
        }
        Map<String, String> names = agencies.divisions(codes).stream()
                .collect(Collectors.toMap(Division::code, d -> d.name(locale), (a, b) -> a));
        return codes.stream().map(c -> new Slice(c, names.getOrDefault(c, c), 0)).toList();
    }

    public String districtName(String code, Locale locale) {
        return code == null ? null : agencies.division(code).map(d -> d.name(locale)).orElse(code);
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    /** The caller's lawful view of an agency: 404 for an agency outside the scope. */
    public AgencyView agencyInScope(StatisticsScope.Scope scope, UUID agencyId) {
        AgencyView agency = agencies.find(AgencyId.of(agencyId)).orElseThrow(TongxinException::notFound);
        if (!Districts.district(agency.divisionCode()).startsWith(scope.like().replace("%", ""))) {
            throw TongxinException.notFound();
        }
        return agency;
    }
}
