package org.tongxin.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tongxin.shared.jdbc.RowSecurity;

/**
 * One connection as the application role with no agency set — what a person's request runs as — whoever acts on the
 * test's thread (the test thread itself acts as nobody, so the application's data source gives it the owner role).
 */
public final class ApplicationRole implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate jdbc;

    private ApplicationRole(Connection connection) {
        this.connection = connection;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    public static ApplicationRole connect(DataSource dataSource) throws SQLException {
        return new ApplicationRole(RowSecurity.applicationRoleConnection(dataSource));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
