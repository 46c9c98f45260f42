package org.tongxin.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.support.WebSession;

/**
 * bench/http.sh: the inbox through the API and as a page under concurrent clients, against {@code GET /api/v1/ping}
 * (the same security chain and the same token, answering a constant), in one run on one machine. The application
 * runs in this JVM on a loopback port; the load comes from wrk (C, two threads), in rounds that take turns between
 * the three addresses so that a change in the machine's load touches all three alike.
 *
 * <p>Checks: every response of the run was 200 (a lost session would answer 302), the inbox held lines with their
 * cases, and every inbox request wrote its audit record (doc/security-requirements.md S12): the audit log gained at least one
 * {@code case.list} record per completed request (and no more than the requests still in flight at the end add).
 *
 * <p>Prints {@code tongxin-http clients=C api_rps=.. page_rps=.. trivial_rps=.. api_ratio=.. page_ratio=.. api_p99_ms=..}.
 * Settings: CLIENTS (8), ROUNDS (3), SECONDS per address and round (5), WARMUP seconds per address (10).
 */
public final class HttpBenchmark {

    static final String PASSWORD = "Tongxin-Demo-2026";
    /** The county agency officers of 城东区: the same inbox, separate sessions (at most three sessions per account). */
    static final List<String> PAGE_USERS = List.of("cd.county", "cd.county2", "cd.county.head");

    static final String API_PURPOSE = "api.getInbox";
    static final String PAGE_PURPOSE = "inbox";

    private static final Pattern TOKEN = Pattern.compile("txp_[A-Za-z0-9_-]{20,}");
    private static final Pattern WRK_RESULT =
            Pattern.compile("tongxin-wrk requests=(\\d+) duration_us=(\\d+) errors=(\\d+) bad=(\\d+) p99_us=(\\d+)");

    record Run(long requests, long micros, long errors, long bad, long p99Micros, CpuMeter.Sample cpu) {

        double rps() {
            return micros == 0 ? 0 : requests * 1_000_000.0 / micros;
        }
    }

    /** The requests of one address over all rounds. */
    static final class Tally {
        long requests;
        long micros;
        long errors;
        long bad;
        long worstP99;
        CpuMeter.Sample cpu = new CpuMeter.Sample(0, 0);

        void add(Run run) {
            cpu = cpu.plus(run.cpu());
            requests += run.requests();
            micros += run.micros();
            errors += run.errors();
            bad += run.bad();
            worstP99 = Math.max(worstP99, run.p99Micros());
        }

        double rps() {
            return micros == 0 ? 0 : requests * 1_000_000.0 / micros;
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = setting("CLIENTS", 8, 1, 256);
        int rounds = setting("ROUNDS", 3, 1, 20);
        int seconds = setting("SECONDS", 5, 1, 120);
        int warmup = setting("WARMUP", 10, 0, 120);
        Path wrk = Path.of("/usr/bin/wrk");
        if (!Files.isExecutable(wrk)) {
            Bench.progress("wrk is missing: apt-get install wrk");
            System.exit(Bench.CANNOT_RUN);
        }
        Bench.progress(
                "http benchmark: %d clients, %d rounds of %d s per address after %d s warm-up, on %s",
                clients, rounds, seconds, warmup, Bench.databaseDescription());
        ConfigurableApplicationContext context = null;
        int status;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("server.address", "127.0.0.1");
            properties.put("server.port", "0");
            properties.put("TONGXIN_DEMO", "true");
            context = Bench.start(true, properties);
            status = new HttpBenchmark(context, wrk, clients, rounds, seconds, warmup).run();
        } catch (RuntimeException e) {
            Bench.progress("http benchmark could not run: %s", e);
            e.printStackTrace();
            status = Bench.CANNOT_RUN;
        }
        Bench.exit(context, status);
    }

    private final JdbcClient owner;
    private final CpuMeter meter = CpuMeter.forThisRun();
    private final Path wrk;
    private final int port;
    private final int clients;
    private final int rounds;
    private final int seconds;
    private final int warmup;

    HttpBenchmark(ConfigurableApplicationContext context, Path wrk, int clients, int rounds, int seconds, int warmup) {
        this.wrk = wrk;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.owner = JdbcClient.create(Bench.ownerDataSource(context.getEnvironment()));
        this.clients = clients;
        this.rounds = rounds;
        this.seconds = seconds;
        this.warmup = warmup;
    }

    int run() throws Exception {
        awaitDemo();
        List<String> failures = new ArrayList<>();
        WebSession apiSession = new WebSession(port).login(PAGE_USERS.getFirst(), PASSWORD, null);
        String token = personalToken(apiSession);
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < Math.min(clients, PAGE_USERS.size() * 3); i++) {
            WebSession session = new WebSession(port).login(PAGE_USERS.get(i % PAGE_USERS.size()), PASSWORD, null);
            cookies.add("SESSION=" + session.cookie("SESSION").orElseThrow());
        }
        // What is measured must be what a user gets: lines with their cases, the page with them, the constant.
        String inbox = get("/api/v1/inbox", "Authorization", "Bearer " + token);
        int lines = count(inbox, "\"caseNumber\":\"");
        if (lines == 0) {
            failures.add("the inbox of " + PAGE_USERS.getFirst() + " shows no case");
        }
        String page = get("/inbox", "Cookie", cookies.getFirst());
        if (!page.contains("href=\"/cases/")) {
            failures.add("the inbox page links no case");
        }
        if (!get("/api/v1/ping", "Authorization", "Bearer " + token).contains("\"pong\":true")) {
            failures.add("the ping did not answer its constant");
        }
        Bench.progress(
                "inbox of %s: %d lines with a case; page of %d bytes", PAGE_USERS.getFirst(), lines, page.length());

        Path script = writeScript();
        Map<String, String> auth = Map.of("BENCH_HEADER", "Authorization", "BENCH_VALUES", "Bearer " + token);
        Map<String, String> cookie = Map.of("BENCH_HEADER", "Cookie", "BENCH_VALUES", String.join("\n", cookies));
        if (warmup > 0) {
            Bench.progress("warming up");
            wrk(script, "/api/v1/ping", auth, warmup);
            wrk(script, "/api/v1/inbox", auth, warmup);
            wrk(script, "/inbox", cookie, warmup);
        }
        settle();
        long apiAuditBefore = auditRecords(API_PURPOSE);
        long pageAuditBefore = auditRecords(PAGE_PURPOSE);
        Tally trivial = new Tally();
        Tally api = new Tally();
        Tally pages = new Tally();
        try (Profile trivialProfile = Profile.ifAsked("http-trivial");
                Profile apiProfile = Profile.ifAsked("http-api");
                Profile pageProfile = Profile.ifAsked("http-page")) {
            for (int round = 1; round <= rounds; round++) {
                Run t = trivialProfile.during(() -> wrk(script, "/api/v1/ping", auth, seconds));
                Run a = apiProfile.during(() -> wrk(script, "/api/v1/inbox", auth, seconds));
                Run p = pageProfile.during(() -> wrk(script, "/inbox", cookie, seconds));
                trivial.add(t);
                api.add(a);
                pages.add(p);
                Bench.progress(
                        "round %d: trivial %.0f/s, api %.0f/s (p99 %.1f ms), page %.0f/s; load %.2f",
                        round, t.rps(), a.rps(), a.p99Micros() / 1000.0, p.rps(), Bench.loadAverage());
            }
        }
        settle();
        long apiAudited = auditRecords(API_PURPOSE) - apiAuditBefore;
        long pageAudited = auditRecords(PAGE_PURPOSE) - pageAuditBefore;
        for (Map.Entry<String, Tally> e :
                Map.of("trivial", trivial, "api", api, "page", pages).entrySet()) {
            if (e.getValue().errors > 0 || e.getValue().bad > 0) {
                failures.add(e.getKey() + ": " + e.getValue().bad + " responses other than 200 and "
                        + e.getValue().errors + " socket errors");
            }
        }
        // Each request ends with its audit record; a request cut off at the end of a run (wrk stops counting, the
        // application still answers it) adds one more: at most one per client and run.
        long slack = (long) clients * rounds;
        if (apiAudited < api.requests || apiAudited > api.requests + slack) {
            failures.add(
                    "api: " + api.requests + " inbox requests answered but " + apiAudited + " audit records written");
        }
        if (pageAudited < pages.requests || pageAudited > pages.requests + slack) {
            failures.add(
                    "page: " + pages.requests + " inbox pages answered but " + pageAudited + " audit records written");
        }
        Bench.progress(
                "CPU per request: trivial %s, api %s, page %s",
                trivial.cpu.perRequest(trivial.requests),
                api.cpu.perRequest(api.requests),
                pages.cpu.perRequest(pages.requests));
        Bench.progress(
                "audit records: %d for %d api requests, %d for %d pages",
                apiAudited, api.requests, pageAudited, pages.requests);
        failures.forEach(f -> Bench.progress("CHECK FAILED: %s", f));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("api_rps", Math.rint(api.rps()));
        figures.put("page_rps", Math.rint(pages.rps()));
        figures.put("trivial_rps", Math.rint(trivial.rps()));
        figures.put("api_ratio", trivial.rps() == 0 ? Double.NaN : api.rps() / trivial.rps());
        figures.put("page_ratio", trivial.rps() == 0 ? Double.NaN : pages.rps() / trivial.rps());
        figures.put("api_p99_ms", api.worstP99 / 1000.0);
        Bench.progress("load average at the end: %.2f", Bench.loadAverage());
        Bench.result("tongxin-http", figures);
        return failures.isEmpty() ? 0 : Bench.CHECK_FAILED;
    }

    /** Waits until the demo caseload is made (first start: in the background) and its reactions have settled. */
    private void awaitDemo() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Bench.progress("waiting for the City A demo caseload");
        while (System.nanoTime() < end) {
            boolean done = owner.sql("SELECT count(*) FROM demo_caseload WHERE completed_at IS NOT NULL")
                                    .query(Long.class)
                                    .single()
                            > 0
                    && owner.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                    .query(Long.class)
                                    .single()
                            == 0;
            if (done) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The demo caseload was not ready after 5 minutes");
    }

    /** Waits (at most 30 s) until requests still in flight after a run have finished: the audit log stops growing. */
    private void settle() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = -1;
        while (System.nanoTime() < end) {
            long now = owner.sql("SELECT count(*) FROM audit_record")
                    .query(Long.class)
                    .single();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1500);
        }
    }

    private long auditRecords(String purpose) {
        return owner.sql("SELECT count(*) FROM audit_record WHERE action = 'case.list' AND purpose = :p")
                .param("p", purpose)
                .query(Long.class)
                .single();
    }

    /** A personal token of the logged-in account, made on its account page (shown once). */
    private static String personalToken(WebSession session) {
        session.get("/account");
        HttpResponse<String> response =
                session.post("/account/tokens", Map.of("name", "bench/http.sh", "lifetimeDays", "7"));
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("No token on the account page (" + response.statusCode() + "): "
                    + response.body().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", "</main>"));
        }
        return m.group();
    }

    private String get(String path, String header, String value) {
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            HttpResponse<String> response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .header(header, value)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * The wrk script: each request carries one of the given header values in turn (a token, or one of several session
     * cookies); every answer but 200 is counted; the summary is one line wrk prints at its end.
     */
    private static Path writeScript() throws IOException {
        Path script = Bench.dir().resolve("wrk.lua");
        Files.writeString(script, """
            local threads = {}
            local values = {}
            for v in string.gmatch(os.getenv("BENCH_VALUES") or "", "[^\\n]+") do table.insert(values, v) end
            local header = os.getenv("BENCH_HEADER")
            function setup(thread) table.insert(threads, thread) end
            function init(args)
              bad = 0
              requests = {}
              for i, v in ipairs(values) do
                requests[i] = wrk.format("GET", nil, { [header] = v, ["Accept-Encoding"] = "gzip" })
              end
              n = 0
            end
            function request()
              n = n % #requests + 1
              return requests[n]
            end
            function response(status, headers, body)
              if status ~= 200 then bad = bad + 1 end
            end
            function done(summary, latency, requests)
              local b = 0
              for _, t in ipairs(threads) do b = b + t:get("bad") end
              local e = summary.errors
              io.write(string.format("tongxin-wrk requests=%d duration_us=%d errors=%d bad=%d p99_us=%d\\n",
                summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, b, latency:percentile(99)))
            end
            """, StandardCharsets.UTF_8);
        return script;
    }

    /** One wrk run against one address, bounded in time (loopback only). */
    private Run wrk(Path script, String path, Map<String, String> env, int duration)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                wrk.toString(),
                "-t",
                Integer.toString(Math.min(2, clients)),
                "-c",
                Integer.toString(clients),
                "-d",
                duration + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + path);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        CpuMeter.Sample before = meter.sample();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration + 30L, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not end");
        }
        CpuMeter.Sample cpu = meter.sample().minus(before);
        Matcher m = WRK_RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no summary: " + output);
        }
        return new Run(
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)),
                cpu);
    }

    private static int setting(String name, int fallback, int min, int max) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            Bench.progress("%s must be a whole number from %d to %d, not %s", name, min, max, value);
            System.exit(Bench.CANNOT_RUN);
            return fallback;
        }
    }
}
