package org.tongxin.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.audit.internal.AuditSealer;
import org.tongxin.audit.internal.AuditVerifier;
import org.tongxin.shared.jdbc.ClusterLock;
import org.tongxin.support.ApplicationRole;
import org.tongxin.support.WebSession;

/**
 * Run by .ci/run only, in production mode (TONGXIN_DB_URL and the two roles set) against Debian's PostgreSQL 15
 * after the bootstrap command: the roles are separated as designed and the application works on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    ClusterLock lock;

    @Value("${tongxin.database.mode}")
    String mode;

    @Value("${TONGXIN_DB_ADMIN_USER}")
    String owner;

    @Value("${TONGXIN_DB_USER}")
    String appRole;

    @Test
    void runsInProductionModeAsTheApplicationRoleWithTheMigrationsAppliedByTheOwner() throws Exception {
        assertThat(mode).isEqualTo("production");
        try (ApplicationRole role = ApplicationRole.connect(dataSource)) {
            assertThat(role.jdbc().queryForObject("SELECT current_user", String.class))
                    .isEqualTo(appRole);
            assertThat(role.jdbc()
                            .queryForObject(
                                    "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
                                    Boolean.class))
                    .isFalse();
            role.jdbc().execute("SELECT set_config('tongxin.scope', 'system', false)");
            assertThat(role.jdbc().queryForObject("SELECT count(*) FROM casefile_party", Long.class))
                    .as("no setting gives the application role the system's sight")
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                .as("the application's own work")
                .isEqualTo(owner);
        assertThat(jdbc.sql("""
            SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relforcerowsecurity
               AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = c.relname || '_system'
                              AND p.roles = ARRAY[CAST(:owner AS name)])\
            """).param("owner", owner).query(Long.class).single())
                .as("case tables forced, with the owner's own policy")
                .isGreaterThanOrEqualTo(31);
        assertThat(jdbc.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                        .query(String.class)
                        .list())
                .as("every table, the migration history included, belongs to the owner role")
                .containsExactly(owner);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = :app")
                        .param("app", appRole)
                        .query(Long.class)
                        .single())
                .as("the application role owns no table")
                .isZero();
        assertThat(jdbc.sql("SELECT server_version_num >= 150000 FROM (SELECT"
                                + " current_setting('server_version_num')::int AS server_version_num) v")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theApplicationRoleCanNeitherRewriteTheAuditLogNorChangeTheSchema() throws Exception {
        try (ApplicationRole role = ApplicationRole.connect(dataSource)) {
            JdbcTemplate app = role.jdbc();
            assertThatThrownBy(() -> app.update("UPDATE audit_record SET action = 'x'"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.update("DELETE FROM audit_record"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.execute("CREATE TABLE smoke_intruder (id int)"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.execute("ALTER TABLE agency ADD COLUMN intruder int"))
                    .rootCause()
                    .hasMessageContaining("owner");
            assertThatThrownBy(() -> app.execute("SET ROLE " + owner))
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theBootstrappedAdministratorMustChooseAPasswordAndEnrolASecondFactor() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(System.getenv("TONGXIN_BOOTSTRAP_FILE")));
        String[] sysadmin = lines.get(1).split("\t");
        WebSession web = new WebSession(port);
        HttpResponse<String> login = web.submitLogin(sysadmin[0], sysadmin[2]);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login/password");
        assertThat(web.get("/login").body()).doesNotContain("DEMO");
        assertThat(web.get("/api/v1/agencies").statusCode()).isEqualTo(403);
        web.get("/login/password");
        HttpResponse<String> changed = web.post(
                "/login/password", Map.of("newPassword", "Smoke-Test-Pass-21", "confirmation", "Smoke-Test-Pass-21"));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login/mfa/enrol");
    }

    @Test
    void theAuditLogIsSealedAndIntact() {
        // Under the sealer's cluster lock, as the scheduled sealer of the running application takes it.
        await().atMost(Duration.ofSeconds(30)).until(() -> lock.runExclusively("audit-sealer", sealer::sealNow));
        assertThat(verifier.verify().problems()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'user.provision'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }
}
