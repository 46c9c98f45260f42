package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverSummary;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * One case from the court's entrustment to the entry announcement across court, county agency, judicial office,
 * procuratorate and police, through the modules' own commands, with the ledger checked after each step against the
 * legal due dates (the 2025 National Day holiday lies inside every period).
 */
@IntegrationTest
class IntakeJourneyIntegrationTests {

    static final ZonedDateTime FRIDAY_BEFORE_NATIONAL_DAY = ZonedDateTime.of(2025, 9, 26, 10, 0, 0, 0, LegalTime.ZONE);

    @Autowired
    Intake intake;

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    CaseDirectory cases;

    @Autowired
    Handovers handovers;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    Documents documents;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    EventQuiescence events;

    @Autowired
    Actors actors;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProbationCaseGoesFromEntrustmentToEntryAnnouncementWithEveryObligationOnTime() {
        clock.setInstant(FRIDAY_BEFORE_NATIONAL_DAY.toInstant());
        AgencyId court = agency("CD-COURT");
        AgencyId county = agency("CD-CCA");
        AgencyId office = agency("CD-SO-DM");

        // The court entrusts the assessment: 10 working days from delivery, across the holiday.
        CaseId caseId = actors.call(
                "cd.court.clerk",
                () -> intake.entrust(new Entrustment(
                        subject(),
                        offence(),
                        null,
                        false,
                        "（2025）城东刑初901号",
                        "王书记员",
                        List.of(new NewItem(ItemCode.CASE_MATERIALS, "起诉书副本", null)))));
        settle();
        ObligationView assess = obligation(caseId, Steps.ASSESS);
        assertThat(assess.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(assess.owingAgencyId()).isEqualTo(county);
        assertThat(assess.counterpartyAgencyId()).isEqualTo(court);
        assertThat(assess.dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));
        assertThat(templates(caseId)).contains(DocumentTemplate.ENTRUSTMENT_LETTER);

        // The county agency submits its opinion, copied to the procuratorate of its place.
        clock.advance(Duration.ofDays(3));
        actors.call(
                "cd.county",
                () -> intake.submitOpinion(
                        caseId, new Opinion("走访社区、家属及单位，表现良好，居所固定。", Recommendation.SUITABLE, "符合社区矫正条件", "李矫正官")));
        settle();
        assertThat(obligation(caseId, Steps.ASSESS).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(copiesOf("cd.proc")).anyMatch(h -> h.caseId().equals(caseId));

        // The court decides probation, effective today: notification, delivery and reporting run 10 / 5 days.
        actors.run(
                "cd.court.clerk",
                () -> caseManagement.decide(
                        caseId,
                        cases.version(caseId),
                        new DecisionData(
                                CorrectionType.PROBATION,
                                "（2025）城东刑初901号",
                                LocalDate.of(2025, 9, 26),
                                LocalDate.of(2025, 9, 29),
                                LocalDate.of(2025, 9, 29),
                                LocalDate.of(2026, 9, 28),
                                null,
                                false,
                                null)));
        settle();
        assertThat(obligation(caseId, Steps.PLACE).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(obligation(caseId, Steps.INFORM).status()).isEqualTo(ObligationStatus.FULFILLED);
        // 29 Sep + 5 days = 4 Oct, a holiday: the period ends on the first working day after it, 9 Oct.
        assertThat(obligation(caseId, Steps.NOTIFY).dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        // 29 Sep + 10 days = 9 Oct, a working day.
        assertThat(obligation(caseId, Steps.DELIVER).dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        ObligationView report = obligation(caseId, Steps.REPORT);
        assertThat(report.owedBySubject()).isTrue();
        assertThat(report.owingAgencyId())
                .as("the county agency watches the subject's step")
                .isEqualTo(county);
        assertThat(report.dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(templates(caseId)).contains(DocumentTemplate.REPORTING_NOTICE);

        // The court delivers the documents with copies to the procuratorate and the police.
        HandoverId bundle = actors.call(
                "cd.court.clerk",
                () -> intake.deliverDocuments(
                        caseId,
                        new Delivery(
                                List.of(
                                        new NewItem(ItemCode.DECISION_DOCUMENT, "（2025）城东刑初901号刑事判决书", null),
                                        new NewItem(ItemCode.EXECUTION_NOTICE, null, null)),
                                null)));
        settle();
        assertThat(obligation(caseId, Steps.DELIVER).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(obligation(caseId, Steps.NOTIFY).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(obligation(caseId, Steps.RECEIPT).owingAgencyId()).isEqualTo(county);
        assertThat(copiesOf("cd.proc")).anyMatch(h -> h.id().equals(bundle));
        assertThat(copiesOf("cd.police")).anyMatch(h -> h.id().equals(bundle));
        assertThat(facts(caseId).documentsState()).isEqualTo(DocumentsState.DELIVERED);

        // The county agency finds the guarantee missing: the receipt clock stops, the court owes a supplement.
        actors.run(
                "cd.county",
                () -> handovers.reject(
                        bundle,
                        version(bundle, "cd.county"),
                        List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, "缺接受社区矫正保证书")),
                        null));
        settle();
        assertThat(obligation(caseId, Steps.RECEIPT).status()).isEqualTo(ObligationStatus.PAUSED);
        ObligationView supplement = ledger.find(caseId, Steps.SUPPLEMENT, "1").orElseThrow();
        assertThat(supplement.owingAgencyId()).isEqualTo(court);
        assertThat(facts(caseId).documentsState()).isEqualTo(DocumentsState.REJECTED);

        clock.advance(Duration.ofDays(1));
        actors.run(
                "cd.court.clerk",
                () -> handovers.supplement(
                        bundle,
                        version(bundle, "cd.court.clerk"),
                        List.of(new NewItem(ItemCode.GUARANTEE, "接受社区矫正保证书", null)),
                        "补送保证书"));
        settle();
        assertThat(ledger.find(caseId, Steps.SUPPLEMENT, "1").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(obligation(caseId, Steps.RECEIPT).status()).isEqualTo(ObligationStatus.OPEN);

        actors.run("cd.county", () -> handovers.receipt(bundle, version(bundle, "cd.county"), null));
        settle();
        assertThat(obligation(caseId, Steps.RECEIPT).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(facts(caseId).documentsState()).isEqualTo(DocumentsState.RECEIPTED);
        assertThat(actors.call("cd.proc", () -> handovers.view(bundle)).receiptDocumentId())
                .isNotNull();
        assertThat(actors.call("cd.proc", () -> handovers.view(bundle)).rounds())
                .hasSize(2);

        // The subject reports in; the county agency assigns the office and registers.
        actors.run("cd.county", () -> caseManagement.recordArrival(caseId, cases.version(caseId), false, null));
        settle();
        assertThat(obligation(caseId, Steps.REPORT).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(facts(caseId).arrivalState()).isEqualTo(ArrivalState.REPORTED);
        actors.run("cd.county", () -> caseManagement.assignOffice(caseId, cases.version(caseId), office));
        actors.run("cd.county", () -> caseManagement.register(caseId, cases.version(caseId)));
        settle();
        assertThat(obligation(caseId, Steps.REGISTER).status()).isEqualTo(ObligationStatus.FULFILLED);
        for (String step : List.of(Steps.TEAM, Steps.PLAN, Steps.ANNOUNCE)) {
            assertThat(obligation(caseId, step).owingAgencyId())
                    .as(step + " entrusted to the office")
                    .isEqualTo(office);
        }
        LocalDate registered = LegalTime.dateOf(clock.instant());
        assertThat(obligation(caseId, Steps.PLAN).dueDate())
                .as("City A: one month")
                .isAfterOrEqualTo(registered.plusMonths(1));

        // The judicial office forms the team, makes the plan and holds the announcement.
        actors.run(
                "cd.dm",
                () -> caseManagement.formTeam(
                        caseId,
                        cases.version(caseId),
                        List.of(
                                new TeamMember("赵所长", TeamRole.OFFICE_STAFF, Gender.MALE, office),
                                new TeamMember("钱主任", TeamRole.COMMITTEE, Gender.FEMALE, null))));
        actors.run(
                "cd.dm",
                () -> caseManagement.makePlan(caseId, cases.version(caseId), "每月到司法所报告一次，参加教育学习和公益活动，由社区网格员日常走访。"));
        actors.run(
                "cd.dm",
                () -> caseManagement.announce(
                        caseId, cases.version(caseId), new AnnouncementData(clock.instant(), "东门街道司法所", "矫正小组成员、家属")));
        settle();
        Map<String, ObligationView> all = ledger.forCase(caseId).stream()
                .collect(Collectors.toMap(o -> o.stepId() + "#" + o.instance(), Function.identity()));
        assertThat(all.values())
                .allSatisfy(o -> assertThat(o.status()).as(o.stepId()).isEqualTo(ObligationStatus.FULFILLED));
        assertThat(all)
                .containsKeys(
                        "assess.complete#", "docs.receipt#", "docs.supplement#1", "plan.make#", "intake.announce#");
        assertThat(facts(caseId).status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(templates(caseId))
                .contains(
                        DocumentTemplate.RECEIPT,
                        DocumentTemplate.ASSESSMENT_OPINION,
                        DocumentTemplate.ENTRY_ANNOUNCEMENT);

        // The procuratorate follows the case on its timeline: the deliveries and the receipt, nothing hidden from it.
        List<String> kinds = actors.call("cd.proc", () -> cases.timeline(caseId)).stream()
                .map(t -> t.kind())
                .toList();
        assertThat(kinds)
                .contains("handover.delivered", "handover.rejected", "handover.supplemented", "handover.receipted");
        assertThat(actors.call("cd.police", () -> handovers.ofCase(caseId)))
                .extracting(h -> h.status())
                .containsOnly(HandoverStatus.RECEIPTED);
        assertThat(actors.call("cd.dm", () -> handovers.ofCase(caseId)))
                .as("the assigned office sees the documents its county received")
                .extracting(h -> h.kind())
                .containsExactly(org.tongxin.exchange.HandoverKind.LEGAL_DOCUMENTS);
        assertThat(actors.call("cd.proc", () -> handovers.ofCase(caseId)))
                .extracting(h -> h.kind())
                .containsExactly(
                        org.tongxin.exchange.HandoverKind.ASSESSMENT_OPINION,
                        org.tongxin.exchange.HandoverKind.LEGAL_DOCUMENTS);
    }

    private void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("reactions to the last change completed")
                .isTrue();
    }

    private ObligationView obligation(CaseId caseId, String step) {
        return ledger.find(caseId, step, "").orElseThrow(() -> new AssertionError("no obligation " + step));
    }

    private int version(HandoverId id, String username) {
        return actors.call(username, () -> handovers.view(id)).version();
    }

    private List<HandoverSummary> copiesOf(String username) {
        return actors.call(username, () -> handovers.copiesToMe(new PageQuery(0, 100, null, false)))
                .items();
    }

    private List<DocumentTemplate> templates(CaseId caseId) {
        return documents.ofCase(caseId.value()).stream()
                .map(DocumentInfo::template)
                .toList();
    }

    private org.tongxin.casefile.CaseViews.CaseFacts facts(CaseId caseId) {
        return cases.facts(caseId).orElseThrow();
    }

    private AgencyId agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    static SubjectData subject() {
        LocalDate birth = LocalDate.of(1990, 3, 12);
        String id = IdentityNumbers.compose("369902", birth, 17, Gender.MALE);
        return new SubjectData(
                "孙志远",
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                id,
                birth,
                "13800001111",
                "369902001",
                "城东区东门街道和平路 18 号",
                null,
                null,
                null,
                null);
    }

    static OffenceData offence() {
        return new OffenceData(
                OffenceCategory.DANGEROUS_DRIVING,
                "醉酒驾驶机动车，血液酒精含量 180mg/100ml。",
                LocalDateTime.of(2025, 6, 1, 23, 0).toLocalDate(),
                java.util.List.of("危险驾驶罪"));
    }
}
