package org.tongxin.casefile.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeConfirmed;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeProposed;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeRejected;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectChangeStatus;
import org.tongxin.casefile.SubjectField;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A proposed change of a subject's record (issue 9, item 4) and its state machine (doc/style.md 7): a new case stated the
 * person differently; an executing agency of the person's other cases confirms it (the record takes the fields) or
 * rejects it with a reason. One method per transition, each guarded by the state, each recording one event per other
 * case of the person (their timelines; never the new case's).
 */
public final class SubjectChange extends AggregateRoot {

    public static final int REASON_MIN = 5;
    public static final int REASON_MAX = 500;

    final SubjectChangeId id;
    final UUID subjectId;
    final CaseId sourceCaseId;
    final AgencyId proposedBy;
    final Instant proposedAt;
    final Set<SubjectField> fields;
    SubjectChangeStatus status;
    UUID decidedBy;
    String decidedByName;
    AgencyId decidedByAgency;
    Instant decidedAt;
    String rejectionReason;
    int version;

    SubjectChange(
            SubjectChangeId id,
            UUID subjectId,
            CaseId sourceCaseId,
            AgencyId proposedBy,
            Instant proposedAt,
            Set<SubjectField> fields) {
        this.id = id;
        this.subjectId = subjectId;
        this.sourceCaseId = sourceCaseId;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.fields = fields.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }

    /**
     * The new case {@code source} stated {@code fields} differently from the record: proposed to the executing agencies
     * of {@code otherCases}. Nothing to propose (no field, or no other case to decide it) is a refusal, not a proposal.
     */
    public static SubjectChange propose(
            SubjectChangeId id,
            UUID subjectId,
            CaseId source,
            AgencyId proposedBy,
            String proposedByName,
            String proposedByNameEn,
            Set<SubjectField> fields,
            List<CaseId> otherCases,
            Instant now,
            ActorRef actor) {
        if (fields.isEmpty()) {
            throw TongxinException.rule("SUBJECT_CHANGE_EMPTY");
        }
        if (otherCases.isEmpty()) {
            throw TongxinException.rule("SUBJECT_CHANGE_WITHOUT_CASE");
        }
        SubjectChange change = new SubjectChange(id, subjectId, source, proposedBy, now, fields);
        change.status = SubjectChangeStatus.PROPOSED;
        otherCases.forEach(c -> change.register(new SubjectChangeProposed(
                UUID.randomUUID(),
                id,
                c,
                subjectId,
                change.fields,
                proposedBy,
                proposedByName,
                proposedByNameEn,
                now,
                actor)));
        return change;
    }

    /** PROPOSED → CONFIRMED: the record takes the proposed fields (the caller applies them). */
    public void confirm(AgencyId agency, String byName, List<CaseId> otherCases, Instant now, ActorRef actor) {
        requireProposed();
        status = SubjectChangeStatus.CONFIRMED;
        decided(agency, byName, now, actor);
        otherCases.forEach(
                c -> register(new SubjectChangeConfirmed(UUID.randomUUID(), id, c, subjectId, fields, now, actor)));
    }

    /** PROPOSED → REJECTED, with the reason (required): the record stays as it is. */
    public void reject(
            String reason, AgencyId agency, String byName, List<CaseId> otherCases, Instant now, ActorRef actor) {
        String clean = reason == null ? "" : reason.strip();
        FieldProblems problems = new FieldProblems();
        if (clean.isEmpty()) {
            problems.add("reason", "required");
        } else if (clean.length() < REASON_MIN) {
            problems.add("reason", "minLength", REASON_MIN);
        } else if (clean.length() > REASON_MAX) {
            problems.add("reason", "maxLength", REASON_MAX);
        }
        problems.throwIfAny();
        requireProposed();
        status = SubjectChangeStatus.REJECTED;
        rejectionReason = clean;
        decided(agency, byName, now, actor);
        otherCases.forEach(
                c -> register(new SubjectChangeRejected(UUID.randomUUID(), id, c, subjectId, fields, now, actor)));
    }

    private void decided(AgencyId agency, String byName, Instant now, ActorRef actor) {
        decidedBy = actor.userId();
        decidedByName = byName;
        decidedByAgency = agency;
        decidedAt = now;
    }

    private void requireProposed() {
        if (status != SubjectChangeStatus.PROPOSED) {
            throw TongxinException.conflict("SUBJECT_CHANGE_DECIDED");
        }
    }

    public SubjectChangeId id() {
        return id;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public CaseId sourceCaseId() {
        return sourceCaseId;
    }

    public AgencyId proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Set<SubjectField> fields() {
        return fields;
    }

    public SubjectChangeStatus status() {
        return status;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public AgencyId decidedByAgency() {
        return decidedByAgency;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public int version() {
        return version;
    }
}
