package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The case after intake through the façade the processes call (ADR 0021): each transition saved with its parties,
 * audited and on the timeline in words; bad input a 400 that changes nothing; a former place of execution and the
 * county judicial bureau see the case's state and their own part only.
 */
@IntegrationTest
class CaseAfterIntakeIntegrationTests {

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

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

    AgencyId agency(String code) {
        return fixtures.agency(code);
    }

    CaseView view(String username, CaseId id) {
        return fixtures.as(username, () -> directory.view(id, "test"));
    }

    List<String> timeline(String username, CaseId id) {
        reactions.awaitAll(Duration.ofSeconds(5));
        return fixtures.as(username, () -> directory.timeline(id)).stream()
                .map(TimelineItem::kind)
                .toList();
    }

    List<LawfulRole> parties(CaseId id) {
        return directory.parties(id);
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).as("status of %s", e.code()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    static void invalid(Runnable action, String field, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.fieldProblems())
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .contains(org.assertj.core.groups.Tuple.tuple(field, code));
        });
    }

    @Test
    void aDetentionHoldsTheCaseMakesTheDetainingOrganAPartyAndTheReleaseResumesCorrection() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("何立", Gender.MALE));
        AgencyId station = agency("CD-PS-DM");
        int before = fixtures.version(id);
        Instant now = clock.instant();
        invalid(
                () -> fixtures.as(
                        "cd.police",
                        () -> management.detain(id, CustodyKind.ADMINISTRATIVE_DETENTION, agency("A-SO-SUN"), now)),
                "detainingOrganId",
                "detainingOrgan");
        invalid(
                () -> fixtures.as(
                        "cd.police",
                        () -> management.detain(
                                id, CustodyKind.ADMINISTRATIVE_DETENTION, station, now.plusSeconds(3600))),
                "detainedAt",
                "past");
        invalid(
                () -> management.detain(id, CustodyKind.ADMINISTRATIVE_DETENTION, station, now.minusSeconds(3600)),
                "detainedAt",
                "beforeRegistration");
        invalid(() -> management.detain(id, null, station, now), "kind", "required");
        assertThat(fixtures.version(id)).as("a refusal changes nothing").isEqualTo(before);
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);

        fixtures.as("cd.police", () -> management.detain(id, CustodyKind.ADMINISTRATIVE_DETENTION, station, now));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.IN_CUSTODY);
        assertThat(parties(id)).contains(new LawfulRole(station, Participation.DETAINING_ORGAN));
        CaseView county = view("cd.county", id);
        assertThat(county.custodyKind()).isEqualTo(CustodyKind.ADMINISTRATIVE_DETENTION);
        assertThat(county.detainingOrganId()).isEqualTo(station);
        assertThat(county.inCustody()).isTrue();
        assertThat(timeline("cd.county", id)).contains("custody.began.ADMINISTRATIVE_DETENTION");
        String page = mvc.perform(get("/cases/" + id + "?lang=zh-CN").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("矫正期间被羁押", "行政拘留", "东门派出所", "社区矫正对象被行政拘留");
        CaseView station_ = view("cd.station", id);
        assertThat(station_.protectedFieldsVisible())
                .as("the detaining organ knows the person")
                .isTrue();
        assertThat(timeline("cd.station", id)).as("but not the case's history").isEmpty();

        refused(
                () -> management.detain(id, CustodyKind.CRIMINAL_COERCIVE_MEASURE, station, now),
                409,
                "ALREADY_IN_CUSTODY");
        fixtures.as("cd.county", () -> management.release(id, clock.instant()));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(view("cd.county", id).custodyKind()).isNull();
        assertThat(timeline("cd.county", id)).contains("custody.ended");
    }

    @Test
    void anArrestPendingRevocationIsTheCourtsAndTheRulingEndsTheCaseInRevoked() {
        CaseId id = fixtures.underCorrection(fixtures.adult("罗强", Gender.MALE));
        invalid(
                () -> management.detain(id, CustodyKind.ARREST_PENDING_REVOCATION, agency("CD-PSB"), clock.instant()),
                "detainingOrganId",
                "arrestByCourt");
        management.detain(id, CustodyKind.ARREST_PENDING_REVOCATION, agency("CD-COURT"), clock.instant());
        invalid(
                () -> management.revoke(id, RevocationKind.PROBATION_REVOKED, agency("CD-SO-DM"), fixtures.today()),
                "rulingOrganId",
                "rulingOrgan");
        invalid(
                () -> management.revoke(
                        id,
                        RevocationKind.PROBATION_REVOKED,
                        agency("CD-COURT"),
                        fixtures.today().plusDays(1)),
                "ruledOn",
                "past");
        refused(
                () -> management.revoke(id, RevocationKind.PAROLE_REVOKED, agency("CD-COURT"), fixtures.today()),
                422,
                "REVOCATION_NOT_FOR_TYPE");
        fixtures.as(
                "cd.court.judge",
                () -> management.revoke(id, RevocationKind.PROBATION_REVOKED, agency("CD-COURT"), fixtures.today()));
        CaseView c = view("cd.county", id);
        assertThat(c.status()).isEqualTo(CaseStatus.REVOKED);
        assertThat(c.revocationKind()).isEqualTo(RevocationKind.PROBATION_REVOKED);
        assertThat(c.endedOn()).isEqualTo(fixtures.today());
        assertThat(timeline("cd.proc", id))
                .contains("case.revoked.PROBATION_REVOKED", "custody.began.ARREST_PENDING_REVOCATION");
    }

    @Test
    void expiryPardonDeathAndACommutationEndOrShortenCorrection() {
        CaseId expiring = fixtures.underCorrection(fixtures.adult("曹敏", Gender.FEMALE));
        LocalDate end = view("cd.county", expiring).termEnd();
        refused(
                () -> management.terminate(expiring, TerminationReason.EXPIRY, fixtures.today()),
                422,
                "TERM_NOT_EXPIRED");
        LocalDate reduced = fixtures.today().minusDays(1);
        invalid(() -> management.changeTermEnd(expiring, reduced, agency("CD-PROC")), "rulingCourtId", "court");
        management.changeTermEnd(expiring, reduced, agency("A-COURT"));
        assertThat(view("cd.county", expiring).termEnd()).isEqualTo(reduced).isBefore(end);
        management.terminate(expiring, TerminationReason.EXPIRY, fixtures.today());
        CaseView terminated = view("cd.county", expiring);
        assertThat(terminated.status()).isEqualTo(CaseStatus.TERMINATED);
        assertThat(terminated.terminationReason()).isEqualTo(TerminationReason.EXPIRY);
        assertThat(timeline("cd.county", expiring)).contains("term.end.changed", "case.terminated.EXPIRY");

        CaseId died = fixtures.underCorrection(fixtures.adult("侯军", Gender.MALE));
        invalid(() -> management.recordDeath(died, fixtures.today().plusDays(2)), "diedOn", "past");
        management.recordDeath(died, fixtures.today().minusDays(1));
        assertThat(view("cd.county", died).status()).isEqualTo(CaseStatus.DECEASED);
        refused(
                () -> management.terminate(died, TerminationReason.PARDON, fixtures.today()),
                409,
                "CASE_NOT_IN_CORRECTION");
    }

    @Test
    void aMinorsTerminatedCaseIsSealedAnAdultsIsNot() {
        CaseId minor = fixtures.underCorrection(fixtures.minor("小周", Gender.MALE));
        refused(() -> management.seal(minor), 409, "CASE_NOT_TERMINATED");
        management.terminate(minor, TerminationReason.PARDON, fixtures.today());
        management.seal(minor);
        assertThat(jdbc.sql("SELECT sealed_at IS NOT NULL FROM casefile_case WHERE id = :id")
                        .param("id", minor.value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // Sealed: absent even for the county agency until a lawful query is approved (SealedRecordIntegrationTests).
        refused(() -> view("cd.county", minor), 404, "NOT_FOUND");
        refused(() -> management.seal(minor), 409, "ALREADY_SEALED");
        CaseId adult = fixtures.underCorrection(fixtures.adult("孔涛", Gender.MALE));
        management.terminate(adult, TerminationReason.PARDON, fixtures.today());
        refused(() -> management.seal(adult), 422, "SEAL_ONLY_FOR_MINORS");
    }

    @Test
    void theSupervisionLevelChangesWithItsReasonKeptForThoseWhoSeeProtectedFields() {
        CaseId id = fixtures.underCorrection(fixtures.adult("范丽", Gender.FEMALE));
        invalid(
                () -> management.changeSupervisionLevel(id, SupervisionLevel.STRICT, LevelChangeReason.OTHER, " "),
                "note",
                "reasonForOther");
        invalid(() -> management.changeSupervisionLevel(id, null, null, null), "level", "required");
        fixtures.as(
                "cd.county",
                () -> management.changeSupervisionLevel(
                        id, SupervisionLevel.STRICT, LevelChangeReason.ENTRY_ASSESSMENT, "入矫初期，严格管理三个月"));
        fixtures.as(
                "cd.county",
                () -> management.changeSupervisionLevel(
                        id, SupervisionLevel.ORDINARY, LevelChangeReason.PERIODIC_ASSESSMENT, null));
        refused(
                () -> management.changeSupervisionLevel(id, SupervisionLevel.ORDINARY, LevelChangeReason.OTHER, "再次调整"),
                422,
                "SAME_SUPERVISION_LEVEL");
        assertThat(view("cd.county", id).supervisionLevel()).isEqualTo(SupervisionLevel.ORDINARY);
        List<CaseManagement.LevelChange> changes = fixtures.as("cd.county", () -> management.levelChanges(id));
        assertThat(changes)
                .extracting(CaseManagement.LevelChange::to)
                .containsExactly(SupervisionLevel.ORDINARY, SupervisionLevel.STRICT);
        assertThat(changes.get(1).note()).isEqualTo("入矫初期，严格管理三个月");
        assertThat(jdbc.sql("SELECT count(*) FROM casefile_supervision_level WHERE note_enc::text LIKE '%严格%'")
                        .query(Integer.class)
                        .single())
                .as("the words are encrypted at rest")
                .isZero();
        assertThat(timeline("cd.county", id)).contains("supervision.level.STRICT", "supervision.level.ORDINARY");
        assertThatThrownBy(() -> fixtures.as("cx.county", () -> management.levelChanges(id)))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void theCaseMovesToTheNewCountyAndTheOldOneKeepsItsStateAndItsOwnPart() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("江海", Gender.MALE));
        fixtures.assignDongmen(id);
        invalid(() -> management.changePlaceOfExecution(id, agency("CX-PROC"), null), "countyAgencyId", "countyAgency");
        invalid(
                () -> management.changePlaceOfExecution(id, agency("CX-CCA"), agency("CD-SO-NH")),
                "officeId",
                "officeOfCounty");
        refused(() -> management.changePlaceOfExecution(id, agency("CD-CCA"), null), 422, "SAME_PLACE_OF_EXECUTION");
        management.grant(id, agency("CX-CCA"), Participation.RECEIVING_AGENCY);
        assertThat(view("cx.county", id).protectedFieldsVisible())
                .as("consulted, it verifies the new residence")
                .isTrue();

        fixtures.as("cd.county", () -> management.changePlaceOfExecution(id, agency("CX-CCA"), agency("CX-SO-XG")));

        assertThat(parties(id))
                .contains(
                        new LawfulRole(agency("CX-CCA"), Participation.EXECUTING_AGENCY),
                        new LawfulRole(agency("CX-SO-XG"), Participation.ASSIGNED_OFFICE),
                        new LawfulRole(agency("CX-PROC"), Participation.COPIED_PROCURATORATE),
                        new LawfulRole(agency("CX-PSB"), Participation.COPIED_POLICE),
                        new LawfulRole(agency("CD-CCA"), Participation.FORMER_EXECUTING_AGENCY),
                        new LawfulRole(agency("CD-SO-DM"), Participation.FORMER_ASSIGNED_OFFICE))
                .doesNotContain(
                        new LawfulRole(agency("CX-CCA"), Participation.RECEIVING_AGENCY),
                        new LawfulRole(agency("CD-CCA"), Participation.EXECUTING_AGENCY));
        assertThatThrownBy(() -> view("cd.proc", id))
                .as("the old place's procuratorate has no role left")
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));

        CaseView former = view("cd.county", id);
        assertThat(former.status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(former.countyAgencyId()).isEqualTo(agency("CX-CCA"));
        assertThat(former.protectedFieldsVisible()).isFalse();
        assertThat(former.subject().idNumber()).isNull();
        List<String> formerTimeline = timeline("cd.county", id);
        assertThat(formerTimeline)
                .as("what it did and the move itself")
                .contains("case.registered", "office.assigned", "case.place.changed")
                .doesNotContain("case.decided");
        assertThat(timeline("cx.county", id)).contains("case.decided", "case.registered", "case.place.changed");
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as("cd.county", () -> management.assignOffice(id, version, agency("CD-SO-DM"))),
                403,
                "NOT_EXECUTING_AGENCY");
        String page = mvc.perform(get("/cases/" + id + "?lang=zh-CN").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("城西区社区矫正管理局").doesNotContain("幸福路");
        assertThat(view("cx.county", id).policyRegion()).isEqualTo("369900");
    }

    @Test
    void theCountyJudicialBureauSeesACaseOnlyWhileAnApprovalIsAskedOfIt() {
        CaseId id = fixtures.underCorrection(fixtures.adult("贺峰", Gender.MALE));
        AgencyId bureau = agency("CD-JB");
        assertThatThrownBy(() -> view("cd.bureau.head", id))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
        management.grant(id, bureau, Participation.APPROVING_BUREAU);
        CaseView c = view("cd.bureau.head", id);
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(c.protectedFieldsVisible())
                .as("what the approval needs, not the protected fields")
                .isFalse();
        assertThat(timeline("cd.bureau.head", id)).isEmpty();
        int version = fixtures.version(id);
        refused(
                () -> fixtures.as("cd.bureau.head", () -> management.register(id, version)),
                403,
                "NOT_EXECUTING_AGENCY");
        assertThat(management.removeGrant(id, bureau, Participation.APPROVING_BUREAU))
                .isTrue();
        assertThat(management.removeGrant(id, bureau, Participation.APPROVING_BUREAU))
                .as("idempotent")
                .isFalse();
        assertThatThrownBy(() -> view("cd.bureau.head", id))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> management.removeGrant(id, agency("CD-CCA"), Participation.EXECUTING_AGENCY))
                .as("a role that follows from the case's fields")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(parties(id)).contains(new LawfulRole(agency("CD-CCA"), Participation.EXECUTING_AGENCY));
    }
}
