package org.tongxin.supervision.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.PolicySettings;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.LeaveApprover;
import org.tongxin.supervision.LeaveEvents.LeaveApproved;
import org.tongxin.supervision.LeaveEvents.LeaveExtensionRequested;
import org.tongxin.supervision.LeaveEvents.LeaveRefused;
import org.tongxin.supervision.LeaveEvents.LeaveRequested;
import org.tongxin.supervision.LeaveEvents.LeaveReturnOverdue;
import org.tongxin.supervision.LeaveEvents.LeaveReturned;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveStatus;

/**
 * A subject's leave request (请假, CCL art. 27; IM arts. 26-28) and its state machine (doc/style.md 7):
 * {@code REQUESTED → APPROVED | REFUSED}; {@code APPROVED → EXTENSION_REQUESTED → APPROVED} (the approver decides
 * the extension; a refusal keeps the old last day); {@code APPROVED | EXTENSION_REQUESTED → RETURN_OVERDUE} when the
 * last day passes; {@code APPROVED | EXTENSION_REQUESTED | RETURN_OVERDUE → RETURNED}. Who approves follows from the
 * length and the policy settings ({@link #approverFor}); the façade checks that the caller is that approver. Days are
 * calendar days away, both the first and the last counted.
 */
public final class LeaveRequest extends AggregateRoot {

    public static final int TEXT_MIN = 2;
    public static final int DESTINATION_MAX = 200;
    public static final int REASON_MAX = 500;
    public static final int REFUSAL_MIN = 5;

    final LeaveId id;
    final CaseId caseId;
    final LeaveKind kind;
    final LocalDate departOn;
    LocalDate returnOn;
    LeaveApprover approver;
    AgencyId approvingAgency;
    final boolean lateApplication;
    LeaveStatus status;
    final Instant requestedAt;
    final UUID requestedBy;
    final AgencyId requestedByAgency;
    Instant decidedAt;
    String decidedByName;
    AgencyId decidedByAgency;
    String refusalReason;
    LocalDate extensionReturnOn;
    LeaveApprover extensionApprover;
    AgencyId extensionAgency;
    String extensionReason;
    int extensions;
    LocalDate returnedOn;
    Instant returnedAt;
    UUID noticeDocumentId;
    int version;

    // Sealed texts: set on request, read by the repository (never in events).
    String destination;
    String reason;

    LeaveRequest(
            LeaveId id,
            CaseId caseId,
            LeaveKind kind,
            LocalDate departOn,
            LocalDate returnOn,
            boolean lateApplication,
            Instant requestedAt,
            UUID requestedBy,
            AgencyId requestedByAgency) {
        this.id = id;
        this.caseId = caseId;
        this.kind = kind;
        this.departOn = departOn;
        this.returnOn = returnOn;
        this.lateApplication = lateApplication;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
        this.requestedByAgency = requestedByAgency;
    }

    /** Calendar days away from {@code from} to {@code to}, both counted. */
    public static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * Who approves a leave of {@code days} when the subject already had {@code priorDays} approved in the policy's window
     * (IM art. 26): beyond the county's limit per approval, or beyond the total within the window, the agency one level
     * up; else the judicial office where entrusted and the leave is short; else the county agency. The simplified
     * approval for frequent travel is the county agency's (IM art. 27).
     */
    public static LeaveApprover approverFor(LeaveKind kind, int days, int priorDays, PolicySettings.Leave rules) {
        if (kind == LeaveKind.FREQUENT) {
            return LeaveApprover.COUNTY_AGENCY;
        }
        if (days > rules.countyMaxDays() || priorDays + days > rules.totalMaxDays()) {
            return LeaveApprover.SUPERIOR_AGENCY;
        }
        if (rules.officeEntrusted() && days <= rules.officeMaxDays()) {
            return LeaveApprover.JUDICIAL_OFFICE;
        }
        return LeaveApprover.COUNTY_AGENCY;
    }

    /** The first day of the window in which earlier leave counts towards the total (IM art. 26: 2 months by default). */
    public static LocalDate windowStart(LocalDate departOn, PolicySettings.Leave rules) {
        return departOn.minusMonths(rules.totalWindowMonths());
    }

    /**
     * Records an application. Input problems are 400 (every field at once); a frequent-travel approval longer than the
     * policy allows is a rule refusal (422 {@code LEAVE_FREQUENT_TOO_LONG}). An application fewer days ahead than the
     * policy's usual advance is recorded as late, not refused: the law says "normally".
     */
    public static LeaveRequest request(
            LeaveId id,
            CaseId caseId,
            LeaveKind kind,
            String destination,
            String reason,
            LocalDate departOn,
            LocalDate returnOn,
            LocalDate today,
            int priorDays,
            PolicySettings.Leave rules,
            java.util.function.Function<LeaveApprover, AgencyId> agencyOf,
            Instant now,
            ActorRef actor,
            AgencyId actorAgency) {
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        String dest = text(problems, "destination", destination, TEXT_MIN, DESTINATION_MAX);
        String why = text(problems, "reason", reason, TEXT_MIN, REASON_MAX);
        if (departOn == null) {
            problems.add("departOn", "required");
        } else if (departOn.isBefore(today)) {
            problems.add("departOn", "notBefore", today.toString());
        }
        if (returnOn == null) {
            problems.add("returnOn", "required");
        } else if (departOn != null && returnOn.isBefore(departOn)) {
            problems.add("returnOn", "notBefore", departOn.toString());
        }
        problems.throwIfAny();
        if (kind == LeaveKind.FREQUENT && returnOn.isAfter(departOn.plusMonths(rules.frequentTravelMaxMonths()))) {
            throw TongxinException.rule("LEAVE_FREQUENT_TOO_LONG", rules.frequentTravelMaxMonths());
        }
        int days = days(departOn, returnOn);
        LeaveApprover approver = approverFor(kind, days, kind == LeaveKind.FREQUENT ? 0 : priorDays, rules);
        AgencyId approving = agencyOf.apply(approver);
        if (approving == null) {
            throw TongxinException.rule("LEAVE_NO_APPROVER");
        }
        boolean late = ChronoUnit.DAYS.between(today, departOn) < rules.advanceDays();
        LeaveRequest leave =
                new LeaveRequest(id, caseId, kind, departOn, returnOn, late, now, actor.userId(), actorAgency);
        leave.destination = dest;
        leave.reason = why;
        leave.approver = approver;
        leave.approvingAgency = approving;
        leave.status = LeaveStatus.REQUESTED;
        leave.register(new LeaveRequested(
                UUID.randomUUID(), id, caseId, kind, departOn, returnOn, days, approver, approving, late, now, actor));
        return leave;
    }

    /** The agency that decides what is pending now: the leave's approver, or the pending extension's. */
    public AgencyId pendingApprover() {
        return status == LeaveStatus.EXTENSION_REQUESTED
                ? extensionAgency
                : status == LeaveStatus.REQUESTED ? approvingAgency : null;
    }

    /** The level that decides what is pending now. */
    public LeaveApprover pendingLevel() {
        return status == LeaveStatus.EXTENSION_REQUESTED
                ? extensionApprover
                : status == LeaveStatus.REQUESTED ? approver : null;
    }

    /**
     * REQUESTED → APPROVED (before the first day: 422 {@code LEAVE_DEPARTURE_PASSED} after it), or EXTENSION_REQUESTED →
     * APPROVED with the new last day. Anything else: 409 {@code LEAVE_NOT_PENDING}.
     */
    public void approve(LocalDate today, String byName, AgencyId byAgency, Instant now, ActorRef actor) {
        if (status == LeaveStatus.REQUESTED) {
            if (today.isAfter(departOn)) {
                throw TongxinException.rule("LEAVE_DEPARTURE_PASSED");
            }
            status = LeaveStatus.APPROVED;
            decided(byName, byAgency, now);
            register(new LeaveApproved(
                    UUID.randomUUID(),
                    id,
                    caseId,
                    kind,
                    departOn,
                    returnOn,
                    days(departOn, returnOn),
                    approver,
                    false,
                    extensions,
                    approver == LeaveApprover.SUPERIOR_AGENCY,
                    now,
                    actor));
        } else if (status == LeaveStatus.EXTENSION_REQUESTED) {
            returnOn = extensionReturnOn;
            approver = extensionApprover;
            approvingAgency = extensionAgency;
            extensions++;
            clearExtension();
            status = LeaveStatus.APPROVED;
            decided(byName, byAgency, now);
            register(new LeaveApproved(
                    UUID.randomUUID(),
                    id,
                    caseId,
                    kind,
                    departOn,
                    returnOn,
                    days(departOn, returnOn),
                    approver,
                    true,
                    extensions,
                    approver == LeaveApprover.SUPERIOR_AGENCY,
                    now,
                    actor));
        } else {
            throw TongxinException.conflict("LEAVE_NOT_PENDING");
        }
    }

    /**
     * REQUESTED → REFUSED, or EXTENSION_REQUESTED → APPROVED with the old last day; the reason is required (400).
     * Anything else: 409 {@code LEAVE_NOT_PENDING}.
     */
    public void refuse(String reason, String byName, AgencyId byAgency, Instant now, ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        String clean = text(problems, "reason", reason, REFUSAL_MIN, REASON_MAX);
        problems.throwIfAny();
        if (status == LeaveStatus.REQUESTED) {
            status = LeaveStatus.REFUSED;
            refusalReason = clean;
            decided(byName, byAgency, now);
            register(new LeaveRefused(
                    UUID.randomUUID(),
                    id,
                    caseId,
                    approver,
                    false,
                    extensions,
                    departOn,
                    returnOn,
                    days(departOn, returnOn),
                    now,
                    actor));
        } else if (status == LeaveStatus.EXTENSION_REQUESTED) {
            LeaveApprover level = extensionApprover;
            LocalDate asked = extensionReturnOn;
            clearExtension();
            status = LeaveStatus.APPROVED;
            refusalReason = clean;
            decided(byName, byAgency, now);
            register(new LeaveRefused(
                    UUID.randomUUID(),
                    id,
                    caseId,
                    level,
                    true,
                    extensions,
                    departOn,
                    asked,
                    days(departOn, asked),
                    now,
                    actor));
        } else {
            throw TongxinException.conflict("LEAVE_NOT_PENDING");
        }
    }

    /**
     * APPROVED → EXTENSION_REQUESTED: asked on or before the last day (after it: 422 {@code LEAVE_EXTENSION_TOO_LATE}),
     * to a later last day (400), approved at the level the new total length requires. A frequent-travel approval is not
     * extended (422 {@code LEAVE_FREQUENT_NOT_EXTENDED}: apply anew).
     */
    public void requestExtension(
            LocalDate newReturnOn,
            String reason,
            LocalDate today,
            int priorDays,
            PolicySettings.Leave rules,
            java.util.function.Function<LeaveApprover, AgencyId> agencyOf,
            Instant now,
            ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        String why = text(problems, "reason", reason, TEXT_MIN, REASON_MAX);
        if (newReturnOn == null) {
            problems.add("returnOn", "required");
        } else if (!newReturnOn.isAfter(returnOn)) {
            problems.add("returnOn", "notBefore", returnOn.plusDays(1).toString());
        }
        problems.throwIfAny();
        if (status != LeaveStatus.APPROVED) {
            throw TongxinException.conflict(
                    status == LeaveStatus.EXTENSION_REQUESTED ? "LEAVE_EXTENSION_PENDING" : "LEAVE_NOT_AWAY");
        }
        if (kind == LeaveKind.FREQUENT) {
            throw TongxinException.rule("LEAVE_FREQUENT_NOT_EXTENDED");
        }
        if (today.isAfter(returnOn)) {
            throw TongxinException.rule("LEAVE_EXTENSION_TOO_LATE");
        }
        int days = days(departOn, newReturnOn);
        LeaveApprover level = approverFor(kind, days, priorDays, rules);
        AgencyId approving = agencyOf.apply(level);
        if (approving == null) {
            throw TongxinException.rule("LEAVE_NO_APPROVER");
        }
        status = LeaveStatus.EXTENSION_REQUESTED;
        extensionReturnOn = newReturnOn;
        extensionApprover = level;
        extensionAgency = approving;
        extensionReason = why;
        register(new LeaveExtensionRequested(
                UUID.randomUUID(), id, caseId, extensions, departOn, newReturnOn, days, level, approving, now, actor));
    }

    /**
     * The subject reported back on {@code on} (not in the future, not before the first day: 400): from APPROVED,
     * EXTENSION_REQUESTED (the pending extension lapses) or RETURN_OVERDUE → RETURNED. Else 409 {@code LEAVE_NOT_AWAY}.
     */
    public void recordReturn(LocalDate on, LocalDate today, Instant now, ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (on == null) {
            problems.add("returnedOn", "required");
        } else if (on.isAfter(today)) {
            problems.add("returnedOn", "notAfterToday");
        } else if (on.isBefore(departOn)) {
            problems.add("returnedOn", "notBefore", departOn.toString());
        }
        problems.throwIfAny();
        if (!status.away()) {
            throw TongxinException.conflict("LEAVE_NOT_AWAY");
        }
        clearExtension();
        status = LeaveStatus.RETURNED;
        returnedOn = on;
        returnedAt = now;
        register(new LeaveReturned(
                UUID.randomUUID(), id, caseId, extensions, returnOn, on, on.isAfter(returnOn), now, actor));
    }

    /**
     * The last day passed without a return (the ledger's leave.return went overdue): APPROVED or EXTENSION_REQUESTED →
     * RETURN_OVERDUE. Returns false, changing nothing, when it does not apply (returned meanwhile, already overdue, the
     * last day not yet passed after an extension, a frequent-travel approval), so a redelivered cue is harmless.
     */
    public boolean returnOverdue(LocalDate today, Instant now, ActorRef actor) {
        if ((status != LeaveStatus.APPROVED && status != LeaveStatus.EXTENSION_REQUESTED)
                || kind == LeaveKind.FREQUENT
                || !today.isAfter(returnOn)) {
            return false;
        }
        clearExtension();
        status = LeaveStatus.RETURN_OVERDUE;
        register(new LeaveReturnOverdue(UUID.randomUUID(), id, caseId, returnOn, now, actor));
        return true;
    }

    private void clearExtension() {
        extensionReturnOn = null;
        extensionApprover = null;
        extensionAgency = null;
        extensionReason = null;
    }

    private void decided(String byName, AgencyId byAgency, Instant now) {
        decidedAt = now;
        decidedByName = byName;
        decidedByAgency = byAgency;
    }

    private static String text(FieldProblems problems, String field, String value, int min, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(field, "required");
        } else if (clean.length() < min) {
            problems.add(field, "minLength", min);
        } else if (clean.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return clean;
    }

    public LeaveId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public LeaveKind kind() {
        return kind;
    }

    public LocalDate departOn() {
        return departOn;
    }

    public LocalDate returnOn() {
        return returnOn;
    }

    public int days() {
        return days(departOn, returnOn);
    }

    public LeaveApprover approver() {
        return approver;
    }

    public AgencyId approvingAgency() {
        return approvingAgency;
    }

    public boolean lateApplication() {
        return lateApplication;
    }

    public LeaveStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public AgencyId requestedByAgency() {
        return requestedByAgency;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public AgencyId decidedByAgency() {
        return decidedByAgency;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public LocalDate extensionReturnOn() {
        return extensionReturnOn;
    }

    public LeaveApprover extensionApprover() {
        return extensionApprover;
    }

    public AgencyId extensionAgency() {
        return extensionAgency;
    }

    public String extensionReason() {
        return extensionReason;
    }

    public int extensions() {
        return extensions;
    }

    public LocalDate returnedOn() {
        return returnedOn;
    }

    public UUID noticeDocumentId() {
        return noticeDocumentId;
    }

    public String destination() {
        return destination;
    }

    public String reason() {
        return reason;
    }

    public int version() {
        return version;
    }
}
