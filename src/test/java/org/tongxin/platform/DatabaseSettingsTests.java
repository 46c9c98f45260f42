package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Production mode refuses to start while a required setting is missing, and names it. */
class DatabaseSettingsTests {

    @Test
    void productionModeNamesEveryMissingSetting() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "TONGXIN_DB_URL",
                                "jdbc:postgresql://db.example/tongxin",
                                "TONGXIN_DB_USER",
                                "tongxin_app")));
        assertThatThrownBy(() -> new DatabaseSettingsEnvironmentPostProcessor()
                        .postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, e -> {
                    assertThat(e.missing())
                            .containsExactly(
                                    "TONGXIN_DB_PASSWORD",
                                    "TONGXIN_DB_ADMIN_USER",
                                    "TONGXIN_DB_ADMIN_PASSWORD",
                                    "TONGXIN_DATA_KEY_FILE");
                    FailureAnalysis analysis = new PlatformFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("TONGXIN_DATA_KEY_FILE");
                    assertThat(analysis.getAction()).contains("TONGXIN_DB_PASSWORD");
                });
    }

    @Test
    void productionModeMapsTheTwoRolesAndDefaultsDemoToOff() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "TONGXIN_DB_URL",
                                "jdbc:postgresql://db.example/tongxin",
                                "TONGXIN_DB_USER",
                                "tongxin_app",
                                "TONGXIN_DB_PASSWORD",
                                "a",
                                "TONGXIN_DB_ADMIN_USER",
                                "tongxin_owner",
                                "TONGXIN_DB_ADMIN_PASSWORD",
                                "b",
                                "TONGXIN_DATA_KEY_FILE",
                                "/etc/tongxin/data.key")));
        new DatabaseSettingsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("tongxin_app");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("tongxin_owner");
        assertThat(environment.getProperty("tongxin.data-key-file")).isEqualTo("/etc/tongxin/data.key");
        assertThat(environment.getProperty("tongxin.demo")).isEqualTo("false");
    }
}
