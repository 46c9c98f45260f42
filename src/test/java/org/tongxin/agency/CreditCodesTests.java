package org.tongxin.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTests {

    @Test
    void followsTheWorkedExampleOfTheStandard() {
        // GB 32100-2015's example: for 91350100M000100Y4 the check character is 3 (sum 1640, 1640 mod 31 = 28).
        assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y4Z")).isFalse();
        // And the organisation code's own check (GB 11714) of M000100Y is 4.
        assertThat(CreditCodes.organisationCheck("M000100Y")).isEqualTo('4');
    }

    @Test
    void refusesWrongLengthLettersOutsideTheAlphabetAndNonDigitDivisions() {
        assertThat(CreditCodes.isValid("91350100M000100Y")).isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
        assertThat(CreditCodes.isValid("91350100I000100Y43")).isFalse();
        assertThat(CreditCodes.isValid("9135A100M000100Y43")).isFalse();
    }

    @Test
    void composedCodesAreValid() {
        String code = CreditCodes.compose('1', '1', "369902", "A0001013");
        assertThat(code).hasSize(18).startsWith("11369902A0001013");
        assertThat(CreditCodes.isValid(code)).isTrue();
    }
}
