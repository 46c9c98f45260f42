package org.tongxin.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.Participation;

/** A handover with its items, rounds (deliveries and answers), copies and the case roles that may read it. */
public record HandoverView(
        HandoverId id,
        CaseId caseId,
        HandoverKind kind,
        String stepId,
        AgencyId senderAgencyId,
        AgencyId receiverAgencyId,
        HandoverStatus status,
        int round,
        String note,
        Instant createdAt,
        Instant firstDeliveredAt,
        Instant lastDeliveredAt,
        Instant answeredAt,
        UUID receiptDocumentId,
        int version,
        List<Item> items,
        List<Round> rounds,
        List<Copy> copies,
        Set<Participation> audience) {

    /** The message key of its status in words: a delivered bundle nobody has to receipt is simply delivered. */
    public String statusKey() {
        return statusKey(kind, status);
    }

    /** Delivered and waiting for the receiver's receipt, which the procedure requires for this kind. */
    public boolean awaitingReceipt() {
        return status == HandoverStatus.DELIVERED && kind.receiptRequired();
    }

    static String statusKey(HandoverKind kind, HandoverStatus status) {
        return status == HandoverStatus.DELIVERED && !kind.receiptRequired()
                ? "handover.status.DELIVERED_NO_RECEIPT"
                : "handover.status." + status.name();
    }

    public record Item(UUID id, ItemCode code, String title, UUID documentId, int addedRound) {}

    public record Round(
            int number,
            Instant deliveredAt,
            String deliveredByName,
            String outcome,
            Instant answeredAt,
            String answeredByName,
            String note,
            List<ProblemView> problems) {}

    public record ProblemView(ItemCode code, UUID itemId, ProblemKind kind, String note) {}

    public record Copy(AgencyId agencyId, Instant deliveredAt) {}

    /** The problems named by the latest rejection (what the sender must supply). */
    public List<ProblemView> openProblems() {
        if (status != HandoverStatus.REJECTED || rounds.isEmpty()) {
            return List.of();
        }
        return rounds.getLast().problems();
    }
}
