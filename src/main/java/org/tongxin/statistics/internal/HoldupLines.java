package org.tongxin.statistics.internal;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyType;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.Conflicts;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;

/**
 * Which lines of the holdups screen the reader may open (doc/security-requirements.md S7): a line about a case only where the reader's
 * agency has a lawful role in it, a rejected handover, a declined referral or a conflict only where its own module lets
 * the reader open it, an obligation about a matter only for the agency owing it, the agency it was escalated to and
 * the coordination office. The other lines are counted, never listed: their case ids, steps, dates and texts stay out
 * of the page and of the API.
 */
@Component
class HoldupLines {

    private final CaseDirectory cases;
    private final Handovers handovers;
    private final Referrals referrals;
    private final Conflicts conflicts;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;

    HoldupLines(
            CaseDirectory cases,
            Handovers handovers,
            Referrals referrals,
            Conflicts conflicts,
            AgencyDirectory agencies,
            CurrentUser currentUser) {
        this.cases = cases;
        this.handovers = handovers;
        this.referrals = referrals;
        this.conflicts = conflicts;
        this.agencies = agencies;
        this.currentUser = currentUser;
    }

    /** The reader's view of the lines, decided once for the cases among them. */
    Reader reader(Collection<UUID> caseIds) {
        Set<UUID> openable = cases.openable(caseIds.stream().map(CaseId::of).collect(Collectors.toSet())).stream()
                .map(CaseId::value)
                .collect(Collectors.toSet());
        TongxinPrincipal me = currentUser.get();
        boolean coordinationOffice = agencies.find(me.agency())
                .map(a -> a.type() == AgencyType.COORDINATION_OFFICE)
                .orElse(false);
        return new Reader(openable, me.agency().value(), coordinationOffice);
    }

    final class Reader {

        private final Set<UUID> openableCases;
        private final UUID agency;
        private final boolean coordinationOffice;

        private Reader(Set<UUID> openableCases, UUID agency, boolean coordinationOffice) {
            this.openableCases = openableCases;
            this.agency = agency;
            this.coordinationOffice = coordinationOffice;
        }

        boolean caseOpenable(UUID caseId) {
            return openableCases.contains(caseId);
        }

        boolean obligation(StatisticsQueries.StuckObligation o) {
            if (o.caseId() != null) {
                return openableCases.contains(o.caseId());
            }
            return agency.equals(o.agencyId()) || agency.equals(o.escalatedTo()) || coordinationOffice;
        }

        boolean item(StatisticsQueries.Item i) {
            return switch (i.kind()) {
                case "HANDOVER_REJECTED" -> handovers.mayRead(HandoverId.of(i.itemId()));
                case "REFERRAL_DECLINED" -> referrals.mayRead(ReferralId.of(i.itemId()));
                default -> conflicts.mayRead(ConflictId.of(i.itemId()));
            };
        }
    }
}
