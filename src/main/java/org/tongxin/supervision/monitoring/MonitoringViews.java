package org.tongxin.supervision.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongxin.casefile.CaseId;

/** What the façade returns about monitoring periods and positions. */
public final class MonitoringViews {

    private MonitoringViews() {}

    /** A monitoring period as its readers see it (the facts and reasons only for the county agency and the bureau). */
    public record PeriodView(
            MonitoringPeriodId id,
            CaseId caseId,
            MonitoringState state,
            MonitoringGround ground,
            String reason,
            String deviceId,
            int months,
            MonitoringPeriodId renews,
            Instant proposedAt,
            Instant decidedAt,
            String refusal,
            Instant startsAt,
            Instant endsAt,
            Instant endedAt,
            String endReason,
            int version) {}

    /** A proposal: the ground, the facts, the device and 1–3 months; {@code renews} names the running period it renews. */
    public record NewPeriod(
            MonitoringGround ground, String reason, String deviceId, Integer months, MonitoringPeriodId renews) {}

    /** A position as the executing agency sees it. */
    public record PositionView(
            java.util.UUID id,
            Instant time,
            double latitude,
            double longitude,
            BigDecimal accuracy,
            String source,
            Instant receivedAt) {}

    /** A position received: by device or case, when, where (WGS-84 degrees) and how accurately (metres). */
    public record PositionInput(
            String deviceId, CaseId caseId, Instant time, double latitude, double longitude, BigDecimal accuracy) {}

    /** A position stored: its id, case and period. */
    public record StoredPosition(
            java.util.UUID id, CaseId caseId, MonitoringPeriodId periodId, Instant time, boolean repeated) {}

    /** A bad row of an import: its line number, the field and the problem's code and message. */
    public record ImportProblem(int line, String field, String code, String message) {}

    /** The outcome of an import: how many positions were stored (none when any row was bad) and the bad rows. */
    public record ImportReport(int rows, int stored, java.util.List<ImportProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }
}
