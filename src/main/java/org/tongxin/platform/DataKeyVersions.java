package org.tongxin.platform;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.DataKeys;

/**
 * Notes when Tongxin first writes with a key version and suite ({@code platform_data_key_version}): at every start of an
 * instance, and when a rotation starts (a key added to the key file while the application runs is first met there). The
 * key's age on the administrators' work page counts from then. Runs as the owner role (nobody acting).
 */
@Component
class DataKeyVersions {

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final Clock clock;

    DataKeyVersions(JdbcClient jdbc, DataKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordTheKeyInUse() {
        recordFirstUse(jdbc, keys.suite().name(), keys.writeVersion(), Timestamp.from(clock.instant()));
    }

    /** Records the first use of a key version and suite; later calls keep the first time. */
    static void recordFirstUse(JdbcClient jdbc, String suite, int version, Timestamp at) {
        jdbc.sql("""
            INSERT INTO platform_data_key_version (suite, key_version, first_used_at) VALUES (:suite, :version, :at)
            ON CONFLICT (suite, key_version) DO NOTHING\
            """)
                .param("suite", suite)
                .param("version", version)
                .param("at", at)
                .update();
    }
}
