package org.tongxin.calendar.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The years the arithmetic works on, kept in memory: every deadline asks for a few days, and a year changes once a
 * year. A year entered here is forgotten at once (and again after its transaction commits); other instances of the
 * application pick it up when their copy expires, after at most {@link #TIME_TO_LIVE}.
 */
@Component
public class CalendarData {

    public static final String NATIONAL = "CN";
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private final CalendarSource source;
    private final ConcurrentMap<String, Cached<YearView>> years = new ConcurrentHashMap<>();
    private volatile Cached<Set<String>> regions;

    public CalendarData(CalendarSource source) {
        this.source = source;
    }

    /**
     * The year of a region ("CN" or a region with extras). Years without a national notice are the statutory
     * holidays of the regulation (only for {@link StatutoryHolidays#FIRST_YEAR}–{@link StatutoryHolidays#LAST_YEAR}).
     */
    public YearView year(String region, int year) {
        String key = region + "/" + year;
        Cached<YearView> cached = years.get(key);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        YearView view = NATIONAL.equals(region) ? national(year) : regional(region, year);
        years.put(key, new Cached<>(view));
        return view;
    }

    private YearView national(int year) {
        Optional<StoredYear> stored = source.find(NATIONAL, year);
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        stored.map(StoredYear::days).orElseGet(() -> StatutoryHolidays.of(year)).forEach(d -> days.put(d.date(), d));
        return new YearView(NATIONAL, year, stored.isPresent(), stored.map(StoredYear::notice).orElse(null),
                stored.map(StoredYear::publishedAt).orElse(null), days);
    }

    private YearView regional(String region, int year) {
        YearView national = year(NATIONAL, year);
        Map<LocalDate, SpecialDay> days = new TreeMap<>(national.days());
        source.find(region, year).ifPresent(extras -> extras.days().forEach(d -> days.put(d.date(), d)));
        return new YearView(region, year, national.official(), national.notice(), national.publishedAt(), days);
    }

    /** The GB/T 2260 codes of the regions with their own extras. */
    public Set<String> regions() {
        Cached<Set<String>> cached = regions;
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        Set<String> found = Set.copyOf(source.regions());
        regions = new Cached<>(found);
        return found;
    }

    /** Forgets a year (a national year: in every region) now and, inside a transaction, again after it commits. */
    public void forget(String region, int year) {
        forgetNow(region, year);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(region, year);
                }
            });
        }
    }

    /** Forgets everything (tests that change the tables directly). */
    public void forgetAll() {
        years.clear();
        regions = null;
    }

    private void forgetNow(String region, int year) {
        regions = null;
        if (NATIONAL.equals(region)) {
            years.keySet().removeIf(key -> key.endsWith("/" + year));
        } else {
            years.remove(region + "/" + year);
        }
    }

    private record Cached<T>(T value, long loadedAt) {

        Cached(T value) {
            this(value, System.nanoTime());
        }

        boolean fresh() {
            return System.nanoTime() - loadedAt < TIME_TO_LIVE.toNanos();
        }
    }
}
