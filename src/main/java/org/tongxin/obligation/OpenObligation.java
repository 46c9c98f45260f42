package org.tongxin.obligation;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.PolicyVersionRef;
import org.tongxin.policy.ProcedureStep;

/**
 * What the procedure asks the ledger to open: the step as the policy version in force defines it, the concrete
 * agencies that fill its organs in this case, and the moment the trigger happened. {@code instance} distinguishes a
 * step that recurs in one case ("" for the first and usual one). Amount: the step's amount for this case
 * (expedited cases may have a shorter one). An obligation is about a case or, without one, about a {@code matter}
 * (a joint-meeting decision, a conflict): exactly one of the two is given.
 */
public record OpenObligation(
        CaseId caseId,
        ProcedureStep step,
        String instance,
        PolicyVersionRef policyVersion,
        PolicySettings settings,
        AgencyId owingAgency,
        boolean owedBySubject,
        AgencyId counterparty,
        Integer amount,
        boolean custody,
        Instant triggeredAt,
        UUID assignee,
        ObligationMatter matter) {

    public OpenObligation {
        if ((caseId == null) == (matter == null)) {
            throw new IllegalArgumentException("An obligation is about a case or a matter, exactly one of them");
        }
    }

    /** An obligation in a case. */
    public OpenObligation(
            CaseId caseId,
            ProcedureStep step,
            String instance,
            PolicyVersionRef policyVersion,
            PolicySettings settings,
            AgencyId owingAgency,
            boolean owedBySubject,
            AgencyId counterparty,
            Integer amount,
            boolean custody,
            Instant triggeredAt,
            UUID assignee) {
        this(
                caseId,
                step,
                instance,
                policyVersion,
                settings,
                owingAgency,
                owedBySubject,
                counterparty,
                amount,
                custody,
                triggeredAt,
                assignee,
                null);
    }

    /** An obligation about a matter without a case (never owed by a subject, never in custody). */
    public static OpenObligation forMatter(
            ObligationMatter matter,
            ProcedureStep step,
            String instance,
            PolicyVersionRef policyVersion,
            PolicySettings settings,
            AgencyId owingAgency,
            AgencyId counterparty,
            Integer amount,
            Instant triggeredAt) {
        return new OpenObligation(
                null,
                step,
                instance,
                policyVersion,
                settings,
                owingAgency,
                false,
                counterparty,
                amount,
                false,
                triggeredAt,
                null,
                matter);
    }
}
