package org.tongxin.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tongxin.calendar.ForecastReason;
import org.tongxin.calendar.HolidayRegulation;
import org.tongxin.calendar.internal.Festival.Kind;

/**
 * Predicts a year's holiday schedule as the State Council's notice would most likely arrange it, from the statutory
 * holidays of the regulation in force ({@link StatutoryHolidays}) and the choices of a {@link HolidayPattern}. It
 * reads no notice. The rules, each followed by every notice 2020–2026 unless doc/holiday-forecast.md lists the
 * exception:
 * <ol>
 * <li>Every statutory holiday is a day off; one falling on a Saturday or Sunday is made up on the next working day
 * (regulation art. 6). A Mid-Autumn Festival on 1–3 October is made up as well (2020).</li>
 * <li>A one-day festival (New Year's Day, Qingming, Dragon Boat, Mid-Autumn) makes a break of three days with its
 * weekend: on a Saturday or Sunday with the Monday as its make-up day; on a Monday or Friday simply joined to the
 * weekend; on a Tuesday the Monday is bridged and the Saturday before worked, on a Thursday the Friday is bridged
 * and the Sunday after worked; on a Wednesday it stands alone.</li>
 * <li>The Spring Festival break runs {@link HolidayPattern#springFestivalDays()} days from New Year's Eve; National
 * Day {@link HolidayPattern#nationalDayDays()} days from 1 October, one day more, and from the festival on, when the
 * Mid-Autumn Festival falls between 29 September and 7 October; Labour Day {@link HolidayPattern#labourDayDays()}
 * days around 1 May that hold as many weekend days as such a break can and start as late as they can. A weekday in
 * a break that is neither statutory nor a make-up day is a bridge day, paid for by a weekend day worked.</li>
 * <li>Which weekend days are worked for a break's bridge days: for a break that starts on a Monday or ends on a
 * Friday and has two bridge days, the whole weekend next to it, where the pattern allows working next to a break;
 * otherwise the nearest free weekend day before the break and the nearest after it (for one bridge day the nearer
 * of the two; for more, alternately), skipping a day right next to the break unless the pattern allows it. A day
 * of another break is never worked, and no choice makes more consecutive working days than the regulation allows
 * (six, art. 7 of the 2024 revision).</li>
 * <li>A break is listed as the whole run of days off around it, the weekend days joined to it included.</li>
 * </ol>
 * The breaks of the neighbouring years are built too, so that a New Year break reaching into December is listed
 * and no day of one break is worked for another.
 */
public final class HolidayForecast {

    /** From this day of September the Mid-Autumn Festival joins the National Day break (2023: 29 September). */
    static final MonthDay MID_AUTUMN_JOINS_FROM = MonthDay.of(9, 29);
    /** How far from a break its worked weekend days are looked for. */
    private static final int SEARCH_DAYS = 35;

    private HolidayForecast() {}

    /** The predicted holidays and adjusted working days of {@code year}, in date order, each with its reason. */
    public static List<SpecialDay> predict(int year, HolidayPattern pattern) {
        if (year < StatutoryHolidays.FIRST_YEAR || year > StatutoryHolidays.LAST_YEAR) {
            throw new IllegalArgumentException("No holiday regulation encoded for " + year);
        }
        return new Schedule(year, pattern).days();
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** One break: the festivals it is for, and its own days off with their reasons (its core). */
    private static final class Break {

        final List<Festival> festivals;
        final OptionalInt maxWorkingRun;
        final boolean oneDay;
        final TreeMap<LocalDate, ForecastReason> core = new TreeMap<>();
        int bridges;
        /** A one-day festival's bridge is paid by this weekend day (Tuesday: the Saturday before; Thursday: the Sunday after). */
        LocalDate fixedWorkDay;
        /** The run of days off around the core before any weekend day is worked: other breaks keep out of it. */
        LocalDate spanFirst;

        LocalDate spanLast;

        Break(List<Festival> festivals, boolean oneDay) {
            this.festivals = festivals;
            this.oneDay = oneDay;
            this.maxWorkingRun =
                    HolidayRegulation.inForce(festivals.getFirst().year()).maxConsecutiveWorkingDays();
        }

        LocalDate first() {
            return core.firstKey();
        }

        LocalDate last() {
            return core.lastKey();
        }

        /** The name of a day of the break; a joined Mid-Autumn and National Day break names each part by its festival. */
        Name name(LocalDate date) {
            if (festivals.size() == 1) {
                return Name.of(festivals.getFirst().kind());
            }
            Festival midAutumn = festivals.getFirst();
            Festival national = festivals.getLast();
            boolean festivalDay = midAutumn.first().equals(date);
            if (festivalDay && national.days().contains(date)) {
                return new Name(
                        Kind.NATIONAL_DAY.nameZh() + "、" + Kind.MID_AUTUMN.nameZh(),
                        Kind.NATIONAL_DAY.nameEn() + " and " + Kind.MID_AUTUMN.nameEn());
            }
            boolean beforeNationalDay =
                    date.isBefore(national.first()) && midAutumn.first().isBefore(national.first());
            return Name.of(festivalDay || beforeNationalDay ? Kind.MID_AUTUMN : Kind.NATIONAL_DAY);
        }
    }

    /** A holiday's name as the notices write it, in Chinese and English. */
    private record Name(String zh, String en) {

        static Name of(Kind kind) {
            return new Name(kind.nameZh(), kind.nameEn());
        }
    }

    /** The breaks of a year and its neighbours, and the weekend days worked for them. */
    private static final class Schedule {

        final int year;
        final HolidayPattern pattern;
        final List<Break> breaks = new ArrayList<>();
        final Map<LocalDate, ForecastReason> off = new TreeMap<>();
        final Set<LocalDate> worked = new TreeSet<>();

        Schedule(int year, HolidayPattern pattern) {
            this.year = year;
            this.pattern = pattern;
            for (int y = Math.max(year - 1, StatutoryHolidays.FIRST_YEAR);
                    y <= Math.min(year + 1, StatutoryHolidays.LAST_YEAR);
                    y++) {
                addBreaks(y);
            }
            breaks.sort(Comparator.comparing(Break::first));
            breaks.forEach(b -> off.putAll(b.core));
            spans();
            for (Break b : breaks) {
                if (b.fixedWorkDay != null) {
                    if (available(b, b.fixedWorkDay) && withinLimit(b, List.of(b.fixedWorkDay))) {
                        worked.add(b.fixedWorkDay);
                    } else {
                        dropBridge(b);
                    }
                }
            }
            spans();
            for (Break b : breaks) {
                if (!b.oneDay && b.bridges > 0) {
                    work(b);
                }
            }
        }

        private void addBreaks(int y) {
            List<Festival> festivals = StatutoryHolidays.festivals(y);
            Festival midAutumn = festival(festivals, Kind.MID_AUTUMN);
            Festival national = festival(festivals, Kind.NATIONAL_DAY);
            boolean joined = !midAutumn.first().isBefore(MID_AUTUMN_JOINS_FROM.atYear(y))
                    && !midAutumn.first().isAfter(national.first().plusDays(6));
            for (Festival f : festivals) {
                switch (f.kind()) {
                    case NEW_YEAR, QINGMING, DRAGON_BOAT -> breaks.add(oneDay(f));
                    case MID_AUTUMN -> {
                        if (!joined) {
                            breaks.add(oneDay(f));
                        }
                    }
                    case SPRING_FESTIVAL -> {
                        LocalDate eve = HolidayRegulation.inForce(y) == HolidayRegulation.REVISION_2013
                                ? f.first().minusDays(1)
                                : f.first();
                        breaks.add(longBreak(List.of(f), eve, pattern.springFestivalDays()));
                    }
                    case LABOUR_DAY -> breaks.add(longBreak(List.of(f), null, pattern.labourDayDays()));
                    case NATIONAL_DAY ->
                        breaks.add(
                                joined
                                        ? longBreak(
                                                List.of(midAutumn, f),
                                                min(midAutumn.first(), f.first()),
                                                pattern.nationalDayDays() + 1)
                                        : longBreak(List.of(f), f.first(), pattern.nationalDayDays()));
                }
            }
        }

        private static Festival festival(List<Festival> festivals, Kind kind) {
            return festivals.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        /** Rule 2: a one-day festival with its weekend. */
        private Break oneDay(Festival festival) {
            Break b = new Break(List.of(festival), true);
            LocalDate day = festival.first();
            b.core.put(day, ForecastReason.STATUTORY);
            switch (day.getDayOfWeek()) {
                case SATURDAY -> {
                    b.core.put(day.plusDays(1), ForecastReason.WEEKEND);
                    b.core.put(day.plusDays(2), ForecastReason.MAKE_UP);
                }
                case SUNDAY -> b.core.put(day.plusDays(1), ForecastReason.MAKE_UP);
                case TUESDAY -> {
                    b.core.put(day.minusDays(1), ForecastReason.BRIDGE);
                    b.bridges = 1;
                    b.fixedWorkDay = day.minusDays(3);
                }
                case THURSDAY -> {
                    b.core.put(day.plusDays(1), ForecastReason.BRIDGE);
                    b.bridges = 1;
                    b.fixedWorkDay = day.plusDays(3);
                }
                default -> {
                    // Monday and Friday join the weekend by themselves; Wednesday stands alone.
                }
            }
            return b;
        }

        /** Rule 3: a break of {@code length} days from {@code anchor}, or placed around the statutory days when there is none. */
        private Break longBreak(List<Festival> festivals, LocalDate anchor, int length) {
            Break b = new Break(festivals, false);
            TreeSet<LocalDate> statutory = new TreeSet<>();
            festivals.forEach(f -> statutory.addAll(f.days()));
            int shared = festivals.stream().mapToInt(f -> f.days().size()).sum() - statutory.size();
            LocalDate start =
                    anchor != null ? min(anchor, statutory.first()) : latestWithMostWeekendDays(statutory, length);
            LocalDate end = start.plusDays(length - 1L);
            if (end.isBefore(statutory.last())) {
                end = statutory.last();
            }
            long madeUp =
                    shared + statutory.stream().filter(HolidayForecast::weekend).count();
            long needed = statutory.size() + shared;
            long weekdays =
                    start.datesUntil(end.plusDays(1)).filter(d -> !weekend(d)).count();
            while (weekdays < needed) {
                end = end.plusDays(1);
                weekdays += weekend(end) ? 0 : 1;
            }
            b.bridges = (int) (weekdays - needed);
            List<LocalDate> others = new ArrayList<>();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                if (statutory.contains(d)) {
                    b.core.put(d, ForecastReason.STATUTORY);
                } else if (weekend(d)) {
                    b.core.put(d, ForecastReason.WEEKEND);
                } else {
                    others.add(d);
                }
            }
            // The make-up days are the first weekdays after the statutory days; the bridge days are the rest.
            List<LocalDate> makeUpFirst = new ArrayList<>(
                    others.stream().filter(d -> d.isAfter(statutory.last())).toList());
            others.stream().filter(d -> d.isBefore(statutory.last())).forEach(makeUpFirst::add);
            for (int i = 0; i < makeUpFirst.size(); i++) {
                b.core.put(makeUpFirst.get(i), i < madeUp ? ForecastReason.MAKE_UP : ForecastReason.BRIDGE);
            }
            return b;
        }

        /** Of the breaks of {@code length} days holding the statutory days, the latest of those with most weekend days. */
        private static LocalDate latestWithMostWeekendDays(TreeSet<LocalDate> statutory, int length) {
            LocalDate start = statutory.first();
            long mostWeekendDays = -1;
            for (LocalDate s = statutory.last().minusDays(length - 1L);
                    !s.isAfter(statutory.first());
                    s = s.plusDays(1)) {
                long weekendDays = s.datesUntil(s.plusDays(length))
                        .filter(HolidayForecast::weekend)
                        .count();
                if (weekendDays >= mostWeekendDays) {
                    mostWeekendDays = weekendDays;
                    start = s;
                }
            }
            return start;
        }

        /** Rule 4 for a long break. */
        private void work(Break b) {
            if (b.bridges == 2 && pattern.workNextToBreak()) {
                List<List<LocalDate>> weekends = new ArrayList<>();
                if (b.first().getDayOfWeek() == DayOfWeek.MONDAY) {
                    weekends.add(List.of(b.first().minusDays(2), b.first().minusDays(1)));
                }
                if (b.last().getDayOfWeek() == DayOfWeek.FRIDAY) {
                    weekends.add(List.of(b.last().plusDays(1), b.last().plusDays(2)));
                }
                for (List<LocalDate> weekend : weekends) {
                    if (weekend.stream().allMatch(d -> available(b, d)) && withinLimit(b, weekend)) {
                        worked.addAll(weekend);
                        return;
                    }
                }
            }
            if (b.bridges == 1) {
                LocalDate before = nearest(b, -1);
                LocalDate after = nearest(b, 1);
                LocalDate pick = before != null
                                && (after == null
                                        || ChronoUnit.DAYS.between(before, b.first())
                                                <= ChronoUnit.DAYS.between(b.last(), after))
                        ? before
                        : after;
                if (pick != null) {
                    worked.add(pick);
                }
                return;
            }
            for (int i = 0; i < b.bridges; i++) {
                LocalDate pick = nearest(b, i % 2 == 0 ? -1 : 1);
                if (pick == null) {
                    pick = nearest(b, i % 2 == 0 ? 1 : -1);
                }
                if (pick != null) {
                    worked.add(pick);
                }
            }
        }

        /** The nearest weekend day before (direction -1) or after (1) the break that may be worked for it, or null. */
        private LocalDate nearest(Break b, int direction) {
            LocalDate edge = direction < 0 ? b.first() : b.last();
            for (int i = 1; i <= SEARCH_DAYS; i++) {
                LocalDate d = edge.plusDays((long) i * direction);
                boolean nextToBreak = i == 1;
                if (available(b, d) && (pattern.workNextToBreak() || !nextToBreak) && withinLimit(b, List.of(d))) {
                    return d;
                }
            }
            return null;
        }

        /** A weekend day no break takes off, not yet worked, and outside every other break's run. */
        private boolean available(Break b, LocalDate d) {
            if (!weekend(d) || off.containsKey(d) || worked.contains(d)) {
                return false;
            }
            return breaks.stream()
                    .noneMatch(other -> other != b && !d.isBefore(other.spanFirst) && !d.isAfter(other.spanLast));
        }

        /** Whether working {@code days} as well keeps every run of working days within the regulation's limit. */
        private boolean withinLimit(Break b, List<LocalDate> days) {
            if (b.maxWorkingRun.isEmpty()) {
                return true;
            }
            Set<LocalDate> tentative = new HashSet<>(worked);
            tentative.addAll(days);
            for (LocalDate day : days) {
                int run = 1;
                for (LocalDate d = day.minusDays(1); working(d, tentative); d = d.minusDays(1)) {
                    run++;
                }
                for (LocalDate d = day.plusDays(1); working(d, tentative); d = d.plusDays(1)) {
                    run++;
                }
                if (run > b.maxWorkingRun.getAsInt()) {
                    return false;
                }
            }
            return true;
        }

        private boolean working(LocalDate d, Set<LocalDate> workedDays) {
            return workedDays.contains(d) || !weekend(d) && !off.containsKey(d);
        }

        private boolean dayOff(LocalDate d) {
            return !worked.contains(d) && (weekend(d) || off.containsKey(d));
        }

        private void dropBridge(Break b) {
            b.core.entrySet().removeIf(e -> e.getValue() == ForecastReason.BRIDGE);
            off.clear();
            breaks.forEach(x -> off.putAll(x.core));
            b.bridges = 0;
            b.fixedWorkDay = null;
        }

        private void spans() {
            for (Break b : breaks) {
                LocalDate first = b.first();
                LocalDate last = b.last();
                while (dayOff(first.minusDays(1))) {
                    first = first.minusDays(1);
                }
                while (dayOff(last.plusDays(1))) {
                    last = last.plusDays(1);
                }
                b.spanFirst = first;
                b.spanLast = last;
            }
        }

        /** Rule 5: the year's listed days. */
        List<SpecialDay> days() {
            spans();
            Map<LocalDate, SpecialDay> days = new TreeMap<>();
            for (Break b : breaks) {
                for (LocalDate d = b.spanFirst; !d.isAfter(b.spanLast); d = d.plusDays(1)) {
                    if (d.getYear() == year) {
                        Name name = b.name(d);
                        days.put(
                                d,
                                new SpecialDay(
                                        d, true, name.zh(), name.en(), off.getOrDefault(d, ForecastReason.WEEKEND)));
                    }
                }
            }
            for (LocalDate d : worked) {
                if (d.getYear() == year) {
                    days.put(d, new SpecialDay(d, false, null, null, ForecastReason.ADJUSTED));
                }
            }
            return new ArrayList<>(days.values());
        }
    }
}
