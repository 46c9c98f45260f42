package org.tongxin.procedure.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.procedure.TerminationEvents;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * The end of one case as the county agency deals with it (CCL arts. 44, 45; IM arts. 54, 56): a case terminated on
 * expiry or pardon gets its certificate (解除社区矫正证明书) and the notice to the decision organ with copies to the
 * procuratorate and police; a death gets the notice of death; a revocation is recorded for the archive (the ruling organ
 * serves its ruling). Each notice is made once. Refusals: 409 ENDING_NOT_TERMINATION, ENDING_NOT_DEATH, ALREADY_NOTIFIED.
 */
public final class CaseEnding extends AggregateRoot {

    /** How correction ended. */
    public enum Kind {
        TERMINATED,
        DECEASED,
        REVOKED
    }

    final CaseId caseId;
    final Kind kind;
    final LocalDate endedOn;
    UUID documentId;
    UUID handoverId;
    Instant notifiedAt;
    final Instant createdAt;
    int version;

    CaseEnding(
            CaseId caseId,
            Kind kind,
            LocalDate endedOn,
            UUID documentId,
            UUID handoverId,
            Instant notifiedAt,
            Instant createdAt,
            int version) {
        this.caseId = caseId;
        this.kind = kind;
        this.endedOn = endedOn;
        this.documentId = documentId;
        this.handoverId = handoverId;
        this.notifiedAt = notifiedAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** The case ended this way on that day. */
    public static CaseEnding ended(CaseId caseId, Kind kind, LocalDate endedOn, Instant now) {
        if (caseId == null || kind == null || endedOn == null) {
            throw new IllegalArgumentException("case, kind and day are required");
        }
        return new CaseEnding(caseId, kind, endedOn, null, null, null, now, 0);
    }

    /** The certificate was issued and the decision organ, procuratorate and police notified (CCL art. 44). */
    public void certified(UUID certificate, UUID notice, Instant now, ActorRef actor) {
        if (kind != Kind.TERMINATED) {
            throw TongxinException.conflict("ENDING_NOT_TERMINATION");
        }
        notified(certificate, notice, now);
        register(
                new TerminationEvents.TerminationCertified(UUID.randomUUID(), caseId, certificate, notice, now, actor));
    }

    /** The decision organ, procuratorate and police were told of the subject's death (CCL arts. 45, 51; IM art. 56). */
    public void deathNotified(UUID notice, UUID handover, Instant now, ActorRef actor) {
        if (kind != Kind.DECEASED) {
            throw TongxinException.conflict("ENDING_NOT_DEATH");
        }
        notified(notice, handover, now);
        register(new TerminationEvents.DeathNotified(UUID.randomUUID(), caseId, handover, now, actor));
    }

    private void notified(UUID document, UUID handover, Instant now) {
        if (notifiedAt != null) {
            throw TongxinException.conflict("ALREADY_NOTIFIED");
        }
        if (document == null || handover == null) {
            throw new IllegalArgumentException("the document and the handover are required");
        }
        this.documentId = document;
        this.handoverId = handover;
        this.notifiedAt = now;
    }

    public CaseId caseId() {
        return caseId;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public UUID documentId() {
        return documentId;
    }

    public UUID handoverId() {
        return handoverId;
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public int version() {
        return version;
    }
}
