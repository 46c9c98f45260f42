package org.tongxin.policy;

import java.util.List;

/**
 * An open draft as the drafting pages show it: the version (with its lock), the catalogue it would publish, the
 * parent catalogue it is resolved over (null for the baseline), the catalogue in force today that it would replace,
 * its own settings (null: inherited) and, for a variant, the parent's steps it removes.
 */
public record PolicyDraft(
        PolicyModels.VersionView version,
        ResolvedPolicy policy,
        ResolvedPolicy parent,
        ResolvedPolicy inForce,
        DraftSettings own,
        List<ProcedureStep> removed) {

    public PolicyDraft {
        removed = List.copyOf(removed);
    }

    public boolean variant() {
        return parent != null;
    }
}
