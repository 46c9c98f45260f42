package org.tongxin.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.internal.SubjectCodec;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.web.CasePageProbe;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.statistics.internal.MonthlyReports;
import org.tongxin.statistics.internal.StatisticsScope;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestClockConfiguration;

/**
 * bench/scale.sh: for each size, loads the caseload up to that many cases ({@link ScaleLoader}), then times, through
 * the application's own façades and queries (row-level security, audit records and all): an agency's inbox and a
 * person's ({@link Inboxes#inbox}), a case page's reads ({@link CasePageProbe}: what {@code GET /cases/{id}} reads
 * before rendering), a search by identity number ({@link CaseDirectory#search}), one run of the obligation clock's
 * scan over a day's newly due obligations ({@link ObligationClock#scanNow}, the clock moved to the end of that day),
 * and the monthly statistical report of a district and of the city ({@link MonthlyReports#report}).
 *
 * <p>Checks: each inbox holds exactly the agency's (the person's) open obligations as the database counts them, a
 * search by a subject's identity number finds that subject's case and no other, the reports count the district's
 * and the city's cases, and after the scan no obligation due or warned by the end of the day is left unmarked.
 *
 * <p>Prints, at the end, one line per size: {@code tongxin-scale cases=N inbox_agency_p99_ms=.. inbox_person_p99_ms=..
 * case_p99_ms=.. search_p99_ms=.. overdue_scan_ms=.. stats_district_ms=.. stats_city_ms=..}. Settings: SIZES
 * ("10000 1000000"), SAMPLES per query and size (400).
 */
public final class ScaleBenchmark {

    private static final PageQuery INBOX_PAGE = new PageQuery(0, 20, "due", false);
    private static final PageQuery SEARCH_PAGE = new PageQuery(0, 20, "updated", true);
    private static final int WARMUP = 60;

    public static void main(String[] args) {
        List<Long> sizes;
        int samples;
        try {
            sizes = Arrays.stream(System.getenv()
                            .getOrDefault("SIZES", "10000 1000000")
                            .trim()
                            .split("[\\s,]+"))
                    .map(Long::parseLong)
                    .toList();
            samples = Integer.parseInt(
                    System.getenv().getOrDefault("SAMPLES", "400").trim());
            if (sizes.isEmpty()
                    || sizes.stream().anyMatch(s -> s < ScaleLoader.CASES_PER_COUNTY || s > 3_000_000)
                    || !sizes.equals(sizes.stream().sorted().distinct().toList())
                    || samples < 20
                    || samples > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            Bench.progress(
                    "SIZES must be increasing numbers of cases from %d to 3000000, SAMPLES a number from 20 to 100000",
                    ScaleLoader.CASES_PER_COUNTY);
            System.exit(Bench.CANNOT_RUN);
            return;
        }
        Bench.progress(
                "scale benchmark: sizes %s, %d samples per query, on %s", sizes, samples, Bench.databaseDescription());
        ConfigurableApplicationContext context = null;
        int status;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("TONGXIN_DEMO", "false");
            properties.put("tongxin.demo-caseload", "false");
            context = Bench.start(false, properties, TestClockConfiguration.class);
            status = new ScaleBenchmark(context, samples).run(sizes);
        } catch (Exception e) {
            Bench.progress("scale benchmark could not run: %s", e);
            e.printStackTrace();
            status = Bench.CANNOT_RUN;
        }
        Bench.exit(context, status);
    }

    private final ConfigurableApplicationContext context;
    private final int samples;
    private final MutableClock clock;
    private final JdbcClient owner;
    private final Inboxes inboxes;
    private final CaseDirectory cases;
    private final CasePageProbe casePage;
    private final ObligationClock obligationClock;
    private final MonthlyReports reports;
    private final StatisticsScope scopes;
    private final List<String> failures = new ArrayList<>();
    private final Random random = new Random(20261207);

    ScaleBenchmark(ConfigurableApplicationContext context, int samples) {
        this.context = context;
        this.samples = samples;
        this.clock = context.getBean(MutableClock.class);
        this.owner = JdbcClient.create(Bench.ownerDataSource(context.getEnvironment()));
        this.inboxes = context.getBean(Inboxes.class);
        this.cases = context.getBean(CaseDirectory.class);
        this.casePage = new CasePageProbe(context);
        this.obligationClock = context.getBean(ObligationClock.class);
        this.reports = context.getBean(MonthlyReports.class);
        this.scopes = context.getBean(StatisticsScope.class);
    }

    int run(List<Long> sizes) throws Exception {
        List<String> lines = new ArrayList<>();
        ScaleLoader loader =
                new ScaleLoader(Bench.ownerDataSource(context.getEnvironment()), context.getBean(SubjectCodec.class));
        // A load an earlier run left is continued on its own time line (the day's batch is relative to it).
        java.util.Optional<Instant> earlier = loader.resume();
        clock.setInstant(earlier.orElse(Instant.now().truncatedTo(ChronoUnit.HOURS)));
        earlier.ifPresent(
                at -> Bench.progress("continuing the %,d cases an earlier run loaded, at %s", loader.loaded(), at));
        // The scheduled scan must not run meanwhile: the benchmark runs it itself, at the moments it chooses.
        Exception[] failed = new Exception[1];
        obligationClock.holdScheduledScans(() -> {
            try {
                for (long size : sizes) {
                    long start = System.nanoTime();
                    loader.loadUpTo(size, clock.instant(), line -> Bench.progress("%s", line));
                    Bench.progress(
                            "%,d cases loaded in %.0f s (%d counties); database %s; load %.2f",
                            size,
                            (System.nanoTime() - start) / 1e9,
                            loader.counties().size(),
                            databaseSize(),
                            Bench.loadAverage());
                    Map<String, Object> figures = measure(size, loader);
                    lines.add(Bench.line("tongxin-scale", figures));
                    Bench.progress("%s", lines.getLast());
                }
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        loader.close();
        if (failed[0] != null) {
            throw failed[0];
        }
        failures.forEach(f -> Bench.progress("CHECK FAILED: %s", f));
        Bench.progress("load average at the end: %.2f", Bench.loadAverage());
        lines.forEach(System.out::println);
        return failures.isEmpty() ? 0 : Bench.CHECK_FAILED;
    }

    private Map<String, Object> measure(long size, ScaleLoader loader) throws Exception {
        List<ScaleLoader.County> counties = loader.counties();
        List<ScaleLoader.County> sample = new ArrayList<>(counties);
        Collections.shuffle(sample, random);
        sample = sample.subList(0, Math.min(40, sample.size()));

        // Inboxes: as an officer of the county agency, its open obligations (overdue first) and the officer's own.
        List<ScaleLoader.County> inboxCounties = sample;
        double agency = p99("inbox-agency", i -> {
            ScaleLoader.County c = inboxCounties.get(i % inboxCounties.size());
            return as(
                    officer(c),
                    () -> inboxes.inbox(new Inboxes.InboxFilter(null, null, null, false, false), INBOX_PAGE));
        });
        double person = p99("inbox-person", i -> {
            ScaleLoader.County c = inboxCounties.get(i % inboxCounties.size());
            return as(
                    officer(c),
                    () -> inboxes.inbox(new Inboxes.InboxFilter(null, null, null, true, false), INBOX_PAGE));
        });
        for (ScaleLoader.County c : sample.subList(0, Math.min(5, sample.size()))) {
            UUID agencyId = ScaleLoader.agencyId(c.code(), "CA");
            long expected = owner.sql(
                            "SELECT count(*) FROM obligation WHERE owing_agency_id = :a AND status IN ('OPEN',"
                                    + " 'PAUSED', 'OVERDUE')")
                    .param("a", agencyId)
                    .query(Long.class)
                    .single();
            long mine = owner.sql("""
                SELECT count(*) FROM obligation WHERE owing_agency_id = :a AND assignee_user_id = :u
                   AND status IN ('OPEN', 'PAUSED', 'OVERDUE')\
                """)
                    .param("a", agencyId)
                    .param("u", ScaleLoader.officerId(c.code(), 0))
                    .query(Long.class)
                    .single();
            PageResult<ObligationView> shown = as(
                    officer(c),
                    () -> inboxes.inbox(new Inboxes.InboxFilter(null, null, null, false, false), INBOX_PAGE));
            PageResult<ObligationView> own = as(
                    officer(c),
                    () -> inboxes.inbox(new Inboxes.InboxFilter(null, null, null, true, false), INBOX_PAGE));
            if (shown.total() != expected || own.total() != mine || expected == 0) {
                failures.add("county " + c.code() + ": the inbox shows " + shown.total() + " of " + expected
                        + " open obligations, the officer's " + own.total() + " of " + mine);
            }
            Bench.progress("inbox of county %s: %d open obligations, %d the officer's", c.code(), expected, mine);
        }

        // A case page's reads and a search by identity number, for cases anywhere in the country, by their county's
        // officer.
        long[] ordinals = random.longs(samples + WARMUP, 1, loader.loaded() + 1).toArray();
        double casePages = p99("case", i -> {
            long n = ordinals[i % ordinals.length];
            return as(officer(county(loader, n)), () -> casePage.read(CaseId.of(ScaleLoader.caseId(n))));
        });
        double search = p99("search", i -> {
            long n = ordinals[i % ordinals.length];
            PageResult<CaseSummary> found = as(
                    officer(county(loader, n)),
                    () -> cases.search(
                            new CaseSearch(null, loader.identityNumber(n), null, null, null),
                            SEARCH_PAGE,
                            "bench/scale.sh"));
            if (found.total() != 1 || !found.items().getFirst().id().value().equals(ScaleLoader.caseId(n))) {
                failures.add("search by the identity number of case " + n + " found " + found.total() + " cases");
            }
            return found;
        });

        // The monthly report of the last full month: a district's by its county agency's officer, the city's by its
        // coordinator.
        YearMonth month = YearMonth.from(clock.instant().atZone(org.tongxin.shared.time.LegalTime.ZONE))
                .minusMonths(1);
        ScaleLoader.County first = sample.getFirst();
        double district = median(() -> as(
                officer(first),
                () -> check(reports.report(scopes.own(), month, Locale.CHINA), "district " + first.code())));
        double city = median(() -> as(
                coordinator(first),
                () -> check(reports.report(scopes.own(), month, Locale.CHINA), "city " + first.cityCode())));

        // The obligation clock: a warm-up scan now (what fell due in the last hour), then the scan at the end of the
        // day.
        Instant now = clock.instant();
        int warm = obligationClock.scanNow();
        drainEvents("warm-up scan");
        clock.setInstant(now.plus(Duration.ofDays(1)));
        long start = System.nanoTime();
        int scanned;
        try (Profile profile = Profile.ifAsked("scale-scan")) {
            scanned = profile.during(obligationClock::scanNow);
        }
        double scan = (System.nanoTime() - start) / 1e6;
        long left = owner.sql("""
            SELECT count(*) FROM obligation WHERE status = 'OPEN' AND (due_at <= :now OR (warn_at <= :now AND warned_at IS NULL))\
            """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        if (left > 0) {
            failures.add(left + " obligations due or to be warned by the end of the day were left by the scan");
        }
        Bench.progress(
                "scan at the end of the day: %d obligations warned, overdue or escalated in %.0f ms (%.0f µs each;"
                        + " warm-up %d)",
                scanned, scan, scanned == 0 ? 0 : scan * 1000 / scanned, warm);
        drainEvents("the day's scan");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", size);
        figures.put("inbox_agency_p99_ms", agency);
        figures.put("inbox_person_p99_ms", person);
        figures.put("case_p99_ms", casePages);
        figures.put("search_p99_ms", search);
        figures.put("overdue_scan_ms", Math.rint(scan));
        figures.put("stats_district_ms", district);
        figures.put("stats_city_ms", city);
        Bench.progress("load average %.2f", Bench.loadAverage());
        return figures;
    }

    private MonthlyReports.MonthlyReport check(MonthlyReports.MonthlyReport report, String what) {
        boolean counted = report.tables().getFirst().rows().stream()
                .anyMatch(row ->
                        row.stream().skip(1).anyMatch(cell -> cell instanceof Number number && number.longValue() > 0));
        if (!counted) {
            failures.add("the monthly report of " + what + " counts no case");
        }
        return report;
    }

    private static ScaleLoader.County county(ScaleLoader loader, long n) {
        return loader.counties().get((int) ((n - 1) / ScaleLoader.CASES_PER_COUNTY));
    }

    /** An officer of the county's community correction agency (officer 0, to whom a quarter of its open work is assigned). */
    private static TongxinPrincipal officer(ScaleLoader.County c) {
        return new TongxinPrincipal(
                TongxinPrincipal.Kind.SESSION,
                ScaleLoader.officerId(c.code(), 0),
                "bench." + c.code(),
                "Bench officer " + c.code(),
                ScaleLoader.agencyId(c.code(), "CA"),
                Set.of(Role.COUNTY_OFFICER),
                null,
                0);
    }

    private static TongxinPrincipal coordinator(ScaleLoader.County c) {
        return new TongxinPrincipal(
                TongxinPrincipal.Kind.SESSION,
                UUID.nameUUIDFromBytes(("bench-coordinator:" + c.cityCode()).getBytes()),
                "bench.coord." + c.cityCode(),
                "Bench coordinator",
                ScaleLoader.agencyId(c.cityCode(), "CO"),
                Set.of(Role.CITY_COORDINATOR),
                null,
                0);
    }

    /** Runs {@code work} with the security context a completed login of {@code who} would have. */
    private static <T> T as(TongxinPrincipal who, Callable<T> work) throws Exception {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        who.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @FunctionalInterface
    private interface Sampled {
        Object run(int i) throws Exception;
    }

    /** The 99th percentile in milliseconds of {@code samples} runs, after {@value #WARMUP} unmeasured ones. */
    private double p99(String label, Sampled work) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            work.run(samples + i);
        }
        double[] times = new double[samples];
        try (Profile profile = Profile.ifAsked("scale-" + label)) {
            profile.during(() -> {
                for (int i = 0; i < samples; i++) {
                    long start = System.nanoTime();
                    work.run(i);
                    times[i] = (System.nanoTime() - start) / 1e6;
                }
                return null;
            });
        }
        Arrays.sort(times);
        Bench.progress(
                "%s: median %.2f ms, p99 %.2f ms, worst %.2f ms",
                label, times[samples / 2], times[(int) Math.ceil(samples * 0.99) - 1], times[samples - 1]);
        return times[(int) Math.ceil(samples * 0.99) - 1];
    }

    /** The median of five runs after one unmeasured one, in milliseconds. */
    private static double median(Callable<?> work) throws Exception {
        work.call();
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.call();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[2];
    }

    /** Waits (at most 30 minutes) until every event publication is complete: the reactions to the scan are done. */
    private void drainEvents(String after) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(30).toNanos();
        long open = 0;
        while (System.nanoTime() < end) {
            open = owner.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                Bench.progress("reactions to %s done after %.1f s", after, (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        failures.add(open + " reactions to " + after + " still incomplete after 30 minutes");
    }

    private String databaseSize() {
        return owner.sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
                .query(String.class)
                .single();
    }
}
