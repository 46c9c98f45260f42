package org.tongxin.exchange.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverEvents.HandoverDelivered;
import org.tongxin.exchange.HandoverEvents.HandoverReceipted;
import org.tongxin.exchange.HandoverEvents.HandoverRejected;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.Participation;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A handover (送达) and its state machine, like the case's (doc/style.md 7): prepared → delivered (round 1) → receipted
 * (回执), or → rejected → supplemented (delivered again, the next round) → …; a prepared bundle may be cancelled. One
 * method per transition, each guarded by the state with the refusal code the exchange has always answered (409), each
 * recording the event it causes; {@link HandoverRepository#save} writes it under its version and the façade publishes
 * {@link #pullEvents()}. A refusal leaves the handover unchanged. Who may call which transition (the sender, the
 * receiver) and the validation of what a person typed are the façade's ({@code Handovers}).
 */
public final class Handover extends AggregateRoot {

    final HandoverId id;
    final CaseId caseId;
    final HandoverKind kind;
    final String stepId;
    final AgencyId sender;
    final AgencyId receiver;
    /** Copy recipients (抄送) with the time the bundle reached them, in the stored order. */
    final List<Copy> copies;

    final EnumSet<Participation> audience;
    final Instant createdAt;
    final int version;
    final List<Item> items;
    HandoverStatus status;
    int round;
    Instant firstDeliveredAt;
    Instant lastDeliveredAt;
    Instant answeredAt;
    UUID receiptDocumentId;
    Instant updatedAt;
    /** Given by this change, written by the next save: a new bundle's note and author, items, a delivery, an answer. */
    String note;

    UUID preparedBy;
    final List<Item> added = new ArrayList<>();
    Delivery delivery;
    Answer answer;

    Handover(
            HandoverId id,
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            AgencyId sender,
            AgencyId receiver,
            List<Copy> copies,
            Set<Participation> audience,
            Instant createdAt,
            int version,
            List<Item> items,
            HandoverStatus status,
            int round) {
        this.id = id;
        this.caseId = caseId;
        this.kind = kind;
        this.stepId = stepId;
        this.sender = sender;
        this.receiver = receiver;
        this.copies = new ArrayList<>(copies);
        this.audience = audience.isEmpty() ? EnumSet.noneOf(Participation.class) : EnumSet.copyOf(audience);
        this.createdAt = createdAt;
        this.version = version;
        this.items = new ArrayList<>(items);
        this.status = status;
        this.round = round;
        this.updatedAt = createdAt;
    }

    /** A document in the bundle; the title is known only when this change adds it (a stored one stays sealed). */
    public record Item(UUID id, ItemCode code, String title, UUID documentId, int addedRound) {}

    /** A copy recipient and when the bundle reached it ({@code null}: not delivered yet). */
    public record Copy(AgencyId agency, Instant deliveredAt) {}

    /** Who delivers or answers a round, as the round records them. */
    public record Person(UUID userId, String name) {}

    /** A round this change delivers. */
    record Delivery(int round, Instant at, Person by) {}

    /** The receiver's answer to the current round given by this change, with the problems a rejection names. */
    record Answer(int round, HandoverStatus outcome, Instant at, Person by, String note, List<Problem> problems) {}

    /**
     * Puts a bundle together (PREPARED, round 0): the façade checked the agencies, the items and the note. Copies go to
     * the other agencies named, each once (never the sender or the receiver).
     */
    public static Handover prepare(
            HandoverId id,
            CaseId caseId,
            HandoverKind kind,
            String stepId,
            AgencyId sender,
            AgencyId receiver,
            List<AgencyId> copies,
            Set<Participation> audience,
            List<NewItem> items,
            String note,
            UUID preparedBy,
            Instant now) {
        List<Copy> recipients = copies.stream()
                .filter(Objects::nonNull)
                .filter(c -> !c.equals(sender) && !c.equals(receiver))
                .distinct()
                .map(c -> new Copy(c, null))
                .toList();
        Handover h = new Handover(
                id,
                caseId,
                kind,
                stepId,
                sender,
                receiver,
                recipients,
                audience,
                now,
                0,
                List.of(),
                HandoverStatus.PREPARED,
                0);
        h.note = note;
        h.preparedBy = preparedBy;
        items.forEach(item -> h.add(item, 0));
        return h;
    }

    /**
     * Delivers a prepared bundle: round 1, the copies reach their recipients. Only a complete bundle goes: at least one
     * item and every kind of document the handover's kind requires (400 {@code handoverIncomplete} naming the missing).
     */
    public void deliver(Person by, Instant now, ActorRef actor) {
        requirePrepared();
        List<String> missing = missingKinds();
        if (items.isEmpty() || !missing.isEmpty()) {
            throw TongxinException.invalid("items", "handoverIncomplete", String.join(", ", missing));
        }
        deliverRound(1, by, now, actor);
    }

    /** The sender answers a rejection with the missing or corrected items and delivers again: the next round. */
    public void supplement(List<NewItem> supplied, Person by, Instant now, ActorRef actor) {
        if (status != HandoverStatus.REJECTED) {
            throw TongxinException.conflict("HANDOVER_NOT_REJECTED");
        }
        int next = round + 1;
        supplied.forEach(item -> add(item, next));
        deliverRound(next, by, now, actor);
    }

    /**
     * The receiver acknowledges the delivered bundle as complete. The receipt (回执) is issued by {@code receiptDocument}
     * once the state allows it (the façade's document generation, which may still refuse the input it was given).
     */
    public void receipt(String answerNote, Person by, Instant now, ActorRef actor, Supplier<UUID> receiptDocument) {
        requireDelivered();
        UUID document = receiptDocument.get();
        answer(HandoverStatus.RECEIPTED, answerNote, List.of(), by, now);
        receiptDocumentId = document;
        register(new HandoverReceipted(
                UUID.randomUUID(),
                id,
                caseId,
                kind,
                stepId,
                round,
                sender,
                receiver,
                document,
                EnumSet.copyOf(audience),
                now,
                actor));
    }

    /** The receiver names what is missing or defective; the sender must supplement. */
    public void reject(List<Problem> problems, String answerNote, Person by, Instant now, ActorRef actor) {
        requireDelivered();
        answer(HandoverStatus.REJECTED, answerNote, problems, by, now);
        register(new HandoverRejected(
                UUID.randomUUID(),
                id,
                caseId,
                kind,
                stepId,
                round,
                sender,
                receiver,
                problems.size(),
                EnumSet.copyOf(audience),
                now,
                actor));
    }

    /** Withdraws a bundle that was never delivered. */
    public void cancel(Instant now) {
        requirePrepared();
        status = HandoverStatus.CANCELLED;
        updatedAt = now;
    }

    private void deliverRound(int number, Person by, Instant now, ActorRef actor) {
        status = HandoverStatus.DELIVERED;
        round = number;
        if (firstDeliveredAt == null) {
            firstDeliveredAt = now;
        }
        lastDeliveredAt = now;
        updatedAt = now;
        delivery = new Delivery(number, now, by);
        copies.replaceAll(c -> c.deliveredAt() == null ? new Copy(c.agency(), now) : c);
        register(new HandoverDelivered(
                UUID.randomUUID(),
                id,
                caseId,
                kind,
                stepId,
                number,
                sender,
                receiver,
                copies.stream().map(Copy::agency).toList(),
                EnumSet.copyOf(audience),
                now,
                actor));
    }

    private void answer(HandoverStatus outcome, String answerNote, List<Problem> problems, Person by, Instant now) {
        status = outcome;
        answeredAt = now;
        updatedAt = now;
        answer = new Answer(round, outcome, now, by, answerNote, List.copyOf(problems));
    }

    private void add(NewItem item, int addedRound) {
        Item added = new Item(UUID.randomUUID(), item.code(), item.title(), item.documentId(), addedRound);
        items.add(added);
        this.added.add(added);
    }

    private List<String> missingKinds() {
        Set<ItemCode> present = EnumSet.noneOf(ItemCode.class);
        items.forEach(i -> present.add(i.code()));
        return kind.required().stream()
                .filter(code -> !present.contains(code))
                .map(Enum::name)
                .sorted()
                .toList();
    }

    private void requirePrepared() {
        if (status != HandoverStatus.PREPARED) {
            throw TongxinException.conflict("HANDOVER_NOT_PREPARED");
        }
    }

    private void requireDelivered() {
        if (status != HandoverStatus.DELIVERED) {
            throw TongxinException.conflict("HANDOVER_NOT_DELIVERED");
        }
    }

    public HandoverId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public AgencyId sender() {
        return sender;
    }

    public AgencyId receiver() {
        return receiver;
    }

    /** Whether the agency receives a copy of the bundle (delivered or not yet). */
    public boolean copiedTo(AgencyId agency) {
        return copies.stream().anyMatch(c -> c.agency().equals(agency));
    }

    public HandoverStatus status() {
        return status;
    }

    public int round() {
        return round;
    }

    public int version() {
        return version;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }
}
