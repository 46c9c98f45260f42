package org.tongxin.supervision;

/** A single journey, or the simplified approval for frequent cross-county travel for work or life (IM art. 27). */
public enum LeaveKind {
    SINGLE,
    FREQUENT
}
