package org.tongxin.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;

/** The referral pages write the same agency names the API answers with. */
class ReferralPresentationTests {

    @Test
    void thePagesWriteTheNamesTheApiAnswersWith() {
        AgencyId county = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        AgencyId school = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
        Map<AgencyId, AgencyName> names =
                Map.of(county, new AgencyName(county, "县司法局"), school, new AgencyName(school, "职业学校"));
        assertThat(ReferralPresentation.texts(names)).isEqualTo(Map.of(county, "县司法局", school, "职业学校"));
        assertThat(ReferralPresentation.texts(Map.of())).isEmpty();
    }
}
