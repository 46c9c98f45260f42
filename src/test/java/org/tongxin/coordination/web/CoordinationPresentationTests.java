package org.tongxin.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictView;

/** A conflict's register line names its agencies as the API does, and an agency nobody knows as a dash. */
class CoordinationPresentationTests {

    static final AgencyId COUNTY = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final AgencyId COURT = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    static final AgencyId POLICE = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    static final AgencyId OFFICE = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000d"));

    static ConflictView conflict() {
        Instant t0 = Instant.parse("2025-10-20T01:00:00Z");
        return new ConflictView(
                ConflictId.of(UUID.fromString("00000000-0000-0000-0000-0000000000f1")),
                null,
                null,
                ConflictType.COMMUNICATION,
                ConflictState.RAISED,
                COUNTY,
                UUID.fromString("00000000-0000-0000-0000-0000000000e1"),
                OFFICE,
                List.of(COURT, POLICE),
                "The receipt is disputed",
                null,
                null,
                "CITYA",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                t0,
                t0,
                0,
                List.of());
    }

    @Test
    void theLineNamesWhoRaisedItAndItsPartiesInOrder() {
        Map<AgencyId, AgencyName> names = Map.of(
                COUNTY, new AgencyName(COUNTY, "County agency"),
                COURT, new AgencyName(COURT, "County court"));
        ConflictPages.ConflictLine line = CoordinationPresentation.line(conflict(), names);
        assertThat(line.conflict()).isEqualTo(conflict());
        assertThat(line.raisedByName()).isEqualTo("County agency");
        assertThat(line.partyNames()).containsExactly("County court", "—");
    }

    @Test
    void anAgencyThatIsNotKnownOrNotSetIsADash() {
        assertThat(CoordinationPresentation.name(Map.of(), OFFICE)).isEqualTo("—");
        assertThat(CoordinationPresentation.name(Map.of(), null)).isEqualTo("—");
        assertThat(CoordinationPresentation.name(Map.of(OFFICE, new AgencyName(OFFICE, "协调办")), OFFICE))
                .isEqualTo("协调办");
    }
}
