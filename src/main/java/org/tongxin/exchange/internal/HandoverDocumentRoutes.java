package org.tongxin.exchange.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.DocumentCarrier;
import org.tongxin.casefile.DocumentRoute;
import org.tongxin.casefile.DocumentRule;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.identity.Participation;

/**
 * How a case's documents travelled in handovers, for the document rule: each item's document and each receipt, from
 * the sender to the receiver and the copy recipients (抄送), seen by the case roles of the handover's audience and by the
 * case's own team (decision organ, executing agency, assigned office: the case's correspondence is theirs); a bundle
 * still being prepared (or cancelled) counts as not sent.
 */
@Component
class HandoverDocumentRoutes implements DocumentCarrier {

    private final HandoverRepository handovers;

    HandoverDocumentRoutes(HandoverRepository handovers) {
        this.handovers = handovers;
    }

    @Override
    public List<DocumentRoute> routes(CaseId caseId) {
        List<DocumentRoute> routes = new ArrayList<>();
        for (HandoverView h : handovers.ofCase(caseId)) {
            Set<AgencyId> addressees = new HashSet<>();
            addressees.add(h.receiverAgencyId());
            h.copies().forEach(c -> addressees.add(c.agencyId()));
            boolean sent = h.status() != HandoverStatus.PREPARED && h.status() != HandoverStatus.CANCELLED;
            Set<Participation> audience = EnumSet.copyOf(DocumentRule.CASE_TEAM);
            audience.addAll(h.audience());
            for (HandoverView.Item item : h.items()) {
                if (item.documentId() != null) {
                    routes.add(new DocumentRoute(
                            item.documentId(),
                            DocumentRoute.HANDOVER,
                            h.id().value(),
                            h.kind().name(),
                            h.senderAgencyId(),
                            addressees,
                            audience,
                            sent,
                            false));
                }
            }
            if (h.receiptDocumentId() != null) {
                routes.add(new DocumentRoute(
                        h.receiptDocumentId(),
                        DocumentRoute.HANDOVER,
                        h.id().value(),
                        h.kind().name(),
                        h.senderAgencyId(),
                        addressees,
                        audience,
                        sent,
                        true));
            }
        }
        return routes;
    }
}
