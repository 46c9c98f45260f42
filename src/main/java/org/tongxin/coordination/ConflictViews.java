package org.tongxin.coordination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** What the conflict register takes and returns. */
public final class ConflictViews {

    private ConflictViews() {}

    /**
     * A conflict to raise: on a case (or, null, about a procedure), its type, the other agencies in it, the conflict
     * point, the procedure step it is about (its legal basis is taken from the policy model) and evidence: handovers
     * and obligations of the case.
     */
    public record NewConflict(
            UUID caseId,
            ConflictType type,
            List<UUID> parties,
            String point,
            String stepId,
            List<UUID> handoverIds,
            List<UUID> obligationIds) {}

    /** Filters of the register; every one optional. */
    public record ConflictSearch(
            String text, ConflictType type, ConflictState state, UUID agencyId, String caseNumber) {}

    public record Evidence(String kind, UUID id) {}

    public record ConflictView(
            ConflictId id,
            CaseId caseId,
            String caseNumber,
            ConflictType type,
            ConflictState state,
            AgencyId raisedBy,
            UUID raisedByUser,
            AgencyId office,
            List<AgencyId> parties,
            String point,
            String stepId,
            String legalBasis,
            String policyRegion,
            String response,
            Instant respondedAt,
            Instant escalatedAt,
            String escalationNote,
            MeetingId meetingId,
            String resolution,
            String lessons,
            Instant resolvedAt,
            Instant raisedAt,
            Instant updatedAt,
            int version,
            List<Evidence> evidence) {

        /** Its coordination office and its parties see a conflict; nobody else (the rule row-level security repeats). */
        public boolean seenBy(AgencyId agency) {
            return agency != null && (agency.equals(office) || parties.contains(agency));
        }
    }
}
