package org.tongxin.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/** Events of reporting and contacts: kinds, steps and days, never the note. */
public final class ContactEvents {

    private ContactEvents() {}

    /** A report, contact or visit was recorded; the next of its step falls due on {@code nextDueOn}. */
    public record ContactRecorded(
            UUID eventId,
            UUID contactId,
            CaseId caseId,
            ContactKind kind,
            String stepId,
            LocalDate on,
            LocalDate nextDueOn,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {

        public String timelineKind() {
            return "contact.recorded." + kind.name();
        }

        public Map<String, String> timelineArgs() {
            return Map.of("next", nextDueOn.toString(), "on", on.toString());
        }
    }

    /**
     * A due report, check or re-examination passed without being recorded: counted by the assessment and a possible
     * ground for a sanction (late reporting; IM arts. 34-35). {@code bySubject}: the subject's own report or
     * re-examination (not the agency's own lapse).
     */
    public record ContactMissed(
            UUID eventId,
            CaseId caseId,
            String stepId,
            LocalDate dueOn,
            boolean bySubject,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {

        public String timelineKind() {
            return "contact.missed." + stepId.substring(stepId.indexOf('.') + 1);
        }

        public Map<String, String> timelineArgs() {
            return Map.of("due", dueOn.toString());
        }
    }
}
