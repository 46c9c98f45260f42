package org.tongxin.supervision.custody;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.exchange.HandoverId;

/**
 * Custody during correction as supervision records it (ids, kinds and times only). The case's own events
 * ({@code SubjectDetained}, {@code SubjectReleased}) and the notice's handover are what the timeline shows.
 */
public final class CustodyEvents {

    private CustodyEvents() {}

    /** A detention during correction was recorded; the detaining organ owes its notice (custody.notice). */
    public record CustodyRecorded(
            UUID eventId,
            UUID custodyId,
            CaseId caseId,
            CustodyKind kind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            Instant occurredAt) {}

    /** The detaining organ delivered its notice to the county agency, copy to the procuratorate. */
    public record CustodyNoticeGiven(
            UUID eventId, UUID custodyId, CaseId caseId, HandoverId handoverId, Instant occurredAt) {}

    /** The subject was released; the case is under correction again. */
    public record CustodyEnded(UUID eventId, UUID custodyId, CaseId caseId, Instant releasedAt, Instant occurredAt) {}
}
