package org.tongxin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.CoordinationEvents;
import org.tongxin.identity.Participation;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 8: the holdups screen and its API list only the lines the reader may open; the others are counted. A
 * judicial-office head of Chengdong reads the county's holdups: the overdue step of a case of its own office is listed,
 * the overdue step and the conflict of a case of another office of the county are counted, and neither that case's id,
 * its step, its due date nor the conflict's text reaches the page or the API.
 */
@IntegrationTest
class HoldupsAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventQuiescence events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOfficeHeadSeesItsOwnOfficesLinesAndOnlyCountsTheOtherOfficesLines() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        AgencyId dongmen = fixtures.agency("CD-SO-DM");
        AgencyId nanhu = fixtures.agency("CD-SO-NH");
        AgencyId county = fixtures.agency("CD-CCA");
        CaseId own = fixtures.underCorrection(fixtures.adult("卡点本所", Gender.MALE));
        fixtures.assignDongmen(own);
        CaseId other = fixtures.underCorrection(fixtures.adult("卡点他所", Gender.MALE));
        int version = fixtures.version(other);
        fixtures.as("cd.county", () -> caseManagement.assignOffice(other, version, nanhu));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();

        Instant due = clock.instant().minus(Duration.ofDays(3));
        ObligationId ownStep = ObligationId.of(UUID.randomUUID());
        ObligationId otherStep = ObligationId.of(UUID.randomUUID());
        ConflictId conflict = ConflictId.of(UUID.randomUUID());
        publish(
                opened(ownStep, own, dongmen, due, "本所的超期环节", "Own office's overdue step"),
                opened(otherStep, other, nanhu, due, "他所的超期环节", "Other office's overdue step"),
                new CoordinationEvents.ConflictRaised(
                        UUID.randomUUID(),
                        conflict,
                        other,
                        ConflictType.RESPONSIBILITY,
                        county,
                        List.of(county, nanhu),
                        "test.step",
                        due,
                        ActorRef.SYSTEM));
        publish(
                overdue(ownStep, own, dongmen, due, "本所的超期环节", "Own office's overdue step"),
                overdue(otherStep, other, nanhu, due, "他所的超期环节", "Other office's overdue step"));

        String api = body("cd.dm.head", "/api/v1/statistics/holdups");
        JsonNode holdups = json.readTree(api).get("holdups");
        JsonNode mine = agency(holdups, dongmen);
        assertThat(mine.get("byCase").has(own.value().toString()))
                .as("its own office's case is listed")
                .isTrue();
        assertThat(mine.get("hiddenOverdue").asLong()).isZero();
        JsonNode theirs = agency(holdups, nanhu);
        assertThat(theirs.get("byCase").isEmpty())
                .as("the other office's case is not listed")
                .isTrue();
        assertThat(theirs.get("hiddenOverdue").asLong()).as("but counted").isEqualTo(1);
        assertThat(theirs.get("overdue").asLong()).isEqualTo(1);
        JsonNode raiser = agency(holdups, county);
        assertThat(raiser.get("hiddenItems").asLong())
                .as("the conflict on the other office's case is counted")
                .isGreaterThanOrEqualTo(1);
        raiser.get("items")
                .forEach(i -> assertThat(i.get("itemId").asString())
                        .isNotEqualTo(conflict.value().toString()));
        assertThat(holdups.get("hidden").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api)
                .doesNotContain(
                        other.value().toString(),
                        otherStep.value().toString(),
                        conflict.value().toString(),
                        "他所的超期环节",
                        "Other office");

        String page = body("cd.dm.head", "/statistics/holdups");
        assertThat(page)
                .contains("本所的超期环节")
                .contains("data-hidden-lines")
                .doesNotContain(
                        other.value().toString(), "他所的超期环节", conflict.value().toString());

        // The county agency holds a lawful role in both cases: it sees both lines.
        JsonNode countyView =
                json.readTree(body("cd.county", "/api/v1/statistics/holdups")).get("holdups");
        assertThat(agency(countyView, nanhu).get("byCase").has(other.value().toString()))
                .isTrue();
        assertThat(agency(countyView, nanhu).get("hiddenOverdue").asLong()).isZero();

        // The coordination office sees a case's lines once a conflict or a meeting brings the case to it.
        String before = body("city.coord", "/api/v1/statistics/holdups");
        assertThat(before).doesNotContain(other.value().toString());
        caseManagement.grant(other, fixtures.agency("A-COORD"), Participation.COORDINATION);
        JsonNode coordinator =
                json.readTree(body("city.coord", "/api/v1/statistics/holdups")).get("holdups");
        assertThat(agency(coordinator, nanhu).get("byCase").has(other.value().toString()))
                .isTrue();
    }

    @Test
    void anOverdueObligationAboutAMatterRatherThanACaseIsListedAndTheAnswerIsNotAServerError() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        AgencyId county = fixtures.agency("CD-CCA");
        Instant due = clock.instant().minus(Duration.ofDays(2));
        ObligationId decision = ObligationId.of(UUID.randomUUID());
        publish(opened(decision, null, county, due, "联席会议决定事项", "A joint meeting's decision"));
        publish(overdue(decision, null, county, due, "联席会议决定事项", "A joint meeting's decision"));

        JsonNode holdups =
                json.readTree(body("cd.county", "/api/v1/statistics/holdups")).get("holdups");
        JsonNode mine = agency(holdups, county);
        assertThat(mine.get("withoutCase"))
                .extracting(line -> line.get("obligationId").asString())
                .contains(decision.value().toString());
        assertThat(body("cd.county", "/statistics/holdups")).contains("联席会议决定事项");
    }

    Object opened(ObligationId id, CaseId caseId, AgencyId agency, Instant due, String zh, String en) {
        return new ObligationEvents.ObligationOpened(
                UUID.randomUUID(),
                id,
                caseId,
                "test.step",
                zh,
                en,
                agency,
                due,
                due.minus(Duration.ofDays(5)),
                ActorRef.SYSTEM);
    }

    Object overdue(ObligationId id, CaseId caseId, AgencyId agency, Instant due, String zh, String en) {
        return new ObligationEvents.ObligationOverdue(
                UUID.randomUUID(), id, caseId, "test.step", zh, en, agency, due, due.plusSeconds(60), ActorRef.SYSTEM);
    }

    void publish(Object... published) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (Object event : published) {
                publisher.publishEvent(event);
            }
        });
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("the listeners finished")
                .isTrue();
    }

    String body(String user, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(actors.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode agency(JsonNode holdups, AgencyId agency) {
        for (JsonNode a : holdups.get("agencies")) {
            if (a.get("agencyId").asString().equals(agency.value().toString())) {
                return a;
            }
        }
        throw new AssertionError("no holdups of " + agency);
    }
}
