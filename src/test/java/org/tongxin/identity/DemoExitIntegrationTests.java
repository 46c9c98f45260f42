package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.TongxinApplication;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.identity.internal.SelfService;
import org.tongxin.identity.internal.SystemTokens;
import org.tongxin.support.Actors;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.WebSession;

/**
 * Issue 9, item 9: leaving demo mode closes the demo's doors. Two starts of the application on one database — first in
 * demo mode, then with {@code TONGXIN_DEMO=false}: the second start disables every account made in demo mode, removes
 * the published second factor and revokes every token made in demo mode (recognised by their mark, not their names),
 * audited; none of them logs in or calls the API any more; and {@code --tongxin.bootstrap-admins} can then create the
 * real administrators under the same names.
 */
class DemoExitIntegrationTests {

    @TempDir
    Path dir;

    static ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(TongxinApplication.class)
                .profiles("test")
                .run(
                        "--TONGXIN_DEMO=" + demo,
                        "--tongxin.embedded.database=demoexit",
                        "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--tongxin.demo-caseload=false");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void restartingOutsideDemoModeClosesEveryDemoDoorAndLetsTheBootstrapRun() throws Exception {
        String personal;
        String system;
        try (ConfigurableApplicationContext demo = start(true)) {
            Actors actors = demo.getBean(Actors.class);
            personal = actors.call(
                            "cd.county", () -> demo.getBean(SelfService.class).createPersonalToken("演示脚本", 30))
                    .token();
            org.tongxin.agency.AgencyId ministry = demo.getBean(AgencyDirectory.class)
                    .findByCode("MOJ-CCB")
                    .orElseThrow()
                    .id();
            system = actors.call(
                            "secadmin",
                            () -> demo.getBean(SystemTokens.class)
                                    .issue("演示同步", ministry, Set.of(Role.NATIONAL_POLICY_EDITOR), 30))
                    .token();
            assertThat(call(port(demo), "/api/v1/me", personal)).isEqualTo(200);
            assertThat(new WebSession(port(demo))
                            .submitLogin("cd.county", DemoAccounts.PASSWORD)
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        }

        try (ConfigurableApplicationContext real = start(false)) {
            JdbcClient jdbc = real.getBean(JdbcClient.class);
            int port = port(real);
            assertThat(jdbc.sql("SELECT count(*) FROM identity_user WHERE status = 'ACTIVE'")
                            .query(Long.class)
                            .single())
                    .as("every account made in demo mode is disabled")
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM identity_user WHERE totp_secret IS NOT NULL AND totp_published")
                            .query(Long.class)
                            .single())
                    .as("no published second factor left")
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM identity_token WHERE revoked_at IS NULL")
                            .query(Long.class)
                            .single())
                    .as("every token made in demo mode is revoked")
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'demo.retired'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT username FROM identity_user WHERE username LIKE 'sysadmin%'")
                            .query(String.class)
                            .list())
                    .singleElement()
                    .satisfies(name -> assertThat(name).startsWith("sysadmin.demo-"));

            assertThat(call(port, "/api/v1/me", personal))
                    .as("the demo's personal token")
                    .isEqualTo(401);
            assertThat(call(port, "/api/v1/me", system))
                    .as("the demo's system token")
                    .isEqualTo(401);
            for (String user : List.of("cd.county", "city.coord", "sysadmin")) {
                assertThat(new WebSession(port)
                                .submitLogin(user, DemoAccounts.PASSWORD)
                                .headers()
                                .firstValue("Location"))
                        .as(user)
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            }
            String demoAdmin = jdbc.sql("SELECT username FROM identity_user WHERE username LIKE 'secadmin.demo-%'")
                    .query(String.class)
                    .single();
            WebSession admin = new WebSession(port);
            assertThat(admin.submitLogin(demoAdmin, DemoAccounts.PASSWORD)
                            .headers()
                            .firstValue("Location"))
                    .as("nor under its new name")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

            // The real administrators, under the demo's names.
            Path file = dir.resolve("admins.txt");
            ApplicationRunner bootstrap = real.getBeansOfType(ApplicationRunner.class).values().stream()
                    .filter(r -> r.getClass().getSimpleName().startsWith("BootstrapAdmins"))
                    .findFirst()
                    .orElseThrow();
            bootstrap.run(new DefaultApplicationArguments(
                    "--tongxin.bootstrap-admins=" + file,
                    "--tongxin.bootstrap.agency-name=某市司法局",
                    "--tongxin.bootstrap.division=360100"));
            assertThat(((ExitCodeGenerator) bootstrap).getExitCode()).isZero();
            assertThat(Files.readAllLines(file)).hasSize(4);
            assertThat(jdbc.sql("""
                SELECT username FROM identity_user WHERE status = 'ACTIVE' AND NOT created_in_demo ORDER BY username\
                """).query(String.class).list()).containsExactly("auditadmin", "secadmin", "sysadmin");
        }
        try (ConfigurableApplicationContext again = start(false)) {
            assertThat(again.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM audit_record WHERE action = 'demo.retired'")
                            .query(Long.class)
                            .single())
                    .as("nothing left to close: nothing done, nothing audited")
                    .isEqualTo(1);
            assertThat(again.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM identity_user WHERE status = 'ACTIVE'")
                            .query(Long.class)
                            .single())
                    .as("the real administrators stay")
                    .isEqualTo(3);
        }
    }

    static int call(int port, String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
