package org.tongxin.coordination;

/** The course of a joint meeting: convened (notice sent), held (minutes recorded), closed; or cancelled before it was held. */
public enum MeetingStatus {
    CONVENED,
    HELD,
    CLOSED,
    CANCELLED;

    public boolean pending() {
        return this == CONVENED;
    }
}
