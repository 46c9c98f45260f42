package org.tongxin.shared.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import org.tongxin.shared.security.Actor;
import org.tongxin.shared.security.CurrentActor;

/**
 * Row-level security in PostgreSQL (SECURITY.md S9) needs to know who asks. Every connection the application takes
 * from the pool first sets {@code tongxin.scope} ({@code system} for the application's own jobs and listeners,
 * {@code user} for requests) and {@code tongxin.agency} (the caller's agency); the policies of the case tables read
 * them. The application's own checks come first; this is the second line.
 */
@Configuration(proxyBeanMethods = false)
public class RowSecurity {

    public static final String SYSTEM = "system";
    public static final String USER = "user";

    @Bean
    static BeanPostProcessor rowSecurityDataSource(ObjectProvider<CurrentActor> actors) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                    return new ScopedDataSource(dataSource, actors);
                }
                return bean;
            }
        };
    }

    /**
     * Runs {@code work} with system scope inside the current transaction (finding whether a person already has a
     * record anywhere, before a new case links to it), then restores the caller's scope.
     */
    public static <T> T asSystem(JdbcClient jdbc, Supplier<T> work) {
        String previous = jdbc.sql("SELECT coalesce(current_setting('tongxin.scope', true), '')").query(String.class).single();
        jdbc.sql("SELECT set_config('tongxin.scope', 'system', true)").query(String.class).single();
        try {
            return work.get();
        } finally {
            jdbc.sql("SELECT set_config('tongxin.scope', :s, true)").param("s", previous).query(String.class).single();
        }
    }

    static final class ScopedDataSource extends DelegatingDataSource {

        private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

        private final ObjectProvider<CurrentActor> actors;

        ScopedDataSource(DataSource target, ObjectProvider<CurrentActor> actors) {
            super(target);
            this.actors = actors;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return scoped(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return scoped(super.getConnection(username, password));
        }

        private Connection scoped(Connection connection) throws SQLException {
            String scope;
            String agency;
            if (RESOLVING.get() != null) {
                // Finding out who acts may itself read the database (the session store loads the security context):
                // that inner connection gets the narrowest scope instead of asking again, which would recurse.
                scope = USER;
                agency = "";
            } else {
                RESOLVING.set(Boolean.TRUE);
                try {
                    CurrentActor current = actors.getIfAvailable();
                    Actor actor = current == null ? Actor.SYSTEM : current.get();
                    scope = actor.kind() == Actor.Kind.SYSTEM ? SYSTEM : USER;
                    agency = actor.agencyId() == null ? "" : actor.agencyId().toString();
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                } finally {
                    RESOLVING.remove();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT set_config('tongxin.scope', ?, false), set_config('tongxin.agency', ?, false)")) {
                statement.setString(1, scope);
                statement.setString(2, agency);
                statement.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            return getTargetDataSource().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || getTargetDataSource().isWrapperFor(type);
        }
    }
}
