package org.tongxin.supervision.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
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
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.custody.internal.CustodyRecord;
import org.tongxin.supervision.custody.internal.CustodyRepository;

/**
 * Custody during correction (CCL art. 32; IM art. 40). A detention is recorded by the executing county agency when it
 * learns of it, or by the detaining organ (police, procuratorate or court) itself; the case goes to IN_CUSTODY through
 * {@code CaseManagement.detain} in the same transaction, the organ becomes a party and owes its written notice
 * ({@code custody.notice}, 3 days, never extended while the subject is held). The notice is a handover
 * ({@code CUSTODY_NOTICE}) to the county agency with a copy to the procuratorate; an organ recording the detention
 * itself gives it at once. The release brings the case back to UNDER_CORRECTION.
 */
@Component
public class Custody {

    public static final String NOTICE_STEP = "custody.notice";

    private static final Set<Role> ORGAN_ROLES =
            EnumSet.of(Role.POLICE_OFFICER, Role.PROSECUTOR, Role.JUDGE, Role.COURT_CLERK);

    /** A custody record as its readers see it. */
    public record CustodyView(
            UUID id,
            CaseId caseId,
            CustodyKind kind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            HandoverId noticeHandoverId,
            Instant noticedAt,
            Instant releasedAt,
            int version) {}

    private final CustodyRepository records;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Custody(
            CustodyRepository records,
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseAccess access,
            CaseSteps steps,
            ObligationLedger ledger,
            Handovers handovers,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.access = access;
        this.steps = steps;
        this.ledger = ledger;
        this.handovers = handovers;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a detention (404 without a lawful role; 403 CUSTODY_COUNTY_OR_DETAINING_ORGAN unless the caller is the
     * executing county agency or the detaining organ's staff; the case's transition answers 400 / 409 / 422).
     */
    @Transactional
    public CustodyView record(CaseId caseId, CustodyKind kind, UUID detainingOrganId, Instant detainedAt) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        TongxinPrincipal me = person();
        AgencyId organ = detainingOrganId == null ? null : AgencyId.of(detainingOrganId);
        boolean byOrgan = organ != null
                && organ.equals(me.agency())
                && me.roles().stream().anyMatch(ORGAN_ROLES::contains);
        if (!byOrgan) {
            access.requireAction(
                    decision,
                    EnumSet.of(Participation.EXECUTING_AGENCY),
                    Role.COUNTY,
                    "CUSTODY_COUNTY_OR_DETAINING_ORGAN");
        }
        caseManagement.detain(caseId, kind, organ, detainedAt);
        Instant now = clock.instant();
        CustodyRecord record = CustodyRecord.record(caseId, kind, organ, detainedAt, now);
        records.insert(record);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        steps.open(facts, NOTICE_STEP, record.id().toString(), detainedAt, organ, facts.countyAgencyId());
        if (byOrgan) {
            sendNotice(record, facts);
        }
        record.pullEvents().forEach(events::publishEvent);
        return view(record);
    }

    /** The detaining organ gives its notice (403 CUSTODY_DETAINING_ORGAN_ONLY for anyone else; once). */
    @Transactional
    public CustodyView notice(UUID id, int version) {
        CustodyRecord record = records.find(id).orElseThrow(TongxinException::notFound);
        access.require(cases.parties(record.caseId()));
        TongxinPrincipal me = person();
        if (!record.detainingOrganId().equals(me.agency())
                || me.roles().stream().noneMatch(ORGAN_ROLES::contains)) {
            throw TongxinException.forbidden("CUSTODY_DETAINING_ORGAN_ONLY");
        }
        if (record.version() != version) {
            throw TongxinException.staleVersion();
        }
        record.requireNoNotice();
        sendNotice(record, cases.facts(record.caseId()).orElseThrow(TongxinException::notFound));
        record.pullEvents().forEach(events::publishEvent);
        return view(record);
    }

    /** The subject was released: the county agency or the detaining organ records it; the case resumes. */
    @Transactional
    public CustodyView release(UUID id, int version, Instant releasedAt) {
        CustodyRecord record = records.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(record.caseId()));
        TongxinPrincipal me = person();
        boolean byOrgan = record.detainingOrganId().equals(me.agency())
                && me.roles().stream().anyMatch(ORGAN_ROLES::contains);
        if (!byOrgan) {
            access.requireAction(
                    decision,
                    EnumSet.of(Participation.EXECUTING_AGENCY),
                    Role.COUNTY,
                    "CUSTODY_COUNTY_OR_DETAINING_ORGAN");
        }
        if (record.version() != version) {
            throw TongxinException.staleVersion();
        }
        record.release(releasedAt, clock.instant());
        records.update(record);
        caseManagement.release(record.caseId(), releasedAt);
        record.pullEvents().forEach(events::publishEvent);
        return view(record);
    }

    /** The case's custody records (any lawful role that sees the case's state; 404 otherwise). */
    @Transactional(readOnly = true)
    public List<CustodyView> ofCase(CaseId caseId) {
        access.require(cases.parties(caseId));
        return records.ofCase(caseId).stream().map(Custody::view).toList();
    }

    /** The case a custody record belongs to, for a reader with a lawful role in it (404 otherwise). */
    @Transactional(readOnly = true)
    public CaseId caseOf(UUID id) {
        CustodyRecord record = records.find(id).orElseThrow(TongxinException::notFound);
        access.require(cases.parties(record.caseId()));
        return record.caseId();
    }

    private void sendNotice(CustodyRecord record, CaseFacts facts) {
        List<AgencyId> copies =
                facts.procuratorateId() == null || facts.procuratorateId().equals(record.detainingOrganId())
                        ? List.of()
                        : List.of(facts.procuratorateId());
        HandoverId handover = handovers.prepare(new NewHandover(
                record.caseId(),
                HandoverKind.CUSTODY_NOTICE,
                NOTICE_STEP,
                record.detainingOrganId(),
                facts.countyAgencyId(),
                copies,
                Handovers.audience(
                        Participation.EXECUTING_AGENCY,
                        Participation.ASSIGNED_OFFICE,
                        Participation.DETAINING_ORGAN,
                        Participation.COPIED_PROCURATORATE),
                List.of(new NewItem(ItemCode.CUSTODY_NOTICE, null, null)),
                null));
        handovers.deliver(handover, 0);
        Instant now = clock.instant();
        record.noticeGiven(handover, now);
        records.update(record);
        ledger.fulfil(record.caseId(), NOTICE_STEP, record.id().toString(), now, currentUser.ref());
    }

    private TongxinPrincipal person() {
        TongxinPrincipal me = currentUser.get();
        if (me.userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        return me;
    }

    static CustodyView view(CustodyRecord r) {
        return new CustodyView(
                r.id(),
                r.caseId(),
                r.kind(),
                r.detainingOrganId(),
                r.detainedAt(),
                r.noticeHandoverId(),
                r.noticedAt(),
                r.releasedAt(),
                r.version());
    }
}
