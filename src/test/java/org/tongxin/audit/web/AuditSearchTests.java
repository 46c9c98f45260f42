package org.tongxin.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.shared.error.TongxinException;

/** The audit search the API and the pages share: its checks, its filter, its record and its address. */
class AuditSearchTests {

    @Test
    void daysAreWholeDaysInChinaStandardTime() {
        AuditFilter filter = new AuditSearch(
                        LocalDate.of(2025, 10, 1),
                        LocalDate.of(2025, 10, 2),
                        "officer",
                        AuditCategory.AUDIT,
                        "audit.search",
                        AuditOutcome.SUCCESS,
                        "case")
                .filter();
        assertThat(filter.from()).isEqualTo(Instant.parse("2025-09-30T16:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2025-10-02T16:00:00Z"));
        assertThat(filter.actor()).isEqualTo("officer");
        assertThat(filter.category()).isEqualTo(AuditCategory.AUDIT);
        assertThat(filter.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void anEmptySearchFiltersNothing() {
        AuditFilter filter = new AuditSearch(null, null, null, null, null, null, null).filter();
        assertThat(filter).isEqualTo(new AuditFilter(null, null, null, null, null, null, null));
    }

    @Test
    void aPeriodEndingBeforeItStartsAndTooLongTextsAreRefusedFieldByField() {
        AuditSearch bad = new AuditSearch(
                LocalDate.of(2025, 10, 2),
                LocalDate.of(2025, 10, 1),
                "a".repeat(101),
                null,
                "b".repeat(65),
                null,
                "c".repeat(101));
        assertThatThrownBy(bad::filter)
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactly("to", "actor", "action", "target"));
    }

    @Test
    void theRecordOfASearchListsEveryPartInOrder() {
        assertThat(new AuditSearch(LocalDate.of(2025, 10, 1), null, "li", null, null, AuditOutcome.DENIED, null)
                        .describe())
                .isEqualTo("[2025-10-01, null, li, null, null, DENIED, null]");
    }

    @Test
    void theAddressLeavesOutWhatIsNotAsked() {
        assertThat(new AuditSearch(null, null, null, null, null, null, null).url("/audit"))
                .isEqualTo("/audit");
        assertThat(new AuditSearch(LocalDate.of(2025, 10, 1), null, " ", AuditCategory.AUDIT, "x", null, null)
                        .url("/audit/export"))
                .isEqualTo("/audit/export?from=2025-10-01&category=AUDIT&action=x");
    }
}
