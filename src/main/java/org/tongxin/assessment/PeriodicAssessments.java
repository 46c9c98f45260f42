package org.tongxin.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.assessment.AssessmentViews.NewPeriodicAssessment;
import org.tongxin.assessment.AssessmentViews.PeriodicAssessmentView;
import org.tongxin.assessment.internal.AssessmentRepository;
import org.tongxin.assessment.internal.PeriodicAssessment;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;

/**
 * Periodic assessment and classified management (定期考核, 分类管理; CCL art. 24; ADR 0042): the executing county agency
 * assesses the subject period after period and, on an assessment, moves the supervision level up or down with its reason
 * and revises the correction plan — all in one transaction, on the record (who, when, why). The level then sets how often
 * the subject reports and is contacted (the policy's CONTACT settings). No lawful role in the case: 404; a lawful role
 * other than the executing county agency's officers: 403.
 */
@Component
public class PeriodicAssessments {

    static final int MAX_FACTS = 2000;
    static final int MAX_REASON = 500;
    static final int MIN_PLAN = 20;
    static final int MAX_PLAN = 20_000;
    static final Set<Role> COUNTY = Role.COUNTY;

    private final AssessmentRepository repository;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PeriodicAssessments(
            AssessmentRepository repository,
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseAccess access,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The case's periodic assessments, newest period first, for a reader who takes part in the case. */
    @Transactional(readOnly = true)
    public List<PeriodicAssessmentView> ofCase(CaseId caseId) {
        access.require(cases.parties(caseId));
        return repository.periodic(caseId);
    }

    /** Whether the current user may record an assessment on the case (the executing county agency's officers). */
    @Transactional(readOnly = true)
    public boolean mayRecord(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        TongxinPrincipal me = currentUser.get();
        return decision.holdsAny(EnumSet.of(Participation.EXECUTING_AGENCY))
                && COUNTY.stream().anyMatch(me::has);
    }

    /**
     * Records a periodic assessment; with {@code newLevel} the supervision level changes on it (reason code and words
     * required), with {@code revisedPlan} the correction plan gets a new version. Bad input: 400 with the fields; a period
     * already assessed, the same level, lenient supervision without a good result: 422; a case not under correction: 409.
     */
    @Transactional
    public PeriodicAssessmentId record(CaseId caseId, NewPeriodicAssessment request) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EnumSet.of(Participation.EXECUTING_AGENCY), COUNTY, "NOT_SANCTIONING_AGENCY");
        if (request == null) {
            throw TongxinException.invalid("result", "required");
        }
        FieldProblems problems = new FieldProblems();
        String facts = text(request.factsConsidered(), "factsConsidered", true, MAX_FACTS, problems);
        String reasonText =
                text(request.levelReasonText(), "levelReasonText", request.newLevel() != null, MAX_REASON, problems);
        if (request.newLevel() != null && request.levelReason() == null) {
            problems.add("levelReason", "required");
        }
        String plan = request.revisedPlan() == null || request.revisedPlan().isBlank()
                ? null
                : request.revisedPlan().strip();
        if (plan != null && plan.length() < MIN_PLAN) {
            problems.add("revisedPlan", "planTooShort", MIN_PLAN);
        } else if (plan != null && plan.length() > MAX_PLAN) {
            problems.add("revisedPlan", "maxLength", MAX_PLAN);
        }
        if (request.periodFrom() == null) {
            problems.add("periodFrom", "required");
        }
        if (request.periodTo() == null) {
            problems.add("periodTo", "required");
        }
        if (request.result() == null) {
            problems.add("result", "required");
        }
        problems.throwIfAny();
        CaseFacts c = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (c.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("CASE_NOT_UNDER_SUPERVISION");
        }
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        PeriodicAssessment a = PeriodicAssessment.record(
                PeriodicAssessmentId.random(),
                caseId,
                request.periodFrom(),
                request.periodTo(),
                request.result(),
                repository.lastAssessedTo(caseId).orElse(null),
                LegalTime.today(clock),
                now,
                currentUser.ref());
        if (request.newLevel() != null) {
            a.changeLevel(c.supervisionLevel(), request.newLevel(), request.levelReason());
            caseManagement.changeSupervisionLevel(caseId, request.newLevel(), request.levelReason(), reasonText);
        }
        if (plan != null) {
            a.planRevised(caseManagement.makePlan(caseId, cases.version(caseId), plan), now, currentUser.ref());
        }
        repository.insertPeriodic(
                a, facts, now, me.userId(), me.displayName() == null ? me.username() : me.displayName(), me.agency());
        a.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "assessment.periodic")
                .target("case", caseId)
                .detail("assessment", a.id())
                .detail("result", a.result())
                .detail("level", a.levelTo()));
        return a.id();
    }

    private static String text(String value, String field, boolean required, int max, FieldProblems problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(field, "required");
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return v;
    }
}
