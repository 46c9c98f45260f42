package org.tongxin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.assistance.AssistanceEvents;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.casefile.CaseData;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.CoordinationEvents;
import org.tongxin.exchange.HandoverEvents;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.identity.Participation;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statistics from events: scorecard figures against a ledger computed by hand, the monthly report reproducible for a
 * past month and exported to Excel, jurisdiction and minors' masking in the drill-down, and bad input refused. Each
 * test uses months of 2021, which no other test touches, and an office of its own.
 */
@IntegrationTest
class StatisticsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventQuiescence events;

    @Autowired
    AgencyManagement agencyManagement;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LegalTime.ZONE).toInstant();
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

    AgencyId newOffice() {
        String code = "STAT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AgencyId county = agencies.findByCode("CD-CCA").orElseThrow().id();
        return actors.call(
                "sysadmin",
                () -> agencyManagement.register(new AgencyDraft(
                        code,
                        "统计测试司法所" + code,
                        "Statistics Test Office " + code,
                        AgencyType.JUDICIAL_OFFICE,
                        AgencyLevel.TOWNSHIP,
                        county,
                        "369902002",
                        null,
                        null,
                        null,
                        List.of())));
    }

    record Ledger(ObligationId id, CaseId caseId, Instant due) {}

    Ledger opened(List<Object> batch, AgencyId agency, String opened, String due) {
        Ledger l = new Ledger(ObligationId.of(UUID.randomUUID()), CaseId.of(UUID.randomUUID()), at(due));
        batch.add(new ObligationEvents.ObligationOpened(
                UUID.randomUUID(),
                l.id(),
                l.caseId(),
                "test.step",
                "测试环节",
                "Test step",
                agency,
                l.due(),
                at(opened),
                ActorRef.SYSTEM));
        return l;
    }

    Object overdue(Ledger l, AgencyId agency) {
        return new ObligationEvents.ObligationOverdue(
                UUID.randomUUID(),
                l.id(),
                l.caseId(),
                "test.step",
                "测试环节",
                "Test step",
                agency,
                l.due(),
                l.due().plusSeconds(60),
                ActorRef.SYSTEM);
    }

    Object fulfilled(UUID eventId, Ledger l, AgencyId agency, String when, boolean late) {
        return new ObligationEvents.ObligationFulfilled(
                eventId, l.id(), l.caseId(), "test.step", "测试环节", "Test step", agency, late, at(when), ActorRef.SYSTEM);
    }

    JsonNode getJson(String user, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(actors.as(user))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(url + " " + result.getResponse().getContentAsString())
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    JsonNode rowOf(JsonNode cards, AgencyId agency) {
        for (JsonNode row : cards.get("rows")) {
            if (row.get("agencyId").asString().equals(agency.value().toString())) {
                return row;
            }
        }
        throw new AssertionError("no scorecard row for " + agency);
    }

    @Test
    void scorecardFiguresMatchALedgerComputedByHand() throws Exception {
        AgencyId office = newOffice();
        AgencyId receiver = agencies.findByCode("CD-CCA").orElseThrow().id();
        // Six obligations of the office fall due in March 2021, one in April (outside the period):
        //   O1 due 03-05 17:00, fulfilled 03-04 10:00            on time
        //   O2 due 03-10 17:00, fulfilled 03-08 09:00            on time
        //   O3 due 03-12 17:00, fulfilled 03-12 19:30            late 2 h 30 min -> 3 hours (a started hour counts)
        //   O4 due 03-15 09:00, fulfilled 03-16 09:00            late 24 hours
        //   O5 due 03-20 09:00, fulfilled 03-22 10:01            late 49 h 01 min -> 50 hours
        //   O6 due 03-25 09:00, still open (overdue)
        //   O7 due 04-02 09:00, fulfilled 03-30 09:00            on time, but due in April
        // March: due 6, on time 2, rate 2/6 = 33.3 %; lateness of O3, O4, O5 = 3, 24, 50 h -> median 24, worst 50.
        // Open now (10 April 09:00): O6 only, opened 21 March 09:00 -> 20 days old.
        List<Object> opens = new ArrayList<>();
        Ledger o1 = opened(opens, office, "2021-03-01T09:00", "2021-03-05T17:00");
        Ledger o2 = opened(opens, office, "2021-03-02T09:00", "2021-03-10T17:00");
        Ledger o3 = opened(opens, office, "2021-03-03T09:00", "2021-03-12T17:00");
        Ledger o4 = opened(opens, office, "2021-03-04T09:00", "2021-03-15T09:00");
        Ledger o5 = opened(opens, office, "2021-03-05T09:00", "2021-03-20T09:00");
        Ledger o6 = opened(opens, office, "2021-03-21T09:00", "2021-03-25T09:00");
        Ledger o7 = opened(opens, office, "2021-03-22T09:00", "2021-04-02T09:00");
        publish(opens.toArray());
        publish(overdue(o3, office), overdue(o4, office), overdue(o5, office), overdue(o6, office));
        UUID o1Done = UUID.randomUUID();
        publish(
                fulfilled(o1Done, o1, office, "2021-03-04T10:00", false),
                fulfilled(UUID.randomUUID(), o2, office, "2021-03-08T09:00", false),
                fulfilled(UUID.randomUUID(), o3, office, "2021-03-12T19:30", true),
                fulfilled(UUID.randomUUID(), o4, office, "2021-03-16T09:00", true),
                fulfilled(UUID.randomUUID(), o5, office, "2021-03-22T10:01", true),
                fulfilled(UUID.randomUUID(), o7, office, "2021-03-30T09:00", false));
        // A redelivered event (same id) is counted once.
        publish(fulfilled(o1Done, o1, office, "2021-03-04T10:00", false));
        // Two rejections of the office's bundles, two referrals accepted and one declined, a conflict raised and
        // resolved.
        CaseId someCase = CaseId.of(UUID.randomUUID());
        ConflictId conflict = ConflictId.of(UUID.randomUUID());
        HandoverId supplemented = HandoverId.of(UUID.randomUUID());
        publish(
                new HandoverEvents.HandoverRejected(
                        UUID.randomUUID(),
                        supplemented,
                        someCase,
                        HandoverKind.EXECUTION_NOTICE,
                        "test.step",
                        1,
                        office,
                        receiver,
                        2,
                        java.util.Set.of(),
                        at("2021-03-09T10:00"),
                        ActorRef.SYSTEM),
                new HandoverEvents.HandoverRejected(
                        UUID.randomUUID(),
                        HandoverId.of(UUID.randomUUID()),
                        someCase,
                        HandoverKind.EXECUTION_NOTICE,
                        "test.step",
                        1,
                        office,
                        receiver,
                        1,
                        java.util.Set.of(),
                        at("2021-03-19T10:00"),
                        ActorRef.SYSTEM),
                referral(true, office),
                referral(true, office),
                referral(false, office),
                new CoordinationEvents.ConflictRaised(
                        UUID.randomUUID(),
                        conflict,
                        someCase,
                        ConflictType.RESPONSIBILITY,
                        office,
                        List.of(office, receiver),
                        "test.step",
                        at("2021-03-10T10:00"),
                        ActorRef.SYSTEM));
        publish(
                new CoordinationEvents.ConflictResolved(
                        UUID.randomUUID(),
                        conflict,
                        someCase,
                        ConflictType.RESPONSIBILITY,
                        office,
                        at("2021-03-26T10:00"),
                        ActorRef.SYSTEM),
                new HandoverEvents.HandoverDelivered(
                        UUID.randomUUID(),
                        supplemented,
                        someCase,
                        HandoverKind.EXECUTION_NOTICE,
                        "test.step",
                        2,
                        office,
                        receiver,
                        List.of(),
                        java.util.Set.of(),
                        at("2021-03-11T10:00"),
                        ActorRef.SYSTEM));

        clock.setInstant(at("2021-04-10T09:00"));
        JsonNode row = rowOf(
                getJson("cd.county.head", "/api/v1/statistics/scorecards?from=2021-03&to=2021-03&district=369902"),
                office);
        assertThat(row.get("due").asLong()).isEqualTo(6);
        assertThat(row.get("onTime").asLong()).isEqualTo(2);
        assertThat(row.get("onTimeRate").asDouble()).isEqualTo(33.3);
        assertThat(row.get("fulfilledLate").asLong()).isEqualTo(3);
        assertThat(row.get("medianLatenessHours").asDouble()).isEqualTo(24.0);
        assertThat(row.get("worstLatenessHours").asInt()).isEqualTo(50);
        assertThat(row.get("openNow").asLong()).isEqualTo(1);
        assertThat(row.get("overdueNow").asLong()).isEqualTo(1);
        assertThat(row.get("backlogOldestAgeDays").asLong()).isEqualTo(20);
        assertThat(row.get("handoversRejected").asLong()).isEqualTo(2);
        assertThat(row.get("referralsAccepted").asLong()).isEqualTo(2);
        assertThat(row.get("referralsDeclined").asLong()).isEqualTo(1);
        assertThat(row.get("conflictsRaised").asLong()).isEqualTo(1);
        assertThat(row.get("conflictsResolved").asLong()).isEqualTo(1);

        // April alone: O7 fell due and was on time; nothing late.
        JsonNode april = rowOf(
                getJson("cd.county.head", "/api/v1/statistics/scorecards?from=2021-04&to=2021-04&district=369902"),
                office);
        assertThat(april.get("due").asLong()).isEqualTo(1);
        assertThat(april.get("onTimeRate").asDouble()).isEqualTo(100.0);
        assertThat(april.get("medianLatenessHours").isNull()).isTrue();
        // Comparing judicial offices: the office is there, the county agency is not.
        JsonNode offices = getJson(
                "city.coord", "/api/v1/statistics/scorecards?from=2021-03&to=2021-04&agencyType=JUDICIAL_OFFICE");
        assertThat(rowOf(offices, office).get("due").asLong()).isEqualTo(7);
        offices.get("rows").forEach(r -> assertThat(r.get("type").asString()).isEqualTo("JUDICIAL_OFFICE"));
        // The month by month trend of the district holds the office's figures.
        JsonNode trend = getJson(
                        "cd.county.head", "/api/v1/statistics/scorecards?from=2021-03&to=2021-04&district=369902")
                .get("trend");
        assertThat(trend.get(0).get("month").asString()).isEqualTo("2021-03");
        assertThat(trend.get(0).get("due").asLong()).isGreaterThanOrEqualTo(6);
        // The office's own trend: March 6 due, 2 on time; April 1 due, on time.
        JsonNode own = getJson(
                "cd.county.head", "/api/v1/statistics/scorecards?from=2021-03&to=2021-04&agency=" + office.value());
        assertThat(own.get("trend").get(0).get("due").asLong()).isEqualTo(6);
        assertThat(own.get("trend").get(0).get("onTimeRate").asDouble()).isEqualTo(33.3);
        assertThat(own.get("trend").get(1).get("onTimeRate").asDouble()).isEqualTo(100.0);
        assertThat(mvc.perform(get("/api/v1/statistics/scorecards?from=2021-03&to=2021-04&agency=" + office.value())
                                .with(actors.as("cx.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("an office of another county")
                .isEqualTo(404);

        // The coordinator's one screen names the office and counts its overdue step; the case is not one the
        // coordination
        // office may open, so the line itself is not listed (HoldupsAccessIntegrationTests shows the listed lines).
        JsonNode holdups = getJson("city.coord", "/api/v1/statistics/holdups").get("holdups");
        JsonNode mine = null;
        for (JsonNode a : holdups.get("agencies")) {
            if (a.get("agencyId").asString().equals(office.value().toString())) {
                mine = a;
            }
        }
        assertThat(mine).as("the office is on the coordinator's screen").isNotNull();
        assertThat(mine.get("overdue").asLong()).isEqualTo(1);
        assertThat(mine.get("hiddenOverdue").asLong()).isEqualTo(1);
        assertThat(mine.get("byCase").has(o6.caseId().value().toString())).isFalse();
        // Still holding things up, counted: the rejection not yet supplemented and the declined referral (the
        // supplemented
        // rejection and the resolved conflict are gone).
        assertThat(mine.get("items").isEmpty()).isTrue();
        assertThat(mine.get("hiddenItems").asLong()).isEqualTo(2);
        // A county officer of another county does not see Chengdong's figures.
        assertThat(mvc.perform(get("/api/v1/statistics/scorecards?from=2021-03&to=2021-03&district=369902")
                                .with(actors.as("cx.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    Object referral(boolean accepted, AgencyId to) {
        AgencyId from = agencies.findByCode("CD-CCA").orElseThrow().id();
        ReferralId id = ReferralId.of(UUID.randomUUID());
        CaseId caseId = CaseId.of(UUID.randomUUID());
        return accepted
                ? new AssistanceEvents.ReferralAccepted(
                        UUID.randomUUID(),
                        id,
                        caseId,
                        AssistanceService.JOB_TRAINING,
                        from,
                        to,
                        at("2021-03-11T10:00"),
                        ActorRef.SYSTEM)
                : new AssistanceEvents.ReferralDeclined(
                        UUID.randomUUID(),
                        id,
                        caseId,
                        AssistanceService.JOB_TRAINING,
                        from,
                        to,
                        at("2021-03-12T10:00"),
                        ActorRef.SYSTEM);
    }

    @Test
    void aPastMonthsReportStaysTheSameAfterLaterEventsAndItsExcelHoldsTheFigures() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(caseManagement, agencies, actors, jdbc, clock);
        clock.setInstant(at("2021-05-12T10:00"));
        CaseId adult = fixtures.underCorrection(fixtures.adult("周统计", Gender.MALE));
        CaseId minor = fixtures.underCorrection(fixtures.minor("吴统计", Gender.FEMALE));
        AgencyId sunshine = agencies.findByCode("A-SO-SUN").orElseThrow().id();
        int version = fixtures.version(adult);
        fixtures.as(
                "cd.county",
                () -> caseManagement.formTeam(
                        adult,
                        version,
                        List.of(
                                new CaseData.TeamMember(
                                        "钱社工", CaseData.TeamRole.SOCIAL_WORKER, Gender.FEMALE, sunshine),
                                new CaseData.TeamMember("孙所员", CaseData.TeamRole.OFFICE_STAFF, Gender.MALE, null))));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        // The adult's reporting period lapsed on 20 May: the county agency must search (a failure to report).
        AgencyId countyAgency = agencies.findByCode("CD-CCA").orElseThrow().id();
        publish(new ObligationEvents.ObligationOpened(
                UUID.randomUUID(),
                ObligationId.of(UUID.randomUUID()),
                adult,
                "report.missed",
                "未按时报到的查找与通报",
                "Failure to report: search and notify",
                countyAgency,
                null,
                at("2021-05-20T09:00"),
                ActorRef.SYSTEM));
        // The social organisation's caseload counts the case its social worker serves on (and others of the test run).
        JsonNode sunshineRow =
                rowOf(getJson("cd.county", "/api/v1/statistics/scorecards?from=2021-05&to=2021-05"), sunshine);
        assertThat(sunshineRow.get("activeCases").asLong()).isPositive();
        assertThat(sunshineRow.get("casesPerOfficer").isNull())
                .as("per social worker")
                .isFalse();

        clock.setInstant(at("2021-06-03T10:00"));
        String url = "/api/v1/statistics/monthly?month=2021-05&district=369902";
        JsonNode may = getJson("cd.county", url);
        JsonNode subjects = table(may, "subjects");
        // Rows: four correction types, male, female, minors, total; columns: label, received, released, active at end.
        assertThat(cells(subjects, "缓刑")).containsExactly(2L, 0L, 2L);
        assertThat(cells(subjects, "其中男性")).containsExactly(1L, 0L, 1L);
        assertThat(cells(subjects, "其中女性")).containsExactly(1L, 0L, 1L);
        assertThat(cells(subjects, "其中未成年人")).containsExactly(1L, 0L, 1L);
        assertThat(cells(subjects, "合计")).containsExactly(2L, 0L, 2L);
        // Districts: received, released, active at end, failed to report, lost contact.
        assertThat(cells(table(may, "districts"), "城东区")).containsExactly(2L, 0L, 2L, 1L, 0L);
        JsonNode failed =
                getJson("cd.county", "/api/v1/statistics/cases?figure=FAILED_TO_REPORT&month=2021-05&district=369902");
        assertThat(failed.get("page").get("total").asLong()).isEqualTo(1);
        assertThat(failed.get("page").get("items").get(0).get("caseId").asString())
                .isEqualTo(adult.value().toString());

        // June: another case is received, a handover of Chengdong is rejected; May's report does not change.
        CaseId june = fixtures.underCorrection(fixtures.adult("郑统计", Gender.MALE));
        AgencyId county = agencies.findByCode("CD-CCA").orElseThrow().id();
        publish(new HandoverEvents.HandoverRejected(
                UUID.randomUUID(),
                HandoverId.of(UUID.randomUUID()),
                june,
                HandoverKind.EXECUTION_NOTICE,
                "test.step",
                1,
                county,
                agencies.findByCode("CD-COURT").orElseThrow().id(),
                1,
                java.util.Set.of(),
                clock.instant(),
                ActorRef.SYSTEM));
        clock.setInstant(at("2021-07-02T10:00"));
        JsonNode mayAgain = getJson("cd.county", url);
        assertThat(mayAgain.get("tables")).isEqualTo(may.get("tables"));
        assertThat(mayAgain.get("asOf")).isEqualTo(may.get("asOf"));
        JsonNode juneReport = getJson("cd.county", "/api/v1/statistics/monthly?month=2021-06&district=369902");
        assertThat(cells(table(juneReport, "subjects"), "合计")).containsExactly(1L, 0L, 3L);

        // The Excel workbook of May holds the same figures as numbers.
        MvcResult xlsx = mvc.perform(get(url + "&format=xlsx").with(actors.as("cd.county")))
                .andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getResponse().getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".xlsx");
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .contains("城东区")
                    .contains("2021年5月");
            Row probation = findRow(sheet, "缓刑");
            assertThat(probation.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(probation.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(findRow(sheet, "其中未成年人").getCell(1).getNumericCellValue())
                    .isEqualTo(1.0);
        }
        MvcResult pdf = mvc.perform(get(url + "&format=pdf").with(actors.as("cd.county")))
                .andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        String text = org.tongxin.document.PdfText.of(pdf.getResponse().getContentAsByteArray());
        assertThat(text).contains("统计月报").contains("缓刑");

        // Drill-down: the county sees both cases named; the coordinator only the one a conflict brought to the
        // coordination office, with the minor's name masked; another county gets 404.
        String drill = "/api/v1/statistics/cases?figure=RECEIVED&month=2021-05&district=369902";
        JsonNode countyView = getJson("cd.county", drill);
        assertThat(countyView.get("page").get("total").asLong()).isEqualTo(2);
        assertThat(countyView.get("page").get("items"))
                .extracting(n -> n.get("subjectName").asString())
                .contains("周统计", "吴统计");
        caseManagement.grant(minor, agencies.findByCode("A-COORD").orElseThrow().id(), Participation.COORDINATION);
        JsonNode city = getJson("city.coord", drill);
        assertThat(city.get("page").get("total").asLong()).isEqualTo(2);
        assertThat(city.get("hidden").asInt()).isEqualTo(1);
        assertThat(city.get("page").get("items")).hasSize(1);
        JsonNode shown = city.get("page").get("items").get(0);
        assertThat(shown.get("caseId").asString()).isEqualTo(minor.value().toString());
        assertThat(shown.get("masked").asBoolean()).isTrue();
        assertThat(shown.get("subjectName").asString()).doesNotContain("吴统计");
        assertThat(city.toString()).doesNotContain(adult.value().toString());
        assertThat(mvc.perform(get(drill).with(actors.as("cx.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // The read of the list is audited as personal data, with the subject shown.
        Long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.list' AND purpose ="
                        + " 'api.listStatisticsCases'")
                .query(Long.class)
                .single();
        assertThat(audited).isPositive();
    }

    static JsonNode table(JsonNode report, String key) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("key").asString().equals(key)) {
                return t;
            }
        }
        throw new AssertionError("no table " + key);
    }

    static List<Long> cells(JsonNode table, String label) {
        for (JsonNode row : table.get("rows")) {
            if (row.get(0).asString().equals(label)) {
                List<Long> values = new ArrayList<>();
                for (int i = 1; i < row.size(); i++) {
                    values.add(row.get(i).asLong());
                }
                return values;
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    static Row findRow(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void badInputIsRefusedWithAStableCodeInTheCallersLanguage() throws Exception {
        MvcResult month = mvc.perform(get("/api/v1/statistics/monthly?month=2021-13")
                        .with(actors.as("city.coord"))
                        .header("Accept-Language", "en"))
                .andReturn();
        assertThat(month.getResponse().getStatus()).isEqualTo(400);
        assertThat(month.getResponse().getContentAsString())
                .contains("VALIDATION_FAILED")
                .contains("YYYY-MM");
        MvcResult format = mvc.perform(get("/api/v1/statistics/monthly?month=2021-05&format=doc")
                        .with(actors.as("city.coord")))
                .andReturn();
        assertThat(format.getResponse().getStatus()).isEqualTo(400);
        assertThat(format.getResponse().getContentAsString()).contains("json、xlsx 或 pdf");
        MvcResult future = mvc.perform(get("/api/v1/statistics/monthly?month=2099-01")
                        .with(actors.as("city.coord"))
                        .header("Accept-Language", "en"))
                .andReturn();
        assertThat(future.getResponse().getStatus()).isEqualTo(422);
        assertThat(future.getResponse().getContentAsString())
                .contains("STATISTICS_MONTH_NOT_STARTED")
                .contains("has not begun");
        MvcResult order = mvc.perform(get("/api/v1/statistics/scorecards?from=2021-05&to=2021-01")
                        .with(actors.as("city.coord")))
                .andReturn();
        assertThat(order.getResponse().getStatus()).isEqualTo(400);
        MvcResult district = mvc.perform(
                        get("/api/v1/statistics/dashboard?district=36990X").with(actors.as("city.coord")))
                .andReturn();
        assertThat(district.getResponse().getStatus()).isEqualTo(400);
        MvcResult elsewhere = mvc.perform(
                        get("/api/v1/statistics/dashboard?district=110101").with(actors.as("city.coord")))
                .andReturn();
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(404);
        MvcResult figure = mvc.perform(
                        get("/api/v1/statistics/cases?figure=EVERYTHING").with(actors.as("city.coord")))
                .andReturn();
        assertThat(figure.getResponse().getStatus()).isEqualTo(400);
        MvcResult county = mvc.perform(
                        get("/api/v1/statistics/dashboard?district=369900").with(actors.as("cd.county")))
                .andReturn();
        assertThat(county.getResponse().getStatus())
                .as("a county officer asking for the whole city")
                .isEqualTo(404);
    }
}
