package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.identity.Role;

/** Who may draft and publish a model: the national baseline its national editors; a region its own coordinators. */
class PolicyEditorRuleTests {

    @Test
    void theNationalBaselineBelongsToTheNationalPolicyEditorAlone() {
        assertThat(PolicyDrafting.mayEdit("CN", Set.of(Role.NATIONAL_POLICY_EDITOR), () -> false))
                .isTrue();
        assertThat(PolicyDrafting.mayEdit("CN", Set.of(Role.CITY_COORDINATOR), () -> true))
                .isFalse();
        assertThat(PolicyDrafting.mayEdit("CN", Set.of(Role.SYSTEM_ADMIN), () -> true))
                .isFalse();
    }

    @Test
    void aRegionBelongsToTheCoordinatorsOfAnAgencyServingIt() {
        assertThat(PolicyDrafting.mayEdit("369900", Set.of(Role.CITY_COORDINATOR), () -> true))
                .isTrue();
        assertThat(PolicyDrafting.mayEdit("110000", Set.of(Role.CITY_COORDINATOR), () -> false))
                .isFalse();
        assertThat(PolicyDrafting.mayEdit("369900", Set.of(Role.NATIONAL_POLICY_EDITOR), () -> true))
                .as("the national editor keeps the baseline, not the regions")
                .isFalse();
        assertThat(PolicyDrafting.mayEdit("369900", Set.of(Role.COUNTY_HEAD), () -> true))
                .isFalse();
    }
}
