package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.SealedQueries;
import org.tongxin.casefile.SealedQueries.QueryRequest;
import org.tongxin.casefile.SealedQueryBasis;
import org.tongxin.casefile.SealedQueryStatus;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;

/**
 * The minors' sealing journey (CPL art. 286; doc/security-requirements.md S10): a minor's case terminated on expiry is sealed; it is
 * invisible to every lawful role — view, search, API, row-level security — until the head of the county agency approves
 * a lawful query; it is visible to the requester alone while the grant runs, and invisible again when it expires. Every
 * attempt is audited, allowed or refused.
 */
@IntegrationTest
class SealedRecordIntegrationTests {

    @Autowired
    Termination termination;

    @Autowired
    SealedQueries queries;

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
    MutableClock clock;

    @Autowired
    EventQuiescence reactions;

    @Autowired
    MockMvc mvc;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).as("status of %s", e.code()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** A minor's probation terminated on expiry today (the term brought to today by a commutation ruling), certified. */
    CaseId terminatedMinor(String name) {
        CaseId id = fixtures.underCorrection(fixtures.minor(name, Gender.FEMALE));
        LocalDate today = fixtures.today();
        management.changeTermEnd(id, today, fixtures.agency("CD-COURT"));
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today));
        reactions.awaitAll(Duration.ofSeconds(30));
        assertThat(visible("cd.county", id))
                .as("the county agency still issues the certificate")
                .isTrue();
        fixtures.as("cd.county", () -> termination.certify(id));
        reactions.awaitAll(Duration.ofSeconds(30));
        return id;
    }

    boolean visible(String username, CaseId id) {
        try {
            fixtures.as(username, () -> directory.view(id, "test"));
            return true;
        } catch (TongxinException e) {
            assertThat(e.code()).isEqualTo("NOT_FOUND");
            return false;
        }
    }

    long rowsSeenBy(String username, CaseId id) {
        return fixtures.as(
                username,
                () -> jdbc.sql("SELECT count(*) FROM casefile_case WHERE id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single());
    }

    long audited(CaseId id, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.sealed.read' AND outcome = :o AND"
                        + " target_id = :t")
                .param("o", outcome)
                .param("t", id.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void aSealedCaseIsInvisibleWithoutAGrantVisibleWithOneAndInvisibleAgainWhenItExpires() throws Exception {
        CaseId id = terminatedMinor("林小雨");
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.TERMINATED);
        assertThat(jdbc.sql("SELECT sealed_at IS NOT NULL FROM casefile_case WHERE id = :id")
                        .param("id", id.value())
                        .query(Boolean.class)
                        .single())
                .as("sealed once the termination was certified and notified")
                .isTrue();
        String number = jdbc.sql("SELECT case_number FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();

        // Invisible to every lawful role, on every path.
        for (String lawful : new String[] {"cd.county", "cd.county.head", "cd.court.clerk", "cd.proc", "cd.police"}) {
            assertThat(visible(lawful, id)).as(lawful).isFalse();
            assertThat(rowsSeenBy(lawful, id))
                    .as("row-level security for %s", lawful)
                    .isZero();
        }
        assertThat(fixtures.as(
                                "cd.county",
                                () -> directory.search(
                                        new CaseSearch(null, null, number, null, null),
                                        PageQuery.of(0, 20, null, CaseDirectory.SORTABLE, "updated"),
                                        "test"))
                        .items())
                .isEmpty();
        mvc.perform(get("/api/v1/cases/" + id).with(actors.as("cd.county"))).andExpect(status().isNotFound());
        assertThat(audited(id, "DENIED")).isPositive();

        // The request: bad input changes nothing; outsiders do not learn the case exists.
        QueryRequest good = new QueryRequest(SealedQueryBasis.JUDICIAL_NEED, "审理（2026）城东刑初字第 77 号案件需要查询前科情况", 7);
        refused(
                () -> fixtures.as(
                        "cd.court.clerk",
                        () -> queries.request(id, new QueryRequest(SealedQueryBasis.JUDICIAL_NEED, "查询", 7))),
                400,
                "VALIDATION_FAILED");
        refused(
                () -> fixtures.as(
                        "cd.court.clerk", () -> queries.request(id, new QueryRequest(null, good.reason(), 31))),
                400,
                "VALIDATION_FAILED");
        refused(() -> fixtures.as("cx.county", () -> queries.request(id, good)), 404, "NOT_FOUND");
        mvc.perform(post("/api/v1/cases/" + id + "/sealed-record-queries")
                        .with(actors.as("cd.court.clerk"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\":\"JUDICIAL_NEED\",\"reason\":\"x\",\"days\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        UUID query = fixtures.as("cd.court.clerk", () -> queries.request(id, good));
        refused(() -> fixtures.as("cd.court.clerk", () -> queries.request(id, good)), 409, "QUERY_ALREADY_OPEN");
        assertThat(visible("cd.court.clerk", id)).as("asking is not reading").isFalse();

        // Only the head of the county agency decides.
        refused(() -> fixtures.as("cd.county", () -> queries.approve(id, query, 0)), 403, "NOT_COUNTY_HEAD");
        refused(() -> fixtures.as("cx.county.head", () -> queries.approve(id, query, 0)), 404, "NOT_FOUND");
        refused(() -> fixtures.as("cd.county.head", () -> queries.approve(id, query, 5)), 409, "STALE_VERSION");
        mvc.perform(post("/api/v1/cases/" + id + "/sealed-record-queries/" + query + "/approval")
                        .with(actors.as("cd.county.head"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        refused(() -> fixtures.as("cd.county.head", () -> queries.refuse(id, query, 1)), 409, "QUERY_ALREADY_DECIDED");

        // Visible to the requester alone while the grant runs.
        assertThat(visible("cd.court.clerk", id)).isTrue();
        assertThat(rowsSeenBy("cd.court.clerk", id)).isEqualTo(1);
        mvc.perform(get("/api/v1/cases/" + id).with(actors.as("cd.court.clerk")))
                .andExpect(status().isOk());
        assertThat(visible("cd.court.judge", id)).as("a colleague has no grant").isFalse();
        assertThat(visible("cd.county", id)).isFalse();
        assertThat(audited(id, "SUCCESS")).isPositive();

        // The grant expires: invisible again.
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(visible("cd.court.clerk", id)).isFalse();
        mvc.perform(get("/api/v1/cases/" + id).with(actors.as("cd.court.clerk")))
                .andExpect(status().isNotFound());
        assertThat(queries.expireDue()).isPositive();
        assertThat(fixtures.as("cd.court.clerk", () -> queries.ofCase(id))
                        .get(0)
                        .status())
                .isEqualTo(SealedQueryStatus.EXPIRED);
        assertThat(rowsSeenBy("cd.court.clerk", id))
                .as("row-level security follows the expiry")
                .isZero();
    }

    @Test
    void anAdultsTerminatedCaseIsNotSealedAndNeedsNoQuery() {
        CaseId id = fixtures.underCorrection(fixtures.adult("高山", Gender.MALE));
        LocalDate today = fixtures.today();
        management.changeTermEnd(id, today, fixtures.agency("CD-COURT"));
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today));
        reactions.awaitAll(Duration.ofSeconds(30));
        assertThat(visible("cd.county", id)).isTrue();
        refused(
                () -> fixtures.as(
                        "cd.court.clerk",
                        () -> queries.request(
                                id, new QueryRequest(SealedQueryBasis.LAWFUL_QUERY, "依照国家规定进行的查询，核实前科情况", 3))),
                409,
                "CASE_NOT_SEALED");
    }

    /** A minor's parole, with the original sentence given or not, terminated on expiry today and certified. */
    CaseId terminatedParole(String name, Integer sentenceMonths) {
        DecisionData parole = fixtures.decision(CorrectionType.PAROLE);
        DecisionData decision = new DecisionData(
                parole.correctionType(),
                parole.caseNumber(),
                parole.judgmentDate(),
                parole.effectiveDate(),
                parole.termStart(),
                parole.termEnd(),
                null,
                false,
                null,
                sentenceMonths);
        CaseId id = fixtures.underCorrection(fixtures.minor(name, Gender.MALE), decision);
        LocalDate today = fixtures.today();
        management.changeTermEnd(id, today, fixtures.agency("CD-COURT"));
        int version = fixtures.version(id);
        fixtures.as("cd.county", () -> termination.terminate(id, version, TerminationReason.EXPIRY, today));
        reactions.awaitAll(Duration.ofSeconds(30));
        fixtures.as("cd.county", () -> termination.certify(id));
        reactions.awaitAll(Duration.ofSeconds(30));
        assertThat(fixtures.status(id)).isEqualTo(CaseStatus.TERMINATED);
        return id;
    }

    boolean sealedAt(CaseId id) {
        return jdbc.sql("SELECT sealed_at IS NOT NULL FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
    }

    @Test
    void aMinorsParoleIsSealedWhenTheOriginalSentenceWasFiveYearsOrLessAndNotWhenItWasLongerOrUnknown() {
        CaseId fourYears = terminatedParole("韩小舟", 48);
        assertThat(sealedAt(fourYears))
                .as("parole of a 4-year sentence: sealed (CPL art. 286)")
                .isTrue();
        assertThat(visible("cd.county", fourYears)).isFalse();

        CaseId fiveYears = terminatedParole("韩小帆", 60);
        assertThat(sealedAt(fiveYears)).as("exactly five years is 五年有期徒刑以下").isTrue();

        CaseId sixYears = terminatedParole("韩小桥", 72);
        assertThat(sealedAt(sixYears))
                .as("parole of a 6-year sentence: not sealed")
                .isFalse();
        assertThat(visible("cd.county", sixYears)).isTrue();

        CaseId unknown = terminatedParole("韩小渡", null);
        assertThat(sealedAt(unknown))
                .as("sentence not recorded: not sealed automatically")
                .isFalse();
        assertThat(visible("cd.county", unknown)).isTrue();
    }

    @Test
    void theOriginalSentenceIsRefusedWhereTheTypeDoesNotNeedItOrTheTermIsLongerThanIt() throws Exception {
        String probation = """
            {"subject": {"name": "韩小岸", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "guardianName": "韩大山",
             "guardianRelation": "父亲", "guardianPhone": "13907005678", "idNumber": "%s", "birthDate": "%s",
             "residenceDivision": "%s", "residenceAddress": "东门街道 1 号"},
             "offence": {"category": "THEFT", "details": "盗窃", "offenceDate": "%s", "charges": ["盗窃罪"]},
             "decision": {"correctionType": "%s", "caseNumber": "%s", "judgmentDate": "%s", "effectiveDate": "%s",
             "termStart": "%s", "termEnd": "%s", "inCustody": false, "sentenceMonths": %s}}\
            """;
        LocalDate today = fixtures.today();
        LocalDate birth = today.minusYears(17);
        Object[] common = {
            CaseFixtures.identityNumber(birth, Gender.MALE), birth, CaseFixtures.DONGMEN, today.minusMonths(3)
        };
        for (Object[] c : new Object[][] {
            {"PROBATION", 24, "sentenceNotApplicable"},
            {"PAROLE", 6, "sentenceShorterThanTerm"},
            {"PAROLE", 301, "sentenceRange"},
            {"PAROLE", 0, "sentenceRange"}
        }) {
            String body = probation.formatted(
                    common[0],
                    common[1],
                    common[2],
                    common[3],
                    c[0],
                    CaseFixtures.caseNumber(),
                    today.minusDays(20),
                    today.minusDays(10),
                    today.minusDays(10),
                    today.minusDays(10).plusYears(1),
                    c[1]);
            mvc.perform(post("/api/v1/cases")
                            .with(actors.as("cd.court.clerk"))
                            .with(csrf())
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("decision.sentenceMonths"))
                    .andExpect(jsonPath("$.errors[0].code").value(c[2].toString()))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
        String parole = probation.formatted(
                common[0],
                common[1],
                common[2],
                common[3],
                "PAROLE",
                CaseFixtures.caseNumber(),
                today.minusDays(20),
                today.minusDays(10),
                today.minusDays(10),
                today.minusDays(10).plusYears(1),
                48);
        String location = mvc.perform(post("/api/v1/cases")
                        .with(actors.as("cd.court.clerk"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(parole))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(get(location).with(actors.as("cd.court.clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sentenceMonths").value(48));
    }
}
