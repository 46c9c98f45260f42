package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded launcher starts PostgreSQL with {@code -F} (fsync off). A data directory that is kept ({@code ./data})
 * must survive a crash of the machine, so there the server runs with fsync, full-page writes and synchronous commit on
 * (doc/security-requirements.md S18); only a throw-away test database may skip them. Asked of the running server, not of the settings
 * we pass: the test fails if the launcher's {@code -F} ever wins again.
 */
class EmbeddedDurabilityTests {

    @Test
    void aKeptDataDirectoryRunsWithFsyncFullPageWritesAndSynchronousCommit() throws Exception {
        assertThat(settingsOfAServer(EmbeddedDatabase.Durability.DURABLE))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "on"));
    }

    @Test
    void aThrowAwayDatabaseSkipsTheDisk() throws Exception {
        assertThat(settingsOfAServer(EmbeddedDatabase.Durability.THROWAWAY))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("fsync", "off", "full_page_writes", "off", "synchronous_commit", "off"));
    }

    private static Map<String, String> settingsOfAServer(EmbeddedDatabase.Durability durability) throws Exception {
        Path dir = Files.createTempDirectory("tongxin-durability-");
        EmbeddedDatabase database = EmbeddedDatabase.obtain(dir, false, durability);
        try (Connection c = database.superuserDataSource().getConnection();
                Statement s = c.createStatement()) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : new String[] {"fsync", "full_page_writes", "synchronous_commit"}) {
                settings.put(name, show(s, name));
            }
            return settings;
        } finally {
            database.close();
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static String show(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
