package org.tongxin.policy;

import java.util.List;

/** What differs between two catalogues: steps added, removed, and changed field by field. */
public record PolicyDiff(ResolvedPolicy from, ResolvedPolicy to, List<ProcedureStep> added, List<ProcedureStep> removed,
        List<Change> changed) {

    /** One step whose fields differ; each field as the two catalogues have it. */
    public record Change(ProcedureStep before, ProcedureStep after, List<Field> fields) {
    }

    /** A differing field: its name (owes, counterparty, copies, deadline, pausable, legalBasis, name, ...) and values. */
    public record Field(String name, String before, String after) {
    }

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
