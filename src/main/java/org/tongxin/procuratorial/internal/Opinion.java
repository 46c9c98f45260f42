package org.tongxin.procuratorial.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.procuratorial.OpinionEvents;
import org.tongxin.procuratorial.OpinionKind;
import org.tongxin.procuratorial.OpinionStatus;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A correction opinion or procuratorial suggestion (CCL art. 62) and the addressed unit's written reply: issued →
 * replied, once. Refusals: 400 for missing words (the opinion's content; the reasons of a reply not adopting it), 409
 * ALREADY_REPLIED, 422 OPINION_TO_ITSELF (a procuratorate does not address itself).
 */
public final class Opinion extends AggregateRoot {

    public static final int MIN_TEXT = 10;
    public static final int MAX_TEXT = 3000;

    final UUID id;
    final CaseId caseId;
    final OpinionKind kind;
    final AgencyId procuratorateId;
    final AgencyId addressedAgencyId;
    final String stepId;
    final UUID handoverId;
    final Instant issuedAt;
    OpinionStatus status;
    Boolean adopted;
    Instant repliedAt;
    int version;

    Opinion(
            UUID id,
            CaseId caseId,
            OpinionKind kind,
            AgencyId procuratorateId,
            AgencyId addressedAgencyId,
            String stepId,
            UUID handoverId,
            Instant issuedAt,
            OpinionStatus status,
            Boolean adopted,
            Instant repliedAt,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.kind = kind;
        this.procuratorateId = procuratorateId;
        this.addressedAgencyId = addressedAgencyId;
        this.stepId = stepId;
        this.handoverId = handoverId;
        this.issuedAt = issuedAt;
        this.status = status;
        this.adopted = adopted;
        this.repliedAt = repliedAt;
        this.version = version;
    }

    /** Issues an opinion; {@code content} is checked here and stored encrypted by the caller. */
    public static Opinion issue(
            CaseId caseId,
            OpinionKind kind,
            AgencyId procuratorate,
            AgencyId addressed,
            String stepId,
            UUID handoverId,
            String content,
            Instant now,
            ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (kind == null) {
            problems.add("kind", "required");
        }
        if (addressed == null) {
            problems.add("addressedAgencyId", "required");
        }
        text(content, "content", problems);
        problems.throwIfAny();
        if (addressed.equals(procuratorate)) {
            throw TongxinException.rule("OPINION_TO_ITSELF");
        }
        Opinion o = new Opinion(
                UUID.randomUUID(),
                caseId,
                kind,
                procuratorate,
                addressed,
                stepId,
                handoverId,
                now,
                OpinionStatus.AWAITING_REPLY,
                null,
                null,
                0);
        o.register(new OpinionEvents.OpinionIssued(
                UUID.randomUUID(), caseId, o.id, kind, procuratorate, addressed, now, actor));
        return o;
    }

    /** The addressed unit's written reply: adopted, or not with its reasons (required then). */
    public void reply(Boolean adoptedIt, String reasons, boolean onTime, Instant now, ActorRef actor) {
        if (status == OpinionStatus.REPLIED) {
            throw TongxinException.conflict("ALREADY_REPLIED");
        }
        FieldProblems problems = new FieldProblems();
        if (adoptedIt == null) {
            problems.add("adopted", "required");
        } else if (!adoptedIt) {
            text(reasons, "reasons", problems);
        } else if (reasons != null && reasons.length() > MAX_TEXT) {
            problems.add("reasons", "maxLength", MAX_TEXT);
        }
        problems.throwIfAny();
        status = OpinionStatus.REPLIED;
        adopted = adoptedIt;
        repliedAt = now;
        register(new OpinionEvents.OpinionReplied(UUID.randomUUID(), caseId, id, adoptedIt, onTime, now, actor));
    }

    private static void text(String value, String field, FieldProblems problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(field, "required");
        } else if (v.length() < MIN_TEXT) {
            problems.add(field, "minLength", MIN_TEXT);
        } else if (v.length() > MAX_TEXT) {
            problems.add(field, "maxLength", MAX_TEXT);
        }
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public OpinionKind kind() {
        return kind;
    }

    public AgencyId procuratorateId() {
        return procuratorateId;
    }

    public AgencyId addressedAgencyId() {
        return addressedAgencyId;
    }

    public String stepId() {
        return stepId;
    }

    public UUID handoverId() {
        return handoverId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public OpinionStatus status() {
        return status;
    }

    public Boolean adopted() {
        return adopted;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    public int version() {
        return version;
    }
}
