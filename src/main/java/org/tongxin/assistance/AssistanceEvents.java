package org.tongxin.assistance;

import java.time.Instant;
import java.util.UUID;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of assistance referrals. {@code fromAgency} referred the subject (county agency or judicial office),
 * {@code toAgency} is the department or social organisation asked to help. The components are a contract that the
 * statistics read models rely on.
 */
public final class AssistanceEvents {

    private AssistanceEvents() {
    }

    public record ReferralMade(UUID eventId, ReferralId referralId, CaseId caseId, AssistanceService service,
            AgencyId fromAgency, AgencyId toAgency, Instant occurredAt, ActorRef actor) {
    }

    public record ReferralAccepted(UUID eventId, ReferralId referralId, CaseId caseId, AssistanceService service,
            AgencyId fromAgency, AgencyId toAgency, Instant occurredAt, ActorRef actor) {
    }

    public record ReferralDeclined(UUID eventId, ReferralId referralId, CaseId caseId, AssistanceService service,
            AgencyId fromAgency, AgencyId toAgency, String reason, Instant occurredAt, ActorRef actor) {
    }

    /** The assistance ended; {@code delivered} is false when it ended without the service being delivered. */
    public record ReferralCompleted(UUID eventId, ReferralId referralId, CaseId caseId, AssistanceService service,
            AgencyId fromAgency, AgencyId toAgency, boolean delivered, Instant occurredAt, ActorRef actor) {
    }
}
