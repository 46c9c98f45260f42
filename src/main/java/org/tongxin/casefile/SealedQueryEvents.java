package org.tongxin.casefile;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/** Events of lawful queries of sealed records: ids, the basis and the decision; never the reason's words. */
public final class SealedQueryEvents {

    private SealedQueryEvents() {}

    /** A sealed query's event: on the timeline of the executing agency (which decides on it) only. */
    public interface SealedQueryEntry extends TimelineEntry {

        @Override
        default Set<Participation> audience() {
            return Set.of(Participation.EXECUTING_AGENCY);
        }
    }

    /** A party asked to read a sealed case; on the timeline of the executing agency (which decides) only. */
    public record SealedQueryRequested(
            UUID eventId, CaseId caseId, UUID queryId, SealedQueryBasis basis, Instant occurredAt, ActorRef actor)
            implements SealedQueryEntry {
        @Override
        public String timelineKind() {
            return "sealed.query.requested";
        }
    }

    /** The county agency head approved (with the grant's end) or refused a query. */
    public record SealedQueryDecided(
            UUID eventId,
            CaseId caseId,
            UUID queryId,
            SealedQueryStatus status,
            Instant expiresAt,
            Instant occurredAt,
            ActorRef actor)
            implements SealedQueryEntry {
        @Override
        public String timelineKind() {
            return status == SealedQueryStatus.APPROVED ? "sealed.query.approved" : "sealed.query.refused";
        }
    }
}
