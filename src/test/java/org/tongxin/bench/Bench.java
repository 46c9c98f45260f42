package org.tongxin.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;
import org.tongxin.TongxinApplication;

/**
 * What every benchmark driver shares (bench/lib.sh runs them): the work directory, the application started on the
 * database the environment names (TONGXIN_DB_URL and the rest, as in production) or on a fresh embedded PostgreSQL
 * in the work directory (BENCH_KEEP_DATA=1 keeps the one of the previous run), progress on standard error and in the driver's log, and the result as one {@code key=value}
 * line on standard output. Exit status: 0 checks passed, 1 a check failed, 2 the benchmark could not run.
 */
public final class Bench {

    public static final int CHECK_FAILED = 1;
    public static final int CANNOT_RUN = 2;

    private static final PrintStream OUT = System.out;

    private Bench() {}

    /** The benchmark's work directory (target/bench/NAME). */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("tongxin.bench.dir", "target/bench/" + name()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static String name() {
        return System.getProperty("tongxin.bench.name", "bench");
    }

    /** Whether the run uses an external database (TONGXIN_DB_URL) rather than the embedded one. */
    public static boolean externalDatabase() {
        String url = System.getenv("TONGXIN_DB_URL");
        return url != null && !url.isBlank();
    }

    /** The database for the log: which one, never its credentials. */
    public static String databaseDescription() {
        return externalDatabase()
                ? "external PostgreSQL " + System.getenv("TONGXIN_DB_URL").replaceAll("\\?.*", "")
                : "embedded PostgreSQL in " + dir().resolve("data");
    }

    /**
     * Starts the application for a benchmark: logs into the work directory (nothing on the console), the embedded
     * database made afresh in the work directory unless TONGXIN_DB_URL names one, and the given properties on top.
     */
    public static ConfigurableApplicationContext start(
            boolean web, Map<String, Object> properties, Class<?>... sources) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.file.name", dir().resolve("application.log").toString());
        defaults.put("logging.threshold.console", "OFF");
        defaults.put("spring.main.banner-mode", "off");
        if (!externalDatabase()) {
            Path data = dir().resolve("data");
            if (!"1".equals(System.getenv("BENCH_KEEP_DATA"))) {
                FileSystemUtils.deleteRecursively(data.toFile());
            }
            defaults.put("tongxin.data-dir", data.toString());
        }
        defaults.putAll(properties);
        SpringApplication application = new SpringApplication(TongxinApplication.class);
        application.addPrimarySources(java.util.List.of(sources));
        application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.setDefaultProperties(defaults);
        // Command-line style arguments win over the environment, as the defaults above must for the benchmark.
        return application.run(defaults.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** A connection source as the owner role (the migrations' role): for bulk loading and for reading the audit log. */
    public static DataSource ownerDataSource(Environment environment) {
        return DataSourceBuilder.create()
                .url(environment.getRequiredProperty("spring.datasource.url"))
                .username(environment.getRequiredProperty("spring.flyway.user"))
                .password(environment.getRequiredProperty("spring.flyway.password"))
                .build();
    }

    /** A line of progress on standard error and in the driver's log. */
    public static void progress(String format, Object... args) {
        String line = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " "
                + String.format(Locale.ROOT, format, args);
        System.err.println(line);
        try {
            Files.writeString(
                    dir().resolve(name() + ".log"),
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-minute load average of the machine (shared: it goes next to every figure). */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The result line: {@code prefix key=value ...}, numbers with at most two decimals. */
    public static String line(String prefix, Map<String, ?> figures) {
        StringBuilder line = new StringBuilder(prefix);
        figures.forEach((key, value) -> line.append(' ').append(key).append('=').append(format(value)));
        return line.toString();
    }

    /** Prints the result line on standard output (and in the driver's log). */
    public static void result(String prefix, Map<String, ?> figures) {
        String line = line(prefix, figures);
        progress("%s", line);
        OUT.println(line);
        OUT.flush();
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "NaN";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue())
                    : String.format(Locale.ROOT, "%.2f", d).replaceAll("0$", "");
        }
        return String.valueOf(value);
    }

    /** Ends the driver: closes the application (stops the embedded database) and exits with the status. */
    public static void exit(ConfigurableApplicationContext context, int status) {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                progress("closing the application failed: %s", e);
            }
        }
        System.exit(status);
    }
}
