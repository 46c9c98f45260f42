package org.tongxin.calendar.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.tongxin.calendar.HolidayRegulation;

/**
 * Learns the {@link HolidayPattern} to predict a year with from the announced years: of all candidate patterns, the
 * one whose predictions of the other announced years under the same regulation miss fewest listed days
 * ({@link Agreement}). A year's own notice is never used for it (leave one year out): the pattern for an announced
 * year is learnt from the others only. Ties go to the pattern closest to the one learnt under the previous version
 * of the regulation, then to the candidates' order; a version without any announced year takes the pattern of the
 * nearest version that has some (earlier first), and without any announced year at all the
 * {@link HolidayPattern#DEFAULT}.
 * <p>
 * Only complete national notices teach: a year that lists every statutory holiday of its regulation as a holiday.
 * Immutable once made; results are kept, so make a new one when a notice is entered.
 */
public final class PatternFit {

    private final Map<Integer, List<SpecialDay>> notices;
    private final ConcurrentMap<String, HolidayPattern> fitted = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> misses = new ConcurrentHashMap<>();

    /** {@code notices}: the national years entered, by year; incomplete ones are left out. */
    public PatternFit(Map<Integer, List<SpecialDay>> notices) {
        this.notices = new TreeMap<>(notices.entrySet().stream()
                .filter(e -> complete(e.getKey(), e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** Whether a national year lists every statutory holiday of the regulation in force that year as a holiday. */
    public static boolean complete(int year, Collection<SpecialDay> days) {
        if (year < StatutoryHolidays.FIRST_YEAR || year > StatutoryHolidays.LAST_YEAR) {
            return false;
        }
        Set<java.time.LocalDate> holidays =
                days.stream().filter(SpecialDay::holiday).map(SpecialDay::date).collect(Collectors.toSet());
        return StatutoryHolidays.of(year).stream().allMatch(d -> holidays.contains(d.date()));
    }

    /** The years this fit learns from. */
    public Set<Integer> announcedYears() {
        return notices.keySet();
    }

    /** The notice of an announced year this fit learns from, if it has one. */
    public List<SpecialDay> notice(int year) {
        return notices.getOrDefault(year, List.of());
    }

    /** The pattern to predict {@code year} with: learnt under the regulation in force that year, without its own notice. */
    public HolidayPattern forYear(int year) {
        return fit(HolidayRegulation.inForce(year), year);
    }

    /** The prediction of {@code year} with the pattern learnt for it. */
    public List<SpecialDay> predict(int year) {
        return HolidayForecast.predict(year, forYear(year));
    }

    HolidayPattern fit(HolidayRegulation regulation, int leftOut) {
        List<Integer> training = training(regulation, leftOut);
        if (training.isEmpty()) {
            return nearest(regulation, leftOut);
        }
        String key = regulation + "/" + training;
        HolidayPattern known = fitted.get(key);
        if (known != null) {
            return known;
        }
        HolidayPattern prior = prior(regulation, leftOut);
        HolidayPattern best = null;
        int bestMisses = Integer.MAX_VALUE;
        int bestDifferences = Integer.MAX_VALUE;
        for (HolidayPattern candidate : HolidayPattern.candidates()) {
            int missed = training.stream().mapToInt(y -> misses(y, candidate)).sum();
            int differences = candidate.differences(prior);
            if (missed < bestMisses || missed == bestMisses && differences < bestDifferences) {
                best = candidate;
                bestMisses = missed;
                bestDifferences = differences;
            }
        }
        fitted.put(key, best);
        return best;
    }

    private List<Integer> training(HolidayRegulation regulation, int leftOut) {
        return notices.keySet().stream()
                .filter(y -> y != leftOut && HolidayRegulation.inForce(y) == regulation)
                .toList();
    }

    /** The pattern learnt under the closest earlier version that has announced years, for breaking ties. */
    private HolidayPattern prior(HolidayRegulation regulation, int leftOut) {
        HolidayRegulation earlier = earlierWithNotices(regulation, leftOut);
        return earlier == null ? HolidayPattern.DEFAULT : fit(earlier, leftOut);
    }

    /** For a version without announced years: the pattern of the nearest version with some, earlier first. */
    private HolidayPattern nearest(HolidayRegulation regulation, int leftOut) {
        HolidayRegulation earlier = earlierWithNotices(regulation, leftOut);
        if (earlier != null) {
            return fit(earlier, leftOut);
        }
        for (HolidayRegulation later : HolidayRegulation.values()) {
            if (later.ordinal() > regulation.ordinal()
                    && !training(later, leftOut).isEmpty()) {
                return fit(later, leftOut);
            }
        }
        return HolidayPattern.DEFAULT;
    }

    private HolidayRegulation earlierWithNotices(HolidayRegulation regulation, int leftOut) {
        for (HolidayRegulation r = regulation.previous(); r != null; r = r.previous()) {
            if (!training(r, leftOut).isEmpty()) {
                return r;
            }
        }
        return null;
    }

    private int misses(int year, HolidayPattern pattern) {
        String key = year + "/" + pattern;
        Integer known = misses.get(key);
        if (known == null) {
            Agreement agreement = Agreement.of(year, notices.get(year), HolidayForecast.predict(year, pattern));
            known = agreement.listed() - agreement.right();
            misses.put(key, known);
        }
        return known;
    }
}
