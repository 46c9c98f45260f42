package org.tongxin.supervision.missing;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/** What happens when a subject loses contact (ids and times only; the circumstances stay encrypted in the record). */
public final class LostContactEvents {

    private LostContactEvents() {}

    /** The county agency reported lost contact: the search (missing.search) is on, police asked to assist. */
    public record ContactLost(
            UUID eventId, CaseId caseId, UUID lostContactId, Instant lostSince, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "missing.lost";
        }
    }

    /** The subject was found: supervision goes on. */
    public record ContactRestored(
            UUID eventId, CaseId caseId, UUID lostContactId, Instant foundAt, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "missing.found";
        }
    }

    /**
     * Still missing a month after contact was lost: a ground for a revocation or custody proposal (CCL arts. 28, 46, 49;
     * IM arts. 46–49 "失去联系超过一个月"). Published once per lost contact; the assessment module consumes it.
     */
    public record StillMissingAfterOneMonth(
            UUID eventId, CaseId caseId, UUID lostContactId, Instant lostSince, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "missing.overAMonth";
        }
    }
}
