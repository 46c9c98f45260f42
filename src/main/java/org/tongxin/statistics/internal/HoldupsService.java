package org.tongxin.statistics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Languages;

/**
 * The coordinator's one screen of what holds cases up: overdue obligations by agency and case, rejected handovers,
 * declined referrals and open conflicts, as far as the reader may open them.
 */
@Service
public class HoldupsService {

    /** How far back declined referrals stay on the coordinator's screen. */
    static final Duration DECLINED_WINDOW = Duration.ofDays(90);
    /** The most lines the coordinator's screen lists of each kind (the counts above them are complete). */
    static final int HOLDUP_LIMIT = 500;

    private final StatisticsQueries queries;
    private final AgencyDirectory agencies;
    private final ObligationLedger ledger;
    private final Clock clock;
    private final HoldupLines lines;
    private final org.tongxin.policy.PolicyModels policies;
    private final StatisticsLabels labels;

    HoldupsService(
            StatisticsQueries queries,
            AgencyDirectory agencies,
            ObligationLedger ledger,
            Clock clock,
            HoldupLines lines,
            org.tongxin.policy.PolicyModels policies,
            StatisticsLabels labels) {
        this.queries = queries;
        this.agencies = agencies;
        this.ledger = ledger;
        this.clock = clock;
        this.lines = lines;
        this.policies = policies;
        this.labels = labels;
    }

    public record StuckLine(
            UUID obligationId,
            UUID caseId,
            String stepId,
            String step,
            String legalBasis,
            String policyRegion,
            Instant startedAt,
            Instant dueAt,
            long daysOverdue,
            int escalationLevel,
            String escalatedTo) {}

    public record ItemLine(
            String kind,
            UUID itemId,
            UUID caseId,
            String agencyName,
            String counterpartyName,
            String detail,
            Instant openedAt,
            long days) {}

    /**
     * One agency's share: its overdue obligations by case, its rejected handovers, declined referrals, open conflicts, as
     * far as the reader may open them; {@code overdue} counts all its overdue obligations, {@code hiddenOverdue} and
     * {@code hiddenItems} the lines left out because the reader may not open them (doc/security-requirements.md S7).
     */
    public record AgencyHoldups(
            UUID agencyId,
            String agencyName,
            String district,
            Map<UUID, List<StuckLine>> byCase,
            List<StuckLine> withoutCase,
            List<ItemLine> items,
            long overdue,
            long hiddenOverdue,
            long hiddenItems) {}

    /** The whole screen; the totals count every line, listed or not, and {@code hidden} those not listed. */
    public record Holdups(
            List<AgencyHoldups> agencies,
            long overdue,
            long rejectedHandovers,
            long declinedReferrals,
            long openConflicts,
            long hidden,
            Set<UUID> caseIds) {}

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
        Map<AgencyId, AgencyView> views =
                agencies.findAll(agencyIds.stream().map(AgencyId::of).toList());
        Function<UUID, String> name = id -> id == null
                ? null
                : views.containsKey(AgencyId.of(id))
                        ? views.get(AgencyId.of(id)).name(locale)
                        : id.toString();
        Map<UUID, AgencyHoldups> result = new LinkedHashMap<>();
        Set<UUID> caseIds = new HashSet<>();
        for (StatisticsQueries.StuckObligation s : stuck) {
            AgencyHoldups a = result.computeIfAbsent(
                    s.agencyId(),
                    id -> new AgencyHoldups(
                            id,
                            name.apply(id),
                            s.district(),
                            new LinkedHashMap<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            0,
                            0,
                            0));
            if (!reader.obligation(s)) {
                hidden.computeIfAbsent(s.agencyId(), k -> new long[2])[0]++;
                continue;
            }
            String basis = null;
            String region = null;
            Instant started = null;
            // The step's name as its policy version writes it; the names the statistics kept when it is gone.
            String stepName = Languages.pick(locale, s.stepZh(), s.stepEn());
            try {
                var view = ledger.find(ObligationId.of(s.obligationId())).orElse(null);
                if (view != null) {
                    var step = ledger.step(view);
                    basis = step.legalBasis();
                    stepName = step.name(locale);
                    region = view.policyRegion();
                    started = view.startedAt();
                }
            } catch (RuntimeException unknownStep) {
                // A step no longer in its policy version: shown without a basis rather than hiding the line.
            }
            long days = s.dueAt() == null
                    ? 0
                    : Math.max(0, Duration.between(s.dueAt(), now).toDays());
            // An obligation about a matter rather than a case (a meeting's decision) has no case to be listed under: a
            // map
            // key must not be null (the API writes the map as a JSON object).
            (s.caseId() == null ? a.withoutCase() : a.byCase().computeIfAbsent(s.caseId(), k -> new ArrayList<>()))
                    .add(new StuckLine(
                            s.obligationId(),
                            s.caseId(),
                            s.stepId(),
                            stepName,
                            basis,
                            region,
                            started,
                            s.dueAt(),
                            days,
                            s.escalationLevel(),
                            name.apply(s.escalatedTo())));
            if (s.caseId() != null) {
                caseIds.add(s.caseId());
            }
        }
        long rejected = 0;
        long declined = 0;
        long conflicts = 0;
        for (StatisticsQueries.Item i : items) {
            AgencyHoldups a = result.computeIfAbsent(
                    i.agencyId(),
                    id -> new AgencyHoldups(
                            id,
                            name.apply(id),
                            i.district(),
                            new LinkedHashMap<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            0,
                            0,
                            0));
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
            a.items()
                    .add(new ItemLine(
                            i.kind(),
                            i.itemId(),
                            caseId,
                            a.agencyName(),
                            name.apply(i.counterpartyId()),
                            itemDetail(i, locale),
                            i.openedAt(),
                            Duration.between(i.openedAt(), now).toDays()));
            if (caseId != null) {
                caseIds.add(caseId);
            }
        }
        List<AgencyHoldups> list = result.values().stream()
                .map(a -> {
                    long[] h = hidden.getOrDefault(a.agencyId(), new long[2]);
                    return new AgencyHoldups(
                            a.agencyId(),
                            a.agencyName(),
                            a.district(),
                            a.byCase(),
                            a.withoutCase(),
                            a.items(),
                            a.byCase().values().stream().mapToLong(List::size).sum()
                                    + a.withoutCase().size()
                                    + h[0],
                            h[0],
                            h[1]);
                })
                .sorted(Comparator.comparingLong(
                                (AgencyHoldups a) -> -(a.overdue() + a.items().size() + a.hiddenItems()))
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
            case "HANDOVER_REJECTED" ->
                msg("statistics.holdups.rejectedDetail", locale, msg("handover.kind." + head, locale), tail);
            case "REFERRAL_DECLINED" ->
                msg("statistics.service." + head, locale) + (tail.isBlank() ? "" : ": " + tail.trim());
            default ->
                msg("statistics.conflict." + head, locale)
                        + (tail.isBlank() ? "" : " · " + stepName(tail.trim(), locale));
        };
    }

    /** A conflict's procedure step by its name (the national baseline's, today), never by its id. */
    private String stepName(String stepId, Locale locale) {
        return policies.findInForce(org.tongxin.policy.PolicyModels.NATIONAL, LegalTime.today(clock))
                .flatMap(p -> p.step(stepId))
                .map(step -> step.name(locale))
                .orElse(stepId);
    }

    private String msg(String key, Locale locale, Object... args) {
        return labels.msg(key, locale, args);
    }
}
