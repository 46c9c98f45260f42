package org.tongxin.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.support.IntegrationTest;

/**
 * A command's answer waits for the reactions to its own events, never for other users' work (ADR 0015). The
 * publications are written and rolled back inside one transaction, so the registry never sees them.
 */
@IntegrationTest
class EventQuiescenceIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record SomethingHappened(UUID eventId, String what) {}

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aCommandWaitsForTheReactionsToItsOwnEventsAndNotForAnotherUsersReactionsInFlight() {
        EventQuiescence quiescence = new EventQuiescence(jdbc, Duration.ofMillis(300));
        transactions.executeWithoutResult(tx -> {
            UUID others = UUID.randomUUID();
            UUID mine = UUID.randomUUID();
            publication(others);
            UUID myPublication = publication(mine);

            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            quiescence.published(new SomethingHappened(mine, "registered"));
            assertThat(quiescence.settle()).as("my reaction is still running").isFalse();

            quiescence.published(new SomethingHappened(mine, "registered"));
            jdbc.sql("UPDATE event_publication SET completion_date = now(), status = 'COMPLETED' WHERE id = :id")
                    .param("id", myPublication)
                    .update();
            assertThat(quiescence.settle())
                    .as("mine completed; the other user's reaction is not my concern")
                    .isTrue();
            assertThat(quiescence.awaitAll(Duration.ofMillis(100)))
                    .as("the other user's reaction is still in flight")
                    .isFalse();
            tx.setRollbackOnly();
        });
    }

    @Test
    void aRequestThatPublishedNothingDoesNotWaitAtAll() {
        EventQuiescence quiescence = new EventQuiescence(jdbc, Duration.ofSeconds(30));
        transactions.executeWithoutResult(tx -> {
            publication(UUID.randomUUID());
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            quiescence.published("not a domain event");
            long started = System.nanoTime();
            assertThat(quiescence.settle()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("answered without polling up to the bound")
                    .isLessThan(Duration.ofSeconds(30));
            tx.setRollbackOnly();
        });
    }

    @Test
    void eventsPublishedOutsideARequestAreNobodysOwn() {
        EventQuiescence quiescence = new EventQuiescence(jdbc, Duration.ofMillis(200));
        transactions.executeWithoutResult(tx -> {
            UUID id = UUID.randomUUID();
            publication(id);
            quiescence.published(new SomethingHappened(id, "scan"));
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            assertThat(quiescence.settle()).isTrue();
            tx.setRollbackOnly();
        });
    }

    @Test
    void theEventIdOfADomainEventIsFoundOnItsRecordComponent() {
        UUID id = UUID.randomUUID();
        assertThat(EventQuiescence.eventId(new SomethingHappened(id, "x"))).contains(id);
        assertThat(EventQuiescence.eventId("text")).isEmpty();
    }

    private UUID publication(UUID eventId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status)
            VALUES (:id, 'test.listener', :type, :json, now(), 'PUBLISHED')\
            """)
                .param("id", id)
                .param("type", SomethingHappened.class.getName())
                .param("json", "{\"eventId\":\"" + eventId + "\",\"what\":\"x\"}")
                .update();
        return id;
    }
}
