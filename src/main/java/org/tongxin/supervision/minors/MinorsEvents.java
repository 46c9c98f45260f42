package org.tongxin.supervision.minors;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * What happens to the minors' steps of a case (ids and the step's id only; the texts stay encrypted in the record). On the
 * timeline for the minor's own team alone (CCL art. 54).
 */
public final class MinorsEvents {

    private MinorsEvents() {}

    /** A minors' step event: on the timeline of the minors' team only. */
    public interface MinorsEntry extends TimelineEntry {

        @Override
        default Set<Participation> audience() {
            return CaseDirectory.MINORS_TEAM;
        }
    }

    /** A minors' step opened: on the minor's registration, or when the county agency found its trigger. */
    public record MinorStepOpened(
            UUID eventId, CaseId caseId, UUID minorStepId, String stepId, Instant occurredAt, ActorRef actor)
            implements MinorsEntry {
        /** {@code timeline.minors.<step>.opened}: the step's own words, never its id. */
        public String timelineKind() {
            return stepId + ".opened";
        }
    }

    /** A minors' step was done, with a record of what was done. */
    public record MinorStepFulfilled(
            UUID eventId, CaseId caseId, UUID minorStepId, String stepId, Instant occurredAt, ActorRef actor)
            implements MinorsEntry {
        public String timelineKind() {
            return stepId + ".done";
        }
    }
}
