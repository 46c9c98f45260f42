package org.tongxin.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of the exchange, each on the case timeline for the sender, the receiver and the copy recipients. Timeline
 * arguments in key order: the kind in Chinese ({0}) and English ({1}), the round ({2}).
 */
public final class HandoverEvents {

    private HandoverEvents() {}

    /** What every event of a handover names: the handover, its kind and its round, which are also its timeline arguments. */
    public sealed interface HandoverEvent extends TimelineEntry
            permits HandoverDelivered, HandoverReceipted, HandoverRejected {

        HandoverId handoverId();

        HandoverKind kind();

        int round();

        AgencyId sender();

        AgencyId receiver();

        @Override
        default Map<String, String> timelineArgs() {
            return Map.of("kind", kind().nameZh(), "kindEn", kind().nameEn(), "round", Integer.toString(round()));
        }
    }

    /** A bundle was delivered (round 1) or supplemented (round 2 and later). */
    public record HandoverDelivered(
            UUID eventId,
            HandoverId handoverId,
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            int round,
            AgencyId sender,
            AgencyId receiver,
            List<AgencyId> copies,
            Set<Participation> audience,
            Instant occurredAt,
            ActorRef actor)
            implements HandoverEvent {

        public boolean supplement() {
            return round > 1;
        }

        public String timelineKind() {
            return supplement() ? "handover.supplemented" : "handover.delivered";
        }
    }

    /** The receiver acknowledged the bundle as complete: the receipt (回执). */
    public record HandoverReceipted(
            UUID eventId,
            HandoverId handoverId,
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            int round,
            AgencyId sender,
            AgencyId receiver,
            UUID receiptDocumentId,
            Set<Participation> audience,
            Instant occurredAt,
            ActorRef actor)
            implements HandoverEvent {

        public String timelineKind() {
            return "handover.receipted";
        }
    }

    /** The receiver named missing or defective items; the sender must supplement. */
    public record HandoverRejected(
            UUID eventId,
            HandoverId handoverId,
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            int round,
            AgencyId sender,
            AgencyId receiver,
            int problems,
            Set<Participation> audience,
            Instant occurredAt,
            ActorRef actor)
            implements HandoverEvent {

        public String timelineKind() {
            return "handover.rejected";
        }
    }
}
