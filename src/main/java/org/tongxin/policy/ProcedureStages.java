package org.tongxin.policy;

import java.util.List;

/**
 * The stages of a correction in the order a case meets them; every step names one ({@link ProcedureStep#group()}).
 * Pages group the catalogue by stage, and a drafted step must name one of these.
 */
public final class ProcedureStages {

    public static final List<String> ORDER = List.of(
            "assessment",
            "decision",
            "documents",
            "reporting",
            "intake",
            "supervision",
            "leave",
            "move",
            "monitoring",
            "rewards",
            "custody",
            "revocation",
            "termination",
            "minors",
            "procuratorial",
            "assistance",
            "coordination");

    private ProcedureStages() {}

    public static boolean known(String stage) {
        return stage != null && ORDER.contains(stage);
    }

    /** Position in {@link #ORDER}; unknown stages sort last. */
    public static int position(String stage) {
        int i = stage == null ? -1 : ORDER.indexOf(stage);
        return i < 0 ? ORDER.size() : i;
    }
}
