package org.tongxin.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The backfill counts past history exactly as the listeners count live events, and replaying it again counts nothing
 * twice. (On a database where statistics is new it runs once at start-up; here the listeners have already counted the
 * same history, so one replay doubles the month's figures, which is how we see that both count alike.)
 */
@IntegrationTest
class StatisticsBackfillIntegrationTests {

    @Autowired
    StatisticsBackfill backfill;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventQuiescence events;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Map<String, Long> february(UUID agency) {
        Map<String, Long> figures = new HashMap<>();
        jdbc.sql("""
            SELECT indicator, dimension, value FROM statistics_monthly
             WHERE month = DATE '2022-02-01' AND agency_id = :agency
               AND indicator IN ('case.decided', 'case.received', 'obligation.opened')\
            """)
                .param("agency", agency)
                .query((rs, n) -> figures.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)))
                .list();
        return figures;
    }

    @Test
    void theBackfillCountsHistoryAsTheListenersCountEventsAndOnlyOnce() {
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        clock.setInstant(
                LocalDateTime.parse("2022-02-14T10:00").atZone(LegalTime.ZONE).toInstant());
        fixtures.underCorrection(fixtures.adult("冯回填", Gender.MALE));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        UUID county = agencies.findByCode("CD-CCA").orElseThrow().id().value();
        Map<String, Long> live = february(county);
        assertThat(live.get("case.decided/")).isPositive();
        assertThat(live.get("case.received/")).isPositive();
        assertThat(live.get("obligation.opened/")).isPositive();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> backfill.replay());
        Map<String, Long> replayed = february(county);
        live.forEach((key, value) -> assertThat(replayed.get(key)).as(key).isEqualTo(2 * value));

        new TransactionTemplate(transactions).executeWithoutResult(tx -> backfill.replay());
        assertThat(february(county)).isEqualTo(replayed);
        assertThat(jdbc.sql("SELECT completed_at IS NOT NULL FROM statistics_backfill WHERE id = 1")
                        .query(Boolean.class)
                        .single())
                .as("the start-up run marked itself done")
                .isTrue();
    }
}
