package org.tongxin.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.shared.web.Languages;

/**
 * A region's catalogue as it applies: its own version, the parent version it inherits from (null for the baseline),
 * its settings and every step, inherited and own. {@code settingOrigins} says for each setting (the four thresholds by
 * their names, the others by {@link PolicySetting#key()}) which region's model set the value that applies; a setting
 * absent from it has the built-in value of a version published before the setting existed.
 */
public record ResolvedPolicy(
        String region,
        String nameZh,
        String nameEn,
        PolicyVersionRef version,
        PolicyVersionRef parentVersion,
        PolicySettings settings,
        List<ProcedureStep> steps,
        Map<String, String> settingOrigins) {

    /** The names of the four thresholds every version has. */
    public static final List<String> THRESHOLDS =
            List.of("warningWorkingDays", "promptAlertHours", "immediateAlertHours", "escalationWorkingDays");

    public ResolvedPolicy {
        steps = List.copyOf(steps);
        settingOrigins = settingOrigins == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settingOrigins));
    }

    /** A catalogue whose settings' origins are not tracked (tests, previews). */
    public ResolvedPolicy(
            String region,
            String nameZh,
            String nameEn,
            PolicyVersionRef version,
            PolicyVersionRef parentVersion,
            PolicySettings settings,
            List<ProcedureStep> steps) {
        this(region, nameZh, nameEn, version, parentVersion, settings, steps, Map.of());
    }

    /** The region whose model set a setting's value (null: built in). */
    public String origin(String settingKey) {
        return settingOrigins.get(settingKey);
    }

    public Optional<ProcedureStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step, or an error naming what is missing (a case cannot proceed on a step the region does not define). */
    public ProcedureStep require(String id) {
        return step(id).orElseThrow(() ->
                new IllegalStateException("Policy " + region + " v" + version.number() + " has no step " + id));
    }

    public String name(java.util.Locale locale) {
        return Languages.pick(locale, nameZh, nameEn);
    }
}
