package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.casefile.IdentityDocumentType.HK_MACAO_PERMIT;
import static org.tongxin.casefile.IdentityDocumentType.HMT_RESIDENCE_PERMIT;
import static org.tongxin.casefile.IdentityDocumentType.PASSPORT;
import static org.tongxin.casefile.IdentityDocumentType.RESIDENT_ID;
import static org.tongxin.casefile.IdentityDocumentType.TAIWAN_PERMIT;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Identity document numbers: the GB 11643 check character of resident IDs and of the Hong Kong, Macao and Taiwan
 * residents' residence permits, the birth date and sex written in them, and the formats of passports and travel
 * permits. The numbers here are made up (valid check characters, nobody's number).
 */
class IdentityNumbersTests {

    /** The worked example of GB 11643-1999 (a check character X). */
    static final String STANDARD_EXAMPLE = "11010519491231002X";

    static final String MAN_1990 = "369902199003071238";
    static final String WOMAN_2009 = "369902200911150025";
    static final String HONG_KONG_RESIDENT = "810000198001010014";

    @Test
    void aResidentIdWithTheRightCheckCharacterIsValid() {
        assertThat(IdentityNumbers.problem(RESIDENT_ID, STANDARD_EXAMPLE)).isNull();
        assertThat(IdentityNumbers.problem(RESIDENT_ID, MAN_1990)).isNull();
        assertThat(IdentityNumbers.problem(RESIDENT_ID, WOMAN_2009)).isNull();
    }

    @Test
    void aLowerCaseXAndSpacesAreNormalisedBeforeChecking() {
        assertThat(IdentityNumbers.normalise(" 110105 19491231 002x ")).isEqualTo(STANDARD_EXAMPLE);
        assertThat(IdentityNumbers.problem(RESIDENT_ID, "110105 19491231 002x")).isNull();
    }

    @Test
    void everyWrongCheckCharacterIsAChecksumProblem() {
        String first17 = MAN_1990.substring(0, 17);
        for (char check : "0123456789X".toCharArray()) {
            String number = first17 + check;
            assertThat(IdentityNumbers.problem(RESIDENT_ID, number))
                    .as("check character %s", check)
                    .isEqualTo(check == '8' ? null : "idNumberChecksum");
        }
    }

    @Test
    void aSwappedPairOfDigitsIsCaught() {
        String swapped = MAN_1990.substring(0, 14) + MAN_1990.charAt(15) + MAN_1990.charAt(14) + MAN_1990.substring(16);
        assertThat(swapped).isNotEqualTo(MAN_1990);
        assertThat(IdentityNumbers.problem(RESIDENT_ID, swapped)).isEqualTo("idNumberChecksum");
    }

    @Test
    void malformedResidentIdsAreFormatProblems() {
        assertThat(IdentityNumbers.problem(RESIDENT_ID, MAN_1990.substring(0, 17)))
                .as("17 characters")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, MAN_1990 + "1"))
                .as("19 characters")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, "36990219900307123A"))
                .as("a letter other than X")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, "3699021990030712X8"))
                .as("X not last")
                .isEqualTo("idNumberFormat");
        String thirtiethOfFebruary = "36990219900230123";
        assertThat(IdentityNumbers.problem(
                        RESIDENT_ID, thirtiethOfFebruary + IdentityNumbers.checkCharacter(thirtiethOfFebruary)))
                .as("no such birth date, even with a correct check character")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, "  ")).isEqualTo("required");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, null)).isEqualTo("required");
    }

    @Test
    void residencePermitsOfHongKongMacaoAndTaiwanResidentsUseTheirOwnPrefixes() {
        assertThat(IdentityNumbers.problem(HMT_RESIDENCE_PERMIT, HONG_KONG_RESIDENT))
                .isNull();
        for (String prefix : new String[] {"820000", "830000"}) {
            String first17 = prefix + "19800101001";
            assertThat(IdentityNumbers.problem(HMT_RESIDENCE_PERMIT, first17 + IdentityNumbers.checkCharacter(first17)))
                    .isNull();
        }
        assertThat(IdentityNumbers.problem(HMT_RESIDENCE_PERMIT, MAN_1990))
                .as("a mainland number is no permit")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(RESIDENT_ID, HONG_KONG_RESIDENT))
                .as("a permit is no resident ID")
                .isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(HMT_RESIDENCE_PERMIT, HONG_KONG_RESIDENT.substring(0, 17) + "5"))
                .isEqualTo("idNumberChecksum");
    }

    @Test
    void passportsAreFiveToSeventeenLettersOrDigits() {
        assertThat(IdentityNumbers.problem(PASSPORT, "E12345678")).isNull();
        assertThat(IdentityNumbers.problem(PASSPORT, "ea1234567"))
                .as("upper-cased")
                .isNull();
        assertThat(IdentityNumbers.problem(PASSPORT, "P1234")).isNull();
        assertThat(IdentityNumbers.problem(PASSPORT, "P123")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(PASSPORT, "E1234-5678")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(PASSPORT, "E".repeat(18))).isEqualTo("idNumberFormat");
    }

    @Test
    void hongKongAndMacaoPermitsStartWithHOrMAndTaiwanPermitsAreDigits() {
        assertThat(IdentityNumbers.problem(HK_MACAO_PERMIT, "H12345678")).isNull();
        assertThat(IdentityNumbers.problem(HK_MACAO_PERMIT, "M1234567890")).isNull();
        assertThat(IdentityNumbers.problem(HK_MACAO_PERMIT, "C12345678")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(HK_MACAO_PERMIT, "H1234567")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(HK_MACAO_PERMIT, "H123456789")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(TAIWAN_PERMIT, "12345678")).isNull();
        assertThat(IdentityNumbers.problem(TAIWAN_PERMIT, "1234567890")).isNull();
        assertThat(IdentityNumbers.problem(TAIWAN_PERMIT, "123456789")).isEqualTo("idNumberFormat");
        assertThat(IdentityNumbers.problem(TAIWAN_PERMIT, "T12345678")).isEqualTo("idNumberFormat");
    }

    @Test
    void theNumberTellsTheBirthDateAndTheSex() {
        assertThat(IdentityNumbers.birthDate(MAN_1990)).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(IdentityNumbers.gender(MAN_1990)).isEqualTo(Gender.MALE);
        assertThat(IdentityNumbers.birthDate(WOMAN_2009)).isEqualTo(LocalDate.of(2009, 11, 15));
        assertThat(IdentityNumbers.gender(WOMAN_2009)).isEqualTo(Gender.FEMALE);
        assertThat(IdentityNumbers.birthDate("3699")).isNull();
    }

    @Test
    void composedNumbersAreValidAndCarryTheirBirthDateAndSex() {
        LocalDate birth = LocalDate.of(2008, 2, 29);
        for (int sequence = 0; sequence < 1200; sequence += 7) {
            for (Gender gender : Gender.values()) {
                String number = IdentityNumbers.compose("369902", birth, sequence, gender);
                assertThat(IdentityNumbers.problem(RESIDENT_ID, number)).isNull();
                assertThat(IdentityNumbers.birthDate(number)).isEqualTo(birth);
                assertThat(IdentityNumbers.gender(number)).isEqualTo(gender);
            }
        }
    }

    @Test
    void aMaskedNumberShowsOnlyItsFirstThreeAndLastFourCharacters() {
        assertThat(IdentityNumbers.mask(STANDARD_EXAMPLE)).isEqualTo("110***********002X");
        assertThat(IdentityNumbers.mask("E12345678")).isEqualTo("E12**5678");
        assertThat(IdentityNumbers.mask("E123")).isEqualTo("****");
        assertThat(IdentityNumbers.mask(null)).isEqualTo("****");
    }
}
