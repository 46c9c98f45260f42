package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;

/** The access-decision component's rule, without Spring: lawful role by agency, none for administrators. */
class CaseAccessTests {

    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId OTHER_OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId PROCURATORATE = AgencyId.of(UUID.randomUUID());

    static TongxinPrincipal member(AgencyId agency, Role role) {
        return new TongxinPrincipal(
                TongxinPrincipal.Kind.SESSION, UUID.randomUUID(), "u", "u", agency.value(), Set.of(role), null, 0);
    }

    static final List<LawfulRole> CASE = List.of(
            new LawfulRole(COUNTY, Participation.EXECUTING_AGENCY),
            new LawfulRole(OFFICE, Participation.ASSIGNED_OFFICE),
            new LawfulRole(PROCURATORATE, Participation.COPIED_PROCURATORATE));

    @Test
    void anAgencyWithALawfulRoleSeesTheCaseWithThatRole() {
        assertThat(CaseAccess.decide(member(COUNTY, Role.COUNTY_OFFICER), CASE).held())
                .containsExactly(Participation.EXECUTING_AGENCY);
        assertThat(CaseAccess.decide(member(OFFICE, Role.OFFICE_OFFICER), CASE).held())
                .containsExactly(Participation.ASSIGNED_OFFICE);
        assertThat(CaseAccess.decide(member(PROCURATORATE, Role.PROSECUTOR), CASE)
                        .holds(Participation.COPIED_PROCURATORATE))
                .isTrue();
    }

    @Test
    void anotherOfficeOfTheSameCountyHasNoLawfulRole() {
        assertThat(CaseAccess.decide(member(OTHER_OFFICE, Role.OFFICE_OFFICER), CASE)
                        .visible())
                .isFalse();
    }

    @Test
    void administratorsNeverHaveALawfulRoleEvenInTheExecutingAgency() {
        assertThat(CaseAccess.decide(member(COUNTY, Role.SYSTEM_ADMIN), CASE).visible())
                .isFalse();
        assertThat(CaseAccess.decide(member(COUNTY, Role.AUDIT_ADMIN), CASE).visible())
                .isFalse();
    }

    @Test
    void aHeadOfAgencyOrAPolicyEditorHasNoLawfulRoleInItsAgencysCases() {
        // They speak for the agency (system token requests) or edit the law's model; neither reads its cases.
        assertThat(CaseAccess.decide(member(COUNTY, Role.AGENCY_HEAD), CASE).visible())
                .isFalse();
        assertThat(CaseAccess.decide(member(PROCURATORATE, Role.AGENCY_HEAD), CASE)
                        .visible())
                .isFalse();
        assertThat(CaseAccess.decide(member(COUNTY, Role.NATIONAL_POLICY_EDITOR), CASE)
                        .visible())
                .isFalse();
        // The heads that work cases keep their agency's role.
        assertThat(CaseAccess.decide(member(COUNTY, Role.COUNTY_HEAD), CASE).held())
                .containsExactly(Participation.EXECUTING_AGENCY);
        assertThat(CaseAccess.decide(member(OFFICE, Role.OFFICE_HEAD), CASE).held())
                .containsExactly(Participation.ASSIGNED_OFFICE);
    }
}
