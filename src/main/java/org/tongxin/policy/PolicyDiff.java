package org.tongxin.policy;

import java.util.List;

/**
 * What differs between two catalogues: steps added, removed, and changed field by field, and the settings whose values
 * differ ({@link Field#name()} is a threshold's name or a {@link PolicySetting#key()}; values as numbers, flags 1/0).
 */
public record PolicyDiff(
        ResolvedPolicy from,
        ResolvedPolicy to,
        List<ProcedureStep> added,
        List<ProcedureStep> removed,
        List<Change> changed,
        List<Field> settings) {

    /** One step whose fields differ; each field as the two catalogues have it. */
    public record Change(ProcedureStep before, ProcedureStep after, List<Field> fields) {}

    /** A differing field: its name (owes, counterparty, copies, deadline, pausable, legalBasis, name, ...) and values. */
    public record Field(String name, String before, String after) {}

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && settings.isEmpty();
    }
}
