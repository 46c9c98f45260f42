package org.tongxin.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseEvents.CaseRevoked;
import org.tongxin.casefile.CaseEvents.CaseTerminated;
import org.tongxin.casefile.CaseEvents.SubjectDied;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.exchange.HandoverEvents.HandoverDelivered;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.procedure.internal.CaseEnding;
import org.tongxin.procedure.internal.CaseEndingRepository;
import org.tongxin.shared.jdbc.ClusterLock;
import org.tongxin.shared.time.LegalTime;

/**
 * The end of correction as the ledger sees it. A scan opens the expiry warning a month before each term ends and the
 * termination announcement on its last day (IM arts. 53–54). Every ending — termination, death, revocation — archives
 * the case: its open obligations lapse with the reason, except the steps the ending itself brings (the certificate and
 * notice, the notice of death, the revocation's own steps) and the addressed units' replies to the procuratorate; then
 * the ending's own step opens. A minor's terminated case whose sentence qualifies is sealed (CPL art. 286) as soon as the
 * certificate is issued and the organs notified — the county agency's last act on the record. Listeners
 * are idempotent: the ledger opens and fulfils a step once, the ending is recorded once, sealing checks the case first.
 */
@Component
class TerminationProcedure {

    private static final Logger log = LoggerFactory.getLogger(TerminationProcedure.class);
    static final String ARCHIVED = "社区矫正已终止，事项随案归档 / Correction ended: archived with the case";
    /** The longest sentence whose record is sealed (CPL art. 286: 五年有期徒刑以下). */
    static final Period SEALABLE = Period.ofYears(5);

    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CaseEndingRepository endings;
    private final ClusterLock lock;
    private final Clock clock;

    TerminationProcedure(
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseSteps steps,
            ObligationLedger ledger,
            CaseEndingRepository endings,
            ClusterLock lock,
            Clock clock) {
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.steps = steps;
        this.ledger = ledger;
        this.endings = endings;
        this.lock = lock;
        this.clock = clock;
    }

    /** One month before the last day of the term (IM art. 53), at the day's start. */
    static Instant warningTrigger(CaseFacts c) {
        return c.termEnd().minusMonths(1).atStartOfDay(LegalTime.ZONE).toInstant();
    }

    @Scheduled(
            fixedDelayString = "${tongxin.termination.scan:PT1H}",
            initialDelayString = "${tongxin.termination.scan-delay:PT2M}")
    void scheduledScan() {
        lock.runExclusively("procedure-term-expiry", this::scan);
    }

    /** Opens the expiry warnings and announcements that are due by today; returns how many cases it looked at. */
    int scan() {
        LocalDate today = LegalTime.today(clock);
        int seen = 0;
        for (CaseId id : cases.inCorrectionEndingBy(today.plusMonths(1))) {
            CaseFacts c = cases.facts(id).orElse(null);
            if (c == null || c.termEnd() == null) {
                continue;
            }
            seen++;
            if (!today.isBefore(c.termEnd().minusMonths(1))) {
                steps.open(c, Steps.EXPIRY_WARNING, "", warningTrigger(c), null, null);
            }
            if (!today.isBefore(c.termEnd())) {
                steps.open(
                        c,
                        Steps.END_ANNOUNCE,
                        "",
                        c.termEnd().atStartOfDay(LegalTime.ZONE).toInstant(),
                        c.officeId(),
                        null);
            }
        }
        return seen;
    }

    @ApplicationModuleListener
    void on(CaseTerminated event) {
        CaseFacts c = cases.facts(event.caseId()).orElse(null);
        if (c == null) {
            return;
        }
        endings.insertIfAbsent(
                CaseEnding.ended(c.id(), CaseEnding.Kind.TERMINATED, event.endedOn(), event.occurredAt()));
        // The announcement is the termination itself; a warning never given lapses with the rest.
        ledger.fulfil(c.id(), Steps.END_ANNOUNCE, "", event.occurredAt(), event.actor());
        archive(c.id(), event.occurredAt(), List.of());
        steps.open(c, Steps.CERTIFY, "", event.occurredAt(), null, null);
    }

    @ApplicationModuleListener
    void on(SubjectDied event) {
        CaseFacts c = cases.facts(event.caseId()).orElse(null);
        if (c == null) {
            return;
        }
        endings.insertIfAbsent(CaseEnding.ended(
                c.id(),
                CaseEnding.Kind.DECEASED,
                c.endedOn() == null ? LegalTime.dateOf(event.occurredAt()) : c.endedOn(),
                event.occurredAt()));
        archive(c.id(), event.occurredAt(), List.of());
        steps.open(c, Steps.DEATH_NOTIFY, "", event.occurredAt(), null, null);
    }

    /** A revocation or 收监执行 ends correction too: the case is archived; the police's delivery to prison goes on. */
    @ApplicationModuleListener
    void on(CaseRevoked event) {
        endings.insertIfAbsent(
                CaseEnding.ended(event.caseId(), CaseEnding.Kind.REVOKED, event.ruledOn(), event.occurredAt()));
        archive(event.caseId(), event.occurredAt(), List.of("revoke.", "jwzx.recall."));
    }

    @ApplicationModuleListener
    void on(HandoverDelivered event) {
        if (event.kind() == HandoverKind.TERMINATION_NOTICE) {
            ledger.fulfil(event.caseId(), Steps.CERTIFY, "", event.occurredAt(), event.actor());
            // The termination's own work done (certificate issued, organs notified), a qualifying minor's record is
            // sealed.
            cases.facts(event.caseId()).filter(TerminationProcedure::sealable).ifPresent(c -> {
                caseManagement.seal(c.id());
                log.info("Case {} sealed on termination (CPL art. 286)", c.id());
            });
        } else if (event.kind() == HandoverKind.DEATH_NOTICE) {
            ledger.fulfil(event.caseId(), Steps.DEATH_NOTIFY, "", event.occurredAt(), event.actor());
        }
    }

    /**
     * Open obligations of the ended case lapse with the reason, and so do the steps late reactions open for it afterwards,
     * except the ending's own, the replies owed to the procuratorate and those {@code kept} (ids, or prefixes ending in '.').
     */
    private void archive(CaseId id, Instant at, List<String> kept) {
        List<String> keep = new java.util.ArrayList<>(KEPT);
        keep.add("procuratorate.");
        keep.addAll(kept);
        int lapsed = ledger.lapseAllExcept(id, at, ARCHIVED, keep);
        log.info("Case {} ended: {} open obligations archived", id, lapsed);
    }

    static final Set<String> KEPT = Set.of(Steps.CERTIFY, Steps.DEATH_NOTIFY);

    /**
     * A record is sealed when the offence was committed under 18 and the sentence was at most five years' fixed-term
     * imprisonment (CPL art. 286). For 管制 the term is the sentence, and a probation's test period is never shorter than
     * the sentence (Criminal Law art. 73), so a term of at most five years proves it. For parole and temporary execution the
     * term is the rest of a longer sentence: the original sentence recorded with the decision decides, and a case without
     * it (decided before it was recorded, a life sentence, not given) is not sealed automatically — sealing hides the
     * record from every party, so it needs the fact that proves the law applies
     * (doc/adr/0044-the-minors-steps-the-original-sentence-and-the-move-documents.md).
     */
    static boolean sealable(CaseFacts c) {
        if (!c.minorAtOffence() || c.sealed() || c.termStart() == null || c.termEnd() == null) {
            return false;
        }
        if (c.correctionType() != null && c.correctionType().remainderOfSentence()) {
            return c.sentenceMonths() != null && c.sentenceMonths() <= SEALABLE.toTotalMonths();
        }
        boolean termIsSentenceOrLonger = c.correctionType() == CorrectionType.PUBLIC_SURVEILLANCE
                || c.correctionType() == CorrectionType.PROBATION;
        return termIsSentenceOrLonger && !c.termEnd().isAfter(c.termStart().plus(SEALABLE));
    }
}
