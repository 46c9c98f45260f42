package org.tongxin.assessment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.assessment.AssessmentViews.FactKind;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.ContactEvents.ContactMissed;
import org.tongxin.supervision.LeaveEvents.LeaveReturnOverdue;
import org.tongxin.supervision.missing.LostContactEvents.ContactLost;
import org.tongxin.supervision.missing.LostContactEvents.ContactRestored;

/**
 * Takes the facts of daily supervision that the graduated-response engine counts (ADR 0035, 0042): a report or medical
 * re-examination the subject missed (not the agency's own lapse), a return from leave overdue, contact lost and
 * restored. Each is recorded once per event id, so a redelivered event changes nothing.
 */
@Component
class SupervisionFacts {

    private final Assessments assessments;

    SupervisionFacts(Assessments assessments) {
        this.assessments = assessments;
    }

    @ApplicationModuleListener
    void on(ContactMissed event) {
        if (event.bySubject()) {
            assessments.recordFact(event.caseId(), FactKind.CONTACT_MISSED, event.dueOn(), event.eventId());
        }
    }

    @ApplicationModuleListener
    void on(LeaveReturnOverdue event) {
        assessments.recordFact(event.caseId(), FactKind.LEAVE_RETURN_OVERDUE, event.returnOn(), event.eventId());
    }

    @ApplicationModuleListener
    void on(ContactLost event) {
        assessments.recordFact(
                event.caseId(), FactKind.CONTACT_LOST, LegalTime.dateOf(event.lostSince()), event.eventId());
    }

    @ApplicationModuleListener
    void on(ContactRestored event) {
        assessments.recordFact(
                event.caseId(), FactKind.CONTACT_RESTORED, LegalTime.dateOf(event.foundAt()), event.eventId());
    }
}
