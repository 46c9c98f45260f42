package org.tongxin.supervision.move;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.security.ActorRef;

/**
 * A change of the place of execution as it happens (ids, agencies, times and the answers; the reasons stay encrypted
 * in the record). The case's own {@code ExecutionPlaceChanged} marks the move of jurisdiction itself.
 */
public final class PlaceChangeEvents {

    private PlaceChangeEvents() {}

    /** The subject's application was recorded by the county agency or the office (move.apply). */
    public record PlaceChangeApplied(
            UUID eventId,
            CaseId caseId,
            UUID placeChangeId,
            AgencyId newCountyAgencyId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.applied";
        }
    }

    /** The county agency asked the new county agency's opinion; its reply is owed (move.reply). */
    public record NewAgencyConsulted(
            UUID eventId,
            CaseId caseId,
            UUID placeChangeId,
            AgencyId newCountyAgencyId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.consulted";
        }
    }

    /** The new county agency answered: it accepts the subject or refuses, with its reasons. */
    public record NewAgencyReplied(
            UUID eventId, CaseId caseId, UUID placeChangeId, boolean accepted, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return accepted ? "move.replied.accepted" : "move.replied.refused";
        }
    }

    /** The county agency decided on the application (CCL art. 27). */
    public record PlaceChangeDecided(
            UUID eventId, CaseId caseId, UUID placeChangeId, boolean approved, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return approved ? "move.decided.approved" : "move.decided.notApproved";
        }
    }

    /** The decision, legal documents and file were delivered to the new county agency (move.transfer). */
    public record PlaceChangeFileSent(
            UUID eventId, CaseId caseId, UUID placeChangeId, HandoverId handoverId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.fileSent";
        }
    }

    /** The new county agency receipted the file: it executes the case from now on. */
    public record PlaceChangeTransferred(
            UUID eventId,
            CaseId caseId,
            UUID placeChangeId,
            AgencyId formerCountyAgencyId,
            AgencyId newCountyAgencyId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.transferred";
        }
    }

    /** The new county agency forwarded the legal documents to its procuratorate, copy to its police (move.forward). */
    public record DocumentsForwardedAtNewPlace(
            UUID eventId, CaseId caseId, UUID placeChangeId, HandoverId handoverId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.forwarded";
        }
    }

    /** The subject reported to the new county agency (move.report). */
    public record SubjectReportedAtNewPlace(
            UUID eventId, CaseId caseId, UUID placeChangeId, Instant reportedAt, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "move.reported";
        }
    }
}
