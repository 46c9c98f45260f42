package org.tongxin.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseEvents;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews;
import org.tongxin.exchange.HandoverEvents;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.shared.security.ActorRef;

/**
 * Once per database, before the demo or anyone adds to it, replays the history that the case timeline, the ledger's
 * history and the handover rounds kept from before statistics existed through the same handlers that count live
 * events (doc/adr/0014). Each replayed event gets an id derived from its source row, so that running it again (after a
 * crash, on another instance) counts nothing twice; the marker row makes it run once. On a new database it finds
 * nothing and only sets the marker; from then on the events themselves keep the read models.
 */
@Component
@Order(10)
class StatisticsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StatisticsBackfill.class);

    private final JdbcClient jdbc;
    private final StatisticsProjector projector;
    private final CaseDirectory cases;
    private final ObligationLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StatisticsBackfill(
            JdbcClient jdbc,
            StatisticsStore store,
            Districts districts,
            CaseDirectory cases,
            ObligationLedger ledger,
            org.tongxin.exchange.Handovers handovers,
            org.tongxin.assistance.Referrals referrals,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        // The handlers themselves, not the listener bean: called on it, the listeners' @Async and REQUIRES_NEW would
        // take
        // each replayed event out of this one transaction.
        this.projector = new StatisticsProjector(store, districts, cases, ledger, handovers, referrals);
        this.cases = cases;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long replayed = transaction.execute(tx -> {
            int claimed = jdbc.sql(
                            "INSERT INTO statistics_backfill (id, started_at) VALUES (1, :at) ON CONFLICT DO NOTHING")
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return null;
            }
            long count = replay();
            jdbc.sql("UPDATE statistics_backfill SET completed_at = :at, events = :n WHERE id = 1")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("n", count)
                    .update();
            return count;
        });
        if (replayed != null && replayed > 0) {
            log.info(
                    "Statistics: counted {} past events from the case timeline, the ledger history and the handover"
                            + " rounds",
                    replayed);
        }
    }

    /** Replays every source in the order things happened; returns how many events it counted. */
    long replay() {
        long count = 0;
        count += replayCases();
        count += replayObligations();
        count += replayHandovers();
        return count;
    }

    static UUID idOf(String source, Object key) {
        return UUID.nameUUIDFromBytes((source + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private long replayCases() {
        record Entry(long id, UUID caseId, Instant at, String kind) {}
        List<Entry> entries = jdbc.sql("""
            SELECT id, case_id, occurred_at, kind FROM casefile_timeline
             WHERE kind IN ('case.decided', 'case.registered', 'office.assigned', 'team.formed') ORDER BY occurred_at, id\
            """)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
        long count = 0;
        for (Entry e : entries) {
            CaseViews.CaseFacts f = cases.facts(CaseId.of(e.caseId())).orElse(null);
            if (f == null) {
                continue;
            }
            UUID eventId = idOf("casefile_timeline", e.id());
            switch (e.kind()) {
                case "case.decided" ->
                    projector.on(new CaseEvents.CaseDecided(
                            eventId,
                            f.id(),
                            f.correctionType(),
                            f.effectiveDate(),
                            f.decisionOrganId(),
                            f.countyAgencyId(),
                            f.procuratorateId(),
                            f.policeId(),
                            f.handoverInstitutionId(),
                            f.inCustody(),
                            f.policyRegion(),
                            e.at(),
                            ActorRef.SYSTEM));
                case "case.registered" ->
                    projector.on(new CaseEvents.CaseRegistered(
                            eventId, f.id(), f.countyAgencyId(), e.at(), ActorRef.SYSTEM));
                case "team.formed" ->
                    projector.on(new CaseEvents.TeamFormed(eventId, f.id(), 0, e.at(), ActorRef.SYSTEM));
                default -> {
                    if (f.officeId() != null) {
                        projector.on(
                                new CaseEvents.OfficeAssigned(eventId, f.id(), f.officeId(), e.at(), ActorRef.SYSTEM));
                    }
                }
            }
            count++;
        }
        return count;
    }

    private long replayObligations() {
        record Entry(long id, UUID obligationId, UUID caseId, Instant at, String event, Instant dueAt, UUID agencyId) {}
        List<Entry> entries = jdbc.sql("""
            SELECT id, obligation_id, case_id, occurred_at, event, due_at, agency_id FROM obligation_history
             WHERE event IN ('OPENED', 'FULFILLED', 'FULFILLED_LATE', 'OVERDUE', 'ESCALATED', 'PAUSED', 'RESUMED', 'WAIVED',
                             'DUE_CHANGED')
             ORDER BY occurred_at, id\
            """)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        instant(rs.getTimestamp(6)),
                        rs.getObject(7, UUID.class)))
                .list();
        java.util.Map<UUID, Integer> escalations = new java.util.HashMap<>();
        long count = 0;
        for (Entry e : entries) {
            ObligationView o = ledger.find(ObligationId.of(e.obligationId())).orElse(null);
            if (o == null) {
                continue;
            }
            ProcedureStep step;
            try {
                step = ledger.step(o);
            } catch (RuntimeException noLongerInPolicy) {
                continue;
            }
            UUID eventId = idOf("obligation_history", e.id());
            CaseId caseId = e.caseId() == null ? null : CaseId.of(e.caseId());
            AgencyId agency = e.agencyId() == null ? o.owingAgencyId() : AgencyId.of(e.agencyId());
            ActorRef system = ActorRef.SYSTEM;
            switch (e.event()) {
                case "OPENED" ->
                    projector.on(new ObligationEvents.ObligationOpened(
                            eventId,
                            o.id(),
                            caseId,
                            o.stepId(),
                            step.nameZh(),
                            step.nameEn(),
                            agency,
                            e.dueAt(),
                            e.at(),
                            system));
                case "FULFILLED", "FULFILLED_LATE" ->
                    projector.on(new ObligationEvents.ObligationFulfilled(
                            eventId,
                            o.id(),
                            caseId,
                            o.stepId(),
                            step.nameZh(),
                            step.nameEn(),
                            o.owingAgencyId(),
                            e.event().equals("FULFILLED_LATE"),
                            e.at(),
                            system));
                case "OVERDUE" ->
                    projector.on(new ObligationEvents.ObligationOverdue(
                            eventId,
                            o.id(),
                            caseId,
                            o.stepId(),
                            step.nameZh(),
                            step.nameEn(),
                            o.owingAgencyId(),
                            e.dueAt(),
                            e.at(),
                            system));
                case "ESCALATED" ->
                    projector.on(new ObligationEvents.ObligationEscalated(
                            eventId,
                            o.id(),
                            caseId,
                            o.stepId(),
                            step.nameZh(),
                            step.nameEn(),
                            o.owingAgencyId(),
                            escalations.merge(o.id().value(), 1, Integer::sum),
                            agency,
                            e.at(),
                            system));
                case "PAUSED" ->
                    projector.on(new ObligationEvents.ObligationPaused(
                            eventId, o.id(), caseId, o.stepId(), step.nameZh(), step.nameEn(), e.at(), system));
                case "RESUMED" ->
                    projector.on(new ObligationEvents.ObligationResumed(
                            eventId,
                            o.id(),
                            caseId,
                            o.stepId(),
                            step.nameZh(),
                            step.nameEn(),
                            e.dueAt(),
                            e.at(),
                            system));
                case "WAIVED" ->
                    projector.on(new ObligationEvents.ObligationWaived(
                            eventId, o.id(), caseId, o.stepId(), step.nameZh(), step.nameEn(), e.at(), system));
                default ->
                    projector.on(new ObligationEvents.ObligationDueChanged(
                            eventId, o.id(), caseId, o.stepId(), o.owingAgencyId(), null, e.dueAt(), e.at()));
            }
            count++;
        }
        return count;
    }

    private long replayHandovers() {
        record Round(
                UUID handoverId,
                int round,
                Instant deliveredAt,
                String outcome,
                Instant answeredAt,
                UUID caseId,
                String kind,
                String stepId,
                UUID sender,
                UUID receiver,
                int problems) {}
        List<Round> rounds = jdbc.sql("""
            SELECT r.handover_id, r.round, r.delivered_at, r.outcome, r.answered_at, h.case_id, h.kind, h.step_id,
                   h.sender_agency_id, h.receiver_agency_id,
                   (SELECT count(*) FROM exchange_problem p WHERE p.handover_id = r.handover_id AND p.round = r.round)
              FROM exchange_round r JOIN exchange_handover h ON h.id = r.handover_id
             ORDER BY r.delivered_at, r.handover_id, r.round\
            """)
                .query((rs, n) -> new Round(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, UUID.class),
                        rs.getObject(10, UUID.class),
                        rs.getInt(11)))
                .list();
        long count = 0;
        for (Round r : rounds) {
            HandoverId id = HandoverId.of(r.handoverId());
            HandoverKind kind = HandoverKind.valueOf(r.kind());
            CaseId caseId = CaseId.of(r.caseId());
            AgencyId sender = AgencyId.of(r.sender());
            AgencyId receiver = AgencyId.of(r.receiver());
            projector.on(new HandoverEvents.HandoverDelivered(
                    idOf("exchange_round.delivered", r.handoverId() + "/" + r.round()),
                    id,
                    caseId,
                    kind,
                    r.stepId(),
                    r.round(),
                    sender,
                    receiver,
                    List.of(),
                    Set.of(),
                    r.deliveredAt(),
                    ActorRef.SYSTEM));
            count++;
            if ("REJECTED".equals(r.outcome()) && r.answeredAt() != null) {
                projector.on(new HandoverEvents.HandoverRejected(
                        idOf("exchange_round.answered", r.handoverId() + "/" + r.round()),
                        id,
                        caseId,
                        kind,
                        r.stepId(),
                        r.round(),
                        sender,
                        receiver,
                        r.problems(),
                        Set.of(),
                        r.answeredAt(),
                        ActorRef.SYSTEM));
                count++;
            } else if ("RECEIPTED".equals(r.outcome()) && r.answeredAt() != null) {
                projector.on(new HandoverEvents.HandoverReceipted(
                        idOf("exchange_round.answered", r.handoverId() + "/" + r.round()),
                        id,
                        caseId,
                        kind,
                        r.stepId(),
                        r.round(),
                        sender,
                        receiver,
                        null,
                        Set.of(),
                        r.answeredAt(),
                        ActorRef.SYSTEM));
                count++;
            }
        }
        return count;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
