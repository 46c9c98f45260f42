package org.tongxin.obligation;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.time.LegalTime;

/**
 * Obligations of City A's policy model (369900, inheriting the national baseline) for tests, times in China Standard
 * Time, and a hold on the obligation clock's cluster lock so that the scheduled scan stays out of a test that moves
 * the clock and scans by itself.
 */
final class LedgerFixtures {

    static final String CITY_A = "369900";

    private final PolicyModels policies;
    private final JdbcClient jdbc;

    LedgerFixtures(PolicyModels policies, JdbcClient jdbc) {
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /** A local date-time in Asia/Shanghai, e.g. "2025-09-26T10:00". */
    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LegalTime.ZONE).toInstant();
    }

    /** The start of a day in Asia/Shanghai: when a period ending the day before has run out. */
    static Instant startOf(String date) {
        return at(date + "T00:00");
    }

    ResolvedPolicy cityA(Instant at) {
        return policies.inForce(CITY_A, LegalTime.dateOf(at));
    }

    ProcedureStep step(String id) {
        return policies.inForce(CITY_A, java.time.LocalDate.of(2025, 9, 1)).require(id);
    }

    /** The step as City A's model in force at {@code triggeredAt} defines it, owed by {@code owing} to {@code counterparty}. */
    OpenObligation request(
            CaseId caseId,
            String stepId,
            String instance,
            Instant triggeredAt,
            AgencyId owing,
            AgencyId counterparty,
            boolean expedited,
            boolean custody) {
        ResolvedPolicy policy = cityA(triggeredAt);
        ProcedureStep step = policy.require(stepId);
        return new OpenObligation(
                caseId,
                step,
                instance,
                policy.version(),
                policy.settings(),
                owing,
                false,
                counterparty,
                step.deadline().amountFor(expedited),
                custody,
                triggeredAt,
                null);
    }

    List<String> history(ObligationId id) {
        return jdbc.sql("SELECT event FROM obligation_history WHERE obligation_id = :id ORDER BY id")
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    /**
     * Holds the advisory lock the scheduled scan takes ({@code ClusterLock.runExclusively("obligation-clock")}) on a
     * connection of its own until closed: the scheduler then skips its runs.
     */
    static final class SchedulerHold implements AutoCloseable {

        private final Connection connection;

        SchedulerHold(DataSource dataSource) throws SQLException {
            connection = dataSource.getConnection();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> call("SELECT pg_try_advisory_lock(hashtext('obligation-clock'))"));
        }

        private boolean call(String sql) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                call("SELECT pg_advisory_unlock(hashtext('obligation-clock'))");
            } finally {
                connection.close();
            }
        }
    }
}
