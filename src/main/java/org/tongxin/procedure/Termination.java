package org.tongxin.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.document.DocumentId;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.internal.CaseEnding;
import org.tongxin.procedure.internal.CaseEndingRepository;
import org.tongxin.procedure.internal.EndingDocuments;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * The end of correction (CCL arts. 44, 45; IM arts. 53–56), each command in one transaction with the case's transition
 * and the documents and handovers it makes: the expiry warning a month before the term ends, the termination
 * announcement (the case → TERMINATED), the certificate (解除社区矫正证明书) with the notice to the decision organ and
 * copies to the procuratorate and police, and for a death the case → DECEASED and the notice of death. The clocks and
 * the archive follow from the events (see TerminationProcedure).
 */
@Component
public class Termination {

    static final Set<Role> COUNTY = Role.COUNTY;
    static final Set<Role> TEAM = Role.CORRECTION_STAFF;
    static final Set<Participation> EXECUTING = EnumSet.of(Participation.EXECUTING_AGENCY);
    static final Set<Participation> EXECUTING_OR_OFFICE =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private final CaseManagement caseManagement;
    private final CaseDirectory cases;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final EndingDocuments documents;
    private final CaseEndingRepository endings;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Termination(
            CaseManagement caseManagement,
            CaseDirectory cases,
            CaseSteps steps,
            ObligationLedger ledger,
            Handovers handovers,
            EndingDocuments documents,
            CaseEndingRepository endings,
            CaseAccess access,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.steps = steps;
        this.ledger = ledger;
        this.handovers = handovers;
        this.documents = documents;
        this.endings = endings;
        this.access = access;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** How a case ended, as its parties see it. */
    public record EndingView(
            CaseId caseId,
            CaseEnding.Kind kind,
            LocalDate endedOn,
            UUID documentId,
            UUID handoverId,
            Instant notifiedAt) {}

    /**
     * The county agency (or the office it assigned) told the subject, a month before the term ends, that correction is
     * to end, and for temporary execution the prison or detention centre (IM arts. 53, 55). 422 EXPIRY_NOT_NEAR earlier
     * than that; 409 EXPIRY_ALREADY_WARNED the second time.
     */
    @Transactional
    public void warnExpiry(CaseId id) {
        CaseFacts c = facts(id);
        access.requireAction(cases.access(id), EXECUTING_OR_OFFICE, TEAM, "NOT_CASE_TEAM");
        inCorrection(c);
        LocalDate today = LegalTime.today(clock);
        if (c.termEnd() == null || today.isBefore(c.termEnd().minusMonths(1))) {
            throw TongxinException.rule("EXPIRY_NOT_NEAR");
        }
        if (ledger.find(id, Steps.EXPIRY_WARNING, "")
                .filter(ObligationView::closed)
                .isPresent()) {
            throw TongxinException.conflict("EXPIRY_ALREADY_WARNED");
        }
        Instant now = clock.instant();
        steps.open(c, Steps.EXPIRY_WARNING, "", TerminationProcedure.warningTrigger(c), null, null);
        ledger.fulfil(id, Steps.EXPIRY_WARNING, "", now, currentUser.ref());
        events.publishEvent(
                new TerminationEvents.ExpiryWarned(UUID.randomUUID(), id, c.termEnd(), now, currentUser.ref()));
    }

    /**
     * The termination announcement held on the expiry date or on a pardon (IM art. 54): the case ends (→ TERMINATED; not
     * before the term's last day for expiry, 422 TERM_NOT_EXPIRED). By the county agency or the office it assigned.
     */
    @Transactional
    public void terminate(CaseId id, int version, TerminationReason reason, LocalDate endedOn) {
        facts(id);
        access.requireAction(cases.access(id), EXECUTING_OR_OFFICE, TEAM, "NOT_CASE_TEAM");
        if (cases.version(id) != version) {
            throw TongxinException.staleVersion();
        }
        caseManagement.terminate(id, reason, endedOn);
    }

    /**
     * The county agency issues the termination certificate and notifies the decision organ, with copies to the
     * procuratorate and police (CCL art. 44): one handover carrying the certificate. 409 ENDING_NOT_TERMINATION for a case
     * not terminated, ALREADY_NOTIFIED the second time.
     */
    @Transactional
    public HandoverId certify(CaseId id) {
        return notifyEnding(
                id,
                CERTIFICATE,
                documents::certificate,
                c -> copies(c.procuratorateId(), c.policeId()),
                CaseEnding::certified);
    }

    /** The county agency records the subject's death, reported by the family or found (CCL art. 45): → DECEASED. */
    @Transactional
    public void recordDeath(CaseId id, int version, LocalDate diedOn) {
        facts(id);
        access.requireAction(cases.access(id), EXECUTING, COUNTY, "NOT_EXECUTING_AGENCY");
        if (cases.version(id) != version) {
            throw TongxinException.staleVersion();
        }
        caseManagement.recordDeath(id, diedOn);
    }

    /**
     * The county agency notifies the decision organ of the death, copies to the procuratorate and police (and the prison
     * or detention centre of a temporary execution) within 5 days (CCL arts. 45, 51; IM art. 56).
     */
    @Transactional
    public HandoverId notifyDeath(CaseId id) {
        return notifyEnding(
                id,
                DEATH,
                documents::deathNotice,
                c -> copies(c.procuratorateId(), c.policeId(), c.handoverInstitutionId()),
                CaseEnding::deathNotified);
    }

    /** How the case ended (empty while in correction), for its parties (404 for others). */
    @Transactional(readOnly = true)
    public Optional<EndingView> ending(CaseId id) {
        cases.access(id);
        return endings.find(id)
                .map(e -> new EndingView(
                        e.caseId(), e.kind(), e.endedOn(), e.documentId(), e.handoverId(), e.notifiedAt()));
    }

    private CaseEnding ending(CaseFacts c, CaseEnding.Kind kind) {
        endings.insertIfAbsent(CaseEnding.ended(c.id(), kind, c.endedOn(), clock.instant()));
        return endings.find(c.id()).orElseThrow();
    }

    private void save(CaseEnding ending) {
        if (!endings.update(ending)) {
            throw TongxinException.staleVersion();
        }
        ending.pullEvents().forEach(events::publishEvent);
    }

    /** A notice of a case's end: the status and ending it needs, its refusal, and the handover carrying its document. */
    private record EndingNotice(
            CaseStatus status,
            CaseEnding.Kind kind,
            String refusal,
            HandoverKind handover,
            String step,
            ItemCode item,
            String title) {}

    private static final EndingNotice CERTIFICATE = new EndingNotice(
            CaseStatus.TERMINATED,
            CaseEnding.Kind.TERMINATED,
            "ENDING_NOT_TERMINATION",
            HandoverKind.TERMINATION_NOTICE,
            Steps.CERTIFY,
            ItemCode.TERMINATION_CERTIFICATE,
            "解除社区矫正证明书");

    private static final EndingNotice DEATH = new EndingNotice(
            CaseStatus.DECEASED,
            CaseEnding.Kind.DECEASED,
            "ENDING_NOT_DEATH",
            HandoverKind.DEATH_NOTICE,
            Steps.DEATH_NOTIFY,
            ItemCode.DEATH_NOTICE,
            "社区矫正对象死亡通知书");

    /** How the ending records its notice ({@link CaseEnding#certified}, {@link CaseEnding#deathNotified}). */
    private interface NoticeRecord {
        void record(CaseEnding ending, UUID document, UUID handover, Instant at, ActorRef actor);
    }

    /**
     * The county agency issues the notice's document and sends it to the decision organ with the copies, once: 409
     * with the notice's refusal for a case that did not end so, ALREADY_NOTIFIED the second time.
     */
    private HandoverId notifyEnding(
            CaseId id,
            EndingNotice notice,
            Function<CaseFacts, DocumentId> document,
            Function<CaseFacts, List<AgencyId>> copies,
            NoticeRecord record) {
        CaseFacts c = facts(id);
        access.requireAction(cases.access(id), EXECUTING, COUNTY, "NOT_EXECUTING_AGENCY");
        if (c.status() != notice.status()) {
            throw TongxinException.conflict(notice.refusal());
        }
        CaseEnding ending = ending(c, notice.kind());
        if (ending.notifiedAt() != null) {
            throw TongxinException.conflict("ALREADY_NOTIFIED");
        }
        DocumentId issued = document.apply(c);
        HandoverId handover =
                send(c, notice.handover(), notice.step(), notice.item(), notice.title(), issued, copies.apply(c));
        record.record(ending, issued.value(), handover.value(), clock.instant(), currentUser.ref());
        save(ending);
        return handover;
    }

    private HandoverId send(
            CaseFacts c,
            HandoverKind kind,
            String step,
            ItemCode item,
            String title,
            DocumentId document,
            List<AgencyId> copies) {
        HandoverId id = handovers.prepare(new NewHandover(
                c.id(),
                kind,
                step,
                c.countyAgencyId(),
                c.decisionOrganId(),
                copies,
                Handovers.audience(
                        Participation.EXECUTING_AGENCY,
                        Participation.ASSIGNED_OFFICE,
                        Participation.DECISION_ORGAN,
                        Participation.COPIED_PROCURATORATE,
                        Participation.COPIED_POLICE),
                List.of(new NewItem(item, title, document.value())),
                null));
        handovers.deliver(id, 0);
        return id;
    }

    private static List<AgencyId> copies(AgencyId... ids) {
        return Stream.of(ids).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static void inCorrection(CaseFacts c) {
        if (c.status() != CaseStatus.UNDER_CORRECTION && c.status() != CaseStatus.IN_CUSTODY) {
            throw TongxinException.conflict("CASE_NOT_IN_CORRECTION");
        }
    }

    private CaseFacts facts(CaseId id) {
        cases.access(id);
        return cases.facts(id).orElseThrow(TongxinException::notFound);
    }
}
