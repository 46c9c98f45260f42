package org.tongxin.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The districts in view as a range of codes: the same districts as the prefix, in a form an index can serve. */
class StatisticsScopeTests {

    private static final List<String> CODES =
            List.of("130100", "130102", "130109", "130199", "130200", "130000", "120109", "139999", "1301", "13010");

    @Test
    void aCityCoversEveryDistrictWhoseCodeStartsWithItsFourDigits() {
        StatisticsScope.Scope city = new StatisticsScope.Scope("1301", "130100", null);

        assertThat(city.bounds()).isEqualTo(Map.of("scopeFrom", "1301", "scopeTo", "130199"));
        assertThat(CODES.stream().filter(code -> within(code, city.bounds())))
                .containsExactlyElementsOf(
                        CODES.stream().filter(code -> code.startsWith("1301")).toList());
    }

    @Test
    void aDistrictCoversItselfOnly() {
        StatisticsScope.Scope district = new StatisticsScope.Scope("1301", "130100", "130109");

        assertThat(district.codePrefix()).isEqualTo("130109");
        assertThat(CODES.stream().filter(code -> within(code, district.bounds())))
                .containsExactly("130109");
    }

    /** {@code code BETWEEN scopeFrom AND scopeTo} as PostgreSQL compares digit strings. */
    private static boolean within(String code, Map<String, String> bounds) {
        return code.compareTo(bounds.get("scopeFrom")) >= 0 && code.compareTo(bounds.get("scopeTo")) <= 0;
    }
}
