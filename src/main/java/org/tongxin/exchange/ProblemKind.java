package org.tongxin.exchange;

/** Why a receiver rejects a delivery: an item is missing, or an item that came is defective (wrong, unreadable). */
public enum ProblemKind {
    MISSING,
    DEFECTIVE
}
