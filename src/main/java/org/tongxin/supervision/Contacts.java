package org.tongxin.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.ContactEvents.ContactRecorded;
import org.tongxin.supervision.contact.ContactRepository;
import org.tongxin.supervision.contact.ContactSchedule;

/**
 * Reporting and contacts (CCL arts. 23, 26; IM art. 24), a plain façade: the executing agency or the assigned office
 * records a subject's report, a phone check, a home or workplace visit, or a medical re-examination; the record fulfils
 * the earliest open due one of its step on the ledger and the next falls due by the interval of the subject's
 * supervision level in the region's policy settings (instance = the due day). The first record of a step starts its
 * schedule. Who reads a case's leave reads its contacts (audited).
 */
@Component
public class Contacts {

    public static final int NOTE_MAX = 1000;
    static final Set<String> STEPS = Set.of(ContactKind.REPORT, ContactKind.VERIFY, ContactKind.MEDICAL);

    private final ContactRepository contacts;
    private final CaseDirectory cases;
    private final PolicyModels policies;
    private final ObligationLedger ledger;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contacts(
            ContactRepository contacts,
            CaseDirectory cases,
            PolicyModels policies,
            ObligationLedger ledger,
            CaseAccess access,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.policies = policies;
        this.ledger = ledger;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A recorded contact as shown. */
    public record ContactLine(
            UUID id,
            ContactKind kind,
            LocalDate on,
            LocalDate nextDueOn,
            SupervisionLevel level,
            String note,
            String recordedByName,
            Instant recordedAt) {}

    /** The case's due contacts (open obligations of the three steps) and recorded ones. */
    public record ContactsView(
            CaseId caseId, List<ObligationView> due, List<ContactLine> recorded, boolean mayRecord) {}

    /** Records a report, contact, visit or re-examination on {@code on} (today at the latest); returns its id. */
    @Transactional
    public UUID record(CaseId caseId, ContactKind kind, LocalDate on, String note) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, Leaves.SUPERVISORS, Leaves.OFFICERS, "NOT_SUPERVISING_AGENCY");
        Instant now = clock.instant();
        LocalDate today = LegalTime.dateOf(now);
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        if (on == null) {
            problems.add("on", "required");
        } else if (on.isAfter(today)) {
            problems.add("on", "notAfterToday");
        }
        String clean = note == null ? null : note.strip();
        if (clean != null && clean.length() > NOTE_MAX) {
            problems.add("note", "maxLength", NOTE_MAX);
        }
        problems.throwIfAny();
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (facts.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.rule("CONTACT_CASE_NOT_UNDER_CORRECTION");
        }
        if (kind == ContactKind.MEDICAL_REEXAMINATION && facts.correctionType() != CorrectionType.TEMPORARY_EXECUTION) {
            throw TongxinException.rule("CONTACT_NOT_TEMPORARY_EXECUTION");
        }
        SupervisionLevel level =
                facts.supervisionLevel() == null ? SupervisionLevel.ORDINARY : facts.supervisionLevel();
        LocalDate next = ContactSchedule.nextDue(
                kind.stepId(),
                on,
                level,
                policies.inForce(facts.policyRegion(), on).settings());
        TongxinPrincipal me = currentUser.get();
        UUID id = UUID.randomUUID();
        contacts.insert(
                new ContactRepository.Row(
                        id,
                        caseId,
                        kind,
                        on,
                        next,
                        level,
                        clean == null || clean.isEmpty() ? null : clean,
                        me.displayName() == null ? me.username() : me.displayName(),
                        me.agency(),
                        now),
                me.userId());
        events.publishEvent(new ContactRecorded(
                UUID.randomUUID(), id, caseId, kind, kind.stepId(), on, next, now, currentUser.ref()));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "contact.record")
                .target("case", caseId.value())
                .detail("kind", kind)
                .subjects(cases.subjectId(caseId).map(List::of).orElse(List.of())));
        return id;
    }

    /** The due and recorded contacts of a case (404 without a role, 403 for a role that does not supervise). */
    @Transactional
    public ContactsView ofCase(CaseId caseId, String purpose) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        if (!decision.holdsAny(Leaves.READERS)) {
            throw TongxinException.forbidden("NOT_SUPERVISING_AGENCY");
        }
        List<ObligationView> due = ledger.forCase(caseId).stream()
                .filter(o -> STEPS.contains(o.stepId()) && !o.closed())
                .toList();
        List<ContactLine> recorded = contacts.ofCase(caseId).stream()
                .map(r -> new ContactLine(
                        r.id(),
                        r.kind(),
                        r.on(),
                        r.nextDueOn(),
                        r.level(),
                        r.note(),
                        r.recordedByName(),
                        r.recordedAt()))
                .toList();
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "contact.list")
                .target("case", caseId.value())
                .subjects(cases.subjectId(caseId).map(List::of).orElse(List.of()))
                .purpose(purpose));
        TongxinPrincipal me = currentUser.get();
        boolean mayRecord =
                decision.holdsAny(Leaves.SUPERVISORS) && me.roles().stream().anyMatch(Leaves.OFFICERS::contains);
        return new ContactsView(caseId, due, recorded, mayRecord);
    }
}
