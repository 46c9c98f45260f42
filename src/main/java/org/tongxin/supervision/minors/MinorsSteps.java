package org.tongxin.supervision.minors;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
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
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.minors.internal.MinorStep;
import org.tongxin.supervision.minors.internal.MinorStepRepository;

/**
 * The minors' steps (未成年人社区矫正, CCL ch. 7; doc/adr/0044-the-minors-steps-the-original-sentence-and-the-move-documents.md).
 * Registering a minor's case (offence committed under 18) opens the measures fitted to the minor and the team fitted to
 * minors; the executing county agency opens urging the guardian, compulsory education and vocational training when it
 * finds their trigger; each is an obligation of the policy model (organ, deadline, legal basis) on the ledger and is done
 * by the county agency with a record of what was done. An adult's case has none. The texts are read by the minor's own
 * team alone (CCL art. 54: {@link CaseDirectory#MINORS_TEAM}); other parties see the steps and their clocks.
 */
@Component
public class MinorsSteps {

    private static final Set<CaseStatus> RUNNING = EnumSet.of(CaseStatus.UNDER_CORRECTION, CaseStatus.IN_CUSTODY);

    /** A minors' step as the reader may see it ({@code circumstances} and {@code doneNote} null outside the minor's team). */
    public record MinorStepView(
            UUID id,
            CaseId caseId,
            String stepId,
            MinorStep.Trigger trigger,
            MinorStep.State state,
            String circumstances,
            Instant openedAt,
            Instant doneAt,
            String doneNote,
            int version) {}

    private final MinorStepRepository records;
    private final CaseDirectory cases;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MinorsSteps(
            MinorStepRepository records,
            CaseDirectory cases,
            CaseAccess access,
            CaseSteps steps,
            ObligationLedger ledger,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.cases = cases;
        this.access = access;
        this.steps = steps;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The steps the county agency may open when it finds their trigger, in the page's order. */
    public static List<String> triggeredSteps() {
        return MinorStep.ON_TRIGGER;
    }

    /**
     * The system's reaction to a registration: a minor's case gets the steps every minor's registration opens, each once
     * (however often the reaction runs); an adult's none. Returns how many are open for the case now.
     */
    @Transactional
    public int openAtRegistration(CaseId caseId, Instant registeredAt) {
        CaseFacts facts = cases.facts(caseId).orElse(null);
        if (facts == null || !facts.minorAtOffence()) {
            return 0;
        }
        int opened = 0;
        for (String stepId : MinorStep.AT_REGISTRATION) {
            MinorStep record = MinorStep.atRegistration(caseId, stepId, registeredAt);
            if (records.insert(record)) {
                record.pullEvents().forEach(events::publishEvent);
            } else {
                record = records.atRegistration(caseId, stepId).orElseThrow();
            }
            if (steps.open(facts, stepId, record.id().toString(), registeredAt, null, null)
                    .isPresent()) {
                opened++;
            }
        }
        return opened;
    }

    /**
     * The county agency found a step's trigger: the step opens on the ledger (404 / 403 MINORS_COUNTY_ONLY; 422
     * MINORS_CASE_NOT_A_MINOR, MINORS_CASE_NOT_UNDER_CORRECTION; 409 MINORS_STEP_ALREADY_OPEN; 400 field by field).
     */
    @Transactional
    public MinorStepView open(CaseId caseId, String stepId, String circumstances) {
        CaseFacts facts = countyCommand(caseId);
        Instant now = clock.instant();
        MinorStep record = MinorStep.found(caseId, stepId, circumstances, now, currentUser.ref());
        if (records.ofCase(caseId).stream()
                .anyMatch(r -> r.stepId().equals(stepId) && r.state() == MinorStep.State.OPEN)) {
            throw TongxinException.conflict("MINORS_STEP_ALREADY_OPEN");
        }
        records.insert(record);
        steps.open(facts, stepId, record.id().toString(), now, null, null);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "minors.opened")
                .target("case", caseId)
                .detail("step", stepId));
        record.pullEvents().forEach(events::publishEvent);
        return view(record, true);
    }

    /** The county agency did the step: it is fulfilled on the ledger (409 MINORS_STEP_ALREADY_DONE, stale version). */
    @Transactional
    public MinorStepView fulfil(UUID id, int version, String note) {
        MinorStep record = records.find(id).orElseThrow(TongxinException::notFound);
        countyCommand(record.caseId());
        if (record.version() != version) {
            throw TongxinException.staleVersion();
        }
        Instant now = clock.instant();
        record.fulfil(note, now, currentUser.ref());
        records.update(record);
        ledger.fulfil(record.caseId(), record.stepId(), id.toString(), now, currentUser.ref());
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "minors.done")
                .target("case", record.caseId())
                .detail("step", record.stepId()));
        record.pullEvents().forEach(events::publishEvent);
        return view(record, true);
    }

    /** A case's minors' steps: the texts for the minor's own team, the steps and states for every other party. */
    @Transactional(readOnly = true)
    public List<MinorStepView> ofCase(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        boolean team = decision.holdsAny(CaseDirectory.MINORS_TEAM);
        return records.ofCase(caseId).stream().map(r -> view(r, team)).toList();
    }

    /** The case a minors' step belongs to, for a reader with a lawful role in it (404 otherwise). */
    @Transactional(readOnly = true)
    public CaseId caseOf(UUID id) {
        MinorStep record = records.find(id).orElseThrow(TongxinException::notFound);
        access.require(cases.parties(record.caseId()));
        return record.caseId();
    }

    private CaseFacts countyCommand(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EnumSet.of(Participation.EXECUTING_AGENCY), Role.COUNTY, "MINORS_COUNTY_ONLY");
        if (currentUser.get().userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (!facts.minorAtOffence()) {
            throw TongxinException.rule("MINORS_CASE_NOT_A_MINOR");
        }
        if (!RUNNING.contains(facts.status())) {
            throw TongxinException.rule("MINORS_CASE_NOT_UNDER_CORRECTION");
        }
        return facts;
    }

    static MinorStepView view(MinorStep r, boolean texts) {
        return new MinorStepView(
                r.id(),
                r.caseId(),
                r.stepId(),
                r.trigger(),
                r.state(),
                texts ? r.circumstances() : null,
                r.openedAt(),
                r.doneAt(),
                texts ? r.doneNote() : null,
                r.version());
    }
}
