package org.tongxin.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;

/** What the leave pages and API show. */
public final class LeaveViews {

    private LeaveViews() {}

    /** An application as the caller states it (the subject's, recorded by an officer). */
    public record NewLeave(LeaveKind kind, String destination, String reason, LocalDate departOn, LocalDate returnOn) {}

    /**
     * One leave with its sealed texts opened (the read is audited). {@code mayDecide}: the caller may approve or refuse
     * what is pending; {@code mayRecord}: the caller may record the return or ask an extension.
     */
    public record LeaveView(
            LeaveId id,
            CaseId caseId,
            String caseNumber,
            LeaveKind kind,
            String destination,
            String reason,
            LocalDate departOn,
            LocalDate returnOn,
            int days,
            LeaveApprover approver,
            AgencyId approvingAgency,
            boolean lateApplication,
            LeaveStatus status,
            Instant requestedAt,
            Instant decidedAt,
            String decidedByName,
            String refusalReason,
            LocalDate extensionReturnOn,
            LeaveApprover extensionApprover,
            String extensionReason,
            int extensions,
            LocalDate returnedOn,
            UUID noticeDocumentId,
            int version,
            boolean mayDecide,
            boolean mayRecord) {

        /** The level deciding what is pending now (null when nothing is). */
        public LeaveApprover pendingLevel() {
            return status == LeaveStatus.EXTENSION_REQUESTED
                    ? extensionApprover
                    : status == LeaveStatus.REQUESTED ? approver : null;
        }
    }

    /** The approval notice PDF. */
    public record Notice(String fileName, byte[] content) {}
}
