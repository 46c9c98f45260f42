package org.tongxin.supervision.missing;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
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
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.missing.internal.LostContact;
import org.tongxin.supervision.missing.internal.LostContactRepository;

/**
 * Lost contact (失去联系, 《社区矫正法》第三十条). The executing county agency reports it: the search opens at once on the
 * ledger ({@code missing.search}, immediately, the police assisting — which is also what the dashboard's lost-contact
 * figure counts), the police are asked to assist and the decision organ is notified with a copy to the procuratorate,
 * both as handovers. Found: the search is done and supervision goes on. Still missing a month after contact was lost:
 * {@link LostContactEvents.StillMissingAfterOneMonth} is published once, a ground for a revocation or custody proposal.
 */
@Component
public class LostContacts {

    public static final String SEARCH_STEP = "missing.search";

    /** A lost contact as the case's parties see it (the texts for the executing agency only). */
    public record LostContactView(
            UUID id,
            CaseId caseId,
            LostContact.State state,
            Instant lostSince,
            String circumstances,
            HandoverId policeHandoverId,
            HandoverId noticeHandoverId,
            Instant foundAt,
            String foundNote,
            Instant overAMonthAt,
            int version) {}

    private final LostContactRepository records;
    private final CaseDirectory cases;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LostContacts(
            LostContactRepository records,
            CaseDirectory cases,
            CaseAccess access,
            CaseSteps steps,
            ObligationLedger ledger,
            Handovers handovers,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.cases = cases;
        this.access = access;
        this.steps = steps;
        this.ledger = ledger;
        this.handovers = handovers;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The county agency reports lost contact (404 / 403 LOST_CONTACT_COUNTY_ONLY; 422 LOST_CONTACT_CASE_NOT_UNDER_CORRECTION;
     * 409 LOST_CONTACT_ALREADY_SEARCHING).
     */
    @Transactional
    public LostContactView report(CaseId caseId, Instant lostSince, String circumstances) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(
                decision, EnumSet.of(Participation.EXECUTING_AGENCY), Role.COUNTY, "LOST_CONTACT_COUNTY_ONLY");
        if (currentUser.get().userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        Instant now = clock.instant();
        LostContact record = LostContact.report(caseId, lostSince, circumstances, now, currentUser.ref());
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (facts.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.rule("LOST_CONTACT_CASE_NOT_UNDER_CORRECTION");
        }
        if (records.ofCase(caseId).stream().anyMatch(r -> r.state() == LostContact.State.SEARCHING)) {
            throw TongxinException.conflict("LOST_CONTACT_ALREADY_SEARCHING");
        }
        records.insert(record);
        steps.open(facts, SEARCH_STEP, record.id().toString(), now, facts.countyAgencyId(), facts.policeId());
        HandoverId police = facts.policeId() == null
                ? null
                : send(facts, HandoverKind.LOST_CONTACT_ASSISTANCE, facts.policeId(), List.of());
        HandoverId notice = facts.decisionOrganId() == null
                ? null
                : send(
                        facts,
                        HandoverKind.LOST_CONTACT_NOTICE,
                        facts.decisionOrganId(),
                        facts.procuratorateId() == null ? List.of() : List.of(facts.procuratorateId()));
        record.notified(police, notice);
        records.update(record);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "missing.reported")
                .target("case", caseId)
                .detail("record", record.id()));
        record.pullEvents().forEach(events::publishEvent);
        return view(record);
    }

    /** The subject was found: the search is done, supervision goes on (county agency; 409 when not searching). */
    @Transactional
    public LostContactView found(UUID id, int version, Instant foundAt, String note) {
        LostContact record = records.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(record.caseId()));
        access.requireAction(
                decision, EnumSet.of(Participation.EXECUTING_AGENCY), Role.COUNTY, "LOST_CONTACT_COUNTY_ONLY");
        if (currentUser.get().userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        if (record.version() != version) {
            throw TongxinException.staleVersion();
        }
        Instant now = clock.instant();
        record.found(foundAt, note, now, currentUser.ref());
        records.update(record);
        ledger.fulfil(record.caseId(), SEARCH_STEP, id.toString(), now, currentUser.ref());
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "missing.found")
                .target("case", record.caseId())
                .detail("record", id));
        record.pullEvents().forEach(events::publishEvent);
        return view(record);
    }

    /** A case's lost contacts: the executing agency reads the texts, other parties the facts only. */
    @Transactional(readOnly = true)
    public List<LostContactView> ofCase(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        boolean texts = decision.holds(Participation.EXECUTING_AGENCY) || decision.holds(Participation.ASSIGNED_OFFICE);
        return records.ofCase(caseId).stream()
                .map(r -> {
                    LostContactView v = view(r);
                    return texts
                            ? v
                            : new LostContactView(
                                    v.id(),
                                    v.caseId(),
                                    v.state(),
                                    v.lostSince(),
                                    null,
                                    v.policeHandoverId(),
                                    v.noticeHandoverId(),
                                    v.foundAt(),
                                    null,
                                    v.overAMonthAt(),
                                    v.version());
                })
                .toList();
    }

    /** The case a lost contact belongs to, for a reader with a lawful role in it (404 otherwise). */
    @Transactional(readOnly = true)
    public CaseId caseOf(UUID id) {
        LostContact record = records.find(id).orElseThrow(TongxinException::notFound);
        access.require(cases.parties(record.caseId()));
        return record.caseId();
    }

    /**
     * The system's scan: every search still on a month after contact was lost is announced once
     * ({@link LostContactEvents.StillMissingAfterOneMonth}); returns how many. Runs without a person (as the owner role).
     */
    @Transactional
    public int announceMonthsElapsed() {
        Instant now = clock.instant();
        int announced = 0;
        for (UUID id : records.monthCandidates(now.minus(java.time.Duration.ofDays(28)))) {
            LostContact record = records.find(id).orElseThrow();
            if (record.checkMonth(now)) {
                records.update(record);
                record.pullEvents().forEach(events::publishEvent);
                announced++;
            }
        }
        return announced;
    }

    private HandoverId send(CaseFacts facts, HandoverKind kind, AgencyId receiver, List<AgencyId> copies) {
        HandoverId id = handovers.prepare(new NewHandover(
                facts.id(),
                kind,
                SEARCH_STEP,
                facts.countyAgencyId(),
                receiver,
                copies,
                Handovers.audience(
                        Participation.EXECUTING_AGENCY,
                        Participation.ASSIGNED_OFFICE,
                        Participation.DECISION_ORGAN,
                        Participation.COPIED_PROCURATORATE,
                        Participation.COPIED_POLICE),
                List.of(new NewItem(ItemCode.SEARCH_RECORD, null, null)),
                null));
        handovers.deliver(id, 0);
        return id;
    }

    static LostContactView view(LostContact r) {
        return new LostContactView(
                r.id(),
                r.caseId(),
                r.state(),
                r.lostSince(),
                r.circumstances(),
                r.policeHandoverId(),
                r.noticeHandoverId(),
                r.foundAt(),
                r.foundNote(),
                r.overAMonthAt(),
                r.version());
    }
}
