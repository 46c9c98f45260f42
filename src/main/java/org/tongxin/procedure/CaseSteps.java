package org.tongxin.procedure;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.obligation.WaitReason;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.procedure.internal.Organs;
import org.tongxin.shared.time.LegalTime;

/**
 * How every process opens a step of a case on the ledger (ADR 0021): with the policy version in force in the case's
 * region on the trigger's day (recorded on the obligation, so it keeps that rule), the case's agencies filling the
 * organs the step names, a step the subject owes watched by its watcher (the county agency by default), and the clock
 * under custody rules while the subject is held. Intake, supervision, assessment and termination all open their steps
 * here; they fulfil, pause, resume and waive them on {@link ObligationLedger} with the same case, step and instance.
 */
@Component
public class CaseSteps {

    private static final Logger log = LoggerFactory.getLogger(CaseSteps.class);

    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final Organs organs;

    CaseSteps(ObligationLedger ledger, PolicyModels policies, Organs organs) {
        this.ledger = ledger;
        this.policies = policies;
        this.organs = organs;
    }

    /**
     * The agency filling {@code organ} in the case, found from the case itself: decision organ, county agency, office
     * (else the county agency), procuratorate, police, handover institution, detaining organ, the agency one level up,
     * the county judicial bureau, the intermediate court and the education department of the place. Empty for the
     * organs only the process knows (a new place of execution, the unit a procuratorial opinion addresses, a named
     * department) and for persons (subject, guardian, everyone).
     */
    public Optional<AgencyId> organ(CaseFacts c, Organ organ) {
        return Optional.ofNullable(organs.resolve(c, organ));
    }

    /**
     * Opens a step (once per case, step and instance: a second call returns the first obligation). {@code owing} and
     * {@code counterparty} name the agencies where the process knows them (the receiver of a handover, the new county
     * agency), else the organs the step names are filled from the case. Empty, with a warning in the log, when the
     * region's catalogue lacks the step or nobody fills the owing organ.
     */
    @Transactional
    public Optional<ObligationId> open(
            CaseFacts c, String stepId, String instance, Instant trigger, AgencyId owing, AgencyId counterparty) {
        return open(c, stepId, instance, trigger, owing, counterparty, null);
    }

    /**
     * Like {@link #open(CaseFacts, String, String, Instant, AgencyId, AgencyId)} with the period's amount set by the process
     * where a decision or a setting fixes it (the months of an approved monitoring period, a supervision level's
     * reporting interval); null takes the step's own amount (the expedited one for expedited cases).
     */
    @Transactional
    public Optional<ObligationId> open(
            CaseFacts c,
            String stepId,
            String instance,
            Instant trigger,
            AgencyId owing,
            AgencyId counterparty,
            Integer amount) {
        return request(c, stepId, instance, trigger, owing, counterparty, amount)
                .map(ledger::open);
    }

    /**
     * Opens a step whose trigger has not happened yet (ADR 0039): shown as not started, waiting for {@code waitsFor}
     * (null: for the owing agency's own earlier step) for {@code reason}; no due time until
     * {@link ObligationLedger#start} starts its clock. {@code at}: when it became known (the policy in force that day).
     */
    @Transactional
    public Optional<ObligationId> openNotStarted(
            CaseFacts c, String stepId, String instance, Instant at, AgencyId waitsFor, WaitReason reason) {
        return request(c, stepId, instance, at, null, null, null).map(r -> ledger.openNotStarted(r, waitsFor, reason));
    }

    private Optional<OpenObligation> request(
            CaseFacts c,
            String stepId,
            String instance,
            Instant trigger,
            AgencyId owing,
            AgencyId counterparty,
            Integer amount) {
        ResolvedPolicy policy = policies.inForce(c.policyRegion(), LegalTime.dateOf(trigger));
        Optional<ProcedureStep> found = policy.step(stepId);
        if (found.isEmpty()) {
            log.warn(
                    "Policy {} v{} has no step {}; case {} goes on without it",
                    policy.region(),
                    policy.version().number(),
                    stepId,
                    c.id());
            return Optional.empty();
        }
        ProcedureStep step = found.get();
        boolean bySubject = step.owes() == Organ.SUBJECT;
        AgencyId owingAgency = owing != null
                ? owing
                : organs.resolve(
                        c, bySubject ? (step.watcher() == null ? Organ.COUNTY_AGENCY : step.watcher()) : step.owes());
        if (owingAgency == null) {
            log.warn("Case {}: nobody fills {} for step {}; not opened", c.id(), step.owes(), stepId);
            return Optional.empty();
        }
        AgencyId to = counterparty != null ? counterparty : organs.resolve(c, step.counterparty());
        return Optional.of(new OpenObligation(
                c.id(),
                step,
                instance,
                policy.version(),
                policy.settings(),
                owingAgency,
                bySubject,
                to == null || to.equals(owingAgency) ? null : to,
                amount != null ? amount : step.deadline().amountFor(c.expedited()),
                c.inCustody(),
                trigger,
                null));
    }
}
