package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tongxin.shared.jdbc.RowSecurity;
import org.tongxin.support.IntegrationTest;

/**
 * Tongxin refuses to start on an application role that row-level security would not bind (doc/adr/0022): a superuser,
 * a role with BYPASSRLS, the owner role or a member of it. The check runs at every start; here it meets such roles.
 */
@IntegrationTest
class DatabaseRoleCheckIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.flyway.user}")
    String owner;

    @Test
    void theApplicationRoleOfThisInstallPasses() throws SQLException {
        try (Connection c = RowSecurity.applicationRoleConnection(dataSource)) {
            assertThatCode(() -> DatabaseRoleCheck.check(c, owner)).doesNotThrowAnyException();
        }
    }

    @Test
    void aRoleWithBypassRlsIsRefusedWithAClearMessageAndWhatToDo() throws SQLException {
        assertRefused("BYPASSRLS", "has BYPASSRLS");
    }

    @Test
    void aSuperuserIsRefused() throws SQLException {
        assertRefused("SUPERUSER", "is a superuser");
    }

    @Test
    void aRoleThatMayActAsTheOwnerIsRefused() throws SQLException {
        assertRefused("IN ROLE " + owner, "may act as the owner role " + owner);
    }

    @Test
    void theOwnerRoleItselfIsRefusedAsTheApplicationRole() throws SQLException {
        try (Connection c = RowSecurity.systemConnection(dataSource)) {
            assertThatThrownBy(() -> DatabaseRoleCheck.check(c, owner))
                    .isInstanceOf(UnsafeDatabaseRoleException.class)
                    .hasMessageContaining("is the owner role")
                    .hasMessageContaining("owns");
        }
    }

    private void assertRefused(String option, String reason) throws SQLException {
        String role = "tongxin_check_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        EmbeddedDatabase database = EmbeddedDatabase.current().orElseThrow();
        try (Connection admin = database.superuserDataSource().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' " + option);
            s.execute("GRANT CONNECT ON DATABASE " + EmbeddedDatabase.DATABASE + " TO " + role);
        }
        try (Connection c = DriverManager.getConnection(url, role, password)) {
            assertThatThrownBy(() -> DatabaseRoleCheck.check(c, owner))
                    .isInstanceOfSatisfying(UnsafeDatabaseRoleException.class, e -> {
                        assertThat(e.getMessage())
                                .contains(role)
                                .contains(reason)
                                .contains("refuses to start");
                        FailureAnalysis analysis =
                                new PlatformFailureAnalyzer().analyze(new IllegalStateException("start", e));
                        assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
                        assertThat(analysis.getAction())
                                .contains("ALTER ROLE " + role + " NOSUPERUSER NOBYPASSRLS")
                                .contains("doc/operations.md");
                    });
        } finally {
            try (Connection admin = database.superuserDataSource().getConnection();
                    Statement s = admin.createStatement()) {
                s.execute("REVOKE CONNECT ON DATABASE " + EmbeddedDatabase.DATABASE + " FROM " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }
}
