package org.tongxin.procedure;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/** Events of the end of a case (ids only): on the case's timeline. */
public final class TerminationEvents {

    private TerminationEvents() {}

    /** The termination certificate was issued and the decision organ, procuratorate and police notified (CCL art. 44). */
    public record TerminationCertified(
            UUID eventId, CaseId caseId, UUID certificateId, UUID handoverId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        @Override
        public String timelineKind() {
            return "termination.certified";
        }
    }

    /** The decision organ, procuratorate and police were told of the subject's death (CCL arts. 45, 51). */
    public record DeathNotified(UUID eventId, CaseId caseId, UUID handoverId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        @Override
        public String timelineKind() {
            return "termination.death.notified";
        }
    }

    /** The county agency told the subject that the term ends within a month (IM art. 53). */
    public record ExpiryWarned(
            UUID eventId, CaseId caseId, java.time.LocalDate termEnd, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        @Override
        public String timelineKind() {
            return "termination.expiry.warned";
        }

        @Override
        public java.util.Map<String, String> timelineArgs() {
            return java.util.Map.of("termEnd", termEnd.toString());
        }
    }
}
