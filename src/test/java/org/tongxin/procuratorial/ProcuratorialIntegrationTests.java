package org.tongxin.procuratorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procuratorial.ProcuratorialSupervision.NewOpinion;
import org.tongxin.procuratorial.ProcuratorialSupervision.OpinionView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Procuratorial supervision as a scenario (CCL art. 62): the copied procuratorate issues a correction opinion about the
 * county agency's receipt; the county agency owes the written reply within City A's 15 days on the ledger; it replies;
 * the opinion and reply are on the timeline; the words are read only by the procuratorate and the addressed unit.
 */
@IntegrationTest
class ProcuratorialIntegrationTests {

    @Autowired
    ProcuratorialSupervision supervision;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    ObligationLedger ledger;

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

    @Test
    void anOpinionIsOwedAWrittenReplyWithinTheRegionsPeriodAndShowsOnTheTimeline() {
        CaseId id = fixtures.underCorrection(fixtures.adult("宋河", Gender.MALE));
        reactions.awaitAll(Duration.ofSeconds(30));
        AgencyId county = fixtures.agency("CD-CCA");
        String words = "社区矫正对象报到后未及时组织入矫宣告，请依法纠正并书面回复";
        NewOpinion opinion = new NewOpinion(OpinionKind.CORRECTION_OPINION, county, "intake.announce", null, words);

        refused(() -> fixtures.as("cd.police", () -> supervision.issue(id, opinion)), 403, "NOT_PROCURATORATE");
        refused(() -> fixtures.as("cx.county", () -> supervision.issue(id, opinion)), 404, "NOT_FOUND");
        refused(
                () -> fixtures.as(
                        "cd.proc",
                        () -> supervision.issue(
                                id,
                                new NewOpinion(
                                        OpinionKind.CORRECTION_OPINION,
                                        fixtures.agency("A-SO-SUN"),
                                        null,
                                        null,
                                        words))),
                400,
                "VALIDATION_FAILED");
        refused(
                () -> fixtures.as(
                        "cd.proc",
                        () -> supervision.issue(
                                id,
                                new NewOpinion(OpinionKind.CORRECTION_OPINION, county, "no.such.step", null, words))),
                400,
                "VALIDATION_FAILED");
        UUID opinionId = fixtures.as("cd.proc", () -> supervision.issue(id, opinion));
        reactions.awaitAll(Duration.ofSeconds(30));

        ObligationView reply =
                ledger.find(id, "procuratorate.reply", opinionId.toString()).orElseThrow();
        assertThat(reply.owingAgencyId()).as("owed by the addressed unit").isEqualTo(county);
        assertThat(reply.counterpartyAgencyId()).isEqualTo(fixtures.agency("CD-PROC"));
        assertThat(reply.dueDate())
                .as("City A: 15 days")
                .isAfterOrEqualTo(fixtures.today().plusDays(15))
                .isBefore(fixtures.today().plusDays(25));
        assertThat(ledger.find(id, "procuratorate.opinion", opinionId.toString())
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);

        OpinionView seenByCourt =
                fixtures.as("cd.court.clerk", () -> supervision.ofCase(id)).get(0);
        assertThat(seenByCourt.content())
                .as("the words are for the procuratorate and the addressee")
                .isNull();
        assertThat(fixtures.as("cd.county", () -> supervision.ofCase(id)).get(0).content())
                .isEqualTo(words);

        refused(
                () -> fixtures.as("cd.court.clerk", () -> supervision.reply(id, opinionId, 0, true, null)),
                403,
                "NOT_ADDRESSED_UNIT");
        refused(
                () -> fixtures.as("cd.county", () -> supervision.reply(id, opinionId, 0, false, null)),
                400,
                "VALIDATION_FAILED");
        refused(
                () -> fixtures.as("cd.county", () -> supervision.reply(id, opinionId, 3, true, null)),
                409,
                "STALE_VERSION");
        fixtures.as("cd.county", () -> supervision.reply(id, opinionId, 0, true, "已于次日组织入矫宣告，并完善了提醒流程"));
        reactions.awaitAll(Duration.ofSeconds(30));
        assertThat(ledger.find(id, "procuratorate.reply", opinionId.toString())
                        .orElseThrow()
                        .status())
                .isEqualTo(ObligationStatus.FULFILLED);
        OpinionView answered =
                fixtures.as("cd.proc", () -> supervision.ofCase(id)).get(0);
        assertThat(answered.status()).isEqualTo(OpinionStatus.REPLIED);
        assertThat(answered.adopted()).isTrue();
        assertThat(answered.reply()).contains("入矫宣告");
        refused(
                () -> fixtures.as("cd.county", () -> supervision.reply(id, opinionId, 1, true, null)),
                409,
                "ALREADY_REPLIED");
        assertThat(fixtures.as("cd.county", () -> directory.timeline(id)).stream()
                        .map(t -> t.kind()))
                .contains("procuratorial.issued.CORRECTION_OPINION", "procuratorial.replied.adopted");
    }
}
