package org.tongxin.supervision.leave;

import java.time.Instant;
import java.time.LocalTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.LeaveEvents.LeaveApproved;
import org.tongxin.supervision.LeaveEvents.LeaveExtensionRequested;
import org.tongxin.supervision.LeaveEvents.LeaveRefused;
import org.tongxin.supervision.LeaveEvents.LeaveRequested;
import org.tongxin.supervision.LeaveEvents.LeaveReturnOverdue;
import org.tongxin.supervision.LeaveEvents.LeaveReturned;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.Leaves;

/**
 * A leave's steps on the ledger (doc/procedures.md leave.approve, leave.frequent, leave.return): an application opens the
 * approver's decision (instance = the leave; an extension's = the leave and the day asked), which the approval or the
 * refusal fulfils; an approved single leave opens the subject's return, due at the end of the last day and watched by
 * the county agency ("awaiting the subject"); an approved extension replaces it. When the return goes overdue the leave
 * turns RETURN_OVERDUE and the judicial office owes a follow-up within a day (supervise.verify, instance = the leave: find out where the subject is, CCL art. 26). Listeners run after commit and are idempotent: the
 * ledger opens a step once per instance and ignores closing what is closed.
 */
@Component
class LeaveProcedure {

    static final String APPROVE = "leave.approve";
    static final String FREQUENT = "leave.frequent";
    static final String RETURN = "leave.return";
    static final String FOLLOW_UP = "supervise.verify";
    static final String EXTENDED = "外出已延期 / The leave was extended";

    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final Leaves leaves;

    LeaveProcedure(CaseSteps steps, ObligationLedger ledger, CaseDirectory cases, Leaves leaves) {
        this.steps = steps;
        this.ledger = ledger;
        this.cases = cases;
        this.leaves = leaves;
    }

    /**
     * The ledger instance of a leave's return after {@code extensions} approved extensions (the ledger keeps instances to
     * 40 characters: the leave's id, then the extension's number).
     */
    static String returnInstance(LeaveId id, int extensions) {
        return extensions == 0 ? id.toString() : id + "/" + extensions;
    }

    /** The instance of the approver's decision on the {@code n}-th extension. */
    static String extensionInstance(LeaveId id, int n) {
        return id + "/x" + n;
    }

    @ApplicationModuleListener
    void on(LeaveRequested event) {
        facts(event.caseId())
                .ifPresent(c -> steps.open(
                        c,
                        event.kind() == LeaveKind.FREQUENT ? FREQUENT : APPROVE,
                        event.leaveId().toString(),
                        event.occurredAt(),
                        event.approvingAgency(),
                        null));
    }

    @ApplicationModuleListener
    void on(LeaveExtensionRequested event) {
        facts(event.caseId())
                .ifPresent(c -> steps.open(
                        c,
                        APPROVE,
                        extensionInstance(event.leaveId(), event.extensions() + 1),
                        event.occurredAt(),
                        event.approvingAgency(),
                        null));
    }

    @ApplicationModuleListener
    void on(LeaveApproved event) {
        String decided = event.extension()
                ? extensionInstance(event.leaveId(), event.extensions())
                : event.leaveId().toString();
        ledger.fulfil(
                event.caseId(),
                event.kind() == LeaveKind.FREQUENT ? FREQUENT : APPROVE,
                decided,
                event.occurredAt(),
                event.actor());
        if (event.kind() == LeaveKind.FREQUENT) {
            return;
        }
        if (event.extension()) {
            ledger.lapse(
                    event.caseId(),
                    RETURN,
                    returnInstance(event.leaveId(), event.extensions() - 1),
                    event.occurredAt(),
                    EXTENDED);
        }
        Instant lastDay = event.returnOn().atStartOfDay(LegalTime.ZONE).toInstant();
        facts(event.caseId())
                .ifPresent(c -> steps.open(
                        c, RETURN, returnInstance(event.leaveId(), event.extensions()), lastDay, null, null));
    }

    @ApplicationModuleListener
    void on(LeaveRefused event) {
        if (event.extension()) {
            ledger.fulfil(
                    event.caseId(),
                    APPROVE,
                    extensionInstance(event.leaveId(), event.extensions() + 1),
                    event.occurredAt(),
                    event.actor());
        } else {
            ledger.fulfil(event.caseId(), APPROVE, event.leaveId().toString(), event.occurredAt(), event.actor());
            ledger.fulfil(event.caseId(), FREQUENT, event.leaveId().toString(), event.occurredAt(), event.actor());
        }
    }

    @ApplicationModuleListener
    void on(LeaveReturned event) {
        // Reported back on that day: the return is done then (a record made later is not a later return).
        Instant back =
                event.returnedOn().atTime(LocalTime.NOON).atZone(LegalTime.ZONE).toInstant();
        Instant at = back.isBefore(event.occurredAt()) ? back : event.occurredAt();
        ledger.fulfil(event.caseId(), RETURN, returnInstance(event.leaveId(), event.extensions()), at, event.actor());
        ledger.fulfil(event.caseId(), FOLLOW_UP, event.leaveId().toString(), event.occurredAt(), event.actor());
    }

    @ApplicationModuleListener
    void on(ObligationOverdue event) {
        if (event.stepId().equals(RETURN) && event.caseId() != null) {
            ledger.find(event.obligationId())
                    .map(ObligationView::instance)
                    .filter(i -> i.length() >= 36)
                    .map(i -> LeaveId.of(java.util.UUID.fromString(i.substring(0, 36))))
                    .ifPresent(leaves::noteReturnOverdue);
        }
    }

    /** The judicial office finds out where the subject is within a day (instance: the leave; contacts use dates). */
    @ApplicationModuleListener
    void on(LeaveReturnOverdue event) {
        facts(event.caseId())
                .ifPresent(
                        c -> steps.open(c, FOLLOW_UP, event.leaveId().toString(), event.occurredAt(), null, null, 1));
    }

    private java.util.Optional<CaseFacts> facts(CaseId caseId) {
        return cases.facts(caseId);
    }
}
