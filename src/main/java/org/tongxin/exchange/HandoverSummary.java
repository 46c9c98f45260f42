package org.tongxin.exchange;

import java.time.Instant;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** A line of a handover list. */
public record HandoverSummary(
        HandoverId id,
        CaseId caseId,
        HandoverKind kind,
        String stepId,
        AgencyId senderAgencyId,
        AgencyId receiverAgencyId,
        HandoverStatus status,
        int round,
        Instant lastDeliveredAt,
        Instant answeredAt,
        Instant copyDeliveredAt) {

    /** The message key of its status in words: a delivered bundle nobody has to receipt is simply delivered. */
    public String statusKey() {
        return HandoverView.statusKey(kind, status);
    }

    /** Delivered and waiting for the receiver's receipt, which the procedure requires for this kind. */
    public boolean awaitingReceipt() {
        return status == HandoverStatus.DELIVERED && kind.receiptRequired();
    }
}
