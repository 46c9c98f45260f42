package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.identity.internal.PasswordPolicy;

/**
 * The one-time bootstrap of a production-like install (its own empty database, demo off): three administrators
 * with one-time passwords in an owner-only file, and a refusal the second time.
 */
@SpringBootTest(properties = {"TONGXIN_DEMO=false", "tongxin.embedded.database=bootstrap"})
@ActiveProfiles("test")
class BootstrapAdminsIntegrationTests {

    @Autowired
    List<ApplicationRunner> runners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordPolicy passwords;

    @TempDir
    Path dir;

    int run(String... args) throws Exception {
        ApplicationRunner command = runners.stream()
                .filter(r -> r.getClass().getSimpleName().startsWith("BootstrapAdmins"))
                .findFirst()
                .orElseThrow();
        command.run(new DefaultApplicationArguments(args));
        return ((ExitCodeGenerator) command).getExitCode();
    }

    @Test
    void createsTheThreeAdministratorsOnceWithOneTimePasswordsInAPrivateFile() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM identity_user")
                        .query(Long.class)
                        .single())
                .as("an empty install")
                .isZero();
        Path file = dir.resolve("admins.txt");
        assertThat(run(
                        "--tongxin.bootstrap-admins=" + file,
                        "--tongxin.bootstrap.agency-name=某市司法局",
                        "--tongxin.bootstrap.division=360100"))
                .isZero();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        for (String line : lines.subList(1, 4)) {
            String[] parts = line.split("\t");
            String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE username = :u")
                    .param("u", parts[0])
                    .query(String.class)
                    .single();
            assertThat(passwords.matches(parts[2], hash)).isTrue();
            assertThat(jdbc.sql("SELECT must_change_password AND NOT mfa_exempt AND totp_secret IS NULL FROM"
                                    + " identity_user WHERE username = :u")
                            .param("u", parts[0])
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
        assertThat(jdbc.sql("SELECT role FROM identity_user_role")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN");

        assertThat(run(
                        "--tongxin.bootstrap-admins=" + dir.resolve("again.txt"),
                        "--tongxin.bootstrap.agency-name=x",
                        "--tongxin.bootstrap.division=360100"))
                .isEqualTo(2);
        assertThat(Files.exists(dir.resolve("again.txt"))).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM identity_user")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(Set.copyOf(jdbc.sql("SELECT type || ':' || level FROM agency")
                        .query(String.class)
                        .list()))
                .containsExactly("JUDICIAL_BUREAU:CITY");
    }
}
