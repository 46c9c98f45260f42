package org.tongxin.supervision;

/** Where a leave request stands (its state machine is {@code supervision.leave.LeaveRequest}). */
public enum LeaveStatus {
    /** Recorded, awaiting the approver's decision. */
    REQUESTED,
    /** Approved: the subject may be away from the first to the last day. */
    APPROVED,
    /** Refused with a reason. */
    REFUSED,
    /** Approved, and an extension asked before the last day awaits the approver. */
    EXTENSION_REQUESTED,
    /** The last day passed and the subject has not reported back (a follow-up is owed). */
    RETURN_OVERDUE,
    /** The subject reported back. */
    RETURNED;

    /** Whether the subject is (or may be) away under this leave. */
    public boolean away() {
        return this == APPROVED || this == EXTENSION_REQUESTED || this == RETURN_OVERDUE;
    }
}
