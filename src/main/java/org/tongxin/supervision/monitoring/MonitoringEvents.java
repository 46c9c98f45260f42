package org.tongxin.supervision.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/**
 * What happens to electronic monitoring, on the case's timeline: ids, the ground's code, months and times only — never
 * the facts written in the proposal, a device or a position.
 */
public final class MonitoringEvents {

    private MonitoringEvents() {}

    /** The county agency proposed monitoring (or its renewal) to the county judicial bureau. */
    public record MonitoringProposed(
            UUID eventId,
            CaseId caseId,
            MonitoringPeriodId periodId,
            MonitoringGround ground,
            int months,
            boolean renewal,
            AgencyId bureauId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return (renewal ? "monitoring.renewalProposed." : "monitoring.proposed.") + ground.name();
        }

        public Map<String, String> timelineArgs() {
            return Map.of("months", Integer.toString(months));
        }
    }

    /** The bureau's head approved the period: it runs from {@code startsAt} to {@code endsAt}. */
    public record MonitoringApproved(
            UUID eventId,
            CaseId caseId,
            MonitoringPeriodId periodId,
            int months,
            Instant startsAt,
            Instant endsAt,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "monitoring.approved";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("months", Integer.toString(months));
        }
    }

    /** The bureau's head refused the proposal. */
    public record MonitoringRefused(
            UUID eventId, CaseId caseId, MonitoringPeriodId periodId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "monitoring.refused";
        }
    }

    /** The county agency ended monitoring before the approved period's end. */
    public record MonitoringEnded(
            UUID eventId, CaseId caseId, MonitoringPeriodId periodId, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {
        public String timelineKind() {
            return "monitoring.ended";
        }
    }
}
