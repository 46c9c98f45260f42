package org.tongxin.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseEvents.CaseDecided;
import org.tongxin.casefile.CaseEvents.CaseRegistered;
import org.tongxin.casefile.CaseEvents.CaseWithdrawn;
import org.tongxin.casefile.CaseEvents.EntryAnnounced;
import org.tongxin.casefile.CaseEvents.OfficeAssigned;
import org.tongxin.casefile.CaseEvents.PlanMade;
import org.tongxin.casefile.CaseEvents.SubjectArrived;
import org.tongxin.casefile.CaseEvents.TeamFormed;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.exchange.HandoverEvents.HandoverDelivered;
import org.tongxin.exchange.HandoverEvents.HandoverReceipted;
import org.tongxin.exchange.HandoverEvents.HandoverRejected;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.WaitReason;
import org.tongxin.procedure.internal.IntakeDocuments;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * The intake procedure as the ledger sees it: each event of the case, its handovers and its clocks opens, fulfils,
 * pauses or resumes the obligations doc/procedures.md names, with the policy version in force on the trigger's day.
 * Listeners run after the change committed, from the event publication registry (a crash in between delivers the
 * event again), and are idempotent: the ledger opens a step once per case and instance, and fulfils it once.
 */
@Component
class IntakeProcedure {

    private static final Logger log = LoggerFactory.getLogger(IntakeProcedure.class);

    /** Steps the county agency may entrust to the judicial office it assigned (CCL art. 22, 25; IM arts. 19, 20). */
    static final Set<String> ENTRUSTABLE = Set.of(Steps.ANNOUNCE, Steps.TEAM, Steps.PLAN);

    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final AgencyDirectory agencies;
    private final CaseSteps steps;
    private final IntakeDocuments documents;
    private final Handovers handovers;

    IntakeProcedure(
            ObligationLedger ledger,
            CaseDirectory cases,
            CaseManagement caseManagement,
            AgencyDirectory agencies,
            CaseSteps steps,
            IntakeDocuments documents,
            Handovers handovers) {
        this.ledger = ledger;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.agencies = agencies;
        this.steps = steps;
        this.documents = documents;
        this.handovers = handovers;
    }

    // The decision

    @ApplicationModuleListener
    void on(CaseDecided event) {
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        Instant decidedAt = event.occurredAt();
        for (String atDecision : new String[] {Steps.PLACE, Steps.INFORM}) {
            open(c, atDecision, "", decidedAt, null, null);
            ledger.fulfil(c.id(), atDecision, "", decidedAt, event.actor());
        }
        Instant effective = startOf(event.effectiveDate());
        open(c, Steps.NOTIFY, "", effective, null, null);
        open(c, Steps.DELIVER, "", effective, null, null);
        if (event.correctionType().reportsInPerson()) {
            open(c, Steps.REPORT, "", effective, null, null);
            documents.reportingNotice(c);
        } else {
            String transfer = Steps.transfer(c, agencies);
            if (c.handoverInstitutionId() == null) {
                log.warn(
                        "Case {}: temporary execution without an institution handing the subject over; {} not opened",
                        c.id(),
                        transfer);
            } else {
                open(c, transfer, "", effective, c.handoverInstitutionId(), null);
            }
        }
    }

    @ApplicationModuleListener
    void on(CaseWithdrawn event) {
        int lapsed =
                ledger.lapseAll(event.caseId(), event.occurredAt(), "案件未适用社区矫正 / Community correction not applied");
        log.info("Case {} withdrawn: {} pending obligations lapsed", event.caseId(), lapsed);
    }

    // Handovers

    @ApplicationModuleListener
    void on(HandoverDelivered event) {
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        Instant at = event.occurredAt();
        switch (event.kind()) {
            case ASSESSMENT_ENTRUSTMENT -> {
                if (event.supplement()) {
                    supplied(c, Steps.ASSESS, event);
                } else {
                    open(c, Steps.ASSESS, "", at, event.receiver(), event.sender());
                }
            }
            case ASSESSMENT_OPINION -> ledger.fulfil(c.id(), Steps.ASSESS, "", at, event.actor());
            case EXECUTION_NOTICE -> ledger.fulfil(c.id(), Steps.NOTIFY, "", at, event.actor());
            case LEGAL_DOCUMENTS -> {
                if (event.supplement()) {
                    ledger.fulfil(c.id(), Steps.SUPPLEMENT, Integer.toString(event.round() - 1), at, event.actor());
                    supplied(c, Steps.RECEIPT, event);
                } else {
                    ledger.fulfil(c.id(), Steps.DELIVER, "", at, event.actor());
                    // The execution notice travels in the bundle: a notification not yet made is made by it.
                    ledger.fulfil(c.id(), Steps.NOTIFY, "", at, event.actor());
                    open(c, Steps.RECEIPT, "", at, event.receiver(), event.sender());
                }
                documentsState(c.id(), event.handoverId());
                registration(c.id(), at);
            }
            case MISSING_NOTICE -> ledger.fulfil(c.id(), Steps.MISSED, "", at, event.actor());
            case SUBJECT_TRANSFER -> {
                // The receipt is the arrival (Intake.receiveTransfer); nothing to open before it.
            }
        }
    }

    /** The sender supplied what a rejection asked for: the receiver's clock on {@code step} runs again, the wait ends. */
    private void supplied(CaseFacts c, String step, HandoverDelivered event) {
        ledger.resume(c.id(), step, "", event.occurredAt(), event.actor());
        ledger.stopWaiting(c.id(), step, "", event.occurredAt());
    }

    /** A rejected bundle: the receiver's clock on {@code step} stops, and it waits for the sender (ADR 0039). */
    private void awaitSender(CaseFacts c, String step, String pause, WaitReason reason, HandoverRejected event) {
        ledger.pause(c.id(), step, "", event.occurredAt(), pause, event.actor());
        ledger.waitFor(c.id(), step, "", event.sender(), reason, event.occurredAt());
    }

    @ApplicationModuleListener
    void on(HandoverRejected event) {
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        Instant at = event.occurredAt();
        switch (event.kind()) {
            case ASSESSMENT_ENTRUSTMENT -> {
                awaitSender(c, Steps.ASSESS, "补充材料 / materials being supplied", WaitReason.MATERIALS_SUPPLEMENT, event);
            }
            case LEGAL_DOCUMENTS -> {
                awaitSender(
                        c,
                        Steps.RECEIPT,
                        "补正法律文书 / documents being supplemented",
                        WaitReason.DOCUMENTS_CORRECTION,
                        event);
                // Whose move it is: the sender corrects and resends (ADR 0039); the receipt's clock is stopped
                // meanwhile.
                open(c, Steps.SUPPLEMENT, Integer.toString(event.round()), at, event.sender(), event.receiver());
                documentsState(c.id(), event.handoverId());
                registration(c.id(), at);
            }
            default -> {
                // Other bundles have no statutory clock on the answer; the sender sees the rejection in the case.
            }
        }
    }

    @ApplicationModuleListener
    void on(HandoverReceipted event) {
        if (event.kind() == org.tongxin.exchange.HandoverKind.LEGAL_DOCUMENTS) {
            ledger.fulfil(event.caseId(), Steps.RECEIPT, "", event.occurredAt(), event.actor());
            documentsState(event.caseId(), event.handoverId());
            registration(event.caseId(), event.occurredAt());
        }
    }

    // The subject

    @ApplicationModuleListener
    void on(SubjectArrived event) {
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        String step = event.handedOver() ? Steps.transfer(c, agencies) : Steps.REPORT;
        ledger.fulfil(c.id(), step, "", event.arrivedAt(), event.actor());
        registration(c.id(), event.arrivedAt());
    }

    /** The reporting period lapsed: the search is on, and the decision organ must be told at once (IM art. 17). */
    @ApplicationModuleListener
    void on(ObligationOverdue event) {
        if (!Steps.REPORT.equals(event.stepId())) {
            return;
        }
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        // The ledger first: it takes the case's lock, which every reaction takes before it writes the case itself.
        open(c, Steps.MISSED, "", event.occurredAt(), null, null);
        caseManagement.subjectMissing(c.id());
    }

    // Registration and after

    @ApplicationModuleListener
    void on(CaseRegistered event) {
        CaseFacts c = facts(event.caseId());
        if (c == null) {
            return;
        }
        Instant at = event.occurredAt();
        ledger.fulfil(c.id(), Steps.REGISTER, "", at, event.actor());
        for (String step : new String[] {Steps.ANNOUNCE, Steps.TEAM, Steps.PLAN}) {
            open(c, step, "", at, c.officeId(), null);
        }
    }

    /** The office the county agency assigned carries the steps it entrusts to it. */
    @ApplicationModuleListener
    void on(OfficeAssigned event) {
        for (String step : ENTRUSTABLE) {
            ledger.reassign(event.caseId(), step, "", event.officeId(), event.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(TeamFormed event) {
        ledger.fulfil(event.caseId(), Steps.TEAM, "", event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(PlanMade event) {
        ledger.fulfil(event.caseId(), Steps.PLAN, "", event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(EntryAnnounced event) {
        ledger.fulfil(event.caseId(), Steps.ANNOUNCE, "", event.heldAt(), event.actor());
        Optional.ofNullable(facts(event.caseId())).ifPresent(documents::entryAnnouncement);
    }

    // Helpers

    /**
     * Registration (CCL art. 22) needs the subject present and the legal documents receipted (CorrectionCase#register
     * refuses it otherwise): its clock starts with the later of the two. Once the subject is here but the documents are
     * not, the step is shown, not started, waiting for what it lacks — the court's delivery, the court's correction of
     * returned documents, or the agency's own receipt — and it is never overdue meanwhile (ADR 0039). Reads the case and
     * its documents as they are now: called after a ledger command of the same reaction took the case's lock, so the
     * reactions to an arrival, a delivery, a rejection and a receipt agree whatever their order.
     */
    private void registration(CaseId id, Instant at) {
        CaseFacts c = facts(id);
        if (c == null || c.arrivedAt() == null) {
            return;
        }
        // A case already registered when this reaction runs (its reactions redelivered after a crash, or simply slower
        // than the officer) still gets its registration step: the fulfilment CaseRegistered asked for is kept by the
        // ledger until the step opens (ADR 0028), so the step opens and closes at once instead of never existing.
        boolean registered = c.registeredAt() != null;
        if (!registered
                && (c.status() != CaseStatus.INTAKE
                        || c.arrivalState() != ArrivalState.REPORTED && c.arrivalState() != ArrivalState.TRANSFERRED)) {
            return;
        }
        Optional<HandoverView> documents = handovers.findOfCase(id).stream()
                .filter(h -> h.kind() == HandoverKind.LEGAL_DOCUMENTS && h.status() != HandoverStatus.CANCELLED)
                .reduce((first, later) -> later);
        Optional<ObligationView> register = ledger.find(id, Steps.REGISTER, "");
        if (register.isPresent() && !register.get().notStarted()) {
            return;
        }
        if (registered || documents.isPresent() && documents.get().status() == HandoverStatus.RECEIPTED) {
            Instant receipted = documents.map(HandoverView::answeredAt).orElse(null);
            if (receipted == null) {
                receipted = registered ? c.arrivedAt() : at;
            }
            Instant trigger = receipted.isAfter(c.arrivedAt()) ? receipted : c.arrivedAt();
            if (register.isEmpty()) {
                open(c, Steps.REGISTER, "", trigger, null, null);
            } else {
                ledger.start(id, Steps.REGISTER, "", trigger, ActorRef.SYSTEM);
            }
            return;
        }
        HandoverStatus status = documents.map(HandoverView::status).orElse(HandoverStatus.PREPARED);
        WaitReason reason = switch (status) {
            case REJECTED -> WaitReason.DOCUMENTS_CORRECTION;
            case DELIVERED -> WaitReason.DOCUMENTS_TO_RECEIPT;
            default -> WaitReason.DOCUMENTS_NOT_DELIVERED;
        };
        AgencyId organ = reason == WaitReason.DOCUMENTS_TO_RECEIPT
                ? null
                : documents.map(HandoverView::senderAgencyId).orElse(c.decisionOrganId());
        if (register.isEmpty()) {
            steps.openNotStarted(c, Steps.REGISTER, "", c.arrivedAt(), organ, reason);
        } else if (!reason.name().equals(register.get().waitingReason())
                || !java.util.Objects.equals(organ, register.get().waitingForAgencyId())) {
            Instant since = register.get().waitingSince();
            ledger.waitFor(id, Steps.REGISTER, "", organ, reason, since != null && since.isAfter(at) ? since : at);
        }
    }

    /**
     * Opens a step of the case's policy (in force on the trigger's day). The owing agency is {@code owing} when given
     * (the receiver of a handover, the institution handing over, the assigned office), else the organ the step names;
     * a step the subject owes is watched by the agency named as watcher (the county agency by default).
     */
    private void open(
            CaseFacts c, String stepId, String instance, Instant trigger, AgencyId owing, AgencyId counterparty) {
        steps.open(c, stepId, instance, trigger, owing, counterparty);
    }

    /**
     * The case's documents follow the bundle as it is now, not as the event that triggered this reaction saw it: the
     * reactions to a delivery, a rejection, a supplement and a receipt may run in any order after a crash, and the last
     * one to run (they are serialised by the ledger's lock on the case, taken before) writes the current state.
     */
    private void documentsState(CaseId caseId, HandoverId bundle) {
        handovers
                .find(bundle)
                .map(h -> switch (h.status()) {
                    case DELIVERED -> DocumentsState.DELIVERED;
                    case REJECTED -> DocumentsState.REJECTED;
                    case RECEIPTED -> DocumentsState.RECEIPTED;
                    default -> null;
                })
                .ifPresent(state -> caseManagement.documentsState(caseId, state));
    }

    private CaseFacts facts(CaseId id) {
        return cases.facts(id).orElse(null);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LegalTime.ZONE).toInstant();
    }
}
