package org.tongxin.casefile;

/** Where the legal documents of a case stand during intake. */
public enum DocumentsState {
    AWAITED,
    DELIVERED,
    REJECTED,
    RECEIPTED
}
