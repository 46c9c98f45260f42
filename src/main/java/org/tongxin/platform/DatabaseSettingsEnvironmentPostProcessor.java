package org.tongxin.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses between the embedded database (no {@code TONGXIN_DB_URL}) and production mode, and turns either into
 * the ordinary Spring properties (data source as the application role, Flyway as the owner role, data key file,
 * demo flag), so the rest of the application never knows which mode it is in.
 */
class DatabaseSettingsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "tongxinDatabaseSettings";

    static final List<String> PRODUCTION_SETTINGS = List.of(
            "TONGXIN_DB_USER",
            "TONGXIN_DB_PASSWORD",
            "TONGXIN_DB_ADMIN_USER",
            "TONGXIN_DB_ADMIN_PASSWORD",
            "TONGXIN_DATA_KEY_FILE");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        String url = environment.getProperty("TONGXIN_DB_URL");
        if (url != null && !url.isBlank()) {
            production(environment, url, settings);
        } else {
            embedded(environment, application, settings);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, settings));
    }

    private void production(ConfigurableEnvironment environment, String url, Map<String, Object> settings) {
        List<String> missing = new ArrayList<>();
        for (String name : PRODUCTION_SETTINGS) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingProductionSettingsException(missing);
        }
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", environment.getProperty("TONGXIN_DB_USER"));
        settings.put("spring.datasource.password", environment.getProperty("TONGXIN_DB_PASSWORD"));
        settings.put("spring.flyway.user", environment.getProperty("TONGXIN_DB_ADMIN_USER"));
        settings.put("spring.flyway.password", environment.getProperty("TONGXIN_DB_ADMIN_PASSWORD"));
        settings.put("tongxin.data-key-file", environment.getProperty("TONGXIN_DATA_KEY_FILE"));
        settings.put("tongxin.database.mode", "production");
        settings.put("tongxin.demo", environment.getProperty("TONGXIN_DEMO", "false"));
    }

    private void embedded(
            ConfigurableEnvironment environment, SpringApplication application, Map<String, Object> settings) {
        boolean ephemeral = environment.getProperty("tongxin.embedded.ephemeral", Boolean.class, false);
        Path dataDir = Path.of(environment.getProperty("tongxin.data-dir", "data"))
                .toAbsolutePath()
                .normalize();
        // Durable unless told otherwise: only the test suite, whose database is thrown away, turns it off.
        boolean durable = environment.getProperty("tongxin.embedded.durable", Boolean.class, true);
        EmbeddedDatabase database = EmbeddedDatabase.obtain(
                dataDir,
                ephemeral,
                durable ? EmbeddedDatabase.Durability.DURABLE : EmbeddedDatabase.Durability.THROWAWAY);
        // Stop PostgreSQL only after every application context has closed (web server drained, pools closed).
        SpringApplication.getShutdownHandlers().add(database::close);
        String extra = environment.getProperty("tongxin.embedded.database");
        settings.put(
                "spring.datasource.url",
                extra == null ? database.jdbcUrl() : database.jdbcUrl(database.database(extra)));
        settings.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
        settings.put("spring.datasource.password", database.appPassword());
        settings.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
        settings.put("spring.flyway.password", database.ownerPassword());
        settings.put("tongxin.data-key-file", database.dataKeyFile().toString());
        settings.put("tongxin.database.mode", "embedded");
        settings.put("tongxin.demo", environment.getProperty("TONGXIN_DEMO", "true"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
