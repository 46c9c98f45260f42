package org.tongxin.supervision.missing.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.missing.LostContactEvents.ContactLost;
import org.tongxin.supervision.missing.LostContactEvents.ContactRestored;
import org.tongxin.supervision.missing.LostContactEvents.StillMissingAfterOneMonth;

/**
 * One loss of contact (失去联系, CCL art. 30): reported by the county agency with the circumstances, searched for at once
 * with the police's help; ends when the subject is found. A month after contact was lost without being found it becomes
 * a ground for a revocation or custody proposal, announced once.
 */
public final class LostContact extends AggregateRoot {

    public enum State {
        SEARCHING,
        FOUND
    }

    static final int MAX_TEXT = 3000;

    final UUID id;
    final CaseId caseId;
    State state;
    final Instant lostSince;
    final String circumstances;
    final Instant reportedAt;
    HandoverId policeHandoverId;
    HandoverId noticeHandoverId;
    Instant foundAt;
    String foundNote;
    Instant overAMonthAt;
    int version;

    LostContact(
            UUID id,
            CaseId caseId,
            State state,
            Instant lostSince,
            String circumstances,
            Instant reportedAt,
            HandoverId policeHandoverId,
            HandoverId noticeHandoverId,
            Instant foundAt,
            String foundNote,
            Instant overAMonthAt,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.state = state;
        this.lostSince = lostSince;
        this.circumstances = circumstances;
        this.reportedAt = reportedAt;
        this.policeHandoverId = policeHandoverId;
        this.noticeHandoverId = noticeHandoverId;
        this.foundAt = foundAt;
        this.foundNote = foundNote;
        this.overAMonthAt = overAMonthAt;
        this.version = version;
    }

    /** Reports lost contact since {@code lostSince} (not in the future), with the circumstances (400 field by field). */
    public static LostContact report(
            CaseId caseId, Instant lostSince, String circumstances, Instant now, ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (lostSince == null) {
            problems.add("lostSince", "required");
        } else if (lostSince.isAfter(now)) {
            problems.add("lostSince", "past");
        }
        String text = circumstances == null ? "" : circumstances.strip();
        if (text.isEmpty()) {
            problems.add("circumstances", "required");
        } else if (text.length() > MAX_TEXT) {
            problems.add("circumstances", "maxLength", MAX_TEXT);
        }
        problems.throwIfAny();
        LostContact c = new LostContact(
                UUID.randomUUID(), caseId, State.SEARCHING, lostSince, text, now, null, null, null, null, null, 0);
        c.register(new ContactLost(UUID.randomUUID(), caseId, c.id, lostSince, now, actor));
        return c;
    }

    /** The handovers to the police (assistance) and to the decision organ (notice) went out. */
    public void notified(HandoverId police, HandoverId notice) {
        policeHandoverId = police;
        noticeHandoverId = notice;
    }

    /** The subject was found (SEARCHING → FOUND; 409 LOST_CONTACT_NOT_SEARCHING), at a time not before the loss. */
    public void found(Instant at, String note, Instant now, ActorRef actor) {
        if (state != State.SEARCHING) {
            throw TongxinException.conflict("LOST_CONTACT_NOT_SEARCHING");
        }
        FieldProblems problems = new FieldProblems();
        if (at == null) {
            problems.add("foundAt", "required");
        } else if (at.isAfter(now)) {
            problems.add("foundAt", "past");
        } else if (at.isBefore(lostSince)) {
            problems.add("foundAt", "beforeLoss");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            problems.add("note", "required");
        } else if (text.length() > MAX_TEXT) {
            problems.add("note", "maxLength", MAX_TEXT);
        }
        problems.throwIfAny();
        state = State.FOUND;
        foundAt = at;
        foundNote = text;
        register(new ContactRestored(UUID.randomUUID(), caseId, id, at, now, actor));
    }

    /** The day a month after contact was lost (Asia/Shanghai): from then on it is a ground for a proposal. */
    public Instant monthElapsesAt() {
        return lostSince.atZone(LegalTime.ZONE).plusMonths(1).toInstant();
    }

    /** Announces, once, that the subject is still missing a month on; false when not (yet) the case. */
    public boolean checkMonth(Instant now) {
        if (state != State.SEARCHING || overAMonthAt != null || now.isBefore(monthElapsesAt())) {
            return false;
        }
        overAMonthAt = now;
        register(new StillMissingAfterOneMonth(UUID.randomUUID(), caseId, id, lostSince, now, ActorRef.SYSTEM));
        return true;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public State state() {
        return state;
    }

    public Instant lostSince() {
        return lostSince;
    }

    public String circumstances() {
        return circumstances;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public HandoverId policeHandoverId() {
        return policeHandoverId;
    }

    public HandoverId noticeHandoverId() {
        return noticeHandoverId;
    }

    public Instant foundAt() {
        return foundAt;
    }

    public String foundNote() {
        return foundNote;
    }

    public Instant overAMonthAt() {
        return overAMonthAt;
    }

    public int version() {
        return version;
    }
}
