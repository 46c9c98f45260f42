package org.tongxin.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.obligation.ObligationView;

/** What the assistance module shows, already cut to what the reader may see. */
public final class ReferralViews {

    private ReferralViews() {}

    /** The referring officer's request. */
    public record NewReferral(AssistanceService service, AgencyId toAgency, String note) {}

    /**
     * A referral for one reader. {@code sharedSubject} holds exactly the fields of {@link SharedField#of(AssistanceService)}
     * (key → value, a value may be null when not recorded); {@code note} is null for a receiving agency whose service does
     * not share it; {@code waitingPosition} is 1 for the next to be placed, null when not waiting.
     */
    public record ReferralView(
            ReferralId id,
            CaseId caseId,
            String caseNumber,
            AssistanceService service,
            AgencyId fromAgencyId,
            AgencyId toAgencyId,
            ReferralStatus status,
            String note,
            UUID letterDocumentId,
            Instant madeAt,
            String madeByName,
            Instant answeredAt,
            String answeredByName,
            String declineReason,
            Instant waitingSince,
            Integer waitingPosition,
            Instant placedAt,
            Instant firstContactAt,
            int progressNotes,
            Instant closedAt,
            Boolean delivered,
            String outcomeNote,
            String withdrawalReason,
            int version,
            Set<SharedField> sharedFields,
            Map<String, Object> sharedSubject,
            List<Note> notes,
            List<ObligationView> deadlines,
            boolean mine,
            boolean ours) {}

    /** A contact or progress note. */
    public record Note(
            UUID id, String kind, int seq, LocalDate happenedOn, String text, Instant recordedAt, String authorName) {}

    /** A line of a referral list (no personal data beyond the case number). */
    public record ReferralSummary(
            ReferralId id,
            CaseId caseId,
            String caseNumber,
            AssistanceService service,
            AgencyId fromAgencyId,
            AgencyId toAgencyId,
            ReferralStatus status,
            Instant madeAt,
            Instant answeredAt,
            Instant updatedAt,
            int version) {}

    /** The places and staff an agency declared for a service, and how many are taken and waiting. */
    public record CapacityLine(
            AssistanceService service,
            Integer places,
            Integer staff,
            int occupied,
            int waiting,
            Integer free,
            int version,
            boolean declared) {

        public static CapacityLine of(
                AssistanceService service, Integer places, Integer staff, int occupied, int waiting, int version) {
            return new CapacityLine(
                    service,
                    places,
                    staff,
                    occupied,
                    waiting,
                    places == null ? null : Math.max(0, places - occupied),
                    version,
                    places != null);
        }
    }

    /** A change of the places and staff for one service; {@code version} is that of the line read (0 for a new one). */
    public record CapacityChange(AssistanceService service, Integer places, Integer staff, Integer version) {}
}
