package org.tongxin.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owes what (doc/architecture.md §2, cognition): a region's catalogue as organ × step, grouped by stage. A cell says
 * whether the organ owes the step, is owed it, gets a copy of it, or watches it (when the subject owes it).
 * Filtered by organ, only the steps that organ takes part in remain; columns are the organs that take part in
 * the remaining steps.
 */
public record ResponsibilityMatrix(
        ResolvedPolicy policy, Organ organ, String stage, List<Organ> organs, List<Stage> stages) {

    /** How an organ takes part in a step. */
    public enum Part {
        OWES,
        OWED,
        COPY,
        WATCHES
    }

    /** One step and how each organ takes part in it. */
    public record Row(ProcedureStep step, Map<Organ, List<Part>> parts) {
        public List<Part> of(Organ organ) {
            return parts.getOrDefault(organ, List.of());
        }
    }

    /** The steps of one stage. */
    public record Stage(String group, List<Row> rows) {}

    public static ResponsibilityMatrix of(ResolvedPolicy policy, Organ organ, String stage) {
        Map<String, List<Row>> byStage = new LinkedHashMap<>();
        ProcedureStages.ORDER.forEach(s -> byStage.put(s, new ArrayList<>()));
        Set<Organ> present = EnumSet.noneOf(Organ.class);
        for (ProcedureStep step : policy.steps()) {
            if (stage != null && !stage.equals(step.group())) {
                continue;
            }
            Map<Organ, List<Part>> parts = new EnumMap<>(Organ.class);
            for (Organ o : Organ.values()) {
                List<Part> p = parts(step, o);
                if (!p.isEmpty()) {
                    parts.put(o, p);
                }
            }
            if (organ != null && !parts.containsKey(organ)) {
                continue;
            }
            present.addAll(parts.keySet());
            byStage.computeIfAbsent(step.group() == null ? "" : step.group(), k -> new ArrayList<>())
                    .add(new Row(step, parts));
        }
        List<Stage> stages = byStage.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Stage(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new ResponsibilityMatrix(policy, organ, stage, List.copyOf(present), stages);
    }

    /** How {@code organ} takes part in {@code step}: it may both be owed a step and watch it. */
    public static List<Part> parts(ProcedureStep step, Organ organ) {
        List<Part> parts = new ArrayList<>();
        if (step.owes() == organ) {
            parts.add(Part.OWES);
        }
        if (step.counterparty() == organ) {
            parts.add(Part.OWED);
        }
        if (step.copies().contains(organ)) {
            parts.add(Part.COPY);
        }
        if (step.watcher() == organ) {
            parts.add(Part.WATCHES);
        }
        return parts;
    }

    public int stepCount() {
        return stages.stream().mapToInt(s -> s.rows().size()).sum();
    }

    public boolean empty() {
        return stages.isEmpty();
    }
}
