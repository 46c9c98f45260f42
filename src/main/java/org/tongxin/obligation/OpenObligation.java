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
 * (expedited cases may have a shorter one).
 */
public record OpenObligation(CaseId caseId, ProcedureStep step, String instance, PolicyVersionRef policyVersion,
        PolicySettings settings, AgencyId owingAgency, boolean owedBySubject, AgencyId counterparty, Integer amount,
        boolean custody, Instant triggeredAt, UUID assignee) {
}
