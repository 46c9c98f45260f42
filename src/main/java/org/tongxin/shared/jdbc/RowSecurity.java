package org.tongxin.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.tongxin.shared.security.Actor;
import org.tongxin.shared.security.CurrentActor;

/**
 * Row-level security in PostgreSQL (doc/security-requirements.md S9) needs to know who asks, and it must not believe the asker
 * (doc/adr/0022). Requests of people and tokens run on the application role: every connection first sets
 * {@code tongxin.agency} (the caller's agency), which the policies of the case tables read; the application role's
 * policies grant nothing else, so no setting a connection can make gives it more. The application's own work —
 * scheduled scans, event listeners, start-up runners, commands, anything with no person acting ({@link Actor#SYSTEM})
 * — runs on a second, small pool that logs in as the owner role with the credentials the application already has for
 * the migrations; the tables are {@code FORCE ROW LEVEL SECURITY}, so the owner too sees rows only through its own
 * policy, which the migrations create for it alone ({@code TO CURRENT_USER} while they run as the owner). A statement
 * on an application-role connection can neither log in as the owner nor set a role it is not a member of.
 *
 * <p>Where a person's request needs one fact beyond its agency's rows (is this identity number known anywhere?), the
 * owning module asks a {@code SECURITY DEFINER} function that answers exactly that question (doc/development.md).
 * The application's own checks come first; this is the second line.
 */
@Configuration(proxyBeanMethods = false)
public class RowSecurity {

    /** The setting the application-role policies read: the agency of the person or token acting. */
    public static final String AGENCY_SETTING = "tongxin.agency";

    @Bean
    static BeanPostProcessor rowSecurityDataSource(
            ObjectProvider<CurrentActor> actors, ObjectProvider<SystemPool> system) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                    return new ScopedDataSource(dataSource, actors, system);
                }
                return bean;
            }
        };
    }

    /**
     * A connection as the application role with no agency set, whoever acts on this thread: for start-up checks and
     * tests that must look at the database as a person's request does.
     */
    public static Connection applicationRoleConnection(DataSource dataSource) throws SQLException {
        ScopedDataSource scoped = dataSource.unwrap(ScopedDataSource.class);
        return ScopedDataSource.scoped(scoped.getTargetDataSource().getConnection(), null);
    }

    /** A connection of the application's own work (the owner role), whoever acts on this thread. */
    public static Connection systemConnection(DataSource dataSource) throws SQLException {
        return dataSource.unwrap(ScopedDataSource.class).systemPool().connection();
    }

    @Bean
    static SystemPool systemPool(Environment environment) {
        return new SystemPool(environment);
    }

    /**
     * The connections of the application's own work: the owner role (the migrations' login, {@code spring.flyway.user}),
     * a few connections, opened on first use. Not a {@link DataSource} bean, so Spring Boot's data source stays the
     * only one it configures and reports.
     */
    public static final class SystemPool implements Closeable {

        private final Environment environment;
        private volatile HikariDataSource pool;

        SystemPool(Environment environment) {
            this.environment = environment;
        }

        Connection connection() throws SQLException {
            HikariDataSource p = pool;
            if (p == null) {
                synchronized (this) {
                    if (pool == null) {
                        pool = create();
                    }
                    p = pool;
                }
            }
            return p.getConnection();
        }

        private HikariDataSource create() {
            String user = environment.getProperty("spring.flyway.user");
            if (user == null || user.isBlank()) {
                throw new IllegalStateException(
                        "The owner role (spring.flyway.user, TONGXIN_DB_ADMIN_USER in production) is not "
                                + "configured: the application's own work needs it (doc/operations.md)");
            }
            HikariDataSource p = new HikariDataSource();
            p.setPoolName("tongxin-system");
            p.setJdbcUrl(environment.getProperty(
                    "spring.flyway.url", environment.getRequiredProperty("spring.datasource.url")));
            p.setUsername(user);
            p.setPassword(environment.getProperty("spring.flyway.password"));
            p.setMaximumPoolSize(environment.getProperty("tongxin.database.system-pool-size", Integer.class, 10));
            p.setMinimumIdle(1);
            // Background work may wait for a connection longer than a person's request would.
            p.setConnectionTimeout(
                    environment.getProperty("tongxin.database.system-connection-timeout-ms", Long.class, 60_000L));
            return p;
        }

        @Override
        public synchronized void close() {
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
    }

    static final class ScopedDataSource extends DelegatingDataSource implements Closeable {

        private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

        /*
         * The agency each physical connection of the pool was last set to. A session setting stays until it is set
         * again, and only this class sets it: a connection borrowed for the same agency as before needs no statement.
         * Setting it on every borrowing cost a round trip and a transaction of its own for every request's
         * connection (doc/performance.md). Weak keys: a connection the pool retires is forgotten.
         */
        private static final java.util.Map<Connection, String> AGENCIES =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        private final ObjectProvider<CurrentActor> actors;
        private final ObjectProvider<SystemPool> system;
        /*
         * Both beans are singletons, looked up once they exist: resolving them through the bean factory on every
         * connection cost 7.8 % of the application's CPU samples in the lifecycle benchmark (doc/performance.md).
         */
        private volatile @Nullable CurrentActor currentActor;
        private volatile @Nullable SystemPool systemPool;

        ScopedDataSource(DataSource target, ObjectProvider<CurrentActor> actors, ObjectProvider<SystemPool> system) {
            super(target);
            this.actors = actors;
            this.system = system;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Actor actor = actor();
            if (actor != null && actor.kind() == Actor.Kind.SYSTEM) {
                return systemPool().connection();
            }
            return scoped(super.getConnection(), actor);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return scoped(super.getConnection(username, password), actor());
        }

        /** Who acts; null while finding that out reads the database itself (then: the narrowest scope). */
        private Actor actor() {
            if (RESOLVING.get() != null) {
                // The session store loads the security context through this data source: asking again would recurse.
                return null;
            }
            RESOLVING.set(Boolean.TRUE);
            try {
                CurrentActor current = currentActor;
                if (current == null) {
                    // Not yet created (start-up runs migrations and runners first): asked again next time.
                    current = actors.getIfAvailable();
                    currentActor = current;
                }
                return current == null ? Actor.SYSTEM : current.get();
            } finally {
                RESOLVING.remove();
            }
        }

        private SystemPool systemPool() {
            SystemPool pool = systemPool;
            if (pool == null) {
                pool = system.getObject();
                systemPool = pool;
            }
            return pool;
        }

        private static Connection scoped(Connection connection, Actor actor) throws SQLException {
            String agency = actor == null || actor.agencyId() == null
                    ? ""
                    : actor.agencyId().toString();
            try {
                // The physical connection under the pool's proxy: it keeps the setting between borrowers.
                Connection physical = connection.unwrap(Connection.class);
                if (agency.equals(AGENCIES.get(physical))) {
                    return connection;
                }
                AGENCIES.remove(physical);
                try (PreparedStatement statement =
                        connection.prepareStatement("SELECT set_config('" + AGENCY_SETTING + "', ?, false)")) {
                    statement.setString(1, agency);
                    statement.execute();
                }
                // Outside a transaction the setting is committed at once; inside one a rollback would undo it.
                if (connection.getAutoCommit()) {
                    AGENCIES.put(physical, agency);
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        @Override
        public void close() {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Closing the connection pool failed", e);
                }
            }
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
