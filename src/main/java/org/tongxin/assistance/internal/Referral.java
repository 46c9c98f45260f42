package org.tongxin.assistance.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceEvents.FirstContactRecorded;
import org.tongxin.assistance.AssistanceEvents.ProgressNoted;
import org.tongxin.assistance.AssistanceEvents.ReferralAccepted;
import org.tongxin.assistance.AssistanceEvents.ReferralCompleted;
import org.tongxin.assistance.AssistanceEvents.ReferralDeclined;
import org.tongxin.assistance.AssistanceEvents.ReferralPlaced;
import org.tongxin.assistance.AssistanceEvents.ReferralWithdrawn;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralStatus;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A referral to an assisting department and its state machine, like the case's (doc/style.md 7): delivered → accepted
 * (a place) or waiting (every declared place taken) → placed from the waiting list → in progress (first contact) →
 * completed; delivered → declined by the department or withdrawn by the referring agency. One method per transition,
 * each guarded by the state with its refusal code (409), each recording the event it causes;
 * {@link ReferralRepository#save} writes it under its version and the façade publishes {@link #pullEvents()}. Whether a
 * place is free is the capacity's question, answered before {@link #accept}; the texts' validation is the façade's.
 */
public final class Referral extends AggregateRoot {

    final ReferralId id;
    final CaseId caseId;
    final AssistanceService service;
    final AgencyId from;
    final AgencyId to;
    final int version;
    ReferralStatus status;
    Instant answeredAt;
    String answeredByName;
    Instant waitingSince;
    Instant placedAt;
    Instant firstContactAt;
    int progressNotes;
    Instant closedAt;
    Boolean delivered;
    /** Texts given by this change (null: unchanged); the stored ones stay sealed where they are. */
    String declineReason;

    String withdrawalReason;
    String outcomeNote;
    Instant updatedAt;

    Referral(
            ReferralId id,
            CaseId caseId,
            AssistanceService service,
            AgencyId from,
            AgencyId to,
            ReferralStatus status,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.service = service;
        this.from = from;
        this.to = to;
        this.status = status;
        this.version = version;
    }

    /** The referral as stored, to change it. */
    public static Referral of(ReferralRepository.Row r) {
        Referral referral = new Referral(r.id(), r.caseId(), r.service(), r.from(), r.to(), r.status(), r.version());
        referral.answeredAt = r.answeredAt();
        referral.answeredByName = r.answeredByName();
        referral.waitingSince = r.waitingSince();
        referral.placedAt = r.placedAt();
        referral.firstContactAt = r.firstContactAt();
        referral.progressNotes = r.progressNotes();
        referral.closedAt = r.closedAt();
        referral.delivered = r.delivered();
        referral.updatedAt = r.updatedAt();
        return referral;
    }

    /** The referring agency takes it back before the department answered. */
    public void withdraw(String reason, Instant now, ActorRef actor) {
        if (status != ReferralStatus.DELIVERED) {
            throw TongxinException.conflict("REFERRAL_ALREADY_ANSWERED");
        }
        status = ReferralStatus.WITHDRAWN;
        withdrawalReason = reason;
        closedAt = now;
        changed(now);
        register(new ReferralWithdrawn(UUID.randomUUID(), id, caseId, service, from, to, now, actor));
    }

    /** The department accepts: with a free place the subject is placed at once, else joins the waiting list. */
    public void accept(boolean placeFree, String byName, Instant now, ActorRef actor) {
        requireDelivered();
        answeredAt = now;
        answeredByName = byName;
        if (placeFree) {
            status = ReferralStatus.ACCEPTED;
            placedAt = now;
        } else {
            status = ReferralStatus.WAITING;
            waitingSince = now;
        }
        changed(now);
        register(new ReferralAccepted(UUID.randomUUID(), id, caseId, service, from, to, now, actor));
        if (placeFree) {
            register(new ReferralPlaced(UUID.randomUUID(), id, caseId, service, from, to, false, now, actor));
        }
    }

    /** A place came free (more declared, or another referral ended): the first waiting referral gets it. */
    public void placeFromWaitingList(Instant now, ActorRef actor) {
        if (status != ReferralStatus.WAITING) {
            throw TongxinException.conflict("REFERRAL_NOT_WAITING");
        }
        status = ReferralStatus.ACCEPTED;
        placedAt = now;
        changed(now);
        register(new ReferralPlaced(UUID.randomUUID(), id, caseId, service, from, to, true, now, actor));
    }

    /** The department declines, with the reason the referring agency reads. */
    public void decline(String reason, String byName, Instant now, ActorRef actor) {
        requireDelivered();
        status = ReferralStatus.DECLINED;
        answeredAt = now;
        answeredByName = byName;
        declineReason = reason;
        closedAt = now;
        changed(now);
        register(new ReferralDeclined(UUID.randomUUID(), id, caseId, service, from, to, now, actor));
    }

    /** The first contact with the subject: the assistance is under way. */
    public void recordFirstContact(Instant now, ActorRef actor) {
        if (status != ReferralStatus.ACCEPTED) {
            throw TongxinException.conflict(
                    status == ReferralStatus.WAITING ? "REFERRAL_WAITING" : "REFERRAL_NOT_ACCEPTED");
        }
        status = ReferralStatus.IN_PROGRESS;
        firstContactAt = now;
        changed(now);
        register(new FirstContactRecorded(UUID.randomUUID(), id, caseId, service, from, to, now, actor));
    }

    /** One more progress note while the subject holds a place; returns its number. */
    public int noteProgress(Instant now, ActorRef actor) {
        requirePlaced();
        progressNotes++;
        changed(now);
        register(new ProgressNoted(UUID.randomUUID(), id, caseId, service, from, to, progressNotes, now, actor));
        return progressNotes;
    }

    /** The outcome: delivered or not, with a note; the place it held is free again. */
    public void complete(boolean wasDelivered, String note, Instant now, ActorRef actor) {
        requirePlaced();
        status = ReferralStatus.COMPLETED;
        delivered = wasDelivered;
        outcomeNote = note;
        closedAt = now;
        changed(now);
        register(new ReferralCompleted(UUID.randomUUID(), id, caseId, service, from, to, wasDelivered, now, actor));
    }

    private void requireDelivered() {
        if (status != ReferralStatus.DELIVERED) {
            throw TongxinException.conflict("REFERRAL_NOT_DELIVERED");
        }
    }

    private void requirePlaced() {
        if (!status.placed()) {
            throw TongxinException.conflict(
                    status == ReferralStatus.WAITING ? "REFERRAL_WAITING" : "REFERRAL_NOT_RUNNING");
        }
    }

    private void changed(Instant now) {
        updatedAt = now;
    }

    /** The events of the transitions since the last call, once. */
    public ReferralStatus status() {
        return status;
    }

    public int version() {
        return version;
    }
}
