package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.DocumentRule.Verdict;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.Participation;

/**
 * The document rule without a database (issue 9, item 3): for a judgment delivered by the court to the county agency
 * with copies to the procuratorate and police, a referral letter, a document the case holds itself and a bundle still
 * being prepared, what each kind of reader gets.
 */
class DocumentRuleTests {

    static final AgencyId COURT = agency();
    static final AgencyId COUNTY = agency();
    static final AgencyId OFFICE = agency();
    static final AgencyId PROCURATORATE = agency();
    static final AgencyId POLICE = agency();
    static final AgencyId CITY_AGENCY = agency();
    static final AgencyId COORDINATION = agency();
    static final AgencyId CIVIL = agency();
    static final AgencyId STRANGER = agency();

    static final Set<Participation> HANDOVER_AUDIENCE = EnumSet.of(
            Participation.DECISION_ORGAN,
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.COPIED_PROCURATORATE,
            Participation.COPIED_POLICE,
            Participation.ESCALATION,
            Participation.COORDINATION);

    static AgencyId agency() {
        return AgencyId.of(UUID.randomUUID());
    }

    static CaseAccessDecision holds(Participation... participations) {
        return new CaseAccessDecision(participations.length == 0 ? Set.of() : EnumSet.copyOf(List.of(participations)));
    }

    static DocumentRoute judgment(boolean sent) {
        return new DocumentRoute(
                UUID.randomUUID(),
                DocumentRoute.HANDOVER,
                UUID.randomUUID(),
                "LEGAL_DOCUMENTS",
                COURT,
                Set.of(COUNTY, PROCURATORATE, POLICE),
                HANDOVER_AUDIENCE,
                sent,
                false);
    }

    static DocumentRoute letter(boolean open) {
        return new DocumentRoute(
                UUID.randomUUID(),
                DocumentRoute.REFERRAL,
                UUID.randomUUID(),
                "SUBSISTENCE_ALLOWANCE",
                COUNTY,
                open ? Set.of(CIVIL) : Set.of(),
                EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE),
                true,
                false);
    }

    @Test
    void aDeliveredJudgmentReachesItsSenderAddresseesAndTheCasesTeamButNoOversightRole() {
        List<DocumentRoute> routes = List.of(judgment(true));
        assertThat(DocumentRule.decide(COURT, holds(Participation.DECISION_ORGAN), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(OFFICE, holds(Participation.ASSIGNED_OFFICE), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(PROCURATORATE, holds(Participation.COPIED_PROCURATORATE), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(POLICE, holds(Participation.COPIED_POLICE), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(CITY_AGENCY, holds(Participation.ESCALATION), routes))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(DocumentRule.decide(COORDINATION, holds(Participation.COORDINATION), routes))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(DocumentRule.decide(CIVIL, holds(Participation.ASSISTING), routes))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(DocumentRule.decide(STRANGER, holds(), routes)).isEqualTo(Verdict.ABSENT);
    }

    @Test
    void aBundleBeingPreparedReachesOnlyItsSender() {
        List<DocumentRoute> routes = List.of(judgment(false));
        assertThat(DocumentRule.decide(COURT, holds(Participation.DECISION_ORGAN), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY), routes))
                .isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(PROCURATORATE, holds(Participation.COPIED_PROCURATORATE), routes))
                .isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(CITY_AGENCY, holds(Participation.ESCALATION), routes))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void aReferralLetterReachesTheReferringPartiesAndTheDepartmentOnlyWhileTheReferralIsOpen() {
        List<DocumentRoute> open = List.of(letter(true));
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY), open))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(OFFICE, holds(Participation.ASSIGNED_OFFICE), open))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(CIVIL, holds(Participation.ASSISTING), open))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(COURT, holds(Participation.DECISION_ORGAN), open))
                .as("not the referral's audience")
                .isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(PROCURATORATE, holds(Participation.COPIED_PROCURATORATE), open))
                .isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(COORDINATION, holds(Participation.COORDINATION), open))
                .isEqualTo(Verdict.FORBIDDEN);
        List<DocumentRoute> ended = List.of(letter(false));
        assertThat(DocumentRule.decide(CIVIL, holds(Participation.ASSISTING), ended))
                .as("another referral keeps the case open")
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(DocumentRule.decide(CIVIL, holds(), ended)).isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY), ended))
                .isEqualTo(Verdict.OPEN);
    }

    @Test
    void aDocumentTheCaseHoldsItselfIsTheCasesTeams() {
        List<DocumentRoute> none = List.of();
        assertThat(DocumentRule.decide(COURT, holds(Participation.DECISION_ORGAN), none))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY), none))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(OFFICE, holds(Participation.ASSIGNED_OFFICE), none))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.decide(PROCURATORATE, holds(Participation.COPIED_PROCURATORATE), none))
                .isEqualTo(Verdict.ABSENT);
        assertThat(DocumentRule.decide(CITY_AGENCY, holds(Participation.ESCALATION), none))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(DocumentRule.decide(null, holds(Participation.EXECUTING_AGENCY), none))
                .as("nobody logged in")
                .isEqualTo(Verdict.ABSENT);
    }

    @Test
    void anAgencyHoldingAnOversightRoleAndADocumentRoleReadsByItsDocumentRole() {
        List<DocumentRoute> routes = List.of(judgment(true));
        assertThat(DocumentRule.decide(COUNTY, holds(Participation.EXECUTING_AGENCY, Participation.ESCALATION), routes))
                .isEqualTo(Verdict.OPEN);
        assertThat(DocumentRule.mayList(CITY_AGENCY, holds(Participation.ESCALATION), routes))
                .isFalse();
        assertThat(DocumentRule.mayList(CIVIL, holds(Participation.ASSISTING), List.of(letter(true))))
                .isTrue();
        assertThat(DocumentRule.mayList(CIVIL, holds(Participation.ASSISTING), List.of(letter(false))))
                .isFalse();
    }
}
