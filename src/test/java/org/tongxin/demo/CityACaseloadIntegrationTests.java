package org.tongxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.Gender;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.Standing;
import org.tongxin.obligation.WaitReason;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;

/**
 * The City A caseload as the demo loads it (its own database and context, the real clock with the demo clock around
 * it, the generation in the background as at a first start): every intake state is there, work is due soon and
 * overdue with several agencies and escalated, rejected bundles wait for the court, every demo case user finds work or
 * copies, and the history lies in the past of the day it was loaded. Everything is read back through the modules'
 * own queries, as the demo users.
 */
// No web environment: outside a request the test thread reads as the application (row-level security's system scope).
// The replay holds the obligation clock's lock, and with it one connection, for its whole run: no leak.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "tongxin.demo-caseload=true",
            "tongxin.embedded.database=caseload",
            "spring.datasource.hikari.leak-detection-threshold=0"
        })
@ActiveProfiles("test")
class CityACaseloadIntegrationTests {

    static final List<String> COUNTY_OFFICERS = List.of("cd.county", "cx.county", "qs.county", "bh.county");

    /** Where a case's intake stands, as a user would name it. */
    enum IntakeState {
        ASSESSMENT_ENTRUSTED,
        OPINION_SUBMITTED,
        WITHDRAWN,
        DOCUMENTS_AWAITED,
        DOCUMENTS_DELIVERED,
        DOCUMENTS_REJECTED,
        DOCUMENTS_RECEIPTED,
        SUBJECT_AWAITED,
        SUBJECT_REPORTED,
        SUBJECT_MISSING,
        SUBJECT_TRANSFERRED,
        REGISTERED_INTAKE_PENDING,
        INTAKE_COMPLETE
    }

    @Autowired
    CityACaseload caseload;

    @Autowired
    org.tongxin.coordination.Conflicts conflicts;

    @Autowired
    org.tongxin.coordination.Meetings meetings;

    @Autowired
    org.tongxin.obligation.Inboxes inboxes;

    @Autowired
    CaseDirectory cases;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    Handovers handovers;

    @Autowired
    Documents documents;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.tongxin.shared.crypto.FieldCipher cipher;

    CityACaseload.Summary summary;
    /** Every case, with the county officer who sees it. */
    Map<CaseId, String> all;

    @BeforeEach
    void waitForTheCaseload() throws Exception {
        summary = caseload.completion().get(5, TimeUnit.MINUTES);
        all = new LinkedHashMap<>();
        for (String officer : COUNTY_OFFICERS) {
            actors.call(
                            officer,
                            () -> cases.search(
                                    new CaseSearch(null, null, null, null, null),
                                    new PageQuery(0, 100, "updated", true),
                                    "test"))
                    .items()
                    .forEach(c -> all.put(c.id(), officer));
        }
    }

    @Test
    void theGraduatedResponseStoriesLeaveAWarningAnArrestDecisionDueAndARevocationDelivered() {
        assertThat(jdbc.sql("""
            SELECT d.kind FROM assessment_decision d WHERE d.case_id IN
              (SELECT case_id FROM assessment_decision GROUP BY case_id HAVING count(*) FILTER (WHERE kind = 'REPRIMAND') = 2)
             ORDER BY d.decided_at\
            """).query(String.class).list()).containsExactly("REPRIMAND", "REPRIMAND", "WARNING");
        List<String> proposals = jdbc.sql("""
            SELECT p.status || '/' || p.arrest || '/' || c.status FROM assessment_proposal p JOIN casefile_case c ON c.id = p.case_id
             ORDER BY p.submitted_at\
            """).query(String.class).list();
        assertThat(proposals)
                .containsExactly(
                        "COMMITTED/EXECUTED/REVOKED",
                        "SUBMITTED/NONE/UNDER_CORRECTION",
                        "SUBMITTED/REQUESTED/UNDER_CORRECTION");
        assertThat(jdbc.sql("""
            SELECT o.status FROM obligation o JOIN assessment_proposal p ON p.id::text = o.instance
             WHERE o.step_id = 'revoke.arrest.decide' AND p.status = 'SUBMITTED'\
            """).query(String.class).list())
                .as("the court's 48 hours are running")
                .containsExactly("OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM document_file WHERE template IN ('WARNING_DECISION',"
                                + " 'REVOCATION_PROPOSAL')")
                        .query(Long.class)
                        .single())
                .as("5 warnings and 2 proposals, each with its PDF")
                .isEqualTo(7);
    }

    @Test
    void theAssessmentStoriesLeaveTwoLevelChangesAndACommutationAwaitingTheIntermediateCourt() {
        assertThat(jdbc.sql("""
            SELECT p.result || '/' || p.level_to || '/' || c.supervision_level FROM assessment_periodic p
              JOIN casefile_case c ON c.id = p.case_id WHERE p.plan_number IS NOT NULL ORDER BY p.recorded_at\
            """).query(String.class).list())
                .containsExactly("GOOD/LENIENT/LENIENT", "POOR/STRICT/STRICT");
        assertThat(jdbc.sql("""
            SELECT o.status || '/' || a.code FROM obligation o JOIN assessment_proposal p ON p.id::text = o.instance
              JOIN agency a ON a.id = o.owing_agency_id WHERE o.step_id = 'commutation.rule'\
            """).query(String.class).list())
                .as("the intermediate court's 30 days are running")
                .containsExactly("OPEN/A-COURT");
        assertThat(jdbc.sql("SELECT count(*) FROM document_file WHERE template = 'COMMUTATION_PROPOSAL'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    void theSupervisionStoriesHoldEveryStateOfDailySupervision() {
        java.time.LocalDate today = org.tongxin.shared.time.LegalTime.today(clock);
        String stories = "%城东刑初72__号";
        assertThat(jdbc.sql("""
            SELECT o.status FROM obligation o JOIN casefile_case c ON c.id = o.case_id
             WHERE c.case_number LIKE :n AND o.step_id = 'supervise.report'\
            """).param("n", stories).query(String.class).list())
                .as("reports on time, one late, the next ones due")
                .contains("FULFILLED", "OPEN")
                .containsAnyOf("FULFILLED_LATE", "OVERDUE");
        assertThat(jdbc.sql("SELECT status FROM supervision_leave l JOIN casefile_case c ON c.id = l.case_id WHERE"
                                + " c.case_number LIKE :n AND l.depart_on <= :today AND l.return_on >= :today")
                        .param("n", stories)
                        .param("today", today)
                        .query(String.class)
                        .list())
                .as("a subject on leave now")
                .containsExactly("APPROVED");
        assertThat(jdbc.sql("SELECT status FROM supervision_leave l JOIN casefile_case c ON c.id = l.case_id WHERE"
                                + " c.case_number LIKE :n AND l.return_on < :today")
                        .param("n", stories)
                        .param("today", today)
                        .query(String.class)
                        .list())
                .as("a subject overdue from leave")
                .containsExactly("RETURN_OVERDUE");
        assertThat(jdbc.sql("""
            SELECT p.state || '/' || a.code FROM supervision_place_change p JOIN casefile_case c ON c.id = p.case_id
              JOIN agency a ON a.id = c.county_agency_id WHERE c.case_number LIKE :n\
            """).param("n", stories).query(String.class).list())
                .as("moved to Chengxi, and to Xuhui in another region, which execute the cases")
                .containsExactlyInAnyOrder("REPORTED/CX-CCA", "REPORTED/XH-CCA");
        assertThat(jdbc.sql("""
            SELECT c.policy_region FROM casefile_case c JOIN agency a ON a.id = c.county_agency_id
             WHERE c.case_number LIKE :n AND a.code = 'XH-CCA'\
            """).param("n", stories).query(String.class).list())
                .as("the case moved to Xuhui follows the Shanghai-style model")
                .containsExactly("310000");
        assertThat(jdbc.sql("""
            SELECT m.ends_at FROM supervision_monitoring_period m JOIN casefile_case c ON c.id = m.case_id
             WHERE c.case_number LIKE :n AND m.state = 'APPROVED'\
            """)
                        .param("n", stories)
                        .query(java.sql.Timestamp.class)
                        .list())
                .as("one monitoring period about to expire")
                .singleElement()
                .satisfies(t -> assertThat(Duration.between(clock.instant(), t.toInstant()))
                        .isPositive()
                        .isLessThan(Duration.ofDays(7)));
        assertThat(jdbc.sql("""
            SELECT l.state FROM supervision_lost_contact l JOIN casefile_case c ON c.id = l.case_id
             WHERE c.case_number LIKE :n ORDER BY l.state\
            """).param("n", stories).query(String.class).list())
                .as("one found again, one still searched for")
                .containsExactly("FOUND", "SEARCHING");
        assertThat(jdbc.sql("""
            SELECT c.status || '/' || (k.notice_handover_id IS NOT NULL) FROM supervision_custody k JOIN casefile_case c ON c.id = k.case_id
             WHERE c.case_number LIKE :n\
            """).param("n", stories).query(String.class).list())
                .as("held by the police, notice given")
                .containsExactly("IN_CUSTODY/true");
    }

    @Test
    void theCaseloadIsGeneratedOnceInTheBackgroundWithNoStepRefused() throws Exception {
        assertThat(summary.complete()).isTrue();
        assertThat(summary.refused())
                .as("every scripted step was accepted by the application")
                .isZero();
        // A sealed minor's case (CPL art. 286) is found by no officer's search: counted from the table instead.
        int sealed = jdbc.sql(
                        "SELECT count(*) FROM casefile_case WHERE sealed_at IS NOT NULL AND case_number LIKE :number")
                .param("number", "%城东刑初7102号")
                .query(Integer.class)
                .single();
        assertThat(sealed).as("the demo's sealed minor's case").isEqualTo(1);
        assertThat(summary.cases()).isBetween(40, 80).isEqualTo(all.size() + sealed);
        assertThat(caseload.loading()).isFalse();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs())
                .as("the clock is back in the present")
                .isLessThan(Duration.ofSeconds(5));

        caseload.run(new DefaultApplicationArguments());
        assertThat(caseload.completion().get(1, TimeUnit.SECONDS).complete()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_case")
                        .query(Long.class)
                        .single())
                .as("a second start adds nothing")
                .isEqualTo(all.size() + sealed);
        assertThat(jdbc.sql("SELECT completed_at IS NOT NULL FROM demo_caseload")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theThreeCoordinationStoriesHaveTheirConflictsOnTheTimelineAndTheirJointMeetings() {
        var register = actors.call(
                        "city.coord",
                        () -> conflicts.search(
                                new org.tongxin.coordination.ConflictViews.ConflictSearch(null, null, null, null, null),
                                new PageQuery(0, 100, "raised", false),
                                "test"))
                .items();
        assertThat(register)
                .extracting(org.tongxin.coordination.ConflictViews.ConflictView::type)
                .contains(
                        org.tongxin.coordination.ConflictType.COMMUNICATION,
                                org.tongxin.coordination.ConflictType.DAILY_OPERATION,
                        org.tongxin.coordination.ConflictType.RESPONSIBILITY,
                                org.tongxin.coordination.ConflictType.CAPACITY);
        for (var conflict : register) {
            assertThat(conflict.caseId()).as("every story is about a case").isNotNull();
            assertThat(actors.call("cd.county", () -> cases.timeline(conflict.caseId())))
                    .extracting(TimelineItem::kind)
                    .as("the conflict point is marked on the timeline")
                    .contains("coordination.conflict-raised");
        }
        assertThat(actors.call(
                                "civil.worker",
                                () -> conflicts.search(
                                        new org.tongxin.coordination.ConflictViews.ConflictSearch(
                                                null, null, null, null, null),
                                        new PageQuery(0, 100, "raised", false),
                                        "test"))
                        .items())
                .as("civil affairs is a party to the capacity conflict only")
                .extracting(org.tongxin.coordination.ConflictViews.ConflictView::type)
                .containsExactly(org.tongxin.coordination.ConflictType.CAPACITY);

        var held = actors.call(
                "city.coord",
                () -> meetings.list(null, new PageQuery(0, 100, "scheduled", false))
                        .items());
        assertThat(held).hasSize(2);
        var earlier = actors.call("city.coord", () -> meetings.view(held.get(0).id()));
        assertThat(earlier.status()).isEqualTo(org.tongxin.coordination.MeetingStatus.CLOSED);
        assertThat(earlier.decisions())
                .extracting(org.tongxin.coordination.MeetingViews.DecisionView::done)
                .containsExactly(true, false);
        var later = actors.call("city.coord", () -> meetings.view(held.get(1).id()));
        assertThat(later.status()).isEqualTo(org.tongxin.coordination.MeetingStatus.HELD);
        assertThat(later.agenda())
                .extracting(org.tongxin.coordination.MeetingViews.AgendaItem::kind)
                .as("the conflict, a topic, and the two earlier decisions for review")
                .contains(
                        org.tongxin.coordination.MeetingViews.AgendaKind.CONFLICT,
                        org.tongxin.coordination.MeetingViews.AgendaKind.REVIEW);
        for (String worker : List.of("hrss.worker", "civil.worker")) {
            var inbox = actors.call(
                    worker,
                    () -> inboxes.inbox(
                                    new org.tongxin.obligation.Inboxes.InboxFilter(
                                            null, "meeting.decision", null, false, false),
                                    new PageQuery(0, 100, "due", false))
                            .items());
            assertThat(inbox).as(worker).hasSize(1);
            assertThat(inbox.get(0).caseId()).as("the decision names the case").isNotNull();
        }
    }

    @Test
    void everyIntakeStateIsThereInEveryCountyAndForEveryKindOfCorrection() {
        Map<IntakeState, Integer> states = new HashMap<>();
        all.forEach((id, officer) -> stateOf(id, officer).forEach(s -> states.merge(s, 1, Integer::sum)));
        assertThat(states.keySet()).containsExactlyInAnyOrder(IntakeState.values());
        assertThat(states.get(IntakeState.WITHDRAWN)).as("a few withdrawn").isBetween(2, 5);

        List<CaseFacts> facts =
                all.keySet().stream().map(id -> cases.facts(id).orElseThrow()).toList();
        // The four counties of City A, and Xuhui (Shanghai) where a supervision story moved a case.
        assertThat(facts.stream()
                        .map(f -> agencies.get(f.countyAgencyId()).code())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("CD-CCA", "CX-CCA", "QS-CCA", "BH-CCA", "XH-CCA");
        assertThat(facts.stream()
                        .map(CaseFacts::correctionType)
                        .filter(t -> t != null)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CorrectionType.values());
        assertThat(facts.stream()
                        .filter(f -> f.correctionType() == CorrectionType.TEMPORARY_EXECUTION)
                        .map(f -> agencies.get(f.handoverInstitutionId()).code())
                        .collect(Collectors.toSet()))
                .as("handed over by prison, detention centre and police")
                .contains("A-PRISON", "A-DC", "CD-PSB");
        assertThat(facts).filteredOn(CaseFacts::minorAtOffence).hasSizeGreaterThanOrEqualTo(3);
        List<CaseFacts> women =
                facts.stream().filter(f -> f.subjectGender() == Gender.FEMALE).toList();
        assertThat(women).hasSizeGreaterThanOrEqualTo(5);
        for (CaseFacts woman : women) {
            List<TeamMember> team = actors.call(all.get(woman.id()), () -> cases.team(woman.id()));
            if (!team.isEmpty()) {
                assertThat(team).as("a woman's team includes a woman").anyMatch(m -> m.gender() == Gender.FEMALE);
            }
        }
    }

    @Test
    void workIsDueSoonAndOverdueWithSeveralAgenciesAndWhatIsOverdueIsEscalated() {
        Instant now = clock.instant();
        List<ObligationView> pending =
                obligations().stream().filter(o -> o.status().pending()).toList();
        Set<String> overdue = pending.stream()
                .filter(o -> o.status() == ObligationStatus.OVERDUE)
                .map(o -> code(o.owingAgencyId()))
                .collect(Collectors.toSet());
        Set<String> dueSoon = pending.stream()
                .filter(o -> o.dueSoon(now))
                .map(o -> code(o.owingAgencyId()))
                .collect(Collectors.toSet());
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(5).contains("CD-CCA", "CX-CCA", "BH-CCA", "CX-COURT");
        assertThat(dueSoon)
                .as("the assessments due in two working days, in each county")
                .contains("CD-CCA", "CX-CCA", "QS-CCA", "BH-CCA");
        assertThat(pending)
                .as("the ledger is today's truth: nothing open is past its due time")
                .noneMatch(o -> o.status() == ObligationStatus.OPEN
                        && o.dueAt() != null
                        && o.dueAt().isBefore(now.minusSeconds(60)));
        // The coordination office's own overdue work (a conflict's first response) has nobody above it.
        // What waits for another organ or is the subject's own step is not escalated as the owing agency's idling (ADR
        // 0039).
        assertThat(pending)
                .filteredOn(o -> o.status() == ObligationStatus.OVERDUE
                        && !code(o.owingAgencyId()).equals("A-COORD")
                        && o.actionable())
                .allSatisfy(o -> assertThat(o.escalationLevel()).as(o.stepId()).isPositive())
                .anySatisfy(o -> assertThat(o.escalationLevel())
                        .as("escalated on to the coordination office")
                        .isEqualTo(2));
        assertThat(pending)
                .filteredOn(o -> o.stepId().equals("assess.complete"))
                .anyMatch(o -> o.status() == ObligationStatus.OVERDUE)
                .anyMatch(o -> o.dueSoon(now));
        assertThat(pending)
                .filteredOn(o -> o.stepId().equals("docs.deliver"))
                .anyMatch(o -> o.status() == ObligationStatus.OVERDUE);
        assertThat(pending)
                .as("a missing subject's notice still owed")
                .anyMatch(o -> o.stepId().equals("report.missed"));
        assertThat(pending)
                .filteredOn(o -> o.stepId().startsWith("transfer."))
                .extracting(o -> code(o.owingAgencyId()))
                .contains("A-PRISON", "A-DC");
    }

    @Test
    void rejectedBundlesWaitForTheCourtsSupplementSomeOfThemOverdue() {
        List<HandoverView> rejected = new ArrayList<>();
        all.forEach((id, officer) -> actors.call(officer, () -> handovers.ofCase(id)).stream()
                .filter(h -> h.kind() == HandoverKind.LEGAL_DOCUMENTS && h.status() == HandoverStatus.REJECTED)
                .forEach(rejected::add));
        assertThat(rejected).hasSizeGreaterThanOrEqualTo(3);
        List<ObligationView> supplements = obligations().stream()
                .filter(o -> o.stepId().equals("docs.supplement"))
                .toList();
        assertThat(supplements)
                .anyMatch(o -> o.status() == ObligationStatus.OVERDUE)
                .anyMatch(o -> o.status() == ObligationStatus.OPEN)
                .anyMatch(o -> o.status() == ObligationStatus.FULFILLED);
        assertThat(obligations())
                .filteredOn(o -> o.stepId().equals("docs.receipt"))
                .as("the receipt clock stops while the court supplements")
                .anyMatch(o -> o.status() == ObligationStatus.PAUSED);
    }

    @Test
    void theCountyAgencysInboxShowsWhatWaitsForTheCourtApartFromItsOwnWork() {
        List<ObligationView> waiting = actors.call(
                "cd.county",
                () -> inboxes.inbox(
                                new Inboxes.InboxFilter(null, null, null, false, false, Inboxes.InboxView.WAITING),
                                new PageQuery(0, 100, null, false))
                        .items());
        assertThat(waiting)
                .as("documents returned to the court for correction")
                .anyMatch(o -> o.stepId().equals("docs.receipt")
                        && o.waitReason().orElseThrow() == WaitReason.DOCUMENTS_CORRECTION)
                .as("a subject who reported before the court delivered: registration not started")
                .anyMatch(o -> o.stepId().equals("intake.register") && o.standing() == Standing.NOT_STARTED)
                .as("the subjects' own steps")
                .anyMatch(o -> o.standing() == Standing.WAITING_FOR_SUBJECT)
                .noneMatch(ObligationView::actionable);
        Inboxes.InboxCounts counts = actors.call("cd.county", inboxes::counts);
        assertThat(counts.pending()).isEqualTo(counts.toDo() + counts.waiting() + counts.awaitingSubject());
        assertThat(counts.waiting()).isPositive();
    }

    @Test
    void everyDemoCaseUserFindsWorkInTheInboxOrCopies() {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String user : List.of("cd.court.clerk", "cd.county", "cd.dm", "cd.proc", "cd.police", "prison.officer")) {
            AgencyId agency = actors.user(user).agencyId();
            boolean inbox = obligations().stream()
                    .anyMatch(o -> o.status().pending() && o.owingAgencyId().equals(agency));
            boolean copies = !actors.call(user, () -> handovers.copiesToMe(new PageQuery(0, 10, null, false)))
                    .items()
                    .isEmpty();
            found.put(user, inbox || copies);
        }
        assertThat(found).allSatisfy((user, any) -> assertThat(any).as(user).isTrue());
    }

    @Test
    void assistanceReferralsWaitInEveryStateForTheDepartmentsAndOneDeclineHasItsReason() {
        List<String> states = jdbc.sql("SELECT status FROM assistance_referral ORDER BY made_at")
                .query(String.class)
                .list();
        assertThat(states).contains("DELIVERED", "DECLINED", "IN_PROGRESS", "ACCEPTED", "WAITING");
        assertThat(jdbc.sql("SELECT decline_reason_enc FROM assistance_referral WHERE status = 'DECLINED'")
                        .query(byte[].class)
                        .list())
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(cipher.decrypt(reason, "assistance_referral.decline_reason"))
                        .hasSizeGreaterThanOrEqualTo(10));
        for (String caseworker : List.of("civil.worker", "hrss.worker", "sw.heart")) {
            AgencyId agency = actors.user(caseworker).agencyId();
            assertThat(jdbc.sql("SELECT count(*) FROM assistance_referral WHERE to_agency_id = :a")
                            .param("a", agency.value())
                            .query(Long.class)
                            .single())
                    .as(caseworker)
                    .isPositive();
        }
        AgencyId civil = actors.user("civil.worker").agencyId();
        assertThat(obligations().stream()
                        .filter(o ->
                                o.owingAgencyId().equals(civil) && o.status().pending())
                        .map(o -> o.stepId()))
                .as("civil affairs' inbox")
                .contains("assist.answer", "assist.progress");
    }

    @Test
    void theHistoryLiesInThePastOfTheDayItWasLoadedWithRealDocumentsAndActors() {
        LocalDate today = LegalTime.today(clock);
        List<TimelineItem> history = new ArrayList<>();
        CaseId complete = null;
        for (Map.Entry<CaseId, String> c : all.entrySet()) {
            history.addAll(actors.call(c.getValue(), () -> cases.timeline(c.getKey())));
            if (cases.facts(c.getKey()).orElseThrow().intakeComplete()) {
                complete = c.getKey();
            }
        }
        LocalDate first = history.stream()
                .map(t -> LegalTime.dateOf(t.occurredAt()))
                .min(LocalDate::compareTo)
                .orElseThrow();
        assertThat(first).isBetween(today.minusDays(120), today.minusDays(60));
        assertThat(history).allSatisfy(t -> assertThat(t.occurredAt()).isBefore(clock.instant()));
        assertThat(history.stream()
                        .map(t -> LegalTime.dateOf(t.occurredAt()))
                        .distinct()
                        .count())
                .as("spread over many days")
                .isGreaterThan(30);
        assertThat(history)
                .filteredOn(t -> t.kind().equals("case.decided"))
                .allSatisfy(t -> assertThat(t.actorName())
                        .as("decided by a demo judge or officer, not the system")
                        .isNotEqualTo("system"));

        assertThat(complete).isNotNull();
        CaseId done = complete;
        assertThat(documents.ofCase(done.value()).stream().map(DocumentInfo::template))
                .contains(
                        DocumentTemplate.REPORTING_NOTICE,
                        DocumentTemplate.RECEIPT,
                        DocumentTemplate.ENTRY_ANNOUNCEMENT);
        List<TimelineItem> timeline = actors.call(all.get(done), () -> cases.timeline(done));
        assertThat(timeline)
                .extracting(TimelineItem::kind)
                .contains(
                        "case.decided",
                        "handover.receipted",
                        "case.registered",
                        "team.formed",
                        "plan.made",
                        "entry.announced");
        assertThat(jdbc.sql("SELECT count(DISTINCT actor_user_id) FROM audit_record WHERE action LIKE 'case.%'")
                        .query(Long.class)
                        .single())
                .as("the demo users acted, each under their own name")
                .isGreaterThan(15);
    }

    private List<IntakeState> stateOf(CaseId id, String officer) {
        CaseFacts f = cases.facts(id).orElseThrow();
        List<IntakeState> states = new ArrayList<>();
        switch (f.status()) {
            case ASSESSING ->
                states.add(
                        actors.call(officer, () -> handovers.ofCase(id)).stream()
                                        .anyMatch(h -> h.kind() == HandoverKind.ASSESSMENT_OPINION)
                                ? IntakeState.OPINION_SUBMITTED
                                : IntakeState.ASSESSMENT_ENTRUSTED);
            case WITHDRAWN -> states.add(IntakeState.WITHDRAWN);
            case INTAKE -> {
                states.add(
                        switch (f.documentsState()) {
                            case AWAITED -> IntakeState.DOCUMENTS_AWAITED;
                            case DELIVERED -> IntakeState.DOCUMENTS_DELIVERED;
                            case REJECTED -> IntakeState.DOCUMENTS_REJECTED;
                            case RECEIPTED -> IntakeState.DOCUMENTS_RECEIPTED;
                        });
                states.add(
                        switch (f.arrivalState()) {
                            case AWAITED -> IntakeState.SUBJECT_AWAITED;
                            case REPORTED -> IntakeState.SUBJECT_REPORTED;
                            case MISSING -> IntakeState.SUBJECT_MISSING;
                            case TRANSFERRED -> IntakeState.SUBJECT_TRANSFERRED;
                        });
            }
            case UNDER_CORRECTION ->
                states.add(f.intakeComplete() ? IntakeState.INTAKE_COMPLETE : IntakeState.REGISTERED_INTAKE_PENDING);
            default -> {}
        }
        assertThat(f.documentsState() == DocumentsState.RECEIPTED || f.status() != CaseStatus.UNDER_CORRECTION)
                .isTrue();
        assertThat(f.arrivalState() != ArrivalState.MISSING || f.status() == CaseStatus.INTAKE)
                .isTrue();
        return states;
    }

    private List<ObligationView> obligations() {
        return all.keySet().stream().flatMap(id -> ledger.forCase(id).stream()).toList();
    }

    private String code(AgencyId id) {
        return agencies.get(id).code();
    }
}
