package org.tongxin.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/**
 * The events of a leave request (请假): on the case's timeline for its parties, and the ledger's cues. They carry the
 * dates, the length and who approves, never the destination or the reasons (those stay sealed in the leave's row).
 */
public final class LeaveEvents {

    private LeaveEvents() {}

    /** A leave event whose timeline line names the approver, the length and the days away: its arguments come from those. */
    public interface LeaveEntry extends TimelineEntry {

        LeaveApprover approver();

        int days();

        LocalDate departOn();

        LocalDate returnOn();

        @Override
        default Map<String, String> timelineArgs() {
            return args(approver(), days(), departOn(), returnOn());
        }
    }

    static Map<String, String> args(LeaveApprover approver, int days, LocalDate from, LocalDate to) {
        return Map.of(
                "approver",
                approverZh(approver),
                "approverEn",
                approverEn(approver),
                "days",
                Integer.toString(days),
                "from",
                from.toString(),
                "to",
                to.toString());
    }

    static String approverZh(LeaveApprover a) {
        return switch (a) {
            case JUDICIAL_OFFICE -> "司法所";
            case COUNTY_AGENCY -> "县级社区矫正机构";
            case SUPERIOR_AGENCY -> "上一级社区矫正机构";
        };
    }

    static String approverEn(LeaveApprover a) {
        return switch (a) {
            case JUDICIAL_OFFICE -> "the judicial office";
            case COUNTY_AGENCY -> "the county agency";
            case SUPERIOR_AGENCY -> "the agency one level up";
        };
    }

    /** An application to leave was recorded; {@code approvingAgency} owes the decision (step leave.approve or leave.frequent). */
    public record LeaveRequested(
            UUID eventId,
            LeaveId leaveId,
            CaseId caseId,
            LeaveKind kind,
            LocalDate departOn,
            LocalDate returnOn,
            int days,
            LeaveApprover approver,
            AgencyId approvingAgency,
            boolean lateApplication,
            Instant occurredAt,
            ActorRef actor)
            implements LeaveEntry {

        public String timelineKind() {
            return kind == LeaveKind.FREQUENT ? "leave.frequent.requested" : "leave.requested";
        }
    }

    /**
     * The leave (or its extension) was approved; {@code returnOn} is the last day away now. {@code procuratorateNotified}:
     * approved by the agency one level up, which notifies the procuratorate (IM art. 26).
     */
    public record LeaveApproved(
            UUID eventId,
            LeaveId leaveId,
            CaseId caseId,
            LeaveKind kind,
            LocalDate departOn,
            LocalDate returnOn,
            int days,
            LeaveApprover approver,
            boolean extension,
            int extensions,
            boolean procuratorateNotified,
            Instant occurredAt,
            ActorRef actor)
            implements LeaveEntry {

        public String timelineKind() {
            return extension ? "leave.extension.approved" : "leave.approved";
        }
    }

    /** The leave (or its extension) was refused; the reason stays in the leave's row. */
    public record LeaveRefused(
            UUID eventId,
            LeaveId leaveId,
            CaseId caseId,
            LeaveApprover approver,
            boolean extension,
            int extensions,
            LocalDate departOn,
            LocalDate returnOn,
            int days,
            Instant occurredAt,
            ActorRef actor)
            implements LeaveEntry {

        public String timelineKind() {
            return extension ? "leave.extension.refused" : "leave.refused";
        }
    }

    /** Before the last day, an extension to {@code requestedReturnOn} was asked; {@code approvingAgency} decides. */
    public record LeaveExtensionRequested(
            UUID eventId,
            LeaveId leaveId,
            CaseId caseId,
            int extensions,
            LocalDate departOn,
            LocalDate requestedReturnOn,
            int days,
            LeaveApprover approver,
            AgencyId approvingAgency,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {

        public String timelineKind() {
            return "leave.extension.requested";
        }

        public Map<String, String> timelineArgs() {
            return args(approver, days, departOn, requestedReturnOn);
        }
    }

    /** The subject reported back on {@code returnedOn}; {@code late} when after the approved last day. */
    public record LeaveReturned(
            UUID eventId,
            LeaveId leaveId,
            CaseId caseId,
            int extensions,
            LocalDate returnOn,
            LocalDate returnedOn,
            boolean late,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {

        public String timelineKind() {
            return late ? "leave.returned.late" : "leave.returned";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("returnOn", returnOn.toString(), "returnedOn", returnedOn.toString());
        }
    }

    /**
     * The approved last day passed without the subject reporting back: a follow-up is owed, and the facts may ground a
     * violation (a candidate for the assessment's graduated responses: leaving or staying away without approval).
     */
    public record LeaveReturnOverdue(
            UUID eventId, LeaveId leaveId, CaseId caseId, LocalDate returnOn, Instant occurredAt, ActorRef actor)
            implements TimelineEntry {

        public String timelineKind() {
            return "leave.return.overdue";
        }

        public Map<String, String> timelineArgs() {
            return Map.of("returnOn", returnOn.toString());
        }
    }
}
