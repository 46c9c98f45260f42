package org.tongxin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill -9 harness (doc/security-requirements.md S18, S19), run by {@code bench/killtest.sh}: starts the packaged application on the
 * embedded database, drives the intake through the REST API from several clients with personal tokens (a court opens
 * decided cases and delivers the legal documents, sometimes supplementing them after a rejection; the county agency
 * rejects or receipts them, records the subject's arrival and registers), and kills the application with SIGKILL at
 * random moments — every other time the embedded PostgreSQL with it — restarting it each time. Afterwards it checks
 * that every command acknowledged with a 2xx is there, that every event publication completed with its effect applied
 * once (obligations, their history, the timeline, the statistics read models, generated documents, copies), that every
 * open obligation's due date is the one the working calendar gives for its trigger, and that the audit chain verifies.
 *
 * <p>Prints exactly one line, {@code tongxin-killtest kills=K acknowledged=A lost=L duplicated=D}, and exits 0 only when
 * nothing was lost or duplicated and every other check passed. Details go to {@code killtest.log} in the work
 * directory (to standard error as well with {@code KILLTEST_VERBOSE=1}). Not a JUnit test: its name does not end in
 * "Test(s)", so the build compiles it and never runs it.
 */
public final class KillTestDriver {

    static final String PASSWORD = "Tongxin-Demo-2026";
    static final String COURT = "cd.court.clerk";
    static final String COUNTY = "cd.county";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Settings settings;
    final Log log;
    final JsonMapper json = JsonMapper.builder().build();
    final Random random;
    final App app;
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    final List<String> clientErrors = new CopyOnWriteArrayList<>();
    final AtomicInteger sequence = new AtomicInteger();
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    KillTestDriver(Settings settings, Log log) {
        this.settings = settings;
        this.log = log;
        this.random = new Random(settings.seed());
        this.app = new App(settings, log);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        Files.createDirectories(settings.workDir());
        int exit;
        Result result;
        try (Log log = new Log(settings.workDir().resolve("killtest.log"), settings.verbose())) {
            KillTestDriver driver = new KillTestDriver(settings, log);
            Watchdog.start(driver, settings.timeLimit().plus(settings.grace()));
            try {
                result = driver.run();
            } catch (Exception | AssertionError e) {
                log.line("ABORTED: " + e);
                e.printStackTrace(log.writer());
                driver.app.stopQuietly();
                result = new Result(driver.app.kills(), driver.acknowledged.size(), -1, -1, List.of("aborted: " + e));
            }
            exit = result.passed() ? 0 : 1;
            log.line("Result: " + (result.passed() ? "PASSED" : "FAILED " + result.failures()));
        }
        System.out.println("tongxin-killtest kills=" + result.kills() + " acknowledged=" + result.acknowledged()
                + " lost=" + result.lost() + " duplicated=" + result.duplicated());
        if (exit != 0) {
            System.err.println(
                    "tongxin-killtest failed; details in " + settings.workDir().resolve("killtest.log"));
        }
        System.exit(exit);
    }

    Result run() throws Exception {
        long started = System.nanoTime();
        log.line("Kill test: " + settings);
        app.cleanDataDirectory();
        app.start();
        app.awaitReady(settings.readyTimeout());
        for (String user : List.of(COURT, COUNTY)) {
            tokens.put(user, personalToken(user));
        }
        log.line("Personal tokens issued for " + tokens.keySet());

        AtomicBoolean finished = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        for (int i = 0; i < settings.clients(); i++) {
            int client = i;
            clients.submit(() -> new Client(client, finished).run());
        }
        try {
            while (app.kills() < settings.kills()) {
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(settings.timeLimit()) > 0) {
                    throw new IllegalStateException(
                            "Time limit " + settings.timeLimit() + " reached after " + app.kills() + " kills");
                }
                // Let the clients get going (a cold start answers its first commands slowly), then kill at a random
                // moment while they are busy.
                awaitProgress(acknowledged.size() + settings.clients(), Duration.ofSeconds(90));
                long pause = settings.minRun().toMillis()
                        + (long) (random.nextDouble()
                                * (settings.maxRun().toMillis()
                                        - settings.minRun().toMillis()));
                Thread.sleep(pause);
                boolean database = app.kills() % 2 == 1;
                app.kill(database);
                log.line("Kill " + app.kills() + (database ? " (with the database)" : "") + " after " + pause + " ms; "
                        + acknowledged.size() + " commands acknowledged so far");
                app.start();
                app.awaitReady(settings.readyTimeout());
            }
        } finally {
            finished.set(true);
            clients.shutdown();
            if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
                clients.shutdownNow();
            }
        }
        log.line("Kill phase over: " + app.kills() + " kills, " + acknowledged.size() + " commands acknowledged, "
                + "running the last instance until every publication completed");

        Checks checks = new Checks();
        try (Connection db = app.superuser()) {
            checks.awaitPublications(db, settings.recoveryTimeout());
            checks.run(db);
        }
        int audit = app.stopAndVerifyAudit();
        if (audit != 0) {
            checks.failures.add("audit chain verification exited with " + audit);
        }
        if (!clientErrors.isEmpty()) {
            checks.failures.add(clientErrors.size() + " unexpected answers: "
                    + clientErrors.subList(0, Math.min(5, clientErrors.size())));
        }
        if (acknowledged.stream().noneMatch(a -> a.command().equals("register"))) {
            checks.failures.add("no case was carried to registration: the harness did not exercise the intake");
        }
        log.line("Acknowledged: " + summary(acknowledged));
        if (!serverErrors.isEmpty()) {
            checks.failures.add(serverErrors.size() + " server errors (5xx): "
                    + serverErrors.subList(0, Math.min(5, serverErrors.size())));
        }
        log.line("Took " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return new Result(app.kills(), acknowledged.size(), checks.lost, checks.duplicated, checks.failures);
    }

    /** Waits until {@code count} commands have been acknowledged in all, or the time is up. */
    private void awaitProgress(int count, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < end) {
            pauseBriefly(100);
        }
    }

    // Clients

    /** What a client saw acknowledged (2xx): a command whose effect must be there after every crash. */
    record Ack(String command, UUID caseId, UUID handoverId, int round, Instant at) {}

    /** Thrown when the application did not answer: the outcome of the command is unknown. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    record Reply(int status, JsonNode body, String text) {
        boolean ok() {
            return status / 100 == 2;
        }

        String code() {
            return body != null && body.has("code") ? body.get("code").asString() : "";
        }
    }

    /**
     * One client: carries a case at a time through the intake, deciding each step from the case as the API shows it now
     * (so a command whose answer was lost in a crash is neither repeated blindly nor assumed done).
     */
    final class Client implements Runnable {

        final int number;
        final AtomicBoolean finished;
        final Random dice;
        UUID caseId;
        boolean rejectOnce;
        boolean arrivalFirst;

        Client(int number, AtomicBoolean finished) {
            this.number = number;
            this.finished = finished;
            this.dice = new Random(settings.seed() * 31 + number);
        }

        @Override
        public void run() {
            while (!finished.get()) {
                try {
                    step();
                } catch (Unavailable e) {
                    log.debug("client " + number + ": outcome unknown, " + e.getMessage());
                    awaitApplication();
                } catch (Exception | AssertionError e) {
                    // A refusal the client did not expect is a defect of the application or of this harness: it fails
                    // the run.
                    clientErrors.add("client " + number + ": " + e);
                    log.line("CLIENT ERROR client " + number + ": " + e);
                    caseId = null;
                    pauseBriefly(500);
                }
            }
        }

        private void awaitApplication() {
            while (!finished.get() && !app.ready()) {
                pauseBriefly(250);
            }
        }

        void step() throws Unavailable, IOException {
            if (caseId == null) {
                open();
                return;
            }
            Reply caseReply = call("GET", "/api/v1/cases/" + caseId, COUNTY, null, null);
            require(caseReply, "read the case");
            JsonNode c = caseReply.body();
            if ("UNDER_CORRECTION".equals(c.get("status").asString())) {
                caseId = null;
                return;
            }
            JsonNode bundle = legalDocuments();
            boolean arrived = !"AWAITED".equals(c.get("arrivalState").asString());
            if (!arrived
                    && (bundle == null && arrivalFirst
                            || bundle != null
                                    && "RECEIPTED".equals(bundle.get("status").asString()))) {
                command(
                        "arrival",
                        COUNTY,
                        "POST",
                        "/api/v1/cases/" + caseId + "/arrival",
                        "{\"version\": " + c.get("version").asInt() + "}",
                        null,
                        0);
                return;
            }
            if (bundle == null) {
                command("deliver", COURT, "POST", "/api/v1/cases/" + caseId + "/legal-documents", """
                    {"items": [{"code": "DECISION_DOCUMENT", "title": "刑事判决书"}, {"code": "EXECUTION_NOTICE"}]}\
                    """, null, 1);
                return;
            }
            UUID handover = UUID.fromString(bundle.get("id").asString());
            int version = handoverVersion(handover);
            switch (bundle.get("status").asString()) {
                case "DELIVERED" -> {
                    if (rejectOnce) {
                        rejectOnce = false;
                        command(
                                "reject",
                                COUNTY,
                                "POST",
                                "/api/v1/handovers/" + handover + "/rejection",
                                """
                                {"version": %d, "problems": [{"kind": "MISSING", "code": "GUARANTEE", "note": "缺接受社区矫正保证书"}]}\
                                """.formatted(version),
                                handover,
                                bundle.get("round").asInt());
                    } else {
                        command(
                                "receipt",
                                COUNTY,
                                "POST",
                                "/api/v1/handovers/" + handover + "/receipt",
                                "{\"version\": " + version + "}",
                                handover,
                                bundle.get("round").asInt());
                    }
                }
                case "REJECTED" ->
                    command(
                            "supplement",
                            COURT,
                            "POST",
                            "/api/v1/handovers/" + handover + "/supplement",
                            """
                            {"version": %d, "items": [{"code": "GUARANTEE", "title": "接受社区矫正保证书"}], "note": "补送保证书"}\
                            """.formatted(version),
                            handover,
                            bundle.get("round").asInt() + 1);
                case "RECEIPTED" -> {
                    if (!"RECEIPTED".equals(c.get("documentsState").asString())) {
                        pauseBriefly(200); // the reaction that marks the documents receipted has not run yet
                        return;
                    }
                    command(
                            "register",
                            COUNTY,
                            "POST",
                            "/api/v1/cases/" + caseId + "/registration",
                            "{\"version\": " + c.get("version").asInt() + "}",
                            null,
                            0);
                }
                default ->
                    throw new IllegalStateException(
                            "bundle " + handover + " is " + bundle.get("status").asString());
            }
        }

        private void open() throws Unavailable, IOException {
            int n = sequence.incrementAndGet();
            LocalDate today = LocalDate.now(CHINA);
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(dice.nextInt(14000));
            // The sequence's last digit is odd: a man's number (the subject is MALE).
            String first17 =
                    "369902" + birth.toString().replace("-", "") + String.format("%03d", dice.nextInt(500) * 2 + 1);
            String body = """
                {"subject": {"name": "%s", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                             "birthDate": "%s", "phone": "1380000%04d", "residenceDivision": "369902001",
                             "residenceAddress": "城东区东门街道压测路 %d 号"},
                 "offence": {"category": "THEFT", "details": "盗窃，价值人民币一千元。", "offenceDate": "%s", "charges": ["盗窃罪"]},
                 "decision": {"correctionType": "PROBATION", "caseNumber": "（%d）城东刑初K%d%06d号", "judgmentDate": "%s",
                              "effectiveDate": "%s", "termStart": "%s", "termEnd": "%s", "inCustody": false}}\
                """.formatted(
                            name(n),
                            first17 + checkCharacter(first17),
                            birth,
                            n % 10000,
                            n,
                            today.minusMonths(3),
                            today.getYear(),
                            settings.seed() % 1000,
                            n,
                            today.minusDays(1),
                            today,
                            today,
                            today.plusYears(1));
            Reply reply = call("POST", "/api/v1/cases", COURT, body, null);
            if (reply.ok()) {
                caseId = UUID.fromString(reply.body().get("caseId").asString());
                acknowledged.add(new Ack("open", caseId, null, 0, Instant.now()));
                rejectOnce = dice.nextInt(3) == 0;
                arrivalFirst = dice.nextBoolean();
            } else {
                require(reply, "open a case");
            }
        }

        private JsonNode legalDocuments() throws Unavailable, IOException {
            Reply reply = call("GET", "/api/v1/cases/" + caseId + "/handovers", COUNTY, null, null);
            require(reply, "list the handovers");
            JsonNode list = reply.body().has("items") ? reply.body().get("items") : reply.body();
            for (JsonNode h : list) {
                if ("LEGAL_DOCUMENTS".equals(h.get("kind").asString())) {
                    return h;
                }
            }
            return null;
        }

        private int handoverVersion(UUID handover) throws Unavailable, IOException {
            Reply reply = call("GET", "/api/v1/handovers/" + handover, COUNTY, null, null);
            require(reply, "read the handover");
            return reply.body().get("version").asInt();
        }

        /** A command: acknowledged on 2xx; a refusal because the state moved on (409, 422) is answered by reading again. */
        private void command(
                String name, String user, String method, String path, String body, UUID handover, int round)
                throws Unavailable, IOException {
            Reply reply = call(method, path, user, body, null);
            if (reply.ok()) {
                UUID h = handover;
                if (h == null && reply.body() != null && reply.body().has("handoverId")) {
                    h = UUID.fromString(reply.body().get("handoverId").asString());
                }
                acknowledged.add(new Ack(name, caseId, h, round, Instant.now()));
                log.debug("client " + number + ": " + name + " " + caseId + " acknowledged " + reply.status());
            } else if (reply.status() == 409 || reply.status() == 422) {
                log.debug("client " + number + ": " + name + " refused " + reply.status() + " " + reply.code()
                        + "; reading again");
                pauseBriefly(100);
            } else {
                require(reply, name);
            }
        }

        private void require(Reply reply, String what) {
            if (!reply.ok()) {
                throw new IllegalStateException(
                        "Could not " + what + " of " + caseId + ": " + reply.status() + " " + reply.text());
            }
        }
    }

    Reply call(String method, String path, String user, String body, Map<String, String> headers)
            throws Unavailable, IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + tokens.get(user));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        JsonNode parsed = null;
        String text = response.body();
        if (text != null
                && !text.isBlank()
                && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            parsed = json.readTree(text);
        }
        if (response.statusCode() >= 500) {
            // A 5xx is a defect, whatever the crash: no request the application accepted may fail on the server.
            serverErrors.add(method + " " + path + " " + response.statusCode());
            log.line("SERVER ERROR " + method + " " + path + " " + response.statusCode() + " " + text);
            throw new Unavailable(method + " " + path + " answered " + response.statusCode());
        }
        return new Reply(response.statusCode(), parsed, text);
    }

    /** Logs a demo account in through the login form and issues it a personal API token. */
    String personalToken(String username) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String csrf = csrf(browser.send(
                        HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() / 100 != 3 || location.contains("/login")) {
            throw new IllegalStateException(
                    "Login of " + username + " did not complete: " + login.statusCode() + " " + location);
        }
        String accountCsrf = csrf(browser.send(
                        HttpRequest.newBuilder(URI.create(app.base() + "/account"))
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        HttpResponse<String> issued = browser.send(
                HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/me/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", accountCsrf)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"kill test\", \"lifetimeDays\": 7}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException(
                    "No token for " + username + ": " + issued.statusCode() + " " + issued.body());
        }
        return json.readTree(issued.body()).get("token").asString();
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }

    /** A person's name for the n-th case (names allow Chinese characters, not digits). */
    static String name(int n) {
        String surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
        String given =
                "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
        return "" + surnames.charAt(n % surnames.length()) + given.charAt(n / surnames.length() % given.length())
                + given.charAt(n / (surnames.length() * given.length()) % given.length());
    }

    /** The check character of a resident identity number (GB 11643, ISO 7064 MOD 11-2). */
    static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static void pauseBriefly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Checks

    /**
     * The checks after recovery, on the database itself (as its superuser, so that row-level security hides nothing).
     * {@code lost}: an acknowledged command or an effect of a committed change that is missing (a reaction not applied,
     * an obligation whose due date is not the one its trigger and the calendar give); {@code duplicated}: an effect
     * applied more than once.
     */
    final class Checks {

        int lost;
        int duplicated;
        final List<String> failures = new ArrayList<>();
        final Map<String, String> dueAnswers = new HashMap<>();

        void lost(String what) {
            lost++;
            failures.add("LOST " + what);
            log.line("LOST " + what);
        }

        void duplicated(String what) {
            duplicated++;
            failures.add("DUPLICATED " + what);
            log.line("DUPLICATED " + what);
        }

        void awaitPublications(Connection db, Duration timeout) throws SQLException {
            long end = System.nanoTime() + timeout.toNanos();
            long incomplete;
            while ((incomplete = count(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                    > 0) {
                if (System.nanoTime() > end) {
                    break;
                }
                pauseBriefly(1000);
            }
            log.line("Publications incomplete after recovery: " + incomplete);
            if (incomplete > 0) {
                for (String row : strings(db, """
                    SELECT listener_id || ' ' || event_type || ' ' || coalesce(status, '') FROM event_publication
                     WHERE completion_date IS NULL LIMIT 20\
                    """)) {
                    lost("publication never completed: " + row);
                }
            }
        }

        void run(Connection db) throws Exception {
            acknowledgedCommands(db);
            List<UUID> cases = uuids(db, "SELECT id FROM casefile_case");
            log.line("Checking " + cases.size() + " cases, " + count(db, "SELECT count(*) FROM obligation")
                    + " obligations");
            for (UUID caseId : cases) {
                caseEffects(db, caseId);
            }
            uniqueness(db);
            statistics(db, cases.size());
            dueDates(db);
        }

        /** Every command a client saw acknowledged is there. */
        void acknowledgedCommands(Connection db) throws SQLException {
            for (Ack ack : acknowledged) {
                boolean there = switch (ack.command()) {
                    case "open" ->
                        exists(
                                db,
                                "SELECT 1 FROM casefile_case WHERE id = ? AND status IN ('INTAKE', 'UNDER_CORRECTION')",
                                ack.caseId());
                    case "deliver" ->
                        exists(
                                db,
                                "SELECT 1 FROM exchange_handover WHERE id = ? AND kind = 'LEGAL_DOCUMENTS' AND"
                                        + " first_delivered_at IS NOT NULL",
                                ack.handoverId());
                    case "reject" ->
                        exists(
                                db,
                                "SELECT 1 FROM exchange_round WHERE handover_id = ? AND round = " + ack.round()
                                        + " AND outcome = 'REJECTED'",
                                ack.handoverId());
                    case "supplement" ->
                        exists(
                                db,
                                "SELECT 1 FROM exchange_round WHERE handover_id = ? AND round = " + ack.round(),
                                ack.handoverId());
                    case "receipt" ->
                        exists(
                                db,
                                "SELECT 1 FROM exchange_handover WHERE id = ? AND status = 'RECEIPTED'",
                                ack.handoverId());
                    case "arrival" ->
                        exists(db, "SELECT 1 FROM casefile_case WHERE id = ? AND arrived_at IS NOT NULL", ack.caseId());
                    case "register" ->
                        exists(
                                db,
                                "SELECT 1 FROM casefile_case WHERE id = ? AND status = 'UNDER_CORRECTION' AND"
                                        + " registered_at IS NOT NULL",
                                ack.caseId());
                    default -> throw new IllegalStateException(ack.command());
                };
                if (!there) {
                    lost("acknowledged " + ack);
                }
            }
        }

        /** Each case's obligations, their history, its timeline and documents agree with what happened to it. */
        void caseEffects(Connection db, UUID caseId) throws SQLException {
            Map<String, String> status = new HashMap<>();
            int notStarted = 0;
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT step_id, instance, status, not_started FROM obligation WHERE case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        status.put(rs.getString(1) + "#" + rs.getString(2), rs.getString(3));
                        notStarted += rs.getBoolean(4) ? 1 : 0;
                    }
                }
            }
            String caseStatus;
            boolean arrived;
            boolean registered;
            String documentsState;
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT status, arrived_at IS NOT NULL, registered_at IS NOT NULL, documents_state FROM"
                            + " casefile_case WHERE id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    caseStatus = rs.getString(1);
                    arrived = rs.getBoolean(2);
                    registered = rs.getBoolean(3);
                    documentsState = rs.getString(4);
                }
            }
            String in = "case " + caseId + ": ";
            // No half-made case: its parties were written with it.
            long parties = count(db, """
                SELECT count(DISTINCT participation) FROM casefile_party
                 WHERE case_id = ? AND participation IN ('DECISION_ORGAN', 'EXECUTING_AGENCY', 'COPIED_PROCURATORATE', 'COPIED_POLICE')\
                """, caseId);
            if (parties < 4) {
                lost(in + "only " + parties
                        + " of its 4 parties (decision organ, executing agency, procuratorate, police)");
            }
            expect(status, in, "place.determine#", "FULFILLED");
            expect(status, in, "decide.inform#", "FULFILLED");
            expectPresent(status, in, "docs.notify#");
            expectPresent(status, in, "docs.deliver#");
            expectPresent(status, in, "report.self#");

            UUID bundle = null;
            String bundleStatus = null;
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT id, status FROM exchange_handover WHERE case_id = ? AND kind = 'LEGAL_DOCUMENTS'")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        bundle = rs.getObject(1, UUID.class);
                        bundleStatus = rs.getString(2);
                    }
                }
            }
            int rejections = 0;
            int rounds = 0;
            if (bundle != null) {
                // No half-made handover: its items and its copies to the procuratorate and the police came with it.
                if (count(db, "SELECT count(*) FROM exchange_item WHERE handover_id = ?", bundle) < 2) {
                    lost(in + "bundle " + bundle + " lacks its items");
                }
                if (count(db, "SELECT count(*) FROM exchange_copy WHERE handover_id = ?", bundle) != 2) {
                    lost(in + "bundle " + bundle + " lacks a copy");
                }
                expect(status, in, "docs.deliver#", "FULFILLED");
                expect(status, in, "docs.notify#", "FULFILLED");
                rounds = (int) count(db, "SELECT count(*) FROM exchange_round WHERE handover_id = ?", bundle);
                List<Integer> rejected = new ArrayList<>();
                try (PreparedStatement s = db.prepareStatement(
                        "SELECT round FROM exchange_round WHERE handover_id = ? AND outcome = 'REJECTED' ORDER BY"
                                + " round")) {
                    s.setObject(1, bundle);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rejected.add(rs.getInt(1));
                        }
                    }
                }
                rejections = rejected.size();
                for (int round : rejected) {
                    boolean supplemented = round < rounds;
                    expect(status, in, "docs.supplement#" + round, supplemented ? "FULFILLED" : "OPEN");
                }
                if (!bundleStatus.equals(documentsState)) {
                    lost(in + "the bundle is " + bundleStatus + " but the case says its documents are "
                            + documentsState);
                }
                switch (bundleStatus) {
                    case "RECEIPTED" -> expect(status, in, "docs.receipt#", "FULFILLED");
                    case "REJECTED" -> expect(status, in, "docs.receipt#", "PAUSED");
                    case "DELIVERED" -> expect(status, in, "docs.receipt#", "OPEN");
                    default -> lost(in + "bundle " + bundle + " is " + bundleStatus);
                }
            }
            if (arrived) {
                expect(status, in, "report.self#", "FULFILLED");
                expectPresent(status, in, "intake.register#");
            } else {
                expect(status, in, "report.self#", "OPEN");
            }
            if (registered) {
                if (!"UNDER_CORRECTION".equals(caseStatus)) {
                    lost(in + "registered but " + caseStatus);
                }
                expect(status, in, "intake.register#", "FULFILLED");
                for (String step : List.of("intake.announce#", "team.form#", "plan.make#")) {
                    expect(status, in, step, "OPEN");
                }
            }

            // The history: each obligation opened once, closed at most once.
            try (PreparedStatement s = db.prepareStatement("""
                SELECT o.step_id, count(*) FILTER (WHERE h.event = 'OPENED'),
                       count(*) FILTER (WHERE h.event IN ('FULFILLED', 'FULFILLED_LATE', 'WAIVED')),
                       count(*) FILTER (WHERE h.event = 'PAUSED'), count(*) FILTER (WHERE h.event = 'RESUMED')
                  FROM obligation o JOIN obligation_history h ON h.obligation_id = o.id WHERE o.case_id = ? GROUP BY o.id, o.step_id\
                """)) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(2) > 1) {
                            duplicated(in + rs.getString(1) + " opened " + rs.getInt(2) + " times in its history");
                        } else if (rs.getInt(2) < 1) {
                            lost(in + rs.getString(1) + " has no OPENED in its history");
                        }
                        if (rs.getInt(3) > 1) {
                            duplicated(in + rs.getString(1) + " closed " + rs.getInt(3) + " times");
                        }
                        if (rs.getInt(4) > rejections || rs.getInt(5) > rejections) {
                            duplicated(in + rs.getString(1) + " paused " + rs.getInt(4) + " and resumed " + rs.getInt(5)
                                    + " times for " + rejections + " rejections");
                        }
                    }
                }
            }

            // The timeline: one entry per event.
            Map<String, Long> timeline = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT kind, count(*) FROM casefile_timeline WHERE case_id = ? GROUP BY kind")) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        timeline.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            long fulfilled = status.values().stream()
                    .filter(v -> v.startsWith("FULFILLED"))
                    .count();
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("case.decided", 1L);
            // A step opened "not started" is announced (and so on the timeline) when its clock starts (ADR 0039).
            expected.put("obligation.opened", (long) status.size() - notStarted);
            expected.put("obligation.fulfilled", fulfilled);
            expected.put("handover.delivered", bundle == null ? 0L : 1L);
            expected.put("handover.rejected", (long) rejections);
            expected.put("handover.supplemented", (long) Math.max(0, rounds - 1));
            expected.put("handover.receipted", "RECEIPTED".equals(bundleStatus) ? 1L : 0L);
            expected.put("subject.reported", arrived ? 1L : 0L);
            expected.put("case.registered", registered ? 1L : 0L);
            expected.forEach((kind, want) -> {
                long have = timeline.getOrDefault(kind, 0L);
                if (have > want) {
                    duplicated(in + "timeline has " + have + " × " + kind + ", expected " + want);
                } else if (have < want) {
                    lost(in + "timeline has " + have + " × " + kind + ", expected " + want);
                }
            });

            // Generated documents: the reporting notice once; the receipt once.
            long notices = count(
                    db,
                    "SELECT count(*) FROM document_file WHERE case_id = ? AND template = 'REPORTING_NOTICE'",
                    caseId);
            if (notices > 1) {
                duplicated(in + notices + " reporting notices");
            } else if (notices < 1) {
                lost(in + "no reporting notice");
            }
        }

        void expect(Map<String, String> status, String in, String key, String want) {
            String have = status.get(key);
            boolean matches = have != null
                    && (have.equals(want)
                            || want.equals("FULFILLED") && have.equals("FULFILLED_LATE")
                            || want.equals("OPEN") && have.equals("OVERDUE"));
            if (!matches) {
                lost(in + key + " is " + have + ", expected " + want);
            }
        }

        void expectPresent(Map<String, String> status, String in, String key) {
            if (!status.containsKey(key)) {
                lost(in + key + " was never opened");
            }
        }

        /** Nothing that must exist once exists twice. */
        void uniqueness(Connection db) throws SQLException {
            for (String row : strings(db, """
                SELECT case_id || ' ' || step_id || '#' || instance || ' ×' || count(*) FROM obligation
                 WHERE case_id IS NOT NULL GROUP BY case_id, step_id, instance HAVING count(*) > 1\
                """)) {
                duplicated("obligation " + row);
            }
            for (String row : strings(db, """
                SELECT handover_id || ' ' || agency_id || ' ×' || count(*) FROM exchange_copy
                 GROUP BY handover_id, agency_id HAVING count(*) > 1\
                """)) {
                duplicated("copy " + row);
            }
            for (String row : strings(db, """
                SELECT case_id || ' ' || template || ' ×' || count(*) FROM document_file
                 WHERE kind = 'GENERATED' AND template IN ('REPORTING_NOTICE', 'RECEIPT')
                 GROUP BY case_id, template HAVING count(*) > 1\
                """)) {
                duplicated("generated document " + row);
            }
        }

        /** The statistics read models counted each event once. */
        void statistics(Connection db, int cases) throws SQLException {
            compare("statistics_case rows", count(db, "SELECT count(*) FROM statistics_case"), cases);
            // A step opened "not started" (registration before the documents are receipted) is announced, and so
            // counted,
            // only when its clock starts; the subject's own steps (reporting in) are not an agency's work and are not
            // counted at all (ADR 0039).
            long started = count(db, "SELECT count(*) FROM obligation WHERE NOT not_started AND NOT owed_by_subject");
            compare("statistics_obligation rows", count(db, "SELECT count(*) FROM statistics_obligation"), started);
            compare("cases decided", monthly(db, "case.decided"), cases);
            compare(
                    "cases received",
                    monthly(db, "case.received"),
                    count(db, "SELECT count(*) FROM casefile_case WHERE registered_at IS NOT NULL"));
            compare("obligations opened", monthly(db, "obligation.opened"), started);
            compare(
                    "handovers receipted",
                    monthly(db, "handover.receipted"),
                    count(db, "SELECT count(*) FROM exchange_handover WHERE status = 'RECEIPTED'"));
            for (String row : strings(db, """
                SELECT o.id || ' ' || o.step_id || ' ledger ' || o.status || ' statistics ' || s.status
                  FROM obligation o JOIN statistics_obligation s ON s.obligation_id = o.id
                 WHERE o.status IN ('FULFILLED', 'FULFILLED_LATE', 'WAIVED') AND s.status <> o.status\
                """)) {
                lost("statistics missed the closing of " + row);
            }
        }

        long monthly(Connection db, String indicator) throws SQLException {
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT coalesce(sum(value), 0) FROM statistics_monthly WHERE indicator = ? AND dimension = ''")) {
                s.setString(1, indicator);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        void compare(String what, long counted, long actual) {
            if (counted > actual) {
                duplicated(what + ": " + counted + " counted for " + actual);
            } else if (counted < actual) {
                lost(what + ": " + counted + " counted for " + actual);
            }
        }

        /**
         * Every running clock's due date is what the working calendar (its public API) gives for the clock's start and
         * the period left; a clock that never stopped started at its trigger.
         */
        void dueDates(Connection db) throws Exception {
            int checked = 0;
            try (PreparedStatement s = db.prepareStatement("""
                SELECT o.id, o.case_id, o.step_id, o.instance, o.deadline_kind, o.remaining_amount, o.deadline_amount, o.custody,
                       o.calendar_region, o.started_at, o.clock_start, o.due_date,
                       EXISTS (SELECT 1 FROM obligation_history h WHERE h.obligation_id = o.id AND h.event = 'RESUMED')
                  FROM obligation o
                 WHERE o.status IN ('OPEN', 'OVERDUE') AND NOT o.not_started
                   AND o.deadline_kind IN ('CALENDAR_DAYS', 'WORKING_DAYS', 'MONTHS')\
                """);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    UUID caseId = rs.getObject(2, UUID.class);
                    String step = rs.getString(3);
                    Instant started = rs.getTimestamp(10).toInstant();
                    Instant clockStart = rs.getTimestamp(11).toInstant();
                    boolean resumed = rs.getBoolean(13);
                    int amount = resumed ? rs.getInt(6) : rs.getInt(7);
                    LocalDate from = LocalDate.ofInstant(clockStart, CHINA);
                    String want = calendarDue(rs.getString(9), from, amount, rs.getString(5), rs.getBoolean(8));
                    String have = String.valueOf(rs.getDate(12));
                    if (!want.equals(have)) {
                        lost("obligation " + id + " " + step + ": due " + have + ", the calendar gives " + want
                                + " from " + from + " + " + amount + " " + rs.getString(5));
                    }
                    if (!resumed) {
                        Instant trigger = trigger(db, caseId, step, rs.getString(4));
                        if (trigger != null && (!trigger.equals(started) || !started.equals(clockStart))) {
                            lost("obligation " + id + " " + step + ": its clock started at " + clockStart
                                    + ", its trigger was " + trigger);
                        }
                    }
                    checked++;
                }
            }
            log.line("Due dates checked against the calendar: " + checked);
        }

        /** When the fact that opened a step happened, from the case and its handover. */
        Instant trigger(Connection db, UUID caseId, String step, String instance) throws SQLException {
            String sql = switch (step) {
                case "docs.notify", "docs.deliver", "report.self" ->
                    "SELECT (effective_date::timestamp AT TIME ZONE 'Asia/Shanghai') FROM casefile_case WHERE id = ?";
                case "docs.receipt" -> """
                    SELECT r.delivered_at FROM exchange_round r JOIN exchange_handover h ON h.id = r.handover_id
                     WHERE h.case_id = ? AND h.kind = 'LEGAL_DOCUMENTS' AND r.round = 1\
                    """;
                case "docs.supplement" -> """
                    SELECT r.answered_at FROM exchange_round r JOIN exchange_handover h ON h.id = r.handover_id
                     WHERE h.case_id = ? AND h.kind = 'LEGAL_DOCUMENTS' AND r.round =\
                    """ + Integer.parseInt(instance);
                // Registration needs the subject present and the documents receipted: its clock starts with the later
                // (ADR 0039).
                case "intake.register" -> """
                    SELECT greatest(c.arrived_at, h.answered_at) FROM casefile_case c
                      LEFT JOIN exchange_handover h ON h.case_id = c.id AND h.kind = 'LEGAL_DOCUMENTS' AND h.status = 'RECEIPTED'
                     WHERE c.id = ?\
                    """;
                case "intake.announce", "team.form", "plan.make" ->
                    "SELECT registered_at FROM casefile_case WHERE id = ?";
                default -> null;
            };
            if (sql == null) {
                return null;
            }
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setObject(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                    return t == null ? null : t.toInstant();
                }
            }
        }

        String calendarDue(String region, LocalDate from, int amount, String unit, boolean custody) throws Exception {
            String query = "/api/v1/calendar/due?region=" + region + "&from=" + from + "&amount=" + amount + "&unit="
                    + unit + "&custody=" + custody;
            String cached = dueAnswers.get(query);
            if (cached != null) {
                return cached;
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(app.base() + query))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " answered " + response.statusCode() + " " + response.body());
            }
            String due = json.readTree(response.body()).get("due").asString();
            dueAnswers.put(query, due);
            return due;
        }
    }

    static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean exists(Connection db, String sql, UUID id) throws SQLException {
        if (id == null) {
            return false;
        }
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    static List<UUID> uuids(Connection db, String sql) throws SQLException {
        List<UUID> rows = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getObject(1, UUID.class));
            }
        }
        return rows;
    }

    // The application under test

    /** The packaged application on the embedded database in the work directory, started, killed and restarted. */
    static final class App {

        final Settings settings;
        final Log log;
        final AtomicInteger kills = new AtomicInteger();
        final HttpClient probe =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        volatile Process process;
        volatile boolean ready;
        int starts;

        App(Settings settings, Log log) {
            this.settings = settings;
            this.log = log;
        }

        String base() {
            return "http://localhost:" + settings.port();
        }

        Path dataDir() {
            return settings.workDir().resolve("data");
        }

        int kills() {
            return kills.get();
        }

        boolean ready() {
            return ready;
        }

        void cleanDataDirectory() throws IOException {
            Path data = dataDir();
            if (Files.exists(data)) {
                try (var paths = Files.walk(data)) {
                    for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(settings.java().toString()));
            command.addAll(settings.jvmOptions());
            command.addAll(List.of(
                    "-jar",
                    settings.jar().toString(),
                    "--server.port=" + settings.port(),
                    "--tongxin.data-dir=" + dataDir(),
                    // Recovery within the test's time: redeliver what did not complete after 20 s, every 5 s.
                    "--tongxin.events.redeliver-after=PT20S",
                    "--tongxin.events.redeliver-interval=PT5S",
                    "--tongxin.events.redeliver-initial-delay=PT5S"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("TONGXIN_DEMO", "true");
            builder.environment().put("TONGXIN_DEMO_CASELOAD", "false");
            builder.environment().remove("TONGXIN_DB_URL");
            Path output = settings.workDir().resolve("application.log");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            Files.writeString(
                    output,
                    "\n==== start " + (++starts) + " at " + Instant.now() + " ====\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
            // For bench/killtest.sh to stop it should the harness itself be interrupted.
            Files.writeString(settings.workDir().resolve("application.pid"), process.pid() + "\n");
            log.line("Started the application (start " + starts + ", pid " + process.pid() + ")");
        }

        void awaitReady(Duration timeout) throws Exception {
            long begin = System.nanoTime();
            long end = begin + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application exited with " + process.exitValue()
                            + " while starting; see application.log");
                }
                try {
                    HttpResponse<String> r = probe.send(
                            HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        ready = true;
                        log.line("Ready in "
                                + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
                        return;
                    }
                } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                    // not listening yet
                } catch (IOException e) {
                    // starting
                }
                pauseBriefly(200);
            }
            throw new IllegalStateException("The application was not ready within " + timeout);
        }

        /** SIGKILL to the application, and with {@code database} to the embedded PostgreSQL and all its processes too. */
        void kill(boolean database) throws Exception {
            ready = false;
            Long postmaster = database ? postmasterPid() : null;
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            kills.incrementAndGet();
            if (postmaster != null) {
                ProcessHandle.of(postmaster).ifPresent(pm -> {
                    List<ProcessHandle> family =
                            new ArrayList<>(pm.descendants().toList());
                    family.add(pm);
                    family.forEach(ProcessHandle::destroyForcibly);
                    family.forEach(p -> p.onExit()
                            .orTimeout(30, TimeUnit.SECONDS)
                            .exceptionally(t -> null)
                            .join());
                });
            }
        }

        Long postmasterPid() throws IOException {
            Path pid = dataDir().resolve("postgres/postmaster.pid");
            return Files.exists(pid)
                    ? Long.parseLong(Files.readAllLines(pid).get(0).trim())
                    : null;
        }

        /** A connection to the running embedded server as its superuser (credentials and port from the data directory). */
        Connection superuser() throws Exception {
            Properties credentials = new Properties();
            try (InputStream in = Files.newInputStream(dataDir().resolve("db-credentials.properties"))) {
                credentials.load(in);
            }
            String port = Files.readAllLines(dataDir().resolve("postgres/postmaster.pid"))
                    .get(3)
                    .trim();
            Properties connection = new Properties();
            connection.setProperty("user", "postgres");
            connection.setProperty("password", credentials.getProperty("postgres"));
            // No check may wait for ever on a server that stopped answering.
            connection.setProperty("connectTimeout", "10");
            connection.setProperty("socketTimeout", "300");
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/tongxin", connection);
        }

        /** Stops the application (SIGTERM, graceful) and runs the audit verification command on its data; its exit code. */
        int stopAndVerifyAudit() throws Exception {
            stop();
            Files.deleteIfExists(settings.workDir().resolve("application.pid"));
            List<String> command = new ArrayList<>(List.of(
                    settings.java().toString(),
                    "-jar",
                    settings.jar().toString(),
                    "--tongxin.data-dir=" + dataDir(),
                    "--tongxin.audit.verify"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("TONGXIN_DEMO_CASELOAD", "false");
            builder.environment().remove("TONGXIN_DB_URL");
            // Into a file, not a pipe: a process the command started and left running would hold a pipe open for ever.
            Path outputFile = settings.workDir().resolve("audit-verify.log");
            builder.redirectOutput(outputFile.toFile());
            Process verify = builder.start();
            if (!verify.waitFor(5, TimeUnit.MINUTES)) {
                verify.destroyForcibly();
                throw new IllegalStateException("The audit verification did not finish within 5 minutes");
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            output.lines()
                    .filter(l -> l.startsWith("Audit log")
                            || l.startsWith("  ")
                            || l.startsWith("INTACT")
                            || l.startsWith("PROBLEMS"))
                    .forEach(l -> log.line("audit: " + l));
            return verify.exitValue();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                ready = false;
                process.destroy();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }

        void stopQuietly() {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // Settings, log, result

    record Settings(
            Path jar,
            Path java,
            Path workDir,
            int port,
            int kills,
            int clients,
            long seed,
            Duration minRun,
            Duration maxRun,
            Duration readyTimeout,
            Duration recoveryTimeout,
            Duration timeLimit,
            Duration grace,
            List<String> jvmOptions,
            boolean verbose) {

        static Settings fromEnvironment() {
            Map<String, String> env = System.getenv();
            Path jar = Path.of(env.getOrDefault("KILLTEST_JAR", "target/tongxin.jar"))
                    .toAbsolutePath();
            Path java = Path.of(env.getOrDefault(
                    "KILLTEST_JAVA", ProcessHandle.current().info().command().orElse("java")));
            Path work =
                    Path.of(env.getOrDefault("KILLTEST_DIR", "target/killtest")).toAbsolutePath();
            long seed = env.containsKey("KILLTEST_SEED")
                    ? Long.parseLong(env.get("KILLTEST_SEED"))
                    : new Random().nextInt(1_000_000);
            List<String> jvm = env.containsKey("KILLTEST_JVM_OPTIONS")
                    ? List.of(env.get("KILLTEST_JVM_OPTIONS").trim().split("\\s+")).stream()
                            .filter(s -> !s.isEmpty())
                            .toList()
                    : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            return new Settings(
                    jar,
                    java,
                    work,
                    Integer.parseInt(env.getOrDefault("KILLTEST_PORT", "8094")),
                    Integer.parseInt(env.getOrDefault("KILLS", "20")),
                    Integer.parseInt(env.getOrDefault("KILLTEST_CLIENTS", "4")),
                    seed,
                    Duration.ofMillis(Long.parseLong(env.getOrDefault("KILLTEST_MIN_RUN_MS", "0"))),
                    Duration.ofMillis(Long.parseLong(env.getOrDefault("KILLTEST_MAX_RUN_MS", "5000"))),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("KILLTEST_READY_TIMEOUT_S", "300"))),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("KILLTEST_RECOVERY_TIMEOUT_S", "300"))),
                    Duration.ofMinutes(Long.parseLong(env.getOrDefault("KILLTEST_TIME_LIMIT_MIN", "20"))),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("KILLTEST_GRACE_S", "600"))),
                    jvm,
                    "1".equals(env.get("KILLTEST_VERBOSE")));
        }
    }

    /**
     * The last word when the harness itself hangs (a wait with no bound, a process that never exits): past the time limit
     * and its grace it writes every thread's stack to the log and to standard error, kills the application and its
     * database, prints the result line as failed and halts, so a CI run fails here, saying where, instead of running out
     * of time.
     */
    static final class Watchdog {

        static void start(KillTestDriver driver, Duration limit) {
            Thread.ofPlatform().daemon().name("killtest-watchdog").start(() -> {
                try {
                    Thread.sleep(limit);
                } catch (InterruptedException e) {
                    return;
                }
                StringBuilder dump = new StringBuilder(
                        "WATCHDOG: the harness ran longer than " + limit + "; the threads' stacks:\n");
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    dump.append("\"")
                            .append(thread.getName())
                            .append("\" ")
                            .append(thread.getState())
                            .append('\n');
                    for (StackTraceElement frame : stack) {
                        dump.append("    at ").append(frame).append('\n');
                    }
                });
                driver.log.line(dump.toString());
                System.err.println(dump);
                String line = "tongxin-killtest kills=" + driver.app.kills() + " acknowledged="
                        + driver.acknowledged.size() + " lost=-1 duplicated=-1";
                try {
                    driver.app.kill(true);
                } catch (Exception e) {
                    driver.log.line("WATCHDOG: stopping the application failed: " + e);
                }
                System.out.println(line);
                System.out.flush();
                Runtime.getRuntime().halt(1);
            });
        }
    }

    record Result(int kills, int acknowledged, int lost, int duplicated, List<String> failures) {
        boolean passed() {
            return lost == 0 && duplicated == 0 && failures.isEmpty();
        }
    }

    /** The harness's own log: timestamped lines in the work directory, and on standard error when verbose. */
    static final class Log implements AutoCloseable {

        private final PrintWriter writer;
        private final boolean verbose;

        Log(Path file, boolean verbose) throws IOException {
            this.writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
            this.verbose = verbose;
        }

        synchronized void line(String text) {
            String line = Instant.now() + " " + text;
            writer.println(line);
            if (verbose) {
                System.err.println(line);
            }
        }

        void debug(String text) {
            if (verbose) {
                line(text);
            }
        }

        PrintWriter writer() {
            return writer;
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    static String summary(List<Ack> acks) {
        return acks.stream()
                .collect(Collectors.groupingBy(Ack::command, Collectors.counting()))
                .toString();
    }
}
