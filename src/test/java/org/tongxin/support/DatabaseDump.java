package org.tongxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.tongxin.platform.EmbeddedDatabase;

/**
 * A whole database of the embedded PostgreSQL as text, as an operator's backup holds it (doc/security-requirements.md S15): pg_dump run
 * as the superuser. pg_dump must be at least the server's major version; it is taken from the embedded binaries if they
 * carry one (zonky's do not), else from Debian's PostgreSQL client packages. Without any, every table is copied out
 * over JDBC instead.
 */
public final class DatabaseDump {

    private DatabaseDump() {}

    /** {@code database}: the name on the embedded server, e.g. {@link EmbeddedDatabase#DATABASE}. */
    public static String of(String database) throws Exception {
        EmbeddedDatabase embedded = EmbeddedDatabase.current().orElseThrow();
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(embedded.directory().resolve("db-credentials.properties"))) {
            credentials.load(in);
        }
        DataSource superuser = embedded.superuserDataSource();
        int serverMajor;
        try (Connection c = superuser.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT current_setting('server_version_num')::int / 10000");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            serverMajor = rs.getInt(1);
        }
        Optional<Path> pgDump = pgDump(serverMajor);
        if (pgDump.isEmpty()) {
            return copyOut(embedded.jdbcUrl(database), credentials.getProperty("postgres"));
        }
        Path file = Files.createTempFile("tongxin-dump-", ".sql");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            pgDump.get().toString(),
                            "--host=localhost",
                            "--port=" + embedded.port(),
                            "--username=postgres",
                            "--dbname=" + database,
                            "--no-password",
                            "--file=" + file)
                    .redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", credentials.getProperty("postgres"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("pg_dump: %s", output).isZero();
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Optional<Path> pgDump(int serverMajor) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (Files.isDirectory(embedded)) {
            try (Stream<Path> dirs = Files.list(embedded)) {
                dirs.map(d -> d.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .forEach(candidates::add);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> majors = Files.list(debian)) {
                majors.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .filter(d -> Integer.parseInt(d.getFileName().toString()) >= serverMajor)
                        .sorted(Comparator.comparingInt(
                                d -> Integer.parseInt(d.getFileName().toString())))
                        .map(d -> d.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .forEach(candidates::add);
            }
        }
        return candidates.stream().findFirst();
    }

    /** Every table of the database copied out as text, as a dump would hold it. */
    static String copyOut(String url, String password) throws SQLException, IOException {
        StringWriter out = new StringWriter();
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", password)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s =
                            c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                out.write("-- " + table + "\n");
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY public." + table + " TO STDOUT", out);
            }
        }
        return out.toString();
    }
}
