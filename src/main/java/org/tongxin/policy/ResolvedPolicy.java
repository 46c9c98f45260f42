package org.tongxin.policy;

import java.util.List;
import java.util.Optional;

/**
 * A region's catalogue as it applies: its own version, the parent version it inherits from (null for the baseline),
 * its settings and every step, inherited and own.
 */
public record ResolvedPolicy(String region, String nameZh, String nameEn, PolicyVersionRef version,
        PolicyVersionRef parentVersion, PolicySettings settings, List<ProcedureStep> steps) {

    public ResolvedPolicy {
        steps = List.copyOf(steps);
    }

    public Optional<ProcedureStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step, or an error naming what is missing (a case cannot proceed on a step the region does not define). */
    public ProcedureStep require(String id) {
        return step(id).orElseThrow(() -> new IllegalStateException("Policy " + region + " v" + version.number()
                + " has no step " + id));
    }

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
