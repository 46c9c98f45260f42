package org.tongxin.supervision.move;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverEvents.HandoverReceipted;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.move.internal.PlaceChange;
import org.tongxin.supervision.move.internal.PlaceChangeDocuments;
import org.tongxin.supervision.move.internal.PlaceChangeRepository;

/**
 * Change of the place of execution (变更执行地, CCL art. 27; IM arts. 30–31). The executing county agency (or the office)
 * records the subject's application; the county agency consults the new county's agency, which becomes a party
 * (RECEIVING_AGENCY) and owes its reply (move.reply); the county agency decides (move.decide) and sends the decision,
 * legal documents and file by a handover (PLACE_CHANGE_FILE, move.transfer). When the new agency receipts it, in the
 * same transaction the case moves ({@code CaseManagement.changePlaceOfExecution}), the former county's other pending
 * obligations pass to the new one, and the new agency owes the forwarding to its procuratorate and police
 * (move.forward) and watches the subject's report (move.report). The instance key of every step is the record's id.
 */
@Component
public class PlaceChanges {

    public static final String CONSULT_STEP = "move.consult";
    public static final String REPLY_STEP = "move.reply";
    public static final String DECIDE_STEP = "move.decide";
    public static final String TRANSFER_STEP = "move.transfer";
    public static final String FORWARD_STEP = "move.forward";
    public static final String REPORT_STEP = "move.report";

    private static final Set<Role> APPLICANT_ROLES = Role.CORRECTION_STAFF;
    /** The steps that stay with the former county after the move: what it owed for the move itself. */
    private static final Set<String> MOVE_STEPS = Set.of(CONSULT_STEP, DECIDE_STEP, TRANSFER_STEP);
    /** Who reads the reasons (the subject's among them): those who may identify the person, and the former county. */
    private static final Set<Participation> REASON_READERS;

    static {
        EnumSet<Participation> readers = EnumSet.copyOf(CaseDirectory.PROTECTED_FIELDS);
        readers.add(Participation.FORMER_EXECUTING_AGENCY);
        readers.add(Participation.FORMER_ASSIGNED_OFFICE);
        REASON_READERS = readers;
    }

    /**
     * A change of the place of execution as its readers see it (the reasons only for {@link #REASON_READERS}), with its
     * consultation letter and decision notice (opened under the case's document rule).
     */
    public record PlaceChangeView(
            UUID id,
            CaseId caseId,
            AgencyId formerCountyAgencyId,
            AgencyId newCountyAgencyId,
            PlaceChangeState state,
            LocalDate intendedMoveOn,
            String reason,
            Instant appliedAt,
            Instant consultedAt,
            String replyReason,
            Instant repliedAt,
            String decisionReason,
            Instant decidedAt,
            HandoverId fileHandoverId,
            Instant fileSentAt,
            Instant transferredAt,
            HandoverId forwardHandoverId,
            Instant forwardedAt,
            Instant reportedAt,
            int version,
            UUID consultationDocumentId,
            UUID decisionDocumentId) {}

    private final PlaceChangeRepository records;
    private final PlaceChangeDocuments documents;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaceChanges(
            PlaceChangeRepository records,
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseAccess access,
            CaseSteps steps,
            ObligationLedger ledger,
            Handovers handovers,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            PlaceChangeDocuments documents) {
        this.documents = documents;
        this.records = records;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.access = access;
        this.steps = steps;
        this.ledger = ledger;
        this.handovers = handovers;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the subject's application (404 without a lawful role; 403 PLACE_CHANGE_EXECUTING_AGENCY_ONLY unless the
     * executing county agency or the assigned office; 400 bad input; 409 PLACE_CHANGE_CASE_NOT_UNDER_CORRECTION or
     * PLACE_CHANGE_IN_PROGRESS; 422 PLACE_CHANGE_SAME_COUNTY). The county agency owes the consultation (move.consult).
     */
    @Transactional
    public PlaceChangeView apply(CaseId caseId, UUID newCountyAgencyId, LocalDate intendedMoveOn, String reason) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        person();
        access.requireAction(
                decision,
                EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE),
                APPLICANT_ROLES,
                "PLACE_CHANGE_EXECUTING_AGENCY_ONLY");
        AgencyId newCounty = newCountyAgencyId == null ? null : AgencyId.of(newCountyAgencyId);
        if (newCounty != null
                && !agencies.find(newCounty).filter(PlaceChanges::countyAgency).isPresent()) {
            throw TongxinException.invalid("newCountyAgencyId", "countyAgency");
        }
        CaseFacts facts = facts(caseId);
        Instant now = clock.instant();
        PlaceChange change = PlaceChange.apply(
                caseId, facts.countyAgencyId(), newCounty, intendedMoveOn, reason, now, currentUser.ref());
        if (facts.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("PLACE_CHANGE_CASE_NOT_UNDER_CORRECTION");
        }
        if (records.ofCase(caseId).stream().anyMatch(c -> c.state().open())) {
            throw TongxinException.conflict("PLACE_CHANGE_IN_PROGRESS");
        }
        records.insert(change);
        steps.open(facts, CONSULT_STEP, change.id().toString(), now, facts.countyAgencyId(), newCounty);
        return publish(change, decision);
    }

    /** The county agency consults the new county's agency, which becomes a party and owes its reply (move.reply). */
    @Transactional
    public PlaceChangeView consult(UUID id, int version) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = countyCommand(change, version);
        Instant now = clock.instant();
        change.consult(now, currentUser.ref());
        change.consultationLetterIssued(documents.consultationLetter(
                change, facts(change.caseId()), currentUser.ref().name(), now));
        records.update(change);
        caseManagement.grant(change.caseId(), change.newCountyAgencyId(), Participation.RECEIVING_AGENCY);
        ledger.fulfil(change.caseId(), CONSULT_STEP, change.id().toString(), now, currentUser.ref());
        steps.open(
                facts(change.caseId()),
                REPLY_STEP,
                change.id().toString(),
                now,
                change.newCountyAgencyId(),
                change.formerCountyAgencyId());
        return publish(change, decision);
    }

    /**
     * The new county agency accepts the subject or refuses with its reasons (403 PLACE_CHANGE_NEW_AGENCY_ONLY for anyone
     * else); the county agency owes its decision (move.decide).
     */
    @Transactional
    public PlaceChangeView reply(UUID id, int version, Boolean accepted, String reason) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = newAgencyCommand(change, version, Participation.RECEIVING_AGENCY);
        Instant now = clock.instant();
        change.reply(accepted, reason, now, currentUser.ref());
        records.update(change);
        ledger.fulfil(change.caseId(), REPLY_STEP, change.id().toString(), now, currentUser.ref());
        steps.open(
                facts(change.caseId()),
                DECIDE_STEP,
                change.id().toString(),
                now,
                change.formerCountyAgencyId(),
                change.newCountyAgencyId());
        return publish(change, decision);
    }

    /**
     * The county agency decides. Approved, it owes the file to the new agency (move.transfer); not approved, the new
     * agency's consultation ends and with it its access to the case.
     */
    @Transactional
    public PlaceChangeView decide(UUID id, int version, Boolean approved, String reason) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = countyCommand(change, version);
        Instant now = clock.instant();
        change.decide(approved, reason, now, currentUser.ref());
        change.decisionNoticeIssued(documents.decisionNotice(change, facts(change.caseId()), now));
        records.update(change);
        ledger.fulfil(change.caseId(), DECIDE_STEP, change.id().toString(), now, currentUser.ref());
        if (change.state() == PlaceChangeState.APPROVED) {
            steps.open(
                    facts(change.caseId()),
                    TRANSFER_STEP,
                    change.id().toString(),
                    now,
                    change.formerCountyAgencyId(),
                    change.newCountyAgencyId());
        } else {
            caseManagement.removeGrant(change.caseId(), change.newCountyAgencyId(), Participation.RECEIVING_AGENCY);
        }
        return publish(change, decision);
    }

    /**
     * The county agency delivers the decision, the legal documents and the file to the new agency by a handover
     * (PLACE_CHANGE_FILE); its receipt moves the case ({@link #on(HandoverReceipted)}).
     */
    @Transactional
    public PlaceChangeView transfer(UUID id, int version) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = countyCommand(change, version);
        change.requireFileUnsent();
        HandoverId handover = handovers.prepare(new NewHandover(
                change.caseId(),
                HandoverKind.PLACE_CHANGE_FILE,
                TRANSFER_STEP,
                change.formerCountyAgencyId(),
                change.newCountyAgencyId(),
                List.of(),
                Handovers.audience(
                        Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE, Participation.RECEIVING_AGENCY),
                List.of(decisionItem(change), new NewItem(ItemCode.CASE_MATERIALS, null, null)),
                null));
        handovers.deliver(handover, 0);
        Instant now = clock.instant();
        change.fileSent(handover, now, currentUser.ref());
        records.update(change);
        ledger.fulfil(change.caseId(), TRANSFER_STEP, change.id().toString(), now, currentUser.ref());
        return publish(change, decision);
    }

    /**
     * The new agency receipts the file (403 PLACE_CHANGE_NEW_AGENCY_ONLY for anyone else; 409
     * PLACE_CHANGE_FILE_NOT_SENT before it was sent). The receipt itself moves the case.
     */
    @Transactional
    public PlaceChangeView receive(UUID id, int version) {
        PlaceChange change = load(id);
        newAgencyCommand(change, version, Participation.RECEIVING_AGENCY);
        if (change.fileHandoverId() == null || change.state() != PlaceChangeState.APPROVED) {
            throw TongxinException.conflict("PLACE_CHANGE_FILE_NOT_SENT");
        }
        handovers.receipt(
                change.fileHandoverId(), handovers.view(change.fileHandoverId()).version(), null);
        PlaceChange moved = load(id);
        return view(moved, cases.decision(moved.caseId()));
    }

    /**
     * The new agency's receipt of the file, however it was given (here or on the handover's own page), in its
     * transaction: the case moves to the new county, the former county's other pending obligations pass to it, and it
     * owes the forwarding to its procuratorate and police and watches the subject's report.
     */
    @EventListener
    void on(HandoverReceipted event) {
        if (event.kind() != HandoverKind.PLACE_CHANGE_FILE) {
            return;
        }
        PlaceChange change = records.findByFileHandover(event.handoverId()).orElseThrow(TongxinException::notFound);
        Instant now = clock.instant();
        AgencyId formerOffice = facts(change.caseId()).officeId();
        caseManagement.changePlaceOfExecution(change.caseId(), change.newCountyAgencyId(), null);
        change.transferred(now, currentUser.ref());
        records.update(change);
        CaseFacts facts = facts(change.caseId());
        for (ObligationView o : ledger.forCase(change.caseId())) {
            boolean former = change.formerCountyAgencyId().equals(o.owingAgencyId())
                    || formerOffice != null && formerOffice.equals(o.owingAgencyId());
            if (o.status().pending() && former && !MOVE_STEPS.contains(o.stepId())) {
                ledger.reassign(change.caseId(), o.stepId(), o.instance(), change.newCountyAgencyId(), now);
            }
        }
        String instance = change.id().toString();
        steps.open(facts, FORWARD_STEP, instance, now, change.newCountyAgencyId(), facts.procuratorateId());
        steps.open(facts, REPORT_STEP, instance, now, change.newCountyAgencyId(), null);
        change.pullEvents().forEach(events::publishEvent);
    }

    /**
     * The new county agency, now executing the case, forwards the legal documents to the procuratorate of its place with
     * a copy to its police by a handover (PLACE_CHANGE_FORWARDING), which fulfils move.forward.
     */
    @Transactional
    public PlaceChangeView forward(UUID id, int version) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = newAgencyCommand(change, version, Participation.EXECUTING_AGENCY);
        change.requireForwardable();
        CaseFacts facts = facts(change.caseId());
        if (facts.procuratorateId() == null) {
            throw TongxinException.rule("PLACE_CHANGE_NO_PROCURATORATE");
        }
        HandoverId handover = handovers.prepare(new NewHandover(
                change.caseId(),
                HandoverKind.PLACE_CHANGE_FORWARDING,
                FORWARD_STEP,
                change.newCountyAgencyId(),
                facts.procuratorateId(),
                facts.policeId() == null ? List.of() : List.of(facts.policeId()),
                Handovers.audience(
                        Participation.EXECUTING_AGENCY,
                        Participation.ASSIGNED_OFFICE,
                        Participation.COPIED_PROCURATORATE,
                        Participation.COPIED_POLICE),
                List.of(decisionItem(change)),
                null));
        handovers.deliver(handover, 0);
        Instant now = clock.instant();
        change.forwarded(handover, now, currentUser.ref());
        records.update(change);
        ledger.fulfil(change.caseId(), FORWARD_STEP, change.id().toString(), now, currentUser.ref());
        return publish(change, decision);
    }

    /** The new county agency, now executing the case, records the subject's report at the new place (move.report). */
    @Transactional
    public PlaceChangeView reported(UUID id, int version, Instant reportedAt) {
        PlaceChange change = load(id);
        CaseAccessDecision decision = newAgencyCommand(change, version, Participation.EXECUTING_AGENCY);
        change.reported(reportedAt, clock.instant(), currentUser.ref());
        records.update(change);
        ledger.fulfil(change.caseId(), REPORT_STEP, change.id().toString(), reportedAt, currentUser.ref());
        return publish(change, decision);
    }

    /** The case's changes of the place of execution (any lawful role; 404 otherwise). */
    @Transactional(readOnly = true)
    public List<PlaceChangeView> ofCase(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        return records.ofCase(caseId).stream().map(c -> view(c, decision)).toList();
    }

    /** One change (any lawful role in its case; 404 otherwise). */
    @Transactional(readOnly = true)
    public PlaceChangeView find(UUID id) {
        PlaceChange change = load(id);
        return view(change, access.require(cases.parties(change.caseId())));
    }

    /** The decision notice travels as the bundle's decision document (a change decided before V239 has none to attach). */
    private static NewItem decisionItem(PlaceChange change) {
        return new NewItem(
                ItemCode.DECISION_DOCUMENT,
                change.decisionDocumentId() == null ? null : "社区矫正对象变更执行地决定通知书",
                change.decisionDocumentId());
    }

    private CaseAccessDecision countyCommand(PlaceChange change, int version) {
        CaseAccessDecision decision = access.require(cases.parties(change.caseId()));
        TongxinPrincipal me = person();
        access.requireAction(
                decision, EnumSet.of(Participation.EXECUTING_AGENCY), Role.COUNTY, "PLACE_CHANGE_COUNTY_AGENCY_ONLY");
        if (!change.formerCountyAgencyId().equals(me.agency())) {
            throw TongxinException.forbidden("PLACE_CHANGE_COUNTY_AGENCY_ONLY");
        }
        stale(change, version);
        return decision;
    }

    private CaseAccessDecision newAgencyCommand(PlaceChange change, int version, Participation held) {
        CaseAccessDecision decision = access.require(cases.parties(change.caseId()));
        TongxinPrincipal me = person();
        access.requireAction(decision, EnumSet.of(held), Role.COUNTY, "PLACE_CHANGE_NEW_AGENCY_ONLY");
        if (!change.newCountyAgencyId().equals(me.agency())) {
            throw TongxinException.forbidden("PLACE_CHANGE_NEW_AGENCY_ONLY");
        }
        stale(change, version);
        return decision;
    }

    private static void stale(PlaceChange change, int version) {
        if (change.version() != version) {
            throw TongxinException.staleVersion();
        }
    }

    private PlaceChangeView publish(PlaceChange change, CaseAccessDecision decision) {
        change.pullEvents().forEach(events::publishEvent);
        return view(change, decision);
    }

    private PlaceChange load(UUID id) {
        return records.find(id).orElseThrow(TongxinException::notFound);
    }

    private CaseFacts facts(CaseId caseId) {
        return cases.facts(caseId).orElseThrow(TongxinException::notFound);
    }

    private TongxinPrincipal person() {
        TongxinPrincipal me = currentUser.get();
        if (me.userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        return me;
    }

    private static boolean countyAgency(AgencyView a) {
        return a.active() && a.type() == AgencyType.CORRECTION_AGENCY && a.level() == AgencyLevel.COUNTY;
    }

    static PlaceChangeView view(PlaceChange c, CaseAccessDecision decision) {
        boolean reasons = decision.holdsAny(REASON_READERS);
        return new PlaceChangeView(
                c.id(),
                c.caseId(),
                c.formerCountyAgencyId(),
                c.newCountyAgencyId(),
                c.state(),
                c.intendedMoveOn(),
                reasons ? c.reason() : null,
                c.appliedAt(),
                c.consultedAt(),
                reasons ? c.replyReason() : null,
                c.repliedAt(),
                reasons ? c.decisionReason() : null,
                c.decidedAt(),
                c.fileHandoverId(),
                c.fileSentAt(),
                c.transferredAt(),
                c.forwardHandoverId(),
                c.forwardedAt(),
                c.reportedAt(),
                c.version(),
                c.consultationDocumentId(),
                c.decisionDocumentId());
    }
}
