package org.tongxin.procuratorial;

/** Where an opinion stands: issued and awaiting the written reply, or replied. */
public enum OpinionStatus {
    AWAITING_REPLY,
    REPLIED
}
