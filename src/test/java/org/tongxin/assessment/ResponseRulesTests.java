package org.tongxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.shared.error.TongxinException;

class ResponseRulesTests {

    static final ResponseRules.Thresholds BASELINE = new ResponseRules.Thresholds(2, 10, 2, 30, 3);

    static ResponseRules.Facts facts(int reprimands, int warnings, int penalties, int days) {
        return new ResponseRules.Facts(CorrectionType.PROBATION, reprimands, warnings, penalties, days, 0, 0);
    }

    static String refusal(ResponseKind kind, Set<ReasonCode> reasons, ResponseRules.Facts f) {
        try {
            ResponseRules.check(kind, reasons, f, BASELINE);
            return null;
        } catch (TongxinException e) {
            return e.code();
        }
    }

    @Test
    void revocationOnWarnedTwiceIsRefusedAfterOneWarningAndAllowedAfterTwo() {
        assertThat(refusal(
                        ResponseKind.REVOCATION, EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED), facts(0, 1, 0, 0)))
                .isEqualTo("GROUND_NOT_MET_WARNED_TWICE_NOT_CORRECTED");
        assertThat(refusal(
                        ResponseKind.REVOCATION, EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED), facts(0, 2, 0, 0)))
                .isNull();
    }

    @Test
    void outOfContactForMoreThanTheMonthOfThePolicyGroundsRevocation() {
        assertThat(refusal(
                        ResponseKind.REVOCATION, EnumSet.of(ReasonCode.OUT_OF_CONTACT_OVER_MONTH), facts(0, 0, 0, 30)))
                .isEqualTo("GROUND_NOT_MET_OUT_OF_CONTACT_OVER_MONTH");
        assertThat(refusal(
                        ResponseKind.REVOCATION, EnumSet.of(ReasonCode.OUT_OF_CONTACT_OVER_MONTH), facts(0, 0, 0, 31)))
                .isNull();
    }

    @Test
    void aWarningNeedsTheReprimandsThePolicySets() {
        assertThat(refusal(ResponseKind.WARNING, EnumSet.of(ReasonCode.REPRIMANDED_NOT_CORRECTED), facts(1, 0, 0, 0)))
                .isEqualTo("GROUND_NOT_MET_REPRIMANDED_NOT_CORRECTED");
        assertThat(refusal(ResponseKind.WARNING, EnumSet.of(ReasonCode.REPRIMANDED_NOT_CORRECTED), facts(2, 0, 0, 0)))
                .isNull();
        ResponseRules.Thresholds strict = new ResponseRules.Thresholds(1, 10, 2, 30, 3);
        ResponseRules.check(
                ResponseKind.WARNING, EnumSet.of(ReasonCode.REPRIMANDED_NOT_CORRECTED), facts(1, 0, 0, 0), strict);
    }

    @Test
    void aStatedSeriousBreachGroundsAWarningAtOnce() {
        assertThat(refusal(ResponseKind.WARNING, EnumSet.of(ReasonCode.SERIOUS_BREACH), facts(0, 0, 0, 0)))
                .isNull();
    }

    @Test
    void aReasonOfAnotherResponseIsABadRequest() {
        assertThatThrownBy(() -> ResponseRules.check(
                        ResponseKind.REPRIMAND,
                        EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED),
                        facts(0, 5, 0, 0),
                        BASELINE))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(400));
        assertThatThrownBy(() -> ResponseRules.check(ResponseKind.WARNING, Set.of(), facts(0, 0, 0, 0), BASELINE))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(400));
    }

    @Test
    void revocationIsNotForTemporaryExecutionAndCustodyIsOnlyForIt() {
        ResponseRules.Facts jwzx = new ResponseRules.Facts(CorrectionType.TEMPORARY_EXECUTION, 0, 2, 0, 0, 0, 0);
        assertThat(refusal(ResponseKind.REVOCATION, EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED), jwzx))
                .isEqualTo("RESPONSE_NOT_FOR_TYPE");
        assertThat(refusal(ResponseKind.CUSTODY, EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED), jwzx))
                .isNull();
        assertThat(refusal(ResponseKind.CUSTODY, EnumSet.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED), facts(0, 2, 0, 0)))
                .isEqualTo("RESPONSE_NOT_FOR_TYPE");
    }

    @Test
    void theExplanationNamesWhatTheRecordShowsAndWhatIsMissing() {
        var options = ResponseRules.options(facts(2, 1, 0, 12), BASELINE);
        var warning = options.stream()
                .filter(o -> o.kind() == ResponseKind.WARNING)
                .findFirst()
                .orElseThrow();
        assertThat(warning.derivedGrounds())
                .containsExactlyInAnyOrder(ReasonCode.REPRIMANDED_NOT_CORRECTED, ReasonCode.OUT_OF_CONTACT_LONG);
        var revocation = options.stream()
                .filter(o -> o.kind() == ResponseKind.REVOCATION)
                .findFirst()
                .orElseThrow();
        assertThat(revocation.unmet()).contains(new ResponseRules.Unmet(ReasonCode.WARNED_TWICE_NOT_CORRECTED, 2, 1));
        assertThat(options.stream()
                        .filter(o -> o.kind() == ResponseKind.CUSTODY)
                        .findFirst()
                        .orElseThrow()
                        .allowed())
                .isFalse();
    }

    @Test
    void missedReportsAndOverdueReturnsGroundAWarningOnceThePolicysNumberIsReached() {
        ResponseRules.Facts two = new ResponseRules.Facts(CorrectionType.PROBATION, 0, 0, 0, 0, 1, 1);
        assertThat(refusal(ResponseKind.WARNING, EnumSet.of(ReasonCode.REPORTING_RULES_BROKEN_REPEATEDLY), two))
                .isEqualTo("GROUND_NOT_MET_REPORTING_RULES_BROKEN_REPEATEDLY");
        ResponseRules.Facts three = new ResponseRules.Facts(CorrectionType.PROBATION, 0, 0, 0, 0, 2, 1);
        assertThat(refusal(ResponseKind.WARNING, EnumSet.of(ReasonCode.REPORTING_RULES_BROKEN_REPEATEDLY), three))
                .isNull();
        var warning = ResponseRules.options(two, BASELINE).stream()
                .filter(o -> o.kind() == ResponseKind.WARNING)
                .findFirst()
                .orElseThrow();
        assertThat(warning.unmet())
                .contains(new ResponseRules.Unmet(ReasonCode.REPORTING_RULES_BROKEN_REPEATEDLY, 3, 2));
    }
}
