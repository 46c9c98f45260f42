package org.tongxin.coordination;

/** The course of a conflict in the register. */
public enum ConflictState {
    /** Raised; the coordination office owes a first response (conflict.respond). */
    RAISED,
    /** The coordination office responded. */
    RESPONDED,
    /** Taken to a joint meeting (on its agenda). */
    ESCALATED,
    /** Resolved, with the resolution and the lessons learned. */
    RESOLVED;

    public boolean open() {
        return this != RESOLVED;
    }
}
