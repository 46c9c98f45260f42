package org.tongxin.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.assessment.AssessmentEvents;
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.PeriodicAssessmentId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A periodic assessment (定期考核) of a subject and what follows from it under classified management (分类管理, CCL art.
 * 24): the county agency assesses one period after the last, with its result and the facts it considered; it may move the
 * supervision level up or down for a stated reason, and revise the correction plan on the record. Each transition guards
 * its state with a refusal code and registers its event; the case's level and plan are kept by {@code casefile}.
 */
public final class PeriodicAssessment extends AggregateRoot {

    private final PeriodicAssessmentId id;
    private final CaseId caseId;
    private final LocalDate periodFrom;
    private final LocalDate periodTo;
    private final AssessmentResult result;
    private SupervisionLevel levelFrom;
    private SupervisionLevel levelTo;
    private LevelChangeReason levelReason;
    private Integer planNumber;

    PeriodicAssessment(
            PeriodicAssessmentId id,
            CaseId caseId,
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentResult result,
            SupervisionLevel levelFrom,
            SupervisionLevel levelTo,
            LevelChangeReason levelReason,
            Integer planNumber) {
        this.id = id;
        this.caseId = caseId;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.result = result;
        this.levelFrom = levelFrom;
        this.levelTo = levelTo;
        this.levelReason = levelReason;
        this.planNumber = planNumber;
    }

    /**
     * Records the assessment of {@code from}–{@code to}: the period ends no later than {@code today} and starts after the
     * last assessed period ({@code lastAssessedTo}, null when none) — 400 for a malformed period, 422
     * PERIOD_ALREADY_ASSESSED for one that overlaps an earlier assessment.
     */
    public static PeriodicAssessment record(
            PeriodicAssessmentId id,
            CaseId caseId,
            LocalDate from,
            LocalDate to,
            AssessmentResult result,
            LocalDate lastAssessedTo,
            LocalDate today,
            Instant now,
            ActorRef actor) {
        if (from == null) {
            throw TongxinException.invalid("periodFrom", "required");
        }
        if (to == null) {
            throw TongxinException.invalid("periodTo", "required");
        }
        if (result == null) {
            throw TongxinException.invalid("result", "required");
        }
        if (to.isBefore(from)) {
            throw TongxinException.invalid("periodTo", "notBefore");
        }
        if (to.isAfter(today)) {
            throw TongxinException.invalid("periodTo", "past");
        }
        if (lastAssessedTo != null && !from.isAfter(lastAssessedTo)) {
            throw TongxinException.rule("PERIOD_ALREADY_ASSESSED", lastAssessedTo.toString());
        }
        PeriodicAssessment a = new PeriodicAssessment(id, caseId, from, to, result, null, null, null, null);
        a.register(new AssessmentEvents.PeriodicAssessmentRecorded(
                UUID.randomUUID(), id, caseId, from, to, result, now, actor));
        return a;
    }

    /**
     * Moves the supervision level from {@code current} to {@code to} on this assessment: once per assessment (409
     * LEVEL_ALREADY_CHANGED), to another level (422 SAME_SUPERVISION_LEVEL), and lenient supervision (宽管) only after a
     * good result (422 LENIENT_NEEDS_GOOD_RESULT). The case's own transition publishes the level change.
     */
    public void changeLevel(SupervisionLevel current, SupervisionLevel to, LevelChangeReason reason) {
        if (levelTo != null) {
            throw TongxinException.conflict("LEVEL_ALREADY_CHANGED");
        }
        if (to == null) {
            throw TongxinException.invalid("level", "required");
        }
        if (reason == null) {
            throw TongxinException.invalid("levelReason", "required");
        }
        if (to == current) {
            throw TongxinException.rule("SAME_SUPERVISION_LEVEL");
        }
        if (to == SupervisionLevel.LENIENT && result != AssessmentResult.GOOD) {
            throw TongxinException.rule("LENIENT_NEEDS_GOOD_RESULT");
        }
        levelFrom = current;
        levelTo = to;
        levelReason = reason;
    }

    /** The correction plan was revised as version {@code number} on this assessment (once: 409 PLAN_ALREADY_REVISED). */
    public void planRevised(int number, Instant now, ActorRef actor) {
        if (planNumber != null) {
            throw TongxinException.conflict("PLAN_ALREADY_REVISED");
        }
        planNumber = number;
        register(new AssessmentEvents.CorrectionPlanRevised(UUID.randomUUID(), id, caseId, number, now, actor));
    }

    public PeriodicAssessmentId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    public LocalDate periodTo() {
        return periodTo;
    }

    public AssessmentResult result() {
        return result;
    }

    public SupervisionLevel levelFrom() {
        return levelFrom;
    }

    public SupervisionLevel levelTo() {
        return levelTo;
    }

    public LevelChangeReason levelReason() {
        return levelReason;
    }

    public Integer planNumber() {
        return planNumber;
    }
}
