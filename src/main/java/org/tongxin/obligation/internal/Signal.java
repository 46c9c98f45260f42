package org.tongxin.obligation.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tongxin.agency.AgencyId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.shared.security.ActorRef;

/**
 * A command to the ledger about one obligation — fulfil, lapse, pause, resume, reassign, or let every obligation of a
 * case lapse — with the time of the fact behind it. The reactions that send these commands run in concurrent
 * transactions and, after a crash, in any order, so a command may arrive before the obligation exists or before it is in
 * a state the command applies to (a resumption before its pause). Such a command is kept and applied as soon as it
 * applies, in the order the facts happened (ADR 0028).
 *
 * @param id order of arrival among kept commands (0 for one not kept)
 * @param at when the fact happened: the fulfilment, pause or resumption time
 * @param agency for REASSIGN, the agency that carries the step from now on
 * @param reason for PAUSE and the lapses, the reason shown with the obligation
 * @param kept for a case's standing LAPSE_ALL, the steps it leaves open (ids, or prefixes ending in '.'): the steps the
 *        law keeps after a case ended (its ending's own notices, the replies owed to the procuratorate); empty otherwise
 */
public record Signal(
        long id, Kind kind, Instant at, ActorRef actor, AgencyId agency, String reason, List<String> kept) {

    /**
     * WAIT: another organ's move (agency, reason key) or the step's own trigger (no agency); STOP_WAITING: the move was
     * made; START: a step opened before its trigger (not started) starts its clock at the trigger (ADR 0039).
     */
    public enum Kind {
        FULFIL,
        LAPSE,
        LAPSE_ALL,
        PAUSE,
        RESUME,
        REASSIGN,
        WAIT,
        STOP_WAITING,
        START
    }

    /**
     * What the commands look at in an obligation: its status, when its clock last (re)started or stopped, whether and
     * since when it waits (when it does not: when it last stopped waiting), and whether its clock has not started.
     */
    public record State(
            ObligationStatus status,
            Instant clockStart,
            Instant pausedAt,
            String waitingReason,
            Instant waitingSince,
            boolean notStarted) {

        public static State of(ObligationStatus status, Instant clockStart, Instant pausedAt) {
            return new State(status, clockStart, pausedAt, null, null, false);
        }
    }

    /** Oldest fact first; among equal times, the one that arrived first. */
    static final Comparator<Signal> ORDER = Comparator.comparing(Signal::at).thenComparingLong(Signal::id);

    public Signal {
        if (kind == null || at == null) {
            throw new IllegalArgumentException("A ledger command has a kind and a time");
        }
        if (kind == Kind.WAIT && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A wait names its reason");
        }
        if (kind == Kind.REASSIGN && agency == null) {
            throw new IllegalArgumentException("A reassignment names the agency");
        }
        actor = actor == null ? ActorRef.SYSTEM : actor;
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    public Signal(long id, Kind kind, Instant at, ActorRef actor, AgencyId agency, String reason) {
        this(id, kind, at, actor, agency, reason, List.of());
    }

    /** A standing lapse of a case's every obligation, now and later, except the steps {@code kept}. */
    public static Signal lapseAll(Instant at, String reason, List<String> kept) {
        return new Signal(0, Kind.LAPSE_ALL, at, ActorRef.SYSTEM, null, reason, kept);
    }

    /** Whether this command leaves the step alone: a standing lapse's kept steps. */
    public boolean keeps(String stepId) {
        return kept.stream().anyMatch(k -> k.endsWith(".") ? stepId.startsWith(k) : stepId.equals(k));
    }

    public static Signal of(Kind kind, Instant at, ActorRef actor) {
        return new Signal(0, kind, at, actor, null, null);
    }

    public static Signal of(Kind kind, Instant at, ActorRef actor, String reason) {
        return new Signal(0, kind, at, actor, null, reason);
    }

    public static Signal reassign(AgencyId agency, Instant at) {
        return new Signal(0, Kind.REASSIGN, at, ActorRef.SYSTEM, agency, null);
    }

    /** The obligation waits for {@code agency} (null: for its own trigger) for the reason {@code reason} (a key). */
    public static Signal waitFor(AgencyId agency, String reason, Instant at) {
        return new Signal(0, Kind.WAIT, at, ActorRef.SYSTEM, agency, reason);
    }

    /**
     * Whether this command applies to an obligation that is now {@code status}, its clock last (re)started at
     * {@code clockStart} or stopped at {@code pausedAt}. Closing commands apply to any pending obligation; a pause only
     * to a running clock it does not predate, a resumption only to a stopped clock it does not predate (an older one
     * belongs to an earlier stretch of the clock, already decided).
     */
    public boolean appliesTo(ObligationStatus status, Instant clockStart, Instant pausedAt) {
        return appliesTo(State.of(status, clockStart, pausedAt));
    }

    /**
     * As {@link #appliesTo(ObligationStatus, Instant, Instant)}, and: a wait applies unless it predates the last change
     * of the waiting (a redelivered rejection after its resend), a stop only to a waiting obligation whose wait it does
     * not predate, a start only to a step whose clock has not started.
     */
    public boolean appliesTo(State state) {
        ObligationStatus status = state.status();
        if (!status.pending()) {
            return false;
        }
        Instant since = state.waitingSince();
        return switch (kind) {
            case FULFIL, LAPSE, LAPSE_ALL, REASSIGN -> true;
            case PAUSE ->
                !state.notStarted()
                        && status != ObligationStatus.PAUSED
                        && (state.clockStart() == null || !at.isBefore(state.clockStart()));
            case RESUME ->
                status == ObligationStatus.PAUSED && (state.pausedAt() == null || !at.isBefore(state.pausedAt()));
            case WAIT -> since == null || !at.isBefore(since);
            case STOP_WAITING ->
                state.waitingReason() != null && !state.notStarted() && (since == null || !at.isBefore(since));
            case START -> state.notStarted();
        };
    }

    /** The first of the kept commands, in the order the facts happened, that applies to the obligation's state now. */
    public static Optional<Signal> next(
            List<Signal> kept, ObligationStatus status, Instant clockStart, Instant pausedAt) {
        return next(kept, State.of(status, clockStart, pausedAt));
    }

    /** The first of the kept commands, in the order the facts happened, that applies to the obligation's state now. */
    public static Optional<Signal> next(List<Signal> kept, State state) {
        return kept.stream().sorted(ORDER).filter(s -> s.appliesTo(state)).findFirst();
    }
}
