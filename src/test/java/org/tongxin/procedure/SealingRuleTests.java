package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.TerminationReason;

/**
 * CPL art. 286 as {@link TerminationProcedure#sealable} applies it: an offence under 18, a sentence of at most five years'
 * fixed-term imprisonment. The term proves it for public surveillance and probation; for parole and temporary
 * execution the original sentence recorded with the decision decides, and an unknown one does not seal.
 */
class SealingRuleTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static CaseFacts terminated(CorrectionType type, boolean minor, LocalDate termEnd, Integer sentenceMonths) {
        return new CaseFacts(
                CaseId.of(UUID.randomUUID()),
                CaseStatus.TERMINATED,
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                START,
                false,
                false,
                "369900",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                minor,
                "（2025）A0102刑初1号",
                START,
                termEnd,
                null,
                null,
                null,
                null,
                null,
                TerminationReason.EXPIRY,
                termEnd,
                false,
                sentenceMonths);
    }

    @Test
    void probationAndPublicSurveillanceAreSealedByTheirTerm() {
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PROBATION, true, START.plusYears(3), null)))
                .isTrue();
        assertThat(TerminationProcedure.sealable(
                        terminated(CorrectionType.PUBLIC_SURVEILLANCE, true, START.plusYears(2), null)))
                .isTrue();
        assertThat(TerminationProcedure.sealable(terminated(
                        CorrectionType.PROBATION, true, START.plusYears(5).plusDays(1), null)))
                .as("a test period over five years: the sentence may have been longer")
                .isFalse();
    }

    @Test
    void paroleAndTemporaryExecutionAreSealedByTheOriginalSentence() {
        LocalDate end = START.plusMonths(8);
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PAROLE, true, end, 60)))
                .isTrue();
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.TEMPORARY_EXECUTION, true, end, 36)))
                .isTrue();
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PAROLE, true, end, 61)))
                .isFalse();
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.TEMPORARY_EXECUTION, true, end, 120)))
                .isFalse();
    }

    @Test
    void anUnknownSentenceOrAnAdultOffenderIsNotSealed() {
        LocalDate end = START.plusMonths(8);
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PAROLE, true, end, null)))
                .as("a short remaining term proves nothing about the sentence")
                .isFalse();
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PAROLE, false, end, 24)))
                .isFalse();
        assertThat(TerminationProcedure.sealable(terminated(CorrectionType.PROBATION, false, START.plusYears(1), null)))
                .isFalse();
    }
}
