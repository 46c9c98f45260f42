package org.tongxin.assessment;

import java.util.EnumSet;
import java.util.Set;
import org.tongxin.casefile.CorrectionType;

/**
 * The graduated responses of CCL art. 28 and arts. 46–49, in rising order after the rewards (commendation, and the
 * sentence reduction of art. 33 the agency proposes): what the county agency decides itself and what it proposes to
 * another organ. {@link #stepId()} is the step of the policy model it is (doc/procedures.md).
 */
public enum ResponseKind {
    /** 表扬 (IM art. 33). */
    COMMENDATION("reward.praise", false),
    /**
     * 提请减刑: the county agency proposes a sentence reduction to the intermediate court of the place (CCL art. 33;
     * Criminal Law art. 78), copy to the procuratorate of the same level; the court rules within 30 days.
     */
    COMMUTATION("commutation.propose", true),
    /** 训诫: minor violations (IM art. 34). */
    REPRIMAND("sanction.admonish", false),
    /** 警告 (IM art. 35); copy to the procuratorate. */
    WARNING("sanction.warn", false),
    /** 提请治安管理处罚: the police of the same level decide (IM art. 36). */
    POLICE_PENALTY("sanction.police", true),
    /** 提请撤销缓刑、假释 (CCL art. 46), with an arrest request where the subject may flee or endanger society (art. 47). */
    REVOCATION("revoke.propose", true),
    /** 提请收监执行: a temporary-execution subject (CCL art. 49). */
    CUSTODY("jwzx.recall.propose", true);

    private final String stepId;
    private final boolean proposal;

    ResponseKind(String stepId, boolean proposal) {
        this.stepId = stepId;
        this.proposal = proposal;
    }

    public String stepId() {
        return stepId;
    }

    /** Whether another organ decides (a proposal carried by a handover) rather than the county agency itself. */
    public boolean proposal() {
        return proposal;
    }

    /** The correction types the response exists for: revocation for probation and parole, custody for 暂予监外执行. */
    public Set<CorrectionType> appliesTo() {
        return switch (this) {
            case REVOCATION -> EnumSet.of(CorrectionType.PROBATION, CorrectionType.PAROLE);
            case CUSTODY -> EnumSet.of(CorrectionType.TEMPORARY_EXECUTION);
            default -> EnumSet.allOf(CorrectionType.class);
        };
    }

    public static final Set<ResponseKind> DECISIONS = EnumSet.of(COMMENDATION, REPRIMAND, WARNING);
    public static final Set<ResponseKind> PROPOSALS = EnumSet.of(COMMUTATION, POLICE_PENALTY, REVOCATION, CUSTODY);
}
