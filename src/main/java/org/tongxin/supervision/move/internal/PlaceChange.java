package org.tongxin.supervision.move.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.move.PlaceChangeEvents.DocumentsForwardedAtNewPlace;
import org.tongxin.supervision.move.PlaceChangeEvents.NewAgencyConsulted;
import org.tongxin.supervision.move.PlaceChangeEvents.NewAgencyReplied;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeApplied;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeDecided;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeFileSent;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeTransferred;
import org.tongxin.supervision.move.PlaceChangeEvents.SubjectReportedAtNewPlace;
import org.tongxin.supervision.move.PlaceChangeState;

/**
 * One change of the place of execution (变更执行地, CCL art. 27; IM arts. 30–31): the subject's application, the
 * consultation of the new county agency, its reply (a refusal gives reasons), the current county agency's decision
 * (it cannot approve what the new agency refused), the file sent and receipted (the case moves then), the new agency
 * forwarding the documents to its procuratorate and police, and the subject reporting at the new place. Each step is one method with its guard; the texts are kept encrypted by the repository.
 */
public final class PlaceChange extends AggregateRoot {

    public static final int MAX_TEXT = 500;

    final UUID id;
    final CaseId caseId;
    final AgencyId formerCountyAgencyId;
    final AgencyId newCountyAgencyId;
    final LocalDate intendedMoveOn;
    final String reason;
    final Instant appliedAt;
    PlaceChangeState state;
    Instant consultedAt;
    String replyReason;
    Instant repliedAt;
    String decisionReason;
    Instant decidedAt;
    HandoverId fileHandoverId;
    Instant fileSentAt;
    Instant transferredAt;
    Instant reportedAt;
    HandoverId forwardHandoverId;
    Instant forwardedAt;
    /** The consultation letter (征求意见函) and the decision notice (变更执行地决定通知书), once issued. */
    java.util.UUID consultationDocumentId;

    java.util.UUID decisionDocumentId;
    int version;

    PlaceChange(
            UUID id,
            CaseId caseId,
            AgencyId formerCountyAgencyId,
            AgencyId newCountyAgencyId,
            LocalDate intendedMoveOn,
            String reason,
            Instant appliedAt,
            PlaceChangeState state,
            Instant consultedAt,
            String replyReason,
            Instant repliedAt,
            String decisionReason,
            Instant decidedAt,
            HandoverId fileHandoverId,
            Instant fileSentAt,
            Instant transferredAt,
            Instant reportedAt,
            HandoverId forwardHandoverId,
            Instant forwardedAt,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.formerCountyAgencyId = formerCountyAgencyId;
        this.newCountyAgencyId = newCountyAgencyId;
        this.intendedMoveOn = intendedMoveOn;
        this.reason = reason;
        this.appliedAt = appliedAt;
        this.state = state;
        this.consultedAt = consultedAt;
        this.replyReason = replyReason;
        this.repliedAt = repliedAt;
        this.decisionReason = decisionReason;
        this.decidedAt = decidedAt;
        this.fileHandoverId = fileHandoverId;
        this.fileSentAt = fileSentAt;
        this.transferredAt = transferredAt;
        this.reportedAt = reportedAt;
        this.forwardHandoverId = forwardHandoverId;
        this.forwardedAt = forwardedAt;
        this.version = version;
    }

    /**
     * Records the subject's application to move to {@code newCounty} (400 for a missing county, date or reason, or a
     * reason over 500 characters; 422 PLACE_CHANGE_SAME_COUNTY when it is the current county agency).
     */
    public static PlaceChange apply(
            CaseId caseId,
            AgencyId currentCounty,
            AgencyId newCounty,
            LocalDate intendedMoveOn,
            String reason,
            Instant now,
            ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (newCounty == null) {
            problems.add("newCountyAgencyId", "required");
        }
        if (intendedMoveOn == null) {
            problems.add("intendedMoveOn", "required");
        }
        String text = text(problems, "reason", reason, true);
        problems.throwIfAny();
        if (newCounty.equals(currentCounty)) {
            throw TongxinException.rule("PLACE_CHANGE_SAME_COUNTY");
        }
        PlaceChange c = new PlaceChange(
                UUID.randomUUID(),
                caseId,
                currentCounty,
                newCounty,
                intendedMoveOn,
                text,
                now,
                PlaceChangeState.APPLIED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
        c.register(new PlaceChangeApplied(UUID.randomUUID(), caseId, c.id, newCounty, now, actor));
        return c;
    }

    /** The consultation letter went to the new county agency (409 PLACE_CHANGE_NOT_APPLIED after it). */
    public void consult(Instant now, ActorRef actor) {
        if (state != PlaceChangeState.APPLIED) {
            throw TongxinException.conflict("PLACE_CHANGE_NOT_APPLIED");
        }
        state = PlaceChangeState.CONSULTING;
        consultedAt = now;
        register(new NewAgencyConsulted(UUID.randomUUID(), caseId, id, newCountyAgencyId, now, actor));
    }

    /**
     * The new county agency's reply (409 PLACE_CHANGE_NOT_CONSULTING unless it was consulted and has not replied yet;
     * 400 when {@code accepted} is missing, or a refusal without its reasons).
     */
    public void reply(Boolean accepted, String reasons, Instant now, ActorRef actor) {
        if (state != PlaceChangeState.CONSULTING) {
            throw TongxinException.conflict("PLACE_CHANGE_NOT_CONSULTING");
        }
        FieldProblems problems = new FieldProblems();
        if (accepted == null) {
            problems.add("accepted", "required");
        }
        String text = text(problems, "reason", reasons, Boolean.FALSE.equals(accepted));
        problems.throwIfAny();
        state = accepted ? PlaceChangeState.ACCEPTED : PlaceChangeState.REFUSED;
        replyReason = text;
        repliedAt = now;
        register(new NewAgencyReplied(UUID.randomUUID(), caseId, id, accepted, now, actor));
    }

    /**
     * The current county agency's decision (409 PLACE_CHANGE_NO_REPLY before the reply or after a decision; 422
     * PLACE_CHANGE_REFUSED_BY_NEW_AGENCY to approve what the new agency refused; 400 a refusal without its reasons).
     */
    public void decide(Boolean approved, String reasons, Instant now, ActorRef actor) {
        if (state != PlaceChangeState.ACCEPTED && state != PlaceChangeState.REFUSED) {
            throw TongxinException.conflict("PLACE_CHANGE_NO_REPLY");
        }
        FieldProblems problems = new FieldProblems();
        if (approved == null) {
            problems.add("approved", "required");
        }
        String text = text(problems, "reason", reasons, Boolean.FALSE.equals(approved));
        problems.throwIfAny();
        if (approved && state == PlaceChangeState.REFUSED) {
            throw TongxinException.rule("PLACE_CHANGE_REFUSED_BY_NEW_AGENCY");
        }
        state = approved ? PlaceChangeState.APPROVED : PlaceChangeState.NOT_APPROVED;
        decisionReason = text;
        decidedAt = now;
        register(new PlaceChangeDecided(UUID.randomUUID(), caseId, id, approved, now, actor));
    }

    /** Checks that the file may be sent now: approved (409 PLACE_CHANGE_NOT_APPROVED), once (409 PLACE_CHANGE_FILE_ALREADY_SENT). */
    public void requireFileUnsent() {
        if (state != PlaceChangeState.APPROVED) {
            throw TongxinException.conflict("PLACE_CHANGE_NOT_APPROVED");
        }
        if (fileHandoverId != null) {
            throw TongxinException.conflict("PLACE_CHANGE_FILE_ALREADY_SENT");
        }
    }

    /** The decision, legal documents and file were delivered to the new county agency by {@code handover}. */
    public void fileSent(HandoverId handover, Instant now, ActorRef actor) {
        requireFileUnsent();
        fileHandoverId = handover;
        fileSentAt = now;
        register(new PlaceChangeFileSent(UUID.randomUUID(), caseId, id, handover, now, actor));
    }

    /** The new county agency receipted the file: the case is its own now (409 PLACE_CHANGE_FILE_NOT_SENT before). */
    public void transferred(Instant now, ActorRef actor) {
        if (state != PlaceChangeState.APPROVED || fileHandoverId == null) {
            throw TongxinException.conflict("PLACE_CHANGE_FILE_NOT_SENT");
        }
        state = PlaceChangeState.TRANSFERRED;
        transferredAt = now;
        register(new PlaceChangeTransferred(
                UUID.randomUUID(), caseId, id, formerCountyAgencyId, newCountyAgencyId, now, actor));
    }

    /**
     * The subject reported at the new place (409 PLACE_CHANGE_NOT_TRANSFERRED before the file was receipted or after
     * the report; 400 without a time, or one in the future or before the file was receipted).
     */
    public void reported(Instant at, Instant now, ActorRef actor) {
        if (state != PlaceChangeState.TRANSFERRED) {
            throw TongxinException.conflict("PLACE_CHANGE_NOT_TRANSFERRED");
        }
        if (at == null) {
            throw TongxinException.invalid("reportedAt", "required");
        }
        if (at.isAfter(now)) {
            throw TongxinException.invalid("reportedAt", "past");
        }
        // Times are entered to the minute: a report in the decision's own minute is not before it.
        if (at.isBefore(decidedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw TongxinException.invalid("reportedAt", "beforeDecision");
        }
        state = PlaceChangeState.REPORTED;
        reportedAt = at;
        register(new SubjectReportedAtNewPlace(UUID.randomUUID(), caseId, id, at, now, actor));
    }

    /**
     * Checks that the new agency may forward the documents now: after it receipted the file (409
     * PLACE_CHANGE_NOT_TRANSFERRED), once (409 PLACE_CHANGE_ALREADY_FORWARDED).
     */
    public void requireForwardable() {
        if (state != PlaceChangeState.TRANSFERRED && state != PlaceChangeState.REPORTED) {
            throw TongxinException.conflict("PLACE_CHANGE_NOT_TRANSFERRED");
        }
        if (forwardHandoverId != null) {
            throw TongxinException.conflict("PLACE_CHANGE_ALREADY_FORWARDED");
        }
    }

    /** The new agency forwarded the legal documents to the procuratorate and police of its place (move.forward). */
    public void forwarded(HandoverId handover, Instant now, ActorRef actor) {
        requireForwardable();
        forwardHandoverId = handover;
        forwardedAt = now;
        register(new DocumentsForwardedAtNewPlace(UUID.randomUUID(), caseId, id, handover, now, actor));
    }

    private static String text(FieldProblems problems, String field, String value, boolean required) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.add(field, "required");
            }
            return null;
        }
        if (text.length() > MAX_TEXT) {
            problems.add(field, "maxLength", MAX_TEXT);
        }
        return text;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public AgencyId formerCountyAgencyId() {
        return formerCountyAgencyId;
    }

    public AgencyId newCountyAgencyId() {
        return newCountyAgencyId;
    }

    public LocalDate intendedMoveOn() {
        return intendedMoveOn;
    }

    public String reason() {
        return reason;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public PlaceChangeState state() {
        return state;
    }

    public Instant consultedAt() {
        return consultedAt;
    }

    public String replyReason() {
        return replyReason;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
    /** The consultation letter went out with the consultation (once). */
    public void consultationLetterIssued(java.util.UUID documentId) {
        if (consultedAt == null || consultationDocumentId != null) {
            throw new IllegalStateException("letter without a consultation, or twice");
        }
        consultationDocumentId = documentId;
    }

    /** The decision notice was issued with the decision (once). */
    public void decisionNoticeIssued(java.util.UUID documentId) {
        if (decidedAt == null || decisionDocumentId != null) {
            throw new IllegalStateException("notice without a decision, or twice");
        }
        decisionDocumentId = documentId;
    }

    public java.util.UUID consultationDocumentId() {
        return consultationDocumentId;
    }

    public java.util.UUID decisionDocumentId() {
        return decisionDocumentId;
    }

    public HandoverId fileHandoverId() {
        return fileHandoverId;
    }

    public Instant fileSentAt() {
        return fileSentAt;
    }

    public Instant transferredAt() {
        return transferredAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public HandoverId forwardHandoverId() {
        return forwardHandoverId;
    }

    public Instant forwardedAt() {
        return forwardedAt;
    }

    public int version() {
        return version;
    }
}
