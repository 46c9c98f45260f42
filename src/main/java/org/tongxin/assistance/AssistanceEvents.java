package org.tongxin.assistance;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * Events of assistance referrals: ids and non-personal facts only, never a note or a reason (they are stored with the
 * referral, encrypted). {@code fromAgency} referred the subject (county agency or judicial office),
 * {@code toAgency} is the department or social organisation asked to help. The components are a contract that the
 * statistics read models rely on. Each is on the case timeline for the case's parties and the assisting agency (its
 * arguments name only the service: never a protected field). Timeline arguments in key order: the service in
 * Chinese ({0}) and English ({1}), then the event's own (a note's number, {2}).
 */
public final class AssistanceEvents {

    private AssistanceEvents() {}

    public record ReferralMade(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.made";
        }
    }

    public record ReferralAccepted(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.accepted";
        }
    }

    /** The receiving agency declined; its reason stays with the referral (encrypted), never in the event. */
    public record ReferralDeclined(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.declined";
        }
    }

    /** The assistance ended; {@code delivered} is false when it ended without the service being delivered. */
    public record ReferralCompleted(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            boolean delivered,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return delivered ? "referral.completed" : "referral.completedUndelivered";
        }
    }

    /** The referring agency withdrew the referral before it was answered. */
    public record ReferralWithdrawn(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.withdrawn";
        }
    }

    /**
     * An accepted referral got one of the receiving agency's places: at once when one was free, or later when a
     * completion freed one ({@code fromWaitingList}). The first contact and the monthly progress run from here.
     */
    public record ReferralPlaced(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            boolean fromWaitingList,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return fromWaitingList ? "referral.placedFromWaitingList" : "referral.placed";
        }
    }

    /** The receiving agency made its first contact with the subject. */
    public record FirstContactRecorded(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.contacted";
        }
    }

    /** The receiving agency reported progress: note number {@code number} (1, 2, ...). */
    public record ProgressNoted(
            UUID eventId,
            ReferralId referralId,
            CaseId caseId,
            AssistanceService service,
            AgencyId fromAgency,
            AgencyId toAgency,
            int number,
            Instant occurredAt,
            ActorRef actor)
            implements ReferralEntry {

        public String timelineKind() {
            return "referral.progress";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("service", service.nameZh(), "serviceEn", service.nameEn(), "t", Integer.toString(number));
        }
    }

    /**
     * What every referral event shows on the timeline: the service in both languages, to the case's parties and the
     * assisting agency ({@link #EVERYONE}). A record names only its kind (and adds to the arguments where it has more).
     */
    public interface ReferralEntry extends TimelineEntry {

        AssistanceService service();

        /** The department or social organisation asked to help. */
        AgencyId toAgency();

        @Override
        default Map<String, String> timelineArgs() {
            return args(service());
        }

        @Override
        default Set<Participation> audience() {
            return EVERYONE;
        }
    }

    /** The case's parties as usual and the assisting department or organisation, which needs to see its referral. */
    static final Set<Participation> EVERYONE = Collections.unmodifiableSet(EnumSet.allOf(Participation.class));

    static Map<String, String> args(AssistanceService service) {
        return Map.of("service", service.nameZh(), "serviceEn", service.nameEn());
    }
}
