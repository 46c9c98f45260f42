package org.tongxin.calendar.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a predicted year agrees with the notice of that year. A listed day is a date either of them lists (as a
 * holiday or as an adjusted working day); it is right when both list it, as the same kind. {@code misses} are the
 * listed days that are not right, in date order.
 */
public record Agreement(int year, int right, int listed, List<LocalDate> misses) {

    public Agreement {
        misses = List.copyOf(misses);
    }

    public static Agreement of(int year, Collection<SpecialDay> notice, Collection<SpecialDay> prediction) {
        Map<LocalDate, Boolean> official = holidays(notice);
        Map<LocalDate, Boolean> predicted = holidays(prediction);
        TreeSet<LocalDate> listed = new TreeSet<>(official.keySet());
        listed.addAll(predicted.keySet());
        List<LocalDate> misses = listed.stream()
                .filter(d -> !official.containsKey(d) || !official.get(d).equals(predicted.get(d)))
                .toList();
        return new Agreement(year, listed.size() - misses.size(), listed.size(), misses);
    }

    /** Several years added up (year 0). */
    public static Agreement sum(Collection<Agreement> years) {
        return new Agreement(
                0,
                years.stream().mapToInt(Agreement::right).sum(),
                years.stream().mapToInt(Agreement::listed).sum(),
                years.stream().flatMap(a -> a.misses().stream()).toList());
    }

    /** The share of listed days right, 0 to 1 (1 when nothing is listed). */
    public double share() {
        return listed == 0 ? 1 : (double) right / listed;
    }

    private static Map<LocalDate, Boolean> holidays(Collection<SpecialDay> days) {
        return days.stream()
                .collect(Collectors.toMap(SpecialDay::date, SpecialDay::holiday, (a, b) -> b, TreeMap::new));
    }
}
