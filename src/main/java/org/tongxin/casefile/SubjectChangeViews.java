package org.tongxin.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.tongxin.agency.AgencyId;

/** What the executing agency reads of a proposed change of a subject's record. */
public final class SubjectChangeViews {

    private SubjectChangeViews() {}

    /** One of the reader's cases of the person (the new case that proposed the change is never among them). */
    public record CaseRef(CaseId caseId, String caseNumber) {}

    /** A field that differs: the record's value now and the value proposed (as stored: codes for gender, types, divisions). */
    public record Line(SubjectField field, String current, String proposed) {}

    /** A proposal in a list: whose record, which fields, by which organ, where it stands. */
    public record SubjectChangeSummary(
            SubjectChangeId id,
            SubjectChangeStatus status,
            String subjectName,
            List<CaseRef> cases,
            Set<SubjectField> fields,
            AgencyId proposedBy,
            Instant proposedAt,
            Instant decidedAt,
            int version) {}

    /**
     * A proposal for the executing agency: the fields with current and proposed values, the reader's cases of the person,
     * the decision once taken; {@code mayDecide} when the reader may confirm or reject it.
     */
    public record SubjectChangeView(
            SubjectChangeId id,
            SubjectChangeStatus status,
            String subjectName,
            List<CaseRef> cases,
            List<Line> lines,
            AgencyId proposedBy,
            Instant proposedAt,
            Instant decidedAt,
            String decidedByName,
            AgencyId decidedByAgency,
            String rejectionReason,
            int version,
            boolean mayDecide) {}
}
