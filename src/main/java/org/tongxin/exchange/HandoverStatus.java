package org.tongxin.exchange;

/**
 * PREPARED (the sender is putting it together) → DELIVERED → RECEIPTED, or → REJECTED → (supplemented) DELIVERED …;
 * a prepared handover can be CANCELLED before delivery.
 */
public enum HandoverStatus {
    PREPARED,
    DELIVERED,
    REJECTED,
    RECEIPTED,
    CANCELLED;

    public boolean awaitingReceiver() {
        return this == DELIVERED;
    }

    public boolean awaitingSender() {
        return this == PREPARED || this == REJECTED;
    }
}
