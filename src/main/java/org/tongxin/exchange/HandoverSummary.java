package org.tongxin.exchange;

import java.time.Instant;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** A line of a handover list. */
public record HandoverSummary(HandoverId id, CaseId caseId, HandoverKind kind, String stepId, AgencyId senderAgencyId,
        AgencyId receiverAgencyId, HandoverStatus status, int round, Instant lastDeliveredAt, Instant answeredAt,
        Instant copyDeliveredAt) {
}
