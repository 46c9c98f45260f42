package org.tongxin.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tongxin.shared.web.Languages;

/**
 * Two scenarios of a run side by side: per agency the totals of each (obligations, fulfilled, on-time rate, breaches,
 * backlog at the end, workload per officer and month, entries, terminations, lost contacts) and their differences, and
 * per month the whole city's figures of each (the charts).
 */
public record SimulationComparison(
        List<LocalDate> months, List<AgencyLine> agencies, Series a, Series b, Totals totalA, Totals totalB) {

    /** One scenario's totals for an agency (or the city). */
    public record Totals(
            int officers,
            long opened,
            long fulfilled,
            long onTime,
            long breaches,
            long backlog,
            double workloadPerOfficer,
            long entries,
            long terminations,
            long lostContacts) {

        public double onTimeRate() {
            return fulfilled == 0 ? 1.0 : onTime / (double) fulfilled;
        }
    }

    /** An agency in both scenarios. */
    public record AgencyLine(
            String agencyKey,
            String agencyZh,
            String agencyEn,
            String agencyType,
            String district,
            Totals a,
            Totals b) {

        public String agencyName(java.util.Locale locale) {
            return Languages.pick(locale, agencyZh, agencyEn);
        }

        /** Whether the scenarios differ for this agency at all. */
        public boolean differs() {
            return !a.equals(b);
        }
    }

    /** The city's figures per month in one scenario. */
    public record Series(List<Long> opened, List<Long> breaches, List<Long> backlog, List<Double> onTimeRate) {}

    public static SimulationComparison of(List<SimulationFigure> figures) {
        TreeSet<LocalDate> monthSet = new TreeSet<>();
        figures.forEach(f -> monthSet.add(f.month()));
        List<LocalDate> months = List.copyOf(monthSet);
        Map<String, List<SimulationFigure>> byAgencyA = new LinkedHashMap<>();
        Map<String, List<SimulationFigure>> byAgencyB = new LinkedHashMap<>();
        for (SimulationFigure f : figures) {
            ("A".equals(f.scenario()) ? byAgencyA : byAgencyB)
                    .computeIfAbsent(f.agencyKey(), k -> new ArrayList<>())
                    .add(f);
        }
        List<AgencyLine> lines = new ArrayList<>();
        byAgencyA.forEach((key, rowsA) -> {
            List<SimulationFigure> rowsB = byAgencyB.getOrDefault(key, List.of());
            SimulationFigure any = rowsA.get(0);
            lines.add(new AgencyLine(
                    key,
                    any.agencyZh(),
                    any.agencyEn(),
                    any.agencyType(),
                    any.district(),
                    totals(rowsA, months),
                    totals(rowsB, months)));
        });
        List<SimulationFigure> allA =
                figures.stream().filter(f -> "A".equals(f.scenario())).toList();
        List<SimulationFigure> allB =
                figures.stream().filter(f -> "B".equals(f.scenario())).toList();
        return new SimulationComparison(
                months,
                lines,
                series(allA, months),
                series(allB, months),
                cityTotals(allA, months),
                cityTotals(allB, months));
    }

    private static Totals totals(List<SimulationFigure> rows, List<LocalDate> months) {
        if (rows.isEmpty()) {
            return new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long opened = 0, fulfilled = 0, onTime = 0, breaches = 0, entries = 0, terminations = 0, lost = 0, backlog = 0;
        LocalDate last = months.isEmpty() ? null : months.get(months.size() - 1);
        for (SimulationFigure f : rows) {
            opened += f.opened();
            fulfilled += f.fulfilled();
            onTime += f.onTime();
            breaches += f.breaches();
            entries += f.entries();
            terminations += f.terminations();
            lost += f.lostContacts();
            if (f.month().equals(last)) {
                backlog = f.backlog();
            }
        }
        int officers = rows.get(0).officers();
        double workload = officers == 0 || months.isEmpty() ? 0 : fulfilled / (double) officers / months.size();
        return new Totals(
                officers,
                opened,
                fulfilled,
                onTime,
                breaches,
                backlog,
                Math.round(workload * 10) / 10.0,
                entries,
                terminations,
                lost);
    }

    private static Totals cityTotals(List<SimulationFigure> rows, List<LocalDate> months) {
        Map<String, List<SimulationFigure>> byAgency = new LinkedHashMap<>();
        rows.forEach(f ->
                byAgency.computeIfAbsent(f.agencyKey(), k -> new ArrayList<>()).add(f));
        int officers = 0;
        long opened = 0, fulfilled = 0, onTime = 0, breaches = 0, backlog = 0, entries = 0, terminations = 0, lost = 0;
        for (List<SimulationFigure> agency : byAgency.values()) {
            Totals t = totals(agency, months);
            officers += t.officers();
            opened += t.opened();
            fulfilled += t.fulfilled();
            onTime += t.onTime();
            breaches += t.breaches();
            backlog += t.backlog();
            entries += t.entries();
            terminations += t.terminations();
            lost += t.lostContacts();
        }
        double workload = officers == 0 || months.isEmpty() ? 0 : fulfilled / (double) officers / months.size();
        return new Totals(
                officers,
                opened,
                fulfilled,
                onTime,
                breaches,
                backlog,
                Math.round(workload * 10) / 10.0,
                entries,
                terminations,
                lost);
    }

    private static Series series(List<SimulationFigure> rows, List<LocalDate> months) {
        List<Long> opened = new ArrayList<>();
        List<Long> breaches = new ArrayList<>();
        List<Long> backlog = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (LocalDate m : months) {
            long o = 0, b = 0, k = 0, f = 0, t = 0;
            for (SimulationFigure r : rows) {
                if (r.month().equals(m)) {
                    o += r.opened();
                    b += r.breaches();
                    k += r.backlog();
                    f += r.fulfilled();
                    t += r.onTime();
                }
            }
            opened.add(o);
            breaches.add(b);
            backlog.add(k);
            rate.add(f == 0 ? 100.0 : Math.round(t * 1000.0 / f) / 10.0);
        }
        return new Series(opened, breaches, backlog, rate);
    }
}
