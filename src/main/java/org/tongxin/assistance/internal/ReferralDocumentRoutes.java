package org.tongxin.assistance.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.DocumentCarrier;
import org.tongxin.casefile.DocumentRoute;
import org.tongxin.identity.Participation;

/**
 * How referral letters travelled, for the document rule: from the referring agency to the receiving department, which
 * receives it only while the referral is open (issue 9, item 6); the case's referring parties (executing agency,
 * assigned office) see it too.
 */
@Component
class ReferralDocumentRoutes implements DocumentCarrier {

    private static final Set<Participation> REFERRING =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private final ReferralRepository referrals;

    ReferralDocumentRoutes(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<DocumentRoute> routes(CaseId caseId) {
        return referrals.ofCase(caseId).stream()
                .filter(r -> r.letterDocumentId() != null)
                .map(r -> new DocumentRoute(
                        r.letterDocumentId(),
                        DocumentRoute.REFERRAL,
                        r.id().value(),
                        r.service().name(),
                        r.from(),
                        r.status().closed() ? Set.of() : Set.of(r.to()),
                        REFERRING,
                        true,
                        false))
                .toList();
    }
}
