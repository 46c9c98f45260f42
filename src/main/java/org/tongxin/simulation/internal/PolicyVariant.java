package org.tongxin.simulation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;

/**
 * A what-if version of a catalogue: the same steps with the periods the coordinator changes (step id → amount in the
 * step's own unit), as a draft of the region would publish them. Only steps with a counted period can change.
 */
public final class PolicyVariant {

    private PolicyVariant() {}

    public static ResolvedPolicy apply(ResolvedPolicy policy, Map<String, Integer> amounts, String field) {
        if (amounts == null || amounts.isEmpty()) {
            return policy;
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ProcedureStep> steps = new LinkedHashMap<>();
        policy.steps().forEach(s -> steps.put(s.id(), s));
        amounts.forEach((id, amount) -> {
            ProcedureStep step = steps.get(id);
            if (step == null) {
                problems.add(new FieldProblem(field, "simulationUnknownStep", new Object[] {id}));
            } else if (!step.deadline().kind().counted()) {
                problems.add(new FieldProblem(field, "simulationUncountedStep", new Object[] {step.nameZh()}));
            } else if (amount == null || amount < 0 || amount > 365) {
                problems.add(new FieldProblem(field, "range", new Object[] {0, 365}));
            } else {
                DeadlineRule rule = new DeadlineRule(
                        step.deadline().kind(), amount, step.deadline().expeditedAmount());
                steps.put(
                        id,
                        new ProcedureStep(
                                step.id(),
                                step.nameZh(),
                                step.nameEn(),
                                step.triggerZh(),
                                step.triggerEn(),
                                step.owes(),
                                step.counterparty(),
                                step.copies(),
                                step.watcher(),
                                rule,
                                step.documentsZh(),
                                step.documentsEn(),
                                step.legalBasis(),
                                step.confidence(),
                                step.pausable(),
                                step.group(),
                                step.noteZh(),
                                step.noteEn(),
                                ProcedureStep.Origin.OVERRIDDEN));
            }
        });
        if (!problems.isEmpty()) {
            throw TongxinException.invalid(problems);
        }
        return new ResolvedPolicy(
                policy.region(),
                policy.nameZh(),
                policy.nameEn(),
                policy.version(),
                policy.parentVersion(),
                policy.settings(),
                List.copyOf(steps.values()),
                policy.settingOrigins());
    }
}
