package org.tongxin.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.policy.DeadlineKind;

/**
 * An obligation as the ledger holds it: about a case, or (caseId null) about a {@code matter}. Whose move it is
 * (ADR 0039): {@code waitingReason} (a {@link WaitReason} name) when it waits for another organ
 * ({@code waitingForAgencyId}) or for its own trigger ({@code notStarted}: no due time, its clock starts with the trigger).
 */
public record ObligationView(
        ObligationId id,
        CaseId caseId,
        String stepId,
        String instance,
        UUID policyVersionId,
        String policyRegion,
        AgencyId owingAgencyId,
        boolean owedBySubject,
        AgencyId counterpartyAgencyId,
        ObligationStatus status,
        DeadlineKind deadlineKind,
        Integer deadlineAmount,
        boolean custody,
        Instant startedAt,
        Instant dueAt,
        LocalDate dueDate,
        boolean alertOnly,
        boolean provisional,
        Instant warnAt,
        Instant warnedAt,
        Instant pausedAt,
        String pauseReason,
        Instant previousDueAt,
        Instant dueChangedAt,
        Instant fulfilledAt,
        UUID fulfilledBy,
        Instant waivedAt,
        UUID waivedBy,
        String waiverReason,
        int escalationLevel,
        UUID assigneeUserId,
        Instant createdAt,
        int version,
        ObligationMatter matter,
        AgencyId waitingForAgencyId,
        String waitingReason,
        Instant waitingSince,
        boolean notStarted) {

    /** Due soon: warned, or within the warning window, and not yet overdue. */
    public boolean dueSoon(Instant now) {
        return status == ObligationStatus.OPEN && warnAt != null && !now.isBefore(warnAt);
    }

    /** The page the obligation's work is done on: its case, or its matter (a meeting decision, a conflict). */
    public String workPath() {
        return caseId != null ? "/cases/" + caseId : matter.path();
    }

    public boolean closed() {
        return !status.pending();
    }

    /** Whose move it is now: the owing agency's, another organ's, the subject's, or nobody's before the trigger. */
    public Standing standing() {
        return Standing.of(this);
    }

    /** The owing agency can act on it now: it is its own (not the subject's) and waits for nobody. */
    public boolean actionable() {
        return standing() == Standing.TO_DO;
    }

    /** Why it waits, if it does (the subject's steps wait for the subject); empty for a line the owing agency can act on. */
    public java.util.Optional<WaitReason> waitReason() {
        return Standing.reason(this);
    }
}
