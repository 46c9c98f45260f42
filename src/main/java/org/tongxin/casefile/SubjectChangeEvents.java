package org.tongxin.casefile;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * The events of a proposed change of a subject's record, one per other case of the person, on that case's timeline for
 * its executing agency and assigned office only (never on the new case's: its writer does not learn that the record
 * differed). They name the fields, never their values.
 */
public final class SubjectChangeEvents {

    /** Who sees the entries: those who decide and their office. */
    static final Set<Participation> AUDIENCE =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private SubjectChangeEvents() {}

    /**
     * A change's timeline entry: seen by {@link #AUDIENCE} only (never wider), naming the fields it is about; a record
     * adds to the arguments where it has more.
     */
    public interface SubjectChangeEntry extends TimelineEntry {

        Set<SubjectField> fields();

        @Override
        default Map<String, String> timelineArgs() {
            return Map.of("fields", SubjectField.listZh(fields()), "fieldsEn", SubjectField.listEn(fields()));
        }

        @Override
        default Set<Participation> audience() {
            return AUDIENCE;
        }
    }

    /** A new case stated the person differently: the change awaits the executing agency's decision. */
    public record SubjectChangeProposed(
            UUID eventId,
            SubjectChangeId changeId,
            CaseId caseId,
            UUID subjectId,
            Set<SubjectField> fields,
            AgencyId proposedBy,
            String proposedByName,
            String proposedByNameEn,
            Instant occurredAt,
            ActorRef actor)
            implements SubjectChangeEntry {

        public String timelineKind() {
            return "subject.change.proposed";
        }

        public Map<String, String> timelineArgs() {
            return Map.of(
                    "by",
                    proposedByName,
                    "byEn",
                    proposedByNameEn,
                    "fields",
                    SubjectField.listZh(fields),
                    "fieldsEn",
                    SubjectField.listEn(fields));
        }
    }

    /** The executing agency confirmed the change: the record took the proposed fields. */
    public record SubjectChangeConfirmed(
            UUID eventId,
            SubjectChangeId changeId,
            CaseId caseId,
            UUID subjectId,
            Set<SubjectField> fields,
            Instant occurredAt,
            ActorRef actor)
            implements SubjectChangeEntry {

        public String timelineKind() {
            return "subject.change.confirmed";
        }
    }

    /** The executing agency rejected the change: the record stays; the new case keeps its own statement. */
    public record SubjectChangeRejected(
            UUID eventId,
            SubjectChangeId changeId,
            CaseId caseId,
            UUID subjectId,
            Set<SubjectField> fields,
            Instant occurredAt,
            ActorRef actor)
            implements SubjectChangeEntry {

        public String timelineKind() {
            return "subject.change.rejected";
        }
    }
}
