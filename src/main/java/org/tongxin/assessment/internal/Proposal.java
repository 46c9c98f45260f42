package org.tongxin.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.assessment.ArrestStatus;
import org.tongxin.assessment.AssessmentEvents;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ProposalStatus;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A proposal of the county agency to another organ and that organ's decisions (CCL arts. 28, 46–49): submitted with or
 * without an arrest request; the court decides the arrest (48 hours), the police execute it; the receiver rules (granted
 * or refused); an arrested subject is released when not revoked or when the 30 days run out; the police deliver a revoked
 * subject to prison. Each transition guards its state (409 with a code) and registers its event.
 */
public final class Proposal extends AggregateRoot {

    private final ProposalId id;
    private final CaseId caseId;
    private final ResponseKind kind;
    private final AgencyId receiver;
    private ProposalStatus status;
    private ArrestStatus arrest;
    private Instant arrestedAt;
    private Instant releasedAt;
    private LocalDate ruledOn;
    private Instant committedAt;
    private AgencyId institution;
    private final int version;
    private LocalDate newTermEnd;

    Proposal(
            ProposalId id,
            CaseId caseId,
            ResponseKind kind,
            AgencyId receiver,
            ProposalStatus status,
            ArrestStatus arrest,
            Instant arrestedAt,
            Instant releasedAt,
            LocalDate ruledOn,
            Instant committedAt,
            AgencyId institution,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.kind = kind;
        this.receiver = receiver;
        this.status = status;
        this.arrest = arrest;
        this.arrestedAt = arrestedAt;
        this.releasedAt = releasedAt;
        this.ruledOn = ruledOn;
        this.committedAt = committedAt;
        this.institution = institution;
        this.version = version;
    }

    /** A proposal delivered to {@code receiver}; an arrest may be requested only with a revocation proposal. */
    public static Proposal submit(
            ProposalId id,
            CaseId caseId,
            ResponseKind kind,
            AgencyId receiver,
            boolean withArrest,
            String reasons,
            Instant now,
            ActorRef actor) {
        if (kind == null || !kind.proposal()) {
            throw TongxinException.invalid("kind", "notAProposal");
        }
        if (withArrest && kind != ResponseKind.REVOCATION) {
            throw TongxinException.rule("ARREST_ONLY_WITH_REVOCATION");
        }
        Proposal p = new Proposal(
                id,
                caseId,
                kind,
                receiver,
                ProposalStatus.SUBMITTED,
                withArrest ? ArrestStatus.REQUESTED : ArrestStatus.NONE,
                null,
                null,
                null,
                null,
                null,
                0);
        p.register(new AssessmentEvents.ProposalSubmitted(
                UUID.randomUUID(), id, caseId, kind, withArrest, receiver, reasons, now, actor));
        return p;
    }

    /** The court decides on the arrest request (CCL art. 47: within 48 hours). */
    public void decideArrest(boolean approve, Instant now, ActorRef actor) {
        requireSubmitted();
        if (arrest != ArrestStatus.REQUESTED) {
            throw TongxinException.conflict(
                    arrest == ArrestStatus.NONE ? "NO_ARREST_REQUESTED" : "ARREST_ALREADY_DECIDED");
        }
        arrest = approve ? ArrestStatus.APPROVED : ArrestStatus.REFUSED;
        register(new AssessmentEvents.ArrestDecided(UUID.randomUUID(), id, caseId, approve, now, actor));
    }

    /** The police executed the arrest the court decided. */
    public void executeArrest(Instant at, Instant now, ActorRef actor) {
        requireSubmitted();
        if (arrest != ArrestStatus.APPROVED) {
            throw TongxinException.conflict(
                    arrest == ArrestStatus.EXECUTED ? "ALREADY_ARRESTED" : "ARREST_NOT_APPROVED");
        }
        arrest = ArrestStatus.EXECUTED;
        arrestedAt = at;
        register(new AssessmentEvents.ArrestExecuted(UUID.randomUUID(), id, caseId, at, now, actor));
    }

    /**
     * The receiver rules or decides. An arrest request must be decided first (409 ARREST_DECISION_PENDING); a refusal
     * releases an arrested subject at once (CCL art. 48). Returns whether the subject must be released.
     */
    public boolean rule(boolean granted, LocalDate on, Instant now, ActorRef actor) {
        requireSubmitted();
        if (granted && kind == ResponseKind.COMMUTATION && newTermEnd == null) {
            throw TongxinException.invalid("termEnd", "required");
        }
        if (arrest == ArrestStatus.REQUESTED) {
            throw TongxinException.conflict("ARREST_DECISION_PENDING");
        }
        boolean release = !granted && arrest == ArrestStatus.EXECUTED;
        status = granted ? ProposalStatus.GRANTED : ProposalStatus.REFUSED;
        ruledOn = on;
        if (release) {
            arrest = ArrestStatus.RELEASED;
            releasedAt = now;
        }
        register(new AssessmentEvents.ProposalRuled(UUID.randomUUID(), id, caseId, kind, granted, on, now, actor));
        return release;
    }

    /** The 30 days of custody ran out before the ruling: the subject is released (CCL art. 47). */
    public void releaseAtCustodyLimit(Instant now, ActorRef actor) {
        requireSubmitted();
        if (arrest != ArrestStatus.EXECUTED) {
            throw TongxinException.conflict("NOT_ARRESTED");
        }
        arrest = ArrestStatus.RELEASED;
        releasedAt = now;
        register(new AssessmentEvents.ReleasedAtCustodyLimit(UUID.randomUUID(), id, caseId, now, actor));
    }

    /** The police delivered the revoked subject (or the one taken into custody) to {@code institution}. */
    public void commit(AgencyId institution, Instant at, Instant now, ActorRef actor) {
        if (kind == ResponseKind.POLICE_PENALTY || kind == ResponseKind.COMMUTATION) {
            throw TongxinException.conflict("NOTHING_TO_COMMIT");
        }
        if (status == ProposalStatus.COMMITTED) {
            throw TongxinException.conflict("ALREADY_COMMITTED");
        }
        if (status != ProposalStatus.GRANTED) {
            throw TongxinException.conflict("PROPOSAL_NOT_GRANTED");
        }
        status = ProposalStatus.COMMITTED;
        committedAt = at;
        this.institution = institution;
        register(new AssessmentEvents.SubjectCommitted(UUID.randomUUID(), id, caseId, institution, now, actor));
    }

    /**
     * The term's new last day a sentence-reduction ruling sets (CCL art. 33): only on a commutation proposal still before
     * the court, earlier than the current last day (422 TERM_END_NOT_REDUCED).
     */
    public void reduceTermTo(LocalDate end, LocalDate currentEnd) {
        requireSubmitted();
        if (kind != ResponseKind.COMMUTATION) {
            throw TongxinException.invalid("termEnd", "notACommutation");
        }
        if (end == null) {
            throw TongxinException.invalid("termEnd", "required");
        }
        if (currentEnd != null && !end.isBefore(currentEnd)) {
            throw TongxinException.rule("TERM_END_NOT_REDUCED");
        }
        newTermEnd = end;
    }

    public LocalDate newTermEnd() {
        return newTermEnd;
    }

    private void requireSubmitted() {
        if (status != ProposalStatus.SUBMITTED) {
            throw TongxinException.conflict("PROPOSAL_ALREADY_DECIDED");
        }
    }

    public ProposalId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public ResponseKind kind() {
        return kind;
    }

    public AgencyId receiver() {
        return receiver;
    }

    public ProposalStatus status() {
        return status;
    }

    public ArrestStatus arrest() {
        return arrest;
    }

    public Instant arrestedAt() {
        return arrestedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public LocalDate ruledOn() {
        return ruledOn;
    }

    public Instant committedAt() {
        return committedAt;
    }

    public AgencyId institution() {
        return institution;
    }

    public int version() {
        return version;
    }
}
