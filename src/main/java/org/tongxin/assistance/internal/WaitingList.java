package org.tongxin.assistance.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.internal.ReferralRepository.CapacityRow;
import org.tongxin.assistance.internal.ReferralRepository.Row;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A department's places for one service and the referrals waiting for one (doc/adr/0012): whether an accepted referral
 * finds a free place, and who gets a place that comes free. Each question first locks the service's capacity row, so
 * two acceptances or a completion and a declaration never give one place twice. Callers run inside their command's
 * transaction.
 */
@Component
public class WaitingList {

    private final ReferralRepository referrals;
    private final ApplicationEventPublisher events;

    WaitingList(ReferralRepository referrals, ApplicationEventPublisher events) {
        this.referrals = referrals;
        this.events = events;
    }

    /** Whether a referral accepted now gets a place: no places declared (no limit), or one free and nobody waiting. */
    public boolean placeFree(AgencyId agency, AssistanceService service) {
        Optional<CapacityRow> capacity = referrals.lockCapacity(agency, service);
        if (capacity.isEmpty()) {
            return true;
        }
        Map<String, Integer> counts = referrals.counts(agency, service);
        return counts.get("waiting") == 0
                && counts.get("occupied") < capacity.get().places();
    }

    /** Gives every free place to the referral waiting longest for it, oldest first, each placed and announced. */
    public void fillFreePlaces(AgencyId agency, AssistanceService service, Instant now, ActorRef actor) {
        while (true) {
            Optional<CapacityRow> capacity = referrals.lockCapacity(agency, service);
            Map<String, Integer> counts = referrals.counts(agency, service);
            if (capacity.isPresent() && counts.get("occupied") >= capacity.get().places()) {
                return;
            }
            Optional<Row> next = referrals.nextWaiting(agency, service);
            if (next.isEmpty()) {
                return;
            }
            Referral waiting = Referral.of(next.get());
            waiting.placeFromWaitingList(now, actor);
            if (!referrals.save(waiting)) {
                throw TongxinException.staleVersion();
            }
            waiting.pullEvents().forEach(events::publishEvent);
        }
    }
}
