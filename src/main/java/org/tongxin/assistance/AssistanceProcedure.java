package org.tongxin.assistance;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceEvents.FirstContactRecorded;
import org.tongxin.assistance.AssistanceEvents.ProgressNoted;
import org.tongxin.assistance.AssistanceEvents.ReferralAccepted;
import org.tongxin.assistance.AssistanceEvents.ReferralCompleted;
import org.tongxin.assistance.AssistanceEvents.ReferralDeclined;
import org.tongxin.assistance.AssistanceEvents.ReferralMade;
import org.tongxin.assistance.AssistanceEvents.ReferralPlaced;
import org.tongxin.assistance.AssistanceEvents.ReferralWithdrawn;
import org.tongxin.assistance.internal.ReferralRepository;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.OpenObligation;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.time.LegalTime;

/**
 * The referral's deadlines on the ledger, as the policy in force sets them (doc/procedures.md, "Assistance and
 * coordination"; the law sets none): delivery opens the receiving agency's answer ({@code assist.answer}), which
 * acceptance or a decline fulfils; a place opens the first contact ({@code assist.contact}) and the first monthly
 * progress report ({@code assist.progress}, one instance per month: each note fulfils one and opens the next); a
 * withdrawal or the completion lets whatever is still open lapse. Where the region's policy lacks a step, the referral
 * goes on without that deadline. Listeners run after commit and are idempotent (the ledger opens a step once per case
 * and instance, the instance being the referral).
 */
@Component
class AssistanceProcedure {

    static final String ANSWER = "assist.answer";
    static final String CONTACT = "assist.contact";
    static final String PROGRESS = "assist.progress";
    static final String ENDED = "帮扶转介已结束 / The referral ended";

    private static final Logger log = LoggerFactory.getLogger(AssistanceProcedure.class);

    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final PolicyModels policies;
    private final ReferralRepository referrals;

    AssistanceProcedure(
            ObligationLedger ledger, CaseDirectory cases, PolicyModels policies, ReferralRepository referrals) {
        this.ledger = ledger;
        this.cases = cases;
        this.policies = policies;
        this.referrals = referrals;
    }

    /** The ledger instance of the n-th monthly progress report of a referral. */
    static String progressInstance(ReferralId id, int n) {
        return id + "/" + n;
    }

    @ApplicationModuleListener
    void on(ReferralMade event) {
        String instance = event.referralId().toString();
        open(event.caseId(), ANSWER, instance, event.occurredAt(), event.toAgency(), event.fromAgency());
        // Reactions may run late or out of order (redelivery after a crash): catch up with what already happened.
        referrals.findAsSystem(event.referralId()).ifPresent(r -> {
            if (r.answeredAt() != null) {
                ledger.fulfil(
                        event.caseId(), ANSWER, instance, r.answeredAt(), org.tongxin.shared.security.ActorRef.SYSTEM);
            } else if (r.status() == ReferralStatus.WITHDRAWN) {
                ledger.lapse(event.caseId(), ANSWER, instance, r.closedAt(), ENDED);
            }
        });
    }

    @ApplicationModuleListener
    void on(ReferralAccepted event) {
        ledger.fulfil(event.caseId(), ANSWER, event.referralId().toString(), event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(ReferralDeclined event) {
        ledger.fulfil(event.caseId(), ANSWER, event.referralId().toString(), event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(ReferralWithdrawn event) {
        ledger.lapse(event.caseId(), ANSWER, event.referralId().toString(), event.occurredAt(), ENDED);
    }

    @ApplicationModuleListener
    void on(ReferralPlaced event) {
        String instance = event.referralId().toString();
        open(event.caseId(), CONTACT, instance, event.occurredAt(), event.toAgency(), null);
        open(
                event.caseId(),
                PROGRESS,
                progressInstance(event.referralId(), 1),
                event.occurredAt(),
                event.toAgency(),
                event.fromAgency());
        // Catch up when the contact, the first note or the end came before this reaction ran.
        referrals.findAsSystem(event.referralId()).ifPresent(r -> {
            if (r.firstContactAt() != null) {
                ledger.fulfil(
                        event.caseId(),
                        CONTACT,
                        instance,
                        r.firstContactAt(),
                        org.tongxin.shared.security.ActorRef.SYSTEM);
            }
            if (r.status() == ReferralStatus.COMPLETED) {
                ledger.lapse(event.caseId(), CONTACT, instance, r.closedAt(), ENDED);
                for (int n = 1; n <= r.progressNotes() + 1; n++) {
                    ledger.lapse(
                            event.caseId(), PROGRESS, progressInstance(event.referralId(), n), r.closedAt(), ENDED);
                }
            }
        });
    }

    @ApplicationModuleListener
    void on(FirstContactRecorded event) {
        ledger.fulfil(event.caseId(), CONTACT, event.referralId().toString(), event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(ProgressNoted event) {
        ledger.fulfil(
                event.caseId(),
                PROGRESS,
                progressInstance(event.referralId(), event.number()),
                event.occurredAt(),
                event.actor());
        boolean running = referrals
                .findAsSystem(event.referralId())
                .map(r -> r.status().placed())
                .orElse(false);
        if (running) {
            open(
                    event.caseId(),
                    PROGRESS,
                    progressInstance(event.referralId(), event.number() + 1),
                    event.occurredAt(),
                    event.toAgency(),
                    event.fromAgency());
        }
    }

    @ApplicationModuleListener
    void on(ReferralCompleted event) {
        String id = event.referralId().toString();
        ledger.lapse(event.caseId(), CONTACT, id, event.occurredAt(), ENDED);
        int notes = referrals
                .findAsSystem(event.referralId())
                .map(ReferralRepository.Row::progressNotes)
                .orElse(0);
        // The note that completes it may have been the last progress report; later instances lapse.
        for (int n = 1; n <= notes + 1; n++) {
            ledger.lapse(event.caseId(), PROGRESS, progressInstance(event.referralId(), n), event.occurredAt(), ENDED);
        }
    }

    private void open(
            CaseId caseId, String stepId, String instance, Instant trigger, AgencyId owing, AgencyId counterparty) {
        Optional<CaseFacts> facts = cases.facts(caseId);
        if (facts.isEmpty()) {
            return;
        }
        ResolvedPolicy policy = policies.inForce(facts.get().policyRegion(), LegalTime.dateOf(trigger));
        Optional<ProcedureStep> found = policy.step(stepId);
        if (found.isEmpty()) {
            log.info(
                    "Policy {} v{} has no step {}; referral {} goes on without that deadline",
                    policy.region(),
                    policy.version().number(),
                    stepId,
                    instance);
            return;
        }
        ProcedureStep step = found.get();
        ledger.open(new OpenObligation(
                caseId,
                step,
                instance,
                policy.version(),
                policy.settings(),
                owing,
                false,
                counterparty,
                step.deadline().amountFor(false),
                facts.get().inCustody(),
                trigger,
                null));
    }

    /** Whether the region's policy in force today sets this step (the pages say so when it does not). */
    boolean hasStep(String region, String stepId, java.time.LocalDate day) {
        return policies.findInForce(region, day).flatMap(p -> p.step(stepId)).isPresent();
    }
}
