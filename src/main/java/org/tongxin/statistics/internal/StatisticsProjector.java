package org.tongxin.statistics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceEvents;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseEvents;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.CoordinationEvents;
import org.tongxin.exchange.HandoverEvents;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.ObligationEvents;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.statistics.Indicator;

/**
 * Builds the read models from events, each event once (its id is claimed in the same transaction as the counts).
 * Figures are placed in the month the thing happened; "obligations due" in the month the obligation fell due.
 */
@Component
class StatisticsProjector {

    /** The step the county agency owes when a subject does not report in time (IM art. 17). */
    static final String FAILED_TO_REPORT_STEP = "report.missed";
    /** The step the county agency owes when contact with a subject is lost (CCL art. 30). */
    static final String LOST_CONTACT_STEP = "missing.search";

    private final StatisticsStore store;
    private final Districts districts;
    private final CaseDirectory cases;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final Referrals referrals;

    StatisticsProjector(
            StatisticsStore store,
            Districts districts,
            CaseDirectory cases,
            ObligationLedger ledger,
            Handovers handovers,
            Referrals referrals) {
        this.referrals = referrals;
        this.store = store;
        this.districts = districts;
        this.cases = cases;
        this.ledger = ledger;
        this.handovers = handovers;
    }

    // Cases

    @ApplicationModuleListener
    void on(CaseEvents.CaseDecided e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            rememberCase(e.caseId(), e.occurredAt());
            count(
                    e.occurredAt(),
                    e.countyAgencyId(),
                    Indicator.CASE_DECIDED,
                    e.correctionType().name());
        }
    }

    @ApplicationModuleListener
    void on(CaseEvents.CaseRegistered e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            knowCase(e.caseId());
            store.caseReceived(e.caseId().value(), e.occurredAt());
            count(
                    e.occurredAt(),
                    e.countyAgencyId(),
                    Indicator.CASE_RECEIVED,
                    store.caseType(e.caseId().value()).orElse(null));
        }
    }

    // The "released" figures: every way correction ends (CCL arts. 44, 45, 46, 49), on the day it ended.

    @ApplicationModuleListener
    void on(CaseEvents.CaseTerminated e) {
        released(
                e.caseId(),
                e.endedOn().atStartOfDay(org.tongxin.shared.time.LegalTime.ZONE).toInstant());
    }

    @ApplicationModuleListener
    void on(CaseEvents.CaseRevoked e) {
        released(
                e.caseId(),
                e.ruledOn().atStartOfDay(org.tongxin.shared.time.LegalTime.ZONE).toInstant());
    }

    @ApplicationModuleListener
    void on(CaseEvents.SubjectDied e) {
        released(e.caseId(), e.occurredAt());
    }

    private void released(CaseId caseId, Instant at) {
        knowCase(caseId);
        store.caseReleased(caseId.value(), at);
    }

    @ApplicationModuleListener
    void on(CaseEvents.OfficeAssigned e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            knowCase(e.caseId());
            store.officeAssigned(e.caseId().value(), e.officeId());
        }
    }

    @ApplicationModuleListener
    void on(CaseEvents.TeamFormed e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            store.teamFormed(
                    e.caseId().value(),
                    cases.teamForDocuments(e.caseId()).stream()
                            .filter(m -> m.role() == CaseData.TeamRole.SOCIAL_WORKER && m.agencyId() != null)
                            .map(CaseData.TeamMember::agencyId)
                            .toList());
        }
    }

    /** Makes sure the case has its row, from the case file, when its decision came before statistics counted it. */
    private void knowCase(CaseId caseId) {
        if (!store.caseKnown(caseId.value())) {
            rememberCase(caseId, null);
        }
    }

    private void rememberCase(CaseId caseId, Instant decidedAt) {
        cases.facts(caseId)
                .ifPresent(f -> store.caseDecided(
                        caseId.value(),
                        f.countyAgencyId(),
                        districts.of(f.countyAgencyId()),
                        f.correctionType() == null ? null : f.correctionType().name(),
                        f.subjectGender() == null ? null : f.subjectGender().name(),
                        f.minorAtOffence(),
                        decidedAt));
    }

    // The obligation ledger

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationOpened e) {
        if (store.claim(e.eventId(), e.occurredAt()) && !subjects(e.obligationId())) {
            String district = districts.of(e.owingAgency());
            store.obligationOpened(
                    e.obligationId().value(),
                    caseOf(e.caseId()),
                    e.stepId(),
                    e.stepZh(),
                    e.stepEn(),
                    e.owingAgency(),
                    district,
                    e.occurredAt(),
                    e.dueAt(),
                    "OPEN");
            store.count(e.occurredAt(), e.owingAgency(), district, Indicator.OBLIGATION_OPENED, e.stepId());
            if (FAILED_TO_REPORT_STEP.equals(e.stepId())) {
                store.count(e.occurredAt(), e.owingAgency(), district, Indicator.SUBJECT_FAILED_TO_REPORT);
            } else if (LOST_CONTACT_STEP.equals(e.stepId())) {
                store.count(e.occurredAt(), e.owingAgency(), district, Indicator.SUBJECT_LOST_CONTACT);
            }
        }
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationFulfilled e) {
        if (!store.claim(e.eventId(), e.occurredAt())) {
            return;
        }
        ensureObligation(e).ifPresent(row -> {
            AgencyId agency = row.agency();
            if (e.late()) {
                store.obligationClosed(
                        row.id(), "FULFILLED_LATE", e.occurredAt(), latenessHours(row.dueAt(), e.occurredAt()));
                store.count(e.occurredAt(), agency, row.district(), Indicator.OBLIGATION_FULFILLED_LATE, row.stepId());
                if (row.overdueAt() == null && row.dueAt() != null) {
                    // Fulfilled late before the overdue scan saw it: it still fell due in its month.
                    store.count(row.dueAt(), agency, row.district(), Indicator.OBLIGATION_DUE, row.stepId());
                }
            } else {
                store.obligationClosed(row.id(), "FULFILLED", e.occurredAt(), null);
                if (row.dueAt() != null) {
                    store.count(row.dueAt(), agency, row.district(), Indicator.OBLIGATION_DUE, row.stepId());
                    store.count(row.dueAt(), agency, row.district(), Indicator.OBLIGATION_ON_TIME, row.stepId());
                }
            }
        });
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationOverdue e) {
        if (!store.claim(e.eventId(), e.occurredAt())) {
            return;
        }
        ensureObligation(e).ifPresent(row -> {
            AgencyId agency = row.agency();
            if (row.overdueAt() == null) {
                Instant due = e.dueAt() != null ? e.dueAt() : row.dueAt() != null ? row.dueAt() : e.occurredAt();
                store.count(due, agency, row.district(), Indicator.OBLIGATION_DUE, row.stepId());
                store.count(e.occurredAt(), agency, row.district(), Indicator.OBLIGATION_OVERDUE, row.stepId());
            }
            store.obligationOverdue(row.id(), e.occurredAt());
        });
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationEscalated e) {
        if (!store.claim(e.eventId(), e.occurredAt())) {
            return;
        }
        ensureObligation(e).ifPresent(row -> {
            store.obligationEscalated(row.id(), e.level(), e.escalatedTo());
            store.count(
                    e.occurredAt(), row.agency(), row.district(), Indicator.OBLIGATION_ESCALATED, "level" + e.level());
        });
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationPaused e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            ensureObligation(e).ifPresent(row -> store.obligationPaused(row.id()));
        }
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationResumed e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            ensureObligation(e).ifPresent(row -> store.obligationDue(row.id(), e.dueAt(), true));
        }
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationDueChanged e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            store.obligationDue(e.obligationId().value(), e.dueAt(), false);
        }
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationWaived e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            ensureObligation(e).ifPresent(row -> store.obligationClosed(row.id(), "WAIVED", e.occurredAt(), null));
        }
    }

    /** The row of an obligation, made from the ledger when it was opened before statistics counted it. */
    private java.util.Optional<StatisticsStore.ObligationRow> ensureObligation(ObligationEvents.LedgerEntry e) {
        ObligationId id = e.obligationId();
        java.util.Optional<StatisticsStore.ObligationRow> row = store.obligation(id.value());
        if (row.isPresent()) {
            return row;
        }
        java.util.Optional<ObligationView> view = ledger.find(id).filter(o -> !o.owedBySubject());
        view.ifPresent(o -> store.obligationOpened(
                o.id().value(),
                caseOf(o.caseId()),
                o.stepId(),
                e.stepZh(),
                e.stepEn(),
                o.owingAgencyId(),
                districts.of(o.owingAgencyId()),
                o.startedAt(),
                o.dueAt(),
                o.status().name()));
        return store.obligation(id.value());
    }

    /**
     * A step the subject owes (reporting in) is the subject's, not the watching agency's: it is never counted in an
     * agency's obligations, overdue figures, holdups or scorecards (doc/adr/0039-an-inbox-honest-about-who-can-act.md).
     */
    private boolean subjects(ObligationId id) {
        return ledger.find(id).map(ObligationView::owedBySubject).orElse(false);
    }

    /** Whole hours from due to done, a started hour counting as one (one minute late is one hour late). */
    static Integer latenessHours(Instant due, Instant done) {
        if (due == null || !done.isAfter(due)) {
            return due == null ? null : 0;
        }
        long minutes = Duration.between(due, done).toMinutes();
        return (int) ((minutes + 59) / 60);
    }

    // Handovers

    @ApplicationModuleListener
    void on(HandoverEvents.HandoverDelivered e) {
        if (!store.claim(e.eventId(), e.occurredAt())) {
            return;
        }
        count(e, e.receiver(), Indicator.HANDOVER_RECEIVED);
        if (e.supplement()) {
            store.itemClosed("HANDOVER_REJECTED", e.handoverId().value(), e.occurredAt());
        } else if (e.caseId() != null && store.stepWentOverdue(e.caseId().value(), e.stepId(), e.sender())) {
            count(e, e.sender(), Indicator.HANDOVER_LATE);
        }
    }

    @ApplicationModuleListener
    void on(HandoverEvents.HandoverReceipted e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e, e.receiver(), Indicator.HANDOVER_RECEIPTED);
            store.itemClosed("HANDOVER_REJECTED", e.handoverId().value(), e.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(HandoverEvents.HandoverRejected e) {
        if (!store.claim(e.eventId(), e.occurredAt())) {
            return;
        }
        String district = districts.of(e.sender());
        store.count(e.occurredAt(), e.sender(), district, Indicator.HANDOVER_REJECTED, problemDimensions(e));
        store.itemOpened(
                "HANDOVER_REJECTED",
                e.handoverId().value(),
                caseOf(e.caseId()),
                e.sender(),
                e.receiver(),
                district,
                e.kind().name() + ":" + e.problems(),
                e.occurredAt());
    }

    /** "Why": a dimension per problem kind (MISSING, DEFECTIVE) and per document concerned, as the receiver named them. */
    private String[] problemDimensions(HandoverEvents.HandoverRejected e) {
        List<String> dimensions = new ArrayList<>();
        handovers
                .find(e.handoverId())
                .flatMap(v ->
                        v.rounds().stream().filter(r -> r.number() == e.round()).findFirst())
                .ifPresent(round -> {
                    for (HandoverView.ProblemView p : round.problems()) {
                        dimensions.add("problem:" + p.kind().name());
                        dimensions.add("item:" + p.code().name());
                    }
                });
        return dimensions.toArray(String[]::new);
    }

    // Assistance

    @ApplicationModuleListener
    void on(AssistanceEvents.ReferralMade e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e, districts.of(e.toAgency()), Indicator.REFERRAL_MADE);
        }
    }

    @ApplicationModuleListener
    void on(AssistanceEvents.ReferralAccepted e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e, districts.of(e.toAgency()), Indicator.REFERRAL_ACCEPTED);
        }
    }

    @ApplicationModuleListener
    void on(AssistanceEvents.ReferralDeclined e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            String district = districts.of(e.toAgency());
            count(e, district, Indicator.REFERRAL_DECLINED);
            // The reason is not in the event (events carry no free text): read from the referral, kept encrypted.
            store.itemOpened(
                    "REFERRAL_DECLINED",
                    e.referralId().value(),
                    caseOf(e.caseId()),
                    e.toAgency(),
                    e.fromAgency(),
                    district,
                    e.service().name(),
                    referrals.declineReason(e.referralId()).orElse(null),
                    e.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(AssistanceEvents.ReferralCompleted e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            String district = districts.of(e.toAgency());
            count(e, district, Indicator.REFERRAL_COMPLETED);
            if (e.delivered()) {
                count(e, district, Indicator.ASSISTANCE_DELIVERED);
            }
        }
    }

    // Coordination

    @ApplicationModuleListener
    void on(CoordinationEvents.MeetingConvened e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e.occurredAt(), e.convenor(), Indicator.MEETING_CONVENED);
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.MeetingHeld e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e.occurredAt(), e.convenor(), Indicator.MEETING_HELD);
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.DecisionRecorded e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e.occurredAt(), e.owingAgency(), Indicator.DECISION_RECORDED);
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.DecisionDone e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            String district = districts.of(e.owingAgency());
            store.count(e.occurredAt(), e.owingAgency(), district, Indicator.DECISION_DONE);
            if (e.late()) {
                store.count(e.occurredAt(), e.owingAgency(), district, Indicator.DECISION_DONE_LATE);
            }
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.ConflictRaised e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            String district = districts.of(e.raisedBy());
            store.count(
                    e.occurredAt(),
                    e.raisedBy(),
                    district,
                    Indicator.CONFLICT_RAISED,
                    e.type().name());
            AgencyId other = e.parties() == null
                    ? null
                    : e.parties().stream()
                            .filter(p -> !p.equals(e.raisedBy()))
                            .findFirst()
                            .orElse(null);
            store.itemOpened(
                    "CONFLICT",
                    e.conflictId().value(),
                    caseOf(e.caseId()),
                    e.raisedBy(),
                    other,
                    district,
                    e.type().name() + (e.stepId() == null ? "" : ":" + e.stepId()),
                    e.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.ConflictEscalated e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(e.occurredAt(), e.to(), Indicator.CONFLICT_ESCALATED);
        }
    }

    @ApplicationModuleListener
    void on(CoordinationEvents.ConflictResolved e) {
        if (store.claim(e.eventId(), e.occurredAt())) {
            count(
                    e.occurredAt(),
                    e.raisedBy(),
                    Indicator.CONFLICT_RESOLVED,
                    e.type().name());
            store.itemClosed("CONFLICT", e.conflictId().value(), e.occurredAt());
        }
    }

    /** Counts {@code indicator} for {@code agency} and its district in the month of {@code at}, with its dimensions. */
    private void count(Instant at, AgencyId agency, Indicator indicator, String... dimensions) {
        store.count(at, agency, districts.of(agency), indicator, dimensions);
    }

    /** A handover's figure for one of its two agencies, by the kind of bundle. */
    private void count(HandoverEvents.HandoverEvent e, AgencyId agency, Indicator indicator) {
        count(e.occurredAt(), agency, indicator, e.kind().name());
    }

    /** A referral's figure for the department or organisation asked to help (in its district), by service. */
    private void count(AssistanceEvents.ReferralEntry e, String district, Indicator indicator) {
        store.count(
                e.occurredAt(), e.toAgency(), district, indicator, e.service().name());
    }

    private static UUID caseOf(CaseId caseId) {
        return caseId == null ? null : caseId.value();
    }
}
