package org.tongxin.exchange;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.Participation;

/** Inputs of the exchange. */
public final class HandoverData {

    private HandoverData() {}

    /** A document in a bundle: its kind, its title as written on it, and optionally the attached file or PDF. */
    public record NewItem(ItemCode code, String title, UUID documentId) {}

    /**
     * A handover as the procedure prepares it: which step it discharges, who sends to whom, the copy recipients and
     * the participations that see it on the case timeline.
     */
    public record NewHandover(
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            AgencyId sender,
            AgencyId receiver,
            List<AgencyId> copies,
            Set<Participation> audience,
            List<NewItem> items,
            String note) {}

    /** One thing a rejection names: a missing kind of document, or a defective item that came. */
    public record Problem(ItemCode code, UUID itemId, ProblemKind kind, String note) {}
}
