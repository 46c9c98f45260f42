package org.tongxin.statistics.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.statistics.internal.HoldupsService;

/**
 * The coordinator's screen as the page shows it: the agencies ranked by what they hold up (count, then the worst days
 * overdue) with a jump link to each, and per agency one list of overdue obligations sorted by days overdue and one of
 * its other holdups, both with the same columns. The service leaves out the lines the reader may not open and counts
 * them ({@code hiddenOverdue}, {@code hiddenItems}); the ranking counts every line, its worst days overdue and
 * escalations are those of the lines listed.
 */
record HoldupsView(List<Section> sections, long hidden) {

    /** One line in either table: case (null: not listed / a matter), what, a date, days, basis or detail, other side. */
    record Line(
            String kind,
            UUID itemId,
            StatisticsWeb.CaseLabel caseLabel,
            boolean matter,
            String what,
            String stepId,
            Instant date,
            long days,
            String basis,
            String basisRegion,
            Instant startedAt,
            String detail,
            String other,
            int escalationLevel) {}

    /** One agency: its rank, its lines, how many were left out, and how many it holds up in all. */
    record Section(
            int rank,
            UUID agencyId,
            String agencyName,
            List<Line> overdue,
            List<Line> items,
            long hiddenOverdue,
            long hiddenItems,
            long total,
            long overdueTotal,
            long worstDaysOverdue,
            long escalated) {

        public String anchor() {
            return "agency-" + agencyId;
        }
    }

    static HoldupsView of(HoldupsService.Holdups holdups, Map<UUID, StatisticsWeb.CaseLabel> cases) {
        List<Section> sections = new ArrayList<>();
        for (HoldupsService.AgencyHoldups a : holdups.agencies()) {
            List<Line> overdue = new ArrayList<>();
            List<Line> items = new ArrayList<>();
            long worst = 0;
            long escalated = 0;
            Map<UUID, List<HoldupsService.StuckLine>> lines = new java.util.HashMap<>(a.byCase());
            if (!a.withoutCase().isEmpty()) {
                lines.put(null, a.withoutCase());
            }
            for (Map.Entry<UUID, List<HoldupsService.StuckLine>> entry : lines.entrySet()) {
                StatisticsWeb.CaseLabel label = entry.getKey() == null ? null : cases.get(entry.getKey());
                for (HoldupsService.StuckLine s : entry.getValue()) {
                    worst = Math.max(worst, s.daysOverdue());
                    if (s.escalationLevel() > 0) {
                        escalated++;
                    }
                    overdue.add(new Line(
                            "OBLIGATION",
                            s.obligationId(),
                            label,
                            entry.getKey() == null,
                            s.step(),
                            s.stepId(),
                            s.dueAt(),
                            s.daysOverdue(),
                            s.legalBasis(),
                            s.policyRegion(),
                            s.startedAt(),
                            null,
                            s.escalatedTo(),
                            s.escalationLevel()));
                }
            }
            for (HoldupsService.ItemLine i : a.items()) {
                StatisticsWeb.CaseLabel label = i.caseId() == null ? null : cases.get(i.caseId());
                items.add(new Line(
                        i.kind(),
                        i.itemId(),
                        label,
                        i.caseId() == null,
                        null,
                        null,
                        i.openedAt(),
                        i.days(),
                        null,
                        null,
                        null,
                        i.detail(),
                        i.counterpartyName(),
                        0));
            }
            overdue.sort(Comparator.comparingLong(Line::days)
                    .reversed()
                    .thenComparing(Line::date, Comparator.nullsLast(Comparator.naturalOrder())));
            items.sort(Comparator.comparingLong(Line::days).reversed());
            long total = a.overdue() + items.size() + a.hiddenItems();
            sections.add(new Section(
                    0,
                    a.agencyId(),
                    a.agencyName(),
                    overdue,
                    items,
                    a.hiddenOverdue(),
                    a.hiddenItems(),
                    total,
                    a.overdue(),
                    worst,
                    escalated));
        }
        sections.sort(Comparator.comparingLong(Section::total)
                .reversed()
                .thenComparing(
                        Comparator.comparingLong(Section::worstDaysOverdue).reversed())
                .thenComparing(Section::agencyName));
        List<Section> ranked = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            ranked.add(new Section(
                    i + 1,
                    s.agencyId(),
                    s.agencyName(),
                    s.overdue(),
                    s.items(),
                    s.hiddenOverdue(),
                    s.hiddenItems(),
                    s.total(),
                    s.overdueTotal(),
                    s.worstDaysOverdue(),
                    s.escalated()));
        }
        return new HoldupsView(ranked, holdups.hidden());
    }
}
