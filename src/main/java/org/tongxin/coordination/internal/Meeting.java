package org.tongxin.coordination.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.CoordinationEvents.MeetingConvened;
import org.tongxin.coordination.CoordinationEvents.MeetingHeld;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.AgendaItem;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A joint meeting (联席会议) and its state machine, like the case's (doc/style.md 7): convened (its notice numbered, its
 * attendees and agenda set) → held (its minutes recorded and numbered; the minutes may be amended) → closed; or
 * cancelled before it was held. While convened a conflict may be taken onto its agenda; while held it takes decisions,
 * each a {@link Decision} of its own (the named agency reports it done later, whatever became of the meeting). One
 * method per transition, each guarded by the status, each recording the event it causes; {@link MeetingRepository#save}
 * writes it under its version and the façade publishes {@link #pullEvents()}. A refusal is a {@link TongxinException}
 * with a code (409 for the wrong status, 422 for a rule): the meeting is then unchanged. Validation of the texts and of
 * the agencies and cases named is the façade's (field problems, 400).
 */
public final class Meeting extends AggregateRoot {

    final MeetingId id;
    final AgencyId convenor;
    final String policyRegion;
    final String title;
    final Instant scheduledAt;
    final String place;
    final UUID createdBy;
    final Instant createdAt;
    final int version;
    /** The attending agencies, in the order they were given; new ones are added by {@link #takeConflict}. */
    final Set<AgencyId> attendees;
    /** The agenda in its order; the first {@link #agendaStored} items are stored already. */
    final List<AgendaItem> agenda;

    final int agendaStored;
    MeetingStatus status;
    String minutes;
    Instant heldAt;
    Instant closedAt;
    Instant cancelledAt;
    String cancelReason;
    /** Numbers given by this change (null: none, or kept as stored: a number is given once and never changes). */
    String noticeNumber;

    String minutesNumber;
    Instant updatedAt;

    private Meeting(
            MeetingId id,
            AgencyId convenor,
            String policyRegion,
            String title,
            Instant scheduledAt,
            String place,
            UUID createdBy,
            Instant createdAt,
            int version,
            MeetingStatus status,
            Collection<AgencyId> attendees,
            List<AgendaItem> agenda,
            int agendaStored) {
        this.id = id;
        this.convenor = convenor;
        this.policyRegion = policyRegion;
        this.title = title;
        this.scheduledAt = scheduledAt;
        this.place = place;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
        this.status = status;
        this.attendees = new LinkedHashSet<>(attendees);
        this.agenda = new ArrayList<>(agenda);
        this.agendaStored = agendaStored;
        this.updatedAt = createdAt;
    }

    /** What the convenor puts on the agenda; the positions are the meeting's. */
    public record AgendaEntry(
            AgendaKind kind, String topic, CaseId caseId, ConflictId conflictId, DecisionId decisionId) {}

    /**
     * Convenes a meeting of the coordination office {@code convenor}: its notice is issued with it ({@code noticeNumber}),
     * the agencies invited (never the convenor itself), the agenda in the order given. The façade checked the texts, the
     * agencies, the cases and the conflicts.
     */
    public static Meeting convene(
            MeetingId id,
            AgencyId convenor,
            String policyRegion,
            String title,
            Instant scheduledAt,
            String place,
            UUID createdBy,
            String noticeNumber,
            Collection<AgencyId> attendees,
            List<AgendaEntry> agenda,
            Instant now,
            ActorRef actor) {
        Set<AgencyId> invited = new LinkedHashSet<>(attendees);
        invited.remove(convenor);
        List<AgendaItem> items = new ArrayList<>();
        for (AgendaEntry e : agenda) {
            items.add(
                    new AgendaItem(items.size() + 1, e.kind(), e.topic(), e.caseId(), e.conflictId(), e.decisionId()));
        }
        Meeting m = new Meeting(
                id,
                convenor,
                policyRegion,
                title,
                scheduledAt,
                place,
                createdBy,
                now,
                0,
                MeetingStatus.CONVENED,
                invited,
                items,
                0);
        m.noticeNumber = noticeNumber;
        m.register(new MeetingConvened(UUID.randomUUID(), id, convenor, scheduledAt, List.copyOf(invited), now, actor));
        return m;
    }

    /** The meeting as stored, to change it. */
    public static Meeting of(MeetingView v) {
        Meeting m = new Meeting(
                v.id(),
                v.convenor(),
                v.policyRegion(),
                v.title(),
                v.scheduledAt(),
                v.place(),
                v.createdBy(),
                v.createdAt(),
                v.version(),
                v.status(),
                v.attendees(),
                v.agenda(),
                v.agenda().size());
        m.minutes = v.minutes();
        m.heldAt = v.heldAt();
        m.closedAt = v.closedAt();
        m.cancelledAt = v.cancelledAt();
        m.cancelReason = v.cancelReason();
        return m;
    }

    /**
     * Takes a conflict of the register onto the agenda of a meeting not yet held; its {@code parties} are invited (the
     * convenor is not its own guest).
     */
    public void takeConflict(ConflictId conflict, Collection<AgencyId> parties, Instant now) {
        requireConvened();
        agenda.add(new AgendaItem(agenda.size() + 1, AgendaKind.CONFLICT, null, null, conflict, null));
        parties.stream().filter(p -> !p.equals(convenor)).forEach(attendees::add);
        updatedAt = now;
    }

    /**
     * CONVENED → HELD: the meeting took place (not before its time, 422 MEETING_NOT_YET_HELD) and its minutes were
     * recorded; {@code decisions} are the number taken with them (each then {@link #decide}).
     */
    public void hold(String text, int decisions, Instant now, ActorRef actor) {
        requireConvened();
        if (now.isBefore(scheduledAt)) {
            throw TongxinException.rule("MEETING_NOT_YET_HELD");
        }
        status = MeetingStatus.HELD;
        minutes = text;
        heldAt = scheduledAt;
        updatedAt = now;
        register(new MeetingHeld(UUID.randomUUID(), id, convenor, heldAt, decisions, now, actor));
    }

    /** The minutes of the held meeting are issued with their number; a number once given is kept (by the repository). */
    public void issueMinutes(String number) {
        requireHeld();
        minutesNumber = number;
    }

    /** The minutes of a held meeting, amended until it is closed (they keep their number). */
    public void amendMinutes(String text, Instant now) {
        requireHeld();
        minutes = text;
        updatedAt = now;
    }

    /**
     * A decision of the held meeting: what, the agency named, optionally a case, by when ({@code tracked}: an obligation
     * of the ledger follows it). The meeting's version moves with it, so a form read before is stale.
     */
    public Decision decide(
            DecisionId decision,
            String text,
            AgencyId owing,
            CaseId caseId,
            LocalDate due,
            boolean tracked,
            Instant now,
            ActorRef actor) {
        requireHeld();
        updatedAt = now;
        return Decision.record(decision, id, text, owing, caseId, due, tracked, now, actor);
    }

    /** HELD → CLOSED: no more decisions (those taken stay tracked). */
    public void close(Instant now) {
        requireHeld();
        status = MeetingStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
    }

    /** CONVENED → CANCELLED, with the reason. */
    public void cancel(String reason, Instant now) {
        requireConvened();
        status = MeetingStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
        updatedAt = now;
    }

    /** The guard of the transitions of a meeting not yet held; the façade asks it first where it answered so before. */
    public void requireConvened() {
        if (status != MeetingStatus.CONVENED) {
            throw TongxinException.conflict("MEETING_NOT_CONVENED");
        }
    }

    /** The guard of the transitions of a held meeting; the façade asks it first where it answered so before. */
    public void requireHeld() {
        if (status != MeetingStatus.HELD) {
            throw TongxinException.conflict("MEETING_NOT_HELD");
        }
    }

    public MeetingId id() {
        return id;
    }

    public AgencyId convenor() {
        return convenor;
    }

    public String policyRegion() {
        return policyRegion;
    }

    public MeetingStatus status() {
        return status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public int version() {
        return version;
    }
}
