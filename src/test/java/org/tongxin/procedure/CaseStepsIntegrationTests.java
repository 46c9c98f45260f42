package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.Gender;
import org.tongxin.identity.Participation;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.Organ;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * How every process opens its steps (ADR 0021): the organs a step names filled from the case, the corrected owners of
 * the post-intake steps on the ledger under the version in force, a period fixed by the process, and the judicial
 * bureau finding the approval asked of it in its inbox.
 */
@IntegrationTest
class CaseStepsIntegrationTests {

    @Autowired
    CaseSteps steps;

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
    MockMvc mvc;

    @Autowired
    org.tongxin.policy.PolicyModels policies;

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

    CaseFacts facts(CaseId id) {
        return directory.facts(id).orElseThrow();
    }

    ObligationView opened(Optional<ObligationId> id) {
        return ledger.find(id.orElseThrow()).orElseThrow();
    }

    @Test
    void theOrgansAStepNamesAreFoundFromTheCaseOrLeftToTheProcess() {
        CaseId id = fixtures.underCorrection(fixtures.adult("陆远", Gender.MALE));
        CaseFacts c = facts(id);
        assertThat(steps.organ(c, Organ.SUPERIOR_AGENCY))
                .as("the city's agency above the county's")
                .contains(agency("A-CCA"));
        assertThat(steps.organ(c, Organ.COUNTY_JUDICIAL_BUREAU)).contains(agency("CD-JB"));
        assertThat(steps.organ(c, Organ.INTERMEDIATE_COURT)).contains(agency("A-COURT"));
        assertThat(steps.organ(c, Organ.EDUCATION_DEPARTMENT))
                .as("no county bureau in the demo: the city's")
                .contains(agency("A-EDU"));
        assertThat(steps.organ(c, Organ.COURT)).contains(agency("CD-COURT"));
        assertThat(steps.organ(c, Organ.JUDICIAL_OFFICE))
                .as("no office assigned: the county agency")
                .contains(agency("CD-CCA"));
        for (Organ unknown : new Organ[] {
            Organ.DETAINING_ORGAN,
            Organ.NEW_COUNTY_AGENCY,
            Organ.NEW_PROCURATORATE,
            Organ.ADDRESSED_UNIT,
            Organ.GUARDIAN,
            Organ.EVERY_PARTY,
            Organ.SUBJECT
        }) {
            assertThat(steps.organ(c, unknown)).as("%s", unknown).isEmpty();
        }
        management.detain(id, CustodyKind.ADMINISTRATIVE_DETENTION, agency("CD-PSB"), clock.instant());
        assertThat(steps.organ(facts(id), Organ.DETAINING_ORGAN)).contains(agency("CD-PSB"));
    }

    @Test
    void theReceiverOwesTheStepsWhoseClockRunsAgainstIt() throws Exception {
        CaseId id = fixtures.underCorrection(fixtures.adult("邱林", Gender.MALE));
        Instant now = clock.instant();
        ObligationView approve = opened(steps.open(facts(id), "em.approve", "1", now, null, null));
        assertThat(approve.owingAgencyId()).isEqualTo(agency("CD-JB"));
        assertThat(approve.counterpartyAgencyId()).isEqualTo(agency("CD-CCA"));
        assertThat(approve.policyVersionId())
                .as("the corrected City A version in force")
                .isEqualTo(
                        policies.inForce("369900", fixtures.today()).version().versionId());
        assertThat(policies.inForce("369900", fixtures.today()).version().number())
                .isGreaterThanOrEqualTo(2);

        ObligationView period = opened(steps.open(facts(id), "em.renew_end", "1", now, null, null, 2));
        assertThat(period.deadlineKind()).isEqualTo(DeadlineKind.MONTHS);
        assertThat(period.deadlineAmount())
                .as("the approved period, set by the process")
                .isEqualTo(2);
        assertThat(period.owingAgencyId()).isEqualTo(agency("CD-CCA"));

        ObligationView arrest = opened(steps.open(facts(id), "revoke.arrest.decide", "", now, null, null));
        assertThat(arrest.owingAgencyId()).isEqualTo(agency("CD-COURT"));
        assertThat(arrest.deadlineKind()).isEqualTo(DeadlineKind.HOURS);
        assertThat(arrest.deadlineAmount()).isEqualTo(48);

        management.detain(id, CustodyKind.CRIMINAL_COERCIVE_MEASURE, agency("CD-PS-DM"), now);
        ObligationView notice = opened(steps.open(facts(id), "custody.notice", "", now, null, null));
        assertThat(notice.owingAgencyId())
                .as("the organ that detained the subject")
                .isEqualTo(agency("CD-PS-DM"));
        assertThat(notice.counterpartyAgencyId()).isEqualTo(agency("CD-CCA"));
        assertThat(notice.custody())
                .as("held: the period is never extended over a holiday")
                .isTrue();

        assertThat(steps.open(facts(id), "no.such_step", "", now, null, null)).isEmpty();
        assertThat(steps.open(facts(id), "move.forward", "", now, null, null))
                .as("the new place is the process's to name")
                .isEmpty();

        management.grant(id, agency("CD-JB"), Participation.APPROVING_BUREAU);
        String inbox = mvc.perform(get("/api/v1/inbox?step=em.approve").with(actors.as("cd.bureau.head")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox).contains(approve.id().toString(), id.toString());
        String ofCase = mvc.perform(get("/api/v1/cases/" + id + "/obligations").with(actors.as("cd.bureau.head")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ofCase)
                .as("the bureau sees its own part of the case's ledger")
                .contains(approve.id().toString())
                .doesNotContain(arrest.id().toString(), notice.id().toString());
        String county = mvc.perform(get("/api/v1/cases/" + id + "/obligations").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(county)
                .contains(
                        approve.id().toString(),
                        arrest.id().toString(),
                        notice.id().toString());
    }
}
