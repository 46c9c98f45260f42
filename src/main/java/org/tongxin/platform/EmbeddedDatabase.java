package org.tongxin.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of demo mode and of the tests: started once per JVM and data directory, with two roles
 * like production (an owner that runs migrations and an application role without ownership, so row-level
 * security and the insert-only audit log hold), password authentication on loopback only, and a generated data
 * key beside it. Its files live under {@code ./data} and survive restarts.
 *
 * <p>PostgreSQL refuses to run as root; zonky's launcher runs it in a user namespace ({@code unshare -U}) then.
 *
 * <p>Durability: zonky starts the server with {@code -F} (fsync off), which is right for throw-away test databases
 * and wrong for {@code ./data}, where a power loss or an operating-system crash would lose acknowledged writes or
 * corrupt the cluster (doc/security-requirements.md S18). Server options given with {@code -c} come after {@code -F} on the command
 * line and so win: outside the tests the server runs with {@code fsync}, {@code full_page_writes} and
 * {@code synchronous_commit} on ({@link Durability#DURABLE}); doc/operations.md gives the measured cost.
 */
public final class EmbeddedDatabase {

    public static final String OWNER_ROLE = "tongxin_owner";
    public static final String APP_ROLE = "tongxin_app";
    public static final String DATABASE = "tongxin";
    private static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How hard the server works to keep a committed transaction across a crash of the machine. */
    public enum Durability {
        /** fsync, full-page writes and synchronous commit on: what {@code ./data} needs. */
        DURABLE,
        /** All three off: a test database that is thrown away anyway, so nothing is worth waiting for the disk. */
        THROWAWAY;

        Map<String, String> serverSettings() {
            String value = this == DURABLE ? "on" : "off";
            return Map.of("fsync", value, "full_page_writes", value, "synchronous_commit", value);
        }
    }

    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final Properties credentials;
    private final Path dataKeyFile;
    private final boolean ephemeral;

    private EmbeddedDatabase(
            Path directory, EmbeddedPostgres postgres, Properties credentials, Path dataKeyFile, boolean ephemeral) {
        this.directory = directory;
        this.postgres = postgres;
        this.credentials = credentials;
        this.dataKeyFile = dataKeyFile;
        this.ephemeral = ephemeral;
    }

    /**
     * The running database for this data directory, started on first use. An ephemeral database (tests) lives in a
     * fresh temporary directory and is removed when the JVM ends.
     */
    public static synchronized EmbeddedDatabase obtain(Path dataDir, boolean ephemeral, Durability durability) {
        Path key = ephemeral ? Path.of("<ephemeral>") : dataDir;
        EmbeddedDatabase running = RUNNING.get(key);
        if (running == null) {
            running = start(dataDir, ephemeral, durability);
            RUNNING.put(key, running);
        }
        return running;
    }

    /** The database started by this JVM, if any (tests use it to reach the superuser). */
    public static synchronized Optional<EmbeddedDatabase> current() {
        return RUNNING.values().stream().findFirst();
    }

    private static EmbeddedDatabase start(Path dataDir, boolean ephemeral, Durability durability) {
        Path directory;
        try {
            directory = ephemeral ? Files.createTempDirectory("tongxin-test-") : dataDir;
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseUnavailableException(
                    "Cannot create the data directory " + dataDir + ": " + e.getMessage(),
                    "Make the directory writable, point tongxin.data-dir elsewhere, or set TONGXIN_DB_URL.",
                    e);
        }
        Properties credentials = loadOrCreateCredentials(directory.resolve("db-credentials.properties"));
        Path dataKeyFile = loadOrCreateDataKey(directory.resolve("data.key"));
        Path pgData = directory.resolve("postgres");
        stopOrphanedServer(pgData);

        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // After zonky's -F on the command line, so these win (see the class comment).
            durability.serverSettings().forEach(builder::setServerConfig);
            postgres = builder.setDataDirectory(pgData)
                    .setCleanDataDirectory(ephemeral)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", credentials.getProperty(SUPERUSER))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw explain(e, pgData);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(directory, postgres, credentials, dataKeyFile, ephemeral);
        try {
            database.prepareRolesAndDatabase();
            database.requirePasswords(pgData);
        } catch (SQLException | IOException e) {
            database.close();
            throw new EmbeddedDatabaseUnavailableException(
                    "The embedded PostgreSQL started but could not be prepared: " + e.getMessage(),
                    "Delete " + pgData + " to start from an empty database, or set TONGXIN_DB_URL.",
                    e);
        }
        log.info(
                "Embedded PostgreSQL ready on port {} with data in {} ({})",
                postgres.getPort(),
                ephemeral ? "a temporary directory" : pgData,
                durability == Durability.DURABLE
                        ? "fsync, full-page writes and synchronous commit on"
                        : "throw-away: fsync off");
        return database;
    }

    private void prepareRolesAndDatabase() throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(credentials.getProperty(SUPERUSER)));
            ensureRole(c, OWNER_ROLE, credentials.getProperty(OWNER_ROLE));
            ensureRole(c, APP_ROLE, credentials.getProperty(APP_ROLE));
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                p.setString(1, DATABASE);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE
                                + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
        }
    }

    private static void ensureRole(Connection c, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            p.setString(1, role);
            try (ResultSet rs = p.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement s = c.createStatement()) {
            String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD " + literal(password);
            s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + options);
        }
    }

    /** initdb trusts every local connection; once the roles have passwords, demand them (loopback only). */
    private void requirePasswords(Path pgData) throws IOException, SQLException {
        String hba = """
            # Written by Tongxin: password authentication (SCRAM) on loopback only.
            local   all  all                scram-sha-256
            host    all  all  127.0.0.1/32  scram-sha-256
            host    all  all  ::1/128       scram-sha-256
            """;
        Path file = pgData.resolve("pg_hba.conf");
        if (!hba.equals(Files.readString(file, StandardCharsets.UTF_8))) {
            Files.writeString(file, hba, StandardCharsets.UTF_8);
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A server left running by a process that was killed holds the data directory: stop it before starting. */
    private static void stopOrphanedServer(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid)
                    .filter(p -> p.info()
                            .command()
                            .map(cmd -> cmd.endsWith("/postgres"))
                            .orElse(false))
                    .ifPresent(p -> {
                        log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an earlier process", pid);
                        p.destroy();
                        p.onExit()
                                .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                                .exceptionally(t -> null)
                                .join();
                    });
        } catch (IOException | NumberFormatException e) {
            log.debug("Ignoring unreadable {}", pidFile, e);
        }
    }

    private static EmbeddedDatabaseUnavailableException explain(Exception e, Path pgData) {
        String text = String.valueOf(e.getMessage())
                + (e.getCause() != null ? " / " + e.getCause().getMessage() : "");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (text.contains("could not lock")) {
            return new EmbeddedDatabaseUnavailableException(
                    "Another Tongxin process is already using " + pgData,
                    "Stop the other process, or give this one its own directory with --tongxin.data-dir=...",
                    e);
        }
        if (root) {
            return new EmbeddedDatabaseUnavailableException(
                    "The embedded PostgreSQL could not start as root (" + text
                            + "). PostgreSQL refuses to run as root, "
                            + "so Tongxin runs it in a user namespace with 'unshare -U' from util-linux.",
                    "Install util-linux and allow unprivileged user namespaces (sysctl user.max_user_namespaces > 0), "
                            + "run Tongxin as a normal user, or set TONGXIN_DB_URL to an external PostgreSQL 15+.",
                    e);
        }
        return new EmbeddedDatabaseUnavailableException(
                "The embedded PostgreSQL could not start: " + text,
                "Check that " + pgData + " is writable and not damaged (delete it to start afresh), "
                        + "or set TONGXIN_DB_URL to an external PostgreSQL 15+.",
                e);
    }

    private static Properties loadOrCreateCredentials(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            boolean changed = false;
            for (String role : new String[] {SUPERUSER, OWNER_ROLE, APP_ROLE}) {
                if (properties.getProperty(role) == null) {
                    properties.setProperty(role, randomSecret(24));
                    changed = true;
                }
            }
            if (changed) {
                createPrivateFile(file);
                try (OutputStream out = Files.newOutputStream(file)) {
                    properties.store(out, "Embedded PostgreSQL role passwords (generated; keep private)");
                }
            }
            return properties;
        } catch (IOException e) {
            throw new EmbeddedDatabaseUnavailableException(
                    "Cannot read or write " + file + ": " + e.getMessage(),
                    "Make the data directory writable, or set TONGXIN_DB_URL.",
                    e);
        }
    }

    private static Path loadOrCreateDataKey(Path file) {
        try {
            if (!Files.exists(file)) {
                createPrivateFile(file);
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            }
            return file;
        } catch (IOException e) {
            throw new EmbeddedDatabaseUnavailableException(
                    "Cannot create the data key " + file + ": " + e.getMessage(),
                    "Make the data directory writable, or set TONGXIN_DATA_KEY_FILE with TONGXIN_DB_URL.",
                    e);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
    }

    private static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * A further database on the same server, owned like the main one (tests that need an install of their own,
     * e.g. without the demo). Created on first use.
     */
    public synchronized String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        String database = DATABASE + "_" + name;
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                p.setString(1, database);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + database + " OWNER " + OWNER_ROLE
                                + " ENCODING 'UTF8' TEMPLATE template0");
                        s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
                        s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + APP_ROLE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseUnavailableException(
                    "Cannot create database " + database + ": " + e.getMessage(), "Check the embedded PostgreSQL.", e);
        }
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    String appPassword() {
        return credentials.getProperty(APP_ROLE);
    }

    String ownerPassword() {
        return credentials.getProperty(OWNER_ROLE);
    }

    Path dataKeyFile() {
        return dataKeyFile;
    }

    boolean ephemeral() {
        return ephemeral;
    }

    /** A connection source as the database superuser, for operators' tools and tamper tests; never for the app. */
    public DataSource superuserDataSource() {
        return postgres.getDatabase(SUPERUSER, DATABASE);
    }

    /** The same for a further database made by {@link #database(String)} (tests that migrate an install of their own). */
    public DataSource superuserDataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database);
    }

    public Path directory() {
        return directory;
    }

    /** Stops the server (persistent mode: when the application context closes, after the web server drained). */
    public synchronized void close() {
        if (!RUNNING.containsValue(this)) {
            return;
        }
        RUNNING.values().remove(this);
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
        if (ephemeral) {
            org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }
}
