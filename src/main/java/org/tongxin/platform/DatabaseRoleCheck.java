package org.tongxin.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.RowSecurity;

/**
 * Refuses to start when row-level security could not bind the application role (doc/security-requirements.md S9, doc/adr/0022): the
 * role is a superuser or has BYPASSRLS (policies do not apply to it), it is the owner role or may act as it (the owner
 * sees every row), or it owns a table (an owner bypasses what it is not forced into). Runs once the migrations are in.
 */
@Component
class DatabaseRoleCheck implements SmartInitializingSingleton {

    private final DataSource dataSource;

    DatabaseRoleCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String owner;
        try (Connection c = RowSecurity.systemConnection(dataSource)) {
            owner = single(c, "SELECT current_user");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect as the owner role to check the database roles: " + e.getMessage(), e);
        }
        try (Connection c = RowSecurity.applicationRoleConnection(dataSource)) {
            check(c, owner);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the application's database role: " + e.getMessage(), e);
        }
    }

    /** Throws {@link UnsafeDatabaseRoleException} naming every way the connection's role escapes row-level security. */
    static void check(Connection c, String owner) throws SQLException {
        List<String> problems = new ArrayList<>();
        String role;
        try (PreparedStatement s = c.prepareStatement("""
            SELECT r.rolname, r.rolsuper, r.rolbypassrls, pg_has_role(r.rolname, ?, 'USAGE'),
                   (SELECT count(*) FROM pg_class t WHERE t.relowner = r.oid AND t.relkind IN ('r', 'p')
                       AND t.relnamespace = 'public'::regnamespace)
              FROM pg_roles r WHERE r.rolname = current_user\
            """)) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                role = rs.getString(1);
                if (rs.getBoolean(2)) {
                    problems.add("it is a superuser");
                }
                if (rs.getBoolean(3)) {
                    problems.add("it has BYPASSRLS");
                }
                if (role.equals(owner)) {
                    problems.add("it is the owner role that runs the migrations");
                } else if (rs.getBoolean(4)) {
                    problems.add("it may act as the owner role " + owner);
                }
                if (rs.getLong(5) > 0) {
                    problems.add("it owns " + rs.getLong(5) + " table(s)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeDatabaseRoleException(role, owner, problems);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
