package org.tongxin.procedure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData.NewAssessment;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.document.DocumentId;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.internal.IntakeDocuments;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;

/**
 * The intake commands that span modules, each in one transaction: the case change, the generated document and the
 * delivered handover commit together or not at all. The clocks follow from their events (see IntakeProcedure).
 */
@Component
public class Intake {

    static final Set<Role> DECIDERS = EnumSet.of(Role.COURT_CLERK, Role.JUDGE, Role.POLICE_OFFICER);
    static final Set<Role> COUNTY = Role.COUNTY;
    static final Set<Role> INSTITUTION = EnumSet.of(Role.PRISON_OFFICER, Role.POLICE_OFFICER);
    static final int MAX_CONTACT = 100;

    private final CaseManagement caseManagement;
    private final CaseDirectory cases;
    private final Handovers handovers;
    private final IntakeDocuments documents;
    private final ObligationLedger ledger;
    private final PolicyModels policies;
    private final AgencyDirectory agencies;
    private final CaseAccess access;
    private final Clock clock;

    Intake(
            CaseManagement caseManagement,
            CaseDirectory cases,
            Handovers handovers,
            IntakeDocuments documents,
            ObligationLedger ledger,
            PolicyModels policies,
            AgencyDirectory agencies,
            CaseAccess access,
            Clock clock) {
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.handovers = handovers;
        this.documents = documents;
        this.ledger = ledger;
        this.policies = policies;
        this.agencies = agencies;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The court entrusts a pre-sentence investigation assessment (CCL art. 18): the case, the entrustment letter with
     * its legal due date, and its delivery to the assessing agency.
     */
    @Transactional
    public CaseId entrust(Entrustment request) {
        FieldProblems problems = new FieldProblems();
        List<NewItem> materials = items(request.materials(), "materials", problems);
        contact(request.contact(), problems);
        problems.throwIfAny();
        CaseId caseId = caseManagement.entrustAssessment(new NewAssessment(
                request.subject(),
                request.offence(),
                request.assessingAgencyId(),
                request.expedited(),
                request.caseNumber()));
        CaseFacts c = facts(caseId);
        Instant now = clock.instant();
        ResolvedPolicy policy = policies.inForce(c.policyRegion(), LegalTime.dateOf(now));
        java.time.LocalDate due = policy.step(Steps.ASSESS)
                .map(step -> ledger.previewDueDate(policy, step, step.deadline().amountFor(c.expedited()), now, false))
                .orElse(null);
        DocumentId letter = documents.entrustmentLetter(
                caseId, c.decisionOrganId(), c.countyAgencyId(), c.expedited(), due, request.contact());
        List<NewItem> items = new ArrayList<>();
        items.add(new NewItem(ItemCode.ENTRUSTMENT_LETTER, null, letter.value()));
        items.addAll(materials);
        send(new NewHandover(
                caseId,
                HandoverKind.ASSESSMENT_ENTRUSTMENT,
                Steps.ENTRUST,
                c.decisionOrganId(),
                c.countyAgencyId(),
                List.of(),
                Handovers.audience(Participation.DECISION_ORGAN, Participation.EXECUTING_AGENCY),
                items,
                null));
        return caseId;
    }

    /**
     * The assessing agency submits its opinion to the entrusting organ, with a copy to the procuratorate of its place
     * (IM art. 14), which thereby gains its lawful role in the case.
     */
    @Transactional
    public HandoverId submitOpinion(CaseId caseId, Opinion request) {
        CaseFacts c = facts(caseId);
        CaseAccessDecision decision = cases.access(caseId);
        access.requireAction(decision, EnumSet.of(Participation.EXECUTING_AGENCY), COUNTY, "NOT_ASSESSING_AGENCY");
        if (c.status() != CaseStatus.ASSESSING) {
            throw TongxinException.conflict("CASE_NOT_ASSESSING");
        }
        once(caseId, HandoverKind.ASSESSMENT_OPINION, "OPINION_ALREADY_SUBMITTED");
        FieldProblems problems = new FieldProblems();
        String findings = text(request.findings(), "findings", 10, 5000, problems);
        if (request.opinion() == null) {
            problems.add("opinion", "required");
        }
        String reasons = text(request.reasons(), "reasons", 5, 3000, problems);
        contact(request.contact(), problems);
        problems.throwIfAny();
        AgencyView assessing = agencies.get(c.countyAgencyId());
        AgencyId procuratorate =
                agencies.serving(AgencyType.PROCURATORATE, AgencyLevel.COUNTY, assessing.divisionCode()).stream()
                        .findFirst()
                        .map(AgencyView::id)
                        .orElse(null);
        if (procuratorate != null) {
            caseManagement.grant(caseId, procuratorate, Participation.COPIED_PROCURATORATE);
        }
        DocumentId opinion = documents.assessmentOpinion(
                caseId,
                c.countyAgencyId(),
                c.decisionOrganId(),
                procuratorate,
                findings,
                request.opinion().zh(),
                reasons,
                request.contact());
        return send(new NewHandover(
                caseId,
                HandoverKind.ASSESSMENT_OPINION,
                Steps.ASSESS,
                c.countyAgencyId(),
                c.decisionOrganId(),
                procuratorate == null ? List.of() : List.of(procuratorate),
                Handovers.audience(
                        Participation.DECISION_ORGAN,
                        Participation.EXECUTING_AGENCY,
                        Participation.COPIED_PROCURATORATE),
                List.of(new NewItem(ItemCode.ASSESSMENT_OPINION, null, opinion.value())),
                null));
    }

    /** The decision organ notifies the executing county agency (CCL art. 20: within 5 days of the decision taking effect). */
    @Transactional
    public HandoverId notifyCounty(CaseId caseId, Delivery request) {
        CaseFacts c = decisionOrganCommand(caseId);
        once(caseId, HandoverKind.EXECUTION_NOTICE, "COUNTY_ALREADY_NOTIFIED");
        List<NewItem> items = deliveryItems(request, List.of(new NewItem(ItemCode.EXECUTION_NOTICE, null, null)));
        return send(new NewHandover(
                caseId,
                HandoverKind.EXECUTION_NOTICE,
                Steps.NOTIFY,
                c.decisionOrganId(),
                c.countyAgencyId(),
                List.of(),
                Handovers.audience(Participation.DECISION_ORGAN, Participation.EXECUTING_AGENCY),
                items,
                note(request)));
    }

    /**
     * The decision organ delivers the legal documents to the county agency with copies to the procuratorate and the
     * police of the place of execution (CCL art. 20: within 10 days).
     */
    @Transactional
    public HandoverId deliverDocuments(CaseId caseId, Delivery request) {
        CaseFacts c = decisionOrganCommand(caseId);
        once(caseId, HandoverKind.LEGAL_DOCUMENTS, "DOCUMENTS_ALREADY_DELIVERED");
        List<NewItem> items = deliveryItems(request, List.of());
        List<AgencyId> copies = new ArrayList<>();
        if (c.procuratorateId() != null) {
            copies.add(c.procuratorateId());
        }
        if (c.policeId() != null) {
            copies.add(c.policeId());
        }
        return send(new NewHandover(
                caseId,
                HandoverKind.LEGAL_DOCUMENTS,
                Steps.DELIVER,
                c.decisionOrganId(),
                c.countyAgencyId(),
                copies,
                Handovers.audience(
                        Participation.DECISION_ORGAN,
                        Participation.EXECUTING_AGENCY,
                        Participation.ASSIGNED_OFFICE,
                        Participation.COPIED_PROCURATORATE,
                        Participation.COPIED_POLICE),
                items,
                note(request)));
    }

    /** The prison, detention centre or police hand a temporary-execution subject over (CCL art. 21: within 10 days). */
    @Transactional
    public HandoverId transferSubject(CaseId caseId, Delivery request) {
        CaseFacts c = facts(caseId);
        access.requireAction(
                cases.access(caseId),
                EnumSet.of(Participation.HANDOVER_INSTITUTION),
                INSTITUTION,
                "NOT_HANDOVER_INSTITUTION");
        if (c.status() != CaseStatus.INTAKE) {
            throw TongxinException.conflict("CASE_NOT_IN_INTAKE");
        }
        once(caseId, HandoverKind.SUBJECT_TRANSFER, "SUBJECT_ALREADY_TRANSFERRED");
        List<NewItem> items = deliveryItems(request, List.of());
        return send(new NewHandover(
                caseId,
                HandoverKind.SUBJECT_TRANSFER,
                Steps.transfer(c, agencies),
                c.handoverInstitutionId(),
                c.countyAgencyId(),
                c.procuratorateId() == null ? List.of() : List.of(c.procuratorateId()),
                Handovers.audience(
                        Participation.HANDOVER_INSTITUTION,
                        Participation.EXECUTING_AGENCY,
                        Participation.DECISION_ORGAN,
                        Participation.COPIED_PROCURATORATE),
                items,
                note(request)));
    }

    /** The county agency receives the subject handed over: the receipt of the transfer is the subject's arrival. */
    @Transactional
    public void receiveTransfer(HandoverId id, int version) {
        HandoverView h = handovers.view(id);
        if (h.kind() != HandoverKind.SUBJECT_TRANSFER) {
            throw TongxinException.conflict("NOT_A_TRANSFER");
        }
        handovers.receipt(id, version, null);
        caseManagement.recordArrival(h.caseId(), cases.version(h.caseId()), true, clock.instant());
    }

    /**
     * The subject did not report in time: the county agency reports its search to the decision organ at once, with a
     * copy to the procuratorate (IM art. 17).
     */
    @Transactional
    public HandoverId notifyMissing(CaseId caseId, MissingNotice request) {
        CaseFacts c = facts(caseId);
        access.requireAction(
                cases.access(caseId), EnumSet.of(Participation.EXECUTING_AGENCY), COUNTY, "NOT_EXECUTING_AGENCY");
        if (c.arrivalState() != ArrivalState.MISSING) {
            throw TongxinException.conflict("SUBJECT_NOT_MISSING");
        }
        once(caseId, HandoverKind.MISSING_NOTICE, "MISSING_ALREADY_NOTIFIED");
        FieldProblems problems = new FieldProblems();
        String record = text(request.searchRecord(), "searchRecord", 10, 3000, problems);
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        if (note != null && note.length() > 500) {
            problems.add("note", "maxLength", 500);
        }
        problems.throwIfAny();
        String title = record.length() > 190 ? record.substring(0, 190) + "…" : record;
        return send(new NewHandover(
                caseId,
                HandoverKind.MISSING_NOTICE,
                Steps.MISSED,
                c.countyAgencyId(),
                c.decisionOrganId(),
                c.procuratorateId() == null ? List.of() : List.of(c.procuratorateId()),
                Handovers.audience(
                        Participation.EXECUTING_AGENCY,
                        Participation.DECISION_ORGAN,
                        Participation.COPIED_PROCURATORATE,
                        Participation.COPIED_POLICE),
                List.of(new NewItem(ItemCode.SEARCH_RECORD, title, null)),
                note));
    }

    // Helpers

    private HandoverId send(NewHandover handover) {
        HandoverId id = handovers.prepare(handover);
        handovers.deliver(id, 0);
        return id;
    }

    private CaseFacts decisionOrganCommand(CaseId caseId) {
        CaseFacts c = facts(caseId);
        access.requireAction(
                cases.access(caseId), EnumSet.of(Participation.DECISION_ORGAN), DECIDERS, "NOT_DECISION_ORGAN");
        if (c.status() != CaseStatus.INTAKE && c.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("CASE_NOT_IN_INTAKE");
        }
        return c;
    }

    /** One live bundle of a kind per case: a second goes through the first one's rounds (supplement), never beside it. */
    private void once(CaseId caseId, HandoverKind kind, String code) {
        boolean exists = handovers.findOfCase(caseId).stream()
                .anyMatch(h -> h.kind() == kind && h.status() != HandoverStatus.CANCELLED);
        if (exists) {
            throw TongxinException.conflict(code);
        }
    }

    private List<NewItem> deliveryItems(Delivery request, List<NewItem> defaults) {
        FieldProblems problems = new FieldProblems();
        List<NewItem> items = items(request == null ? null : request.items(), "items", problems);
        problems.throwIfAny();
        return items.isEmpty() ? defaults : items;
    }

    private static List<NewItem> items(List<NewItem> items, String field, FieldProblems problems) {
        if (items == null) {
            return List.of();
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).code() == null) {
                problems.add(field + "[" + i + "].code", "required");
            }
        }
        return items;
    }

    /** The contact person named in a letter: a name and perhaps a phone, printed as given. */
    private static void contact(String contact, FieldProblems problems) {
        if (contact != null && contact.strip().length() > MAX_CONTACT) {
            problems.add("contact", "maxLength", MAX_CONTACT);
        }
    }

    private static String note(Delivery request) {
        return request == null ? null : request.note();
    }

    private static String text(String value, String field, int min, int max, FieldProblems problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(field, "required");
        } else if (v.length() < min) {
            problems.add(field, "minLength", min);
        } else if (v.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return v;
    }

    private CaseFacts facts(CaseId caseId) {
        cases.access(caseId);
        return cases.facts(caseId).orElseThrow(TongxinException::notFound);
    }
}
