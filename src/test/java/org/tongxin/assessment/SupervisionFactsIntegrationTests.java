package org.tongxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.ContactEvents.ContactMissed;
import org.tongxin.supervision.ContactKind;
import org.tongxin.supervision.LeaveEvents.LeaveReturnOverdue;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.missing.LostContactEvents.ContactLost;
import org.tongxin.supervision.missing.LostContactEvents.ContactRestored;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The supervision module's facts reach the graduated-response engine: a missed report, redelivered, counts once, and
 * with the earlier ones makes the warning allowed that the engine refused before; the page explains it in words.
 */
@IntegrationTest
class SupervisionFactsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    void publish(Object event) {
        transactions.executeWithoutResult(t -> events.publishEvent(event));
        reactions.awaitAll(Duration.ofSeconds(10));
    }

    ResultActions warn(CaseId id) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/sanctions")
                .with(actors.as("cd.county"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                    {"kind":"WARNING","reasons":["REPORTING_RULES_BROKEN_REPEATEDLY"],"facts":"三次未按规定报告","evidence":"报告记录"}\
                    """));
    }

    long facts(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM assessment_fact WHERE case_id = :c")
                .param("c", id.value())
                .query(Long.class)
                .single();
    }

    @Test
    void aMissedReportCountsOnceEvenWhenRedeliveredAndThenAllowsTheWarning() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("赵明", Gender.MALE));
        LocalDate today = LocalDate.now(clock);
        publish(new ContactMissed(
                UUID.randomUUID(),
                id,
                ContactKind.REPORT,
                today.minusDays(20),
                true,
                clock.instant(),
                ActorRef.SYSTEM));
        publish(new ContactMissed(
                UUID.randomUUID(),
                id,
                ContactKind.VERIFY,
                today.minusDays(15),
                false,
                clock.instant(),
                ActorRef.SYSTEM));
        publish(new LeaveReturnOverdue(
                UUID.randomUUID(), LeaveId.random(), id, today.minusDays(10), clock.instant(), ActorRef.SYSTEM));
        warn(id).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("GROUND_NOT_MET_REPORTING_RULES_BROKEN_REPEATEDLY"));

        ContactMissed missed = new ContactMissed(
                UUID.randomUUID(), id, ContactKind.REPORT, today.minusDays(5), true, clock.instant(), ActorRef.SYSTEM);
        publish(missed);
        publish(missed);
        assertThat(facts(id)).isEqualTo(3);
        mvc.perform(get("/api/v1/cases/" + id + "/assessment").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts.missedContacts").value(2))
                .andExpect(jsonPath("$.facts.overdueReturns").value(1));
        mvc.perform(get("/cases/" + id + "/assessment").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未按期联系 2 次，请假逾期未归 1 次")));
        warn(id).andExpect(status().isCreated());
    }

    @Test
    void contactLostAndRestoredGiveTheDaysOutOfContact() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("钱亮", Gender.MALE));
        UUID lost = UUID.randomUUID();
        java.time.Instant now = clock.instant();
        publish(new ContactLost(UUID.randomUUID(), id, lost, now.minus(Duration.ofDays(14)), now, ActorRef.SYSTEM));
        publish(new ContactRestored(UUID.randomUUID(), id, lost, now.minus(Duration.ofDays(2)), now, ActorRef.SYSTEM));
        mvc.perform(get("/api/v1/cases/" + id + "/assessment").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts.outOfContactDays").value(12));
    }
}
