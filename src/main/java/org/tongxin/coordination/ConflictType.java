package org.tongxin.coordination;

/** What kind of coordination conflict was raised, by the five problems the field study found (DESIGN.md §2). */
public enum ConflictType {
    /** Information did not reach, or arrived late or incomplete (e.g. a disputed receipt). */
    COMMUNICATION,
    /** Agencies follow different operating rules, nobody knows who may act. */
    DAILY_OPERATION,
    /** Each side thinks the duty is the other's. */
    RESPONSIBILITY,
    /** Too little capacity, or help declined. */
    CAPACITY,
    /** Any other. */
    OTHER
}
