package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.identity.internal.SystemTokenPolicy.NEVER;
import static org.tongxin.identity.internal.SystemTokenPolicy.ONE_STEP;
import static org.tongxin.identity.internal.SystemTokenPolicy.TWO_PERSON;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.identity.Role;

/** The per-role table of who must agree before a system token carries a role, written out once more by hand. */
class SystemTokenPolicyTests {

    static final Map<Role, SystemTokenPolicy> EXPECTED = Map.ofEntries(
            Map.entry(Role.OFFICE_OFFICER, TWO_PERSON),
            Map.entry(Role.OFFICE_HEAD, TWO_PERSON),
            Map.entry(Role.COUNTY_OFFICER, TWO_PERSON),
            Map.entry(Role.COUNTY_HEAD, TWO_PERSON),
            Map.entry(Role.BUREAU_HEAD, TWO_PERSON),
            Map.entry(Role.CITY_COORDINATOR, TWO_PERSON),
            Map.entry(Role.COURT_CLERK, TWO_PERSON),
            Map.entry(Role.JUDGE, TWO_PERSON),
            Map.entry(Role.PROSECUTOR, TWO_PERSON),
            Map.entry(Role.POLICE_OFFICER, TWO_PERSON),
            Map.entry(Role.PRISON_OFFICER, TWO_PERSON),
            Map.entry(Role.ASSISTANCE_CASEWORKER, TWO_PERSON),
            Map.entry(Role.SOCIAL_WORKER, TWO_PERSON),
            Map.entry(Role.NATIONAL_POLICY_EDITOR, ONE_STEP),
            Map.entry(Role.AGENCY_HEAD, NEVER),
            Map.entry(Role.SYSTEM_ADMIN, NEVER),
            Map.entry(Role.SECURITY_ADMIN, NEVER),
            Map.entry(Role.AUDIT_ADMIN, NEVER));

    @Test
    void everyRoleHasItsDecidedLine() {
        assertThat(EXPECTED.keySet()).as("a new role needs its line here too").containsExactlyInAnyOrder(Role.values());
        EXPECTED.forEach((role, line) ->
                assertThat(SystemTokenPolicy.of(role)).as(role.name()).isEqualTo(line));
    }

    @Test
    void everyRoleThatTakesPartInCasesNeedsTwoPeople() {
        for (Role role : Role.values()) {
            boolean caseRole = !role.isAdmin() && role != Role.AGENCY_HEAD && role != Role.NATIONAL_POLICY_EDITOR;
            if (caseRole) {
                assertThat(SystemTokenPolicy.of(role)).as(role.name()).isEqualTo(TWO_PERSON);
            }
        }
    }

    @Test
    void severalRolesTakeTheStrictestLine() {
        assertThat(SystemTokenPolicy.of(List.of(Role.NATIONAL_POLICY_EDITOR))).isEqualTo(ONE_STEP);
        assertThat(SystemTokenPolicy.of(List.of(Role.NATIONAL_POLICY_EDITOR, Role.COUNTY_OFFICER)))
                .isEqualTo(TWO_PERSON);
        assertThat(SystemTokenPolicy.of(List.of(Role.COUNTY_OFFICER, Role.AGENCY_HEAD)))
                .isEqualTo(NEVER);
        assertThat(SystemTokenPolicy.roles(ONE_STEP)).isEqualTo(EnumSet.of(Role.NATIONAL_POLICY_EDITOR));
    }
}
