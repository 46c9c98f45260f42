package org.tongxin.calendar.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * year. A national year without a notice is the prediction of {@link HolidayForecast} with the pattern
 * {@link PatternFit} learns from the national years entered; so entering a national year forgets every year (the
 * predictions may change with it), entering a region's extras only that region's year. What an instance forgets is
 * forgotten at once (and again after the transaction commits); other instances pick it up when their copy expires,
 * after at most {@link #TIME_TO_LIVE}.
 */
@Component
public class CalendarData {

    public static final String NATIONAL = "CN";
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private final CalendarSource source;
    private final ConcurrentMap<String, Cached<YearView>> years = new ConcurrentHashMap<>();
    private volatile Cached<Set<String>> regions;
    private volatile Cached<Forecasts> forecasts;

    public CalendarData(CalendarSource source) {
        this.source = source;
    }

    /**
     * The year of a region ("CN" or a region with extras) as deadlines are counted: the national notice where one is
     * entered, else the prediction (only for {@link StatutoryHolidays#FIRST_YEAR}–{@link StatutoryHolidays#LAST_YEAR}),
     * with the region's extras on top.
     */
    public YearView year(String region, int year) {
        String key = region + "/" + year;
        Cached<YearView> cached = years.get(key);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        YearView view = NATIONAL.equals(region) ? national(year) : withExtras(region, year(NATIONAL, year));
        years.put(key, new Cached<>(view));
        return view;
    }

    /**
     * The year as the holiday regulation in force predicts it, even when its notice is entered (which the prediction
     * never uses), with the region's extras on top; never official.
     */
    public YearView predicted(String region, int year) {
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        forecasts().of(year).forEach(d -> days.put(d.date(), d));
        YearView national = new YearView(NATIONAL, year, false, null, null, days);
        return NATIONAL.equals(region) ? national : withExtras(region, national);
    }

    /** What the predictions learn from: the national years entered (the complete ones). */
    public PatternFit fit() {
        return forecasts().fit();
    }

    private YearView national(int year) {
        Optional<StoredYear> stored = source.find(NATIONAL, year);
        if (stored.isEmpty()) {
            return predicted(NATIONAL, year);
        }
        Map<LocalDate, SpecialDay> days = new TreeMap<>();
        stored.get().days().forEach(d -> days.put(d.date(), d));
        return new YearView(
                NATIONAL, year, true, stored.get().notice(), stored.get().publishedAt(), days);
    }

    private YearView withExtras(String region, YearView national) {
        Map<LocalDate, SpecialDay> days = new TreeMap<>(national.days());
        source.find(region, national.year()).ifPresent(extras -> extras.days().forEach(d -> days.put(d.date(), d)));
        return new YearView(
                region, national.year(), national.official(), national.notice(), national.publishedAt(), days);
    }

    private Forecasts forecasts() {
        Cached<Forecasts> cached = forecasts;
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        Map<Integer, List<SpecialDay>> notices = new TreeMap<>();
        source.findAll(NATIONAL).forEach(y -> notices.put(y.year(), y.days()));
        // Learning costs a few hundred milliseconds: when the notices are still the same, keep what was learnt.
        Forecasts made = cached != null && cached.value().notices().equals(notices)
                ? cached.value()
                : new Forecasts(notices, new PatternFit(notices), new ConcurrentHashMap<>());
        forecasts = new Cached<>(made);
        return made;
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

    /** Forgets a year (a national year: every year, in every region) now and, inside a transaction, again after it commits. */
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
        forecasts = null;
    }

    private void forgetNow(String region, int year) {
        if (NATIONAL.equals(region)) {
            forgetAll();
        } else {
            regions = null;
            years.remove(region + "/" + year);
        }
    }

    /** The predictions made with one set of entered national years. */
    private record Forecasts(
            Map<Integer, List<SpecialDay>> notices, PatternFit fit, ConcurrentMap<Integer, List<SpecialDay>> years) {

        List<SpecialDay> of(int year) {
            List<SpecialDay> known = years.get(year);
            if (known == null) {
                known = List.copyOf(fit.predict(year));
                years.put(year, known);
            }
            return known;
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
