package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.document.PdfText;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.internal.CaseEnding;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The end of correction as a scenario on the ledger (CCL arts. 44, 45; IM arts. 53–56): the warning a month before the
 * term ends, the announcement on its last day, the certificate and the notice to the decision organ with copies, the
 * archive of the case's open obligations, the death and its notice, and the "released" figure of the statistics.
 */
@IntegrationTest
class TerminationIntegrationTests {

    @Autowired
    Termination termination;

    @Autowired
    TerminationProcedure procedure;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

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
    EventQuiescence reactions;

    @Autowired
    CaseSteps caseSteps;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).as("status of %s", e.code()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    ObligationView step(CaseId id, String step) {
        reactions.awaitAll(Duration.ofSeconds(30));
        return ledger.find(id, step, "").orElseThrow(() -> new AssertionError(step + " not opened"));
    }

    /** A commutation ruling brings the term's last day to {@code end} (the real transition; the tests' only shortcut). */
    void termEndsOn(CaseId id, LocalDate end) {
        management.changeTermEnd(id, end, fixtures.agency("CD-COURT"));
    }

    @Test
    void aTermEndingIsWarnedAnnouncedCertifiedNotifiedAndArchived() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("江海", Gender.MALE));
        LocalDate today = fixtures.today();
        termEndsOn(id, today.plusMonths(1));
        procedure.scan();
        assertThat(step(id, Steps.EXPIRY_WARNING).status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(ledger.find(id, Steps.END_ANNOUNCE, ""))
                .as("not before the last day")
                .isEmpty();

        fixtures.as("cd.county", () -> termination.warnExpiry(id));
        assertThat(step(id, Steps.EXPIRY_WARNING).status()).isEqualTo(ObligationStatus.FULFILLED);
        refused(() -> fixtures.as("cd.county", () -> termination.warnExpiry(id)), 409, "EXPIRY_ALREADY_WARNED");
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as(
                        "cd.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today)),
                422,
                "TERM_NOT_EXPIRED");
        refused(
                () -> fixtures.as("cd.proc", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today)),
                403,
                "NOT_CASE_TEAM");
        refused(
                () -> fixtures.as(
                        "cx.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today)),
                404,
                "NOT_FOUND");
        assertThat(fixtures.status(id)).as("refusals change nothing").isEqualTo(CaseStatus.UNDER_CORRECTION);

        termEndsOn(id, today);
        procedure.scan();
        assertThat(step(id, Steps.END_ANNOUNCE).status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(step(id, Steps.TEAM).status()).as("intake's team still owed").isEqualTo(ObligationStatus.OPEN);
        int current = fixtures.version(id);
        refused(
                () -> fixtures.as(
                        "cd.county", () -> termination.terminate(id, current - 1, TerminationReason.EXPIRY, today)),
                409,
                "STALE_VERSION");
        refused(() -> fixtures.as("cd.county", () -> termination.certify(id)), 409, "ENDING_NOT_TERMINATION");
        fixtures.as("cd.county", () -> termination.terminate(id, current, TerminationReason.EXPIRY, today));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.TERMINATED);
        assertThat(step(id, Steps.END_ANNOUNCE).status()).isEqualTo(ObligationStatus.FULFILLED);
        ObligationView team = step(id, Steps.TEAM);
        assertThat(team.status()).as("open obligations archived").isEqualTo(ObligationStatus.WAIVED);
        assertThat(team.waiverReason()).contains("社区矫正已终止");
        assertThat(step(id, Steps.CERTIFY).status()).isEqualTo(ObligationStatus.OPEN);
        int ended = fixtures.version(id);
        refused(
                () -> fixtures.as("cd.county", () -> management.assignOffice(id, ended, fixtures.agency("CD-SO-DM"))),
                409,
                "CASE_NOT_IN_INTAKE");

        refused(() -> fixtures.as("cd.dm", () -> termination.certify(id)), 404, "NOT_FOUND");
        HandoverId notice = fixtures.as("cd.county", () -> termination.certify(id));
        assertThat(step(id, Steps.CERTIFY).status()).isEqualTo(ObligationStatus.FULFILLED);
        HandoverView h = fixtures.as("cd.county", () -> handovers.view(notice));
        assertThat(h.kind()).isEqualTo(HandoverKind.TERMINATION_NOTICE);
        assertThat(h.receiverAgencyId()).isEqualTo(fixtures.agency("CD-COURT"));
        assertThat(h.copies()).hasSize(2);
        var certificate = documents.ofCase(id.value()).stream()
                .filter(d -> d.template() == DocumentTemplate.TERMINATION_CERTIFICATE)
                .findFirst()
                .orElseThrow();
        String text = PdfText.of(documents.content(certificate.id()));
        assertThat(text).contains("解除社区矫正证明书", "江海", "社区矫正期满", "第四十四条");
        refused(() -> fixtures.as("cd.county", () -> termination.certify(id)), 409, "ALREADY_NOTIFIED");

        var ending = fixtures.as("cd.court.clerk", () -> termination.ending(id)).orElseThrow();
        assertThat(ending.kind()).isEqualTo(CaseEnding.Kind.TERMINATED);
        assertThat(ending.endedOn()).isEqualTo(today);
        assertThat(ending.handoverId()).isEqualTo(notice.value());
        List<String> timeline = fixtures.as("cd.proc", () -> directory.timeline(id)).stream()
                .map(t -> t.kind())
                .toList();
        assertThat(timeline).contains("termination.certified", "termination.expiry.warned");
        assertThat(jdbc.sql("SELECT released_at IS NOT NULL FROM statistics_case WHERE case_id = :c")
                        .param("c", id.value())
                        .query(Boolean.class)
                        .single())
                .as("the released figure counts it")
                .isTrue();
    }

    @Test
    void aDeathEndsTheCaseAndTheDecisionOrganIsNotifiedWithinFiveDays() {
        CaseId id = fixtures.underCorrection(fixtures.adult("白松", Gender.MALE));
        // The steps the case's intake opens are open before the death is recorded; one a late reaction opens after the
        // ending is checked below.
        assertThat(reactions.awaitAll(Duration.ofSeconds(30))).isTrue();
        LocalDate yesterday = fixtures.today().minusDays(1);
        int version = fixtures.version(id);
        refused(() -> fixtures.as("cd.dm", () -> termination.recordDeath(id, version, yesterday)), 404, "NOT_FOUND");
        refused(() -> fixtures.as("cd.county", () -> termination.notifyDeath(id)), 409, "ENDING_NOT_DEATH");
        refused(
                () -> fixtures.as(
                        "cd.county",
                        () -> termination.recordDeath(
                                id, version, fixtures.today().plusDays(1))),
                400,
                "VALIDATION_FAILED");
        fixtures.as("cd.county", () -> termination.recordDeath(id, version, yesterday));
        // The archive (waiving what is left open) is the ending's reaction, committed after the command.
        assertThat(reactions.awaitAll(Duration.ofSeconds(30))).isTrue();
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.DECEASED);
        ObligationView notify = step(id, Steps.DEATH_NOTIFY);
        assertThat(notify.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(notify.dueDate())
                .isAfter(fixtures.today().plusDays(4))
                .isBefore(fixtures.today().plusDays(10));
        assertThat(step(id, Steps.TEAM).status()).isEqualTo(ObligationStatus.WAIVED);
        // A reaction that comes late (a missed report's next due one, a procuratorial opinion's reply) opens its step
        // after
        // the ending: the case's work lapses at once, the reply the law still owes the procuratorate stays open.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM obligation_signal WHERE case_id = :c AND kind = 'LAPSE_ALL'")
                                        .param("c", id.value())
                                        .query(Long.class)
                                        .single()
                                == 1);
        var facts = directory.facts(id).orElseThrow();
        caseSteps.open(facts, "supervise.report", "late", clock.instant(), null, null);
        String opinion = java.util.UUID.randomUUID().toString();
        caseSteps.open(
                facts,
                "procuratorate.reply",
                opinion,
                clock.instant(),
                facts.countyAgencyId(),
                facts.procuratorateId());
        ObligationView late = ledger.find(id, "supervise.report", "late").orElseThrow();
        assertThat(late.status()).as("a step opened after the ending lapses").isEqualTo(ObligationStatus.WAIVED);
        assertThat(late.waiverReason()).contains("社区矫正已终止");
        assertThat(ledger.find(id, "procuratorate.reply", opinion).orElseThrow().status())
                .as("the law keeps the reply")
                .isEqualTo(ObligationStatus.OPEN);
        assertThat(step(id, Steps.DEATH_NOTIFY).status()).isEqualTo(ObligationStatus.OPEN);
        refused(() -> fixtures.as("cd.county", () -> termination.certify(id)), 409, "ENDING_NOT_TERMINATION");
        HandoverId notice = fixtures.as("cd.county", () -> termination.notifyDeath(id));
        assertThat(step(id, Steps.DEATH_NOTIFY).status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(fixtures.as("cd.county", () -> handovers.view(notice)).kind())
                .isEqualTo(HandoverKind.DEATH_NOTICE);
        assertThat(PdfText.of(documents.content(documents.ofCase(id.value()).stream()
                        .filter(d -> d.template() == DocumentTemplate.DEATH_NOTICE)
                        .findFirst()
                        .orElseThrow()
                        .id())))
                .contains("社区矫正对象死亡通知书", "白松", "第四十五条");
        var ending = fixtures.as("cd.county", () -> termination.ending(id)).orElseThrow();
        assertThat(ending.kind()).isEqualTo(CaseEnding.Kind.DECEASED);
        assertThat(ending.endedOn()).isEqualTo(yesterday);
    }
}
