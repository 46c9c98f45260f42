package org.tongxin.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.calendar.internal.CalendarData;
import org.tongxin.calendar.internal.CalendarSource;
import org.tongxin.calendar.internal.SpecialDay;
import org.tongxin.calendar.internal.StoredYear;

/**
 * The official years exactly as the migration seeds them (parsed from V11), so that unit tests count with the real
 * notices without a database; regional extras can be added for a test.
 */
final class SeedCalendar implements CalendarSource {

    static final Path MIGRATION =
            Path.of("src/main/resources/db/migration/V11__insert_national_holidays_2020_2026.sql");
    private static final Pattern ROW = Pattern.compile(
            "\\('(CN)', '(\\d{4}-\\d{2}-\\d{2})', (\\d{4}), '(HOLIDAY|WORKING_DAY)', (NULL|'((?:[^']|'')*)'),"
                    + " (NULL|'((?:[^']|'')*)')\\)");

    private final Map<String, List<SpecialDay>> days = new HashMap<>();

    SeedCalendar() {
        try {
            Matcher m = ROW.matcher(Files.readString(MIGRATION));
            while (m.find()) {
                LocalDate date = LocalDate.parse(m.group(2));
                SpecialDay day = m.group(4).equals("HOLIDAY")
                        ? SpecialDay.holiday(date, m.group(6), m.group(8).replace("''", "'"))
                        : SpecialDay.workingDay(date);
                days.computeIfAbsent(m.group(1) + "/" + m.group(3), k -> new ArrayList<>())
                        .add(day);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a region's extras for a year (tests of regional calendars). */
    SeedCalendar with(String region, int year, SpecialDay... extras) {
        days.put(region + "/" + year, List.of(extras));
        return this;
    }

    /** Replaces a national year by other days (a notice that differs from the real one). */
    SeedCalendar replacing(int year, List<SpecialDay> replacement) {
        days.put("CN/" + year, List.copyOf(replacement));
        return this;
    }

    /** Removes a national year, so that it becomes provisional. */
    SeedCalendar without(int year) {
        days.remove("CN/" + year);
        return this;
    }

    List<SpecialDay> days(int year) {
        return days.getOrDefault("CN/" + year, List.of());
    }

    Set<Integer> years() {
        Set<Integer> years = new HashSet<>();
        days.keySet().stream()
                .filter(k -> k.startsWith("CN/"))
                .forEach(k -> years.add(Integer.parseInt(k.substring(3))));
        return years;
    }

    @Override
    public Optional<StoredYear> find(String region, int year) {
        List<SpecialDay> found = days.get(region + "/" + year);
        return found == null
                ? Optional.empty()
                : Optional.of(new StoredYear(region, year, "seed", Instant.EPOCH, "migration", 0, found));
    }

    @Override
    public List<StoredYear> findAll(String region) {
        return days.keySet().stream()
                .filter(k -> k.startsWith(region + "/"))
                .map(k -> Integer.parseInt(k.substring(k.indexOf('/') + 1)))
                .sorted()
                .map(year -> find(region, year).orElseThrow())
                .toList();
    }

    @Override
    public Set<String> regions() {
        Set<String> regions = new HashSet<>();
        days.keySet().stream()
                .map(k -> k.substring(0, k.indexOf('/')))
                .filter(r -> !r.equals("CN"))
                .forEach(regions::add);
        return regions;
    }

    WorkingCalendar calendar() {
        return new WorkingCalendar(new CalendarData(this));
    }
}
