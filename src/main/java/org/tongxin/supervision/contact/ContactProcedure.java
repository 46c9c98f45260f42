package org.tongxin.supervision.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseEvents.SupervisionLevelChanged;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.PolicyModels;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.ContactEvents.ContactMissed;
import org.tongxin.supervision.ContactEvents.ContactRecorded;
import org.tongxin.supervision.ContactKind;

/**
 * Contacts on the ledger (doc/procedures.md supervise.report, supervise.verify, supervise.medical): a recorded contact
 * fulfils the earliest open due one of its step and opens the next, due on its day (instance = that day, period = the
 * interval); the subject's reports and re-examinations are owed by the subject and watched by the office or county
 * agency ("awaiting the subject"). A due one that goes overdue publishes {@link ContactMissed} once (its overdue event
 * comes once per obligation) and opens the following one, so the schedule goes on while the case is under correction.
 */
@Component
class ContactProcedure {

    /** Contact instances are due days (a leave's follow-up check uses the leave's id). */
    static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    static final String LEVEL_CHANGED =
            "监管等级已调整，按新等级重新计算 / The supervision level changed; due again under the new level";

    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final PolicyModels policies;
    private final ApplicationEventPublisher events;

    ContactProcedure(
            CaseSteps steps,
            ObligationLedger ledger,
            CaseDirectory cases,
            PolicyModels policies,
            ApplicationEventPublisher events) {
        this.steps = steps;
        this.ledger = ledger;
        this.cases = cases;
        this.policies = policies;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(ContactRecorded event) {
        Instant at = event.on().atTime(LocalTime.NOON).atZone(LegalTime.ZONE).toInstant();
        Instant done = at.isBefore(event.occurredAt()) ? at : event.occurredAt();
        ledger.forCase(event.caseId()).stream()
                .filter(o -> o.stepId().equals(event.stepId())
                        && !o.closed()
                        && o.instance().matches(DAY))
                .min(Comparator.comparing(ObligationView::instance))
                .ifPresent(o -> ledger.fulfil(event.caseId(), event.stepId(), o.instance(), done, event.actor()));
        cases.facts(event.caseId())
                .filter(c -> c.status() == CaseStatus.UNDER_CORRECTION)
                .ifPresent(c -> open(c, event.stepId(), event.on(), event.nextDueOn()));
    }

    @ApplicationModuleListener
    void on(ObligationOverdue event) {
        if (event.caseId() == null
                || !(event.stepId().equals(ContactKind.REPORT)
                        || event.stepId().equals(ContactKind.VERIFY)
                        || event.stepId().equals(ContactKind.MEDICAL))) {
            return;
        }
        ObligationView o = ledger.find(event.obligationId()).orElse(null);
        if (o == null || !o.instance().matches(DAY)) {
            return;
        }
        LocalDate due = LocalDate.parse(o.instance());
        events.publishEvent(new ContactMissed(
                UUID.randomUUID(),
                event.caseId(),
                event.stepId(),
                due,
                o.owedBySubject(),
                event.occurredAt(),
                ActorRef.SYSTEM));
        cases.facts(event.caseId())
                .filter(c -> c.status() == CaseStatus.UNDER_CORRECTION)
                .ifPresent(c -> open(
                        c,
                        event.stepId(),
                        due,
                        ContactSchedule.nextDue(
                                event.stepId(),
                                due,
                                c.supervisionLevel(),
                                policies.inForce(c.policyRegion(), due).settings())));
    }

    /**
     * A new supervision level (分类管理) re-times the open report and check at once: each falls due one interval of the new
     * level after its start (never before today). The old one lapses with the reason and the new one opens; one opened
     * after the change is left alone, so a redelivered event changes nothing.
     */
    @ApplicationModuleListener
    void on(SupervisionLevelChanged event) {
        CaseFacts c = cases.facts(event.caseId())
                .filter(f -> f.status() == CaseStatus.UNDER_CORRECTION)
                .orElse(null);
        if (c == null) {
            return;
        }
        LocalDate today = LegalTime.dateOf(event.occurredAt());
        for (ObligationView o : ledger.forCase(event.caseId())) {
            if (o.closed()
                    || !(o.stepId().equals(ContactKind.REPORT) || o.stepId().equals(ContactKind.VERIFY))
                    || !o.instance().matches(DAY)
                    || !o.createdAt().isBefore(event.occurredAt())) {
                continue;
            }
            LocalDate from = LegalTime.dateOf(o.startedAt());
            LocalDate due = ContactSchedule.nextDue(
                    o.stepId(),
                    from,
                    event.to(),
                    policies.inForce(c.policyRegion(), from).settings());
            if (due.isBefore(today)) {
                due = today;
            }
            if (due.toString().equals(o.instance())) {
                continue;
            }
            if (ledger.lapse(event.caseId(), o.stepId(), o.instance(), event.occurredAt(), LEVEL_CHANGED)) {
                open(c, o.stepId(), from, due);
            }
        }
    }

    private void open(CaseFacts c, String stepId, LocalDate from, LocalDate due) {
        steps.open(
                c,
                stepId,
                due.toString(),
                from.atStartOfDay(LegalTime.ZONE).toInstant(),
                null,
                null,
                stepId.equals(ContactKind.MEDICAL)
                        ? null
                        : (int) java.time.temporal.ChronoUnit.DAYS.between(from, due));
    }
}
