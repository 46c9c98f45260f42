package org.tongxin.supervision.custody.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.custody.CustodyEvents.CustodyEnded;
import org.tongxin.supervision.custody.CustodyEvents.CustodyNoticeGiven;
import org.tongxin.supervision.custody.CustodyEvents.CustodyRecorded;

/**
 * One detention during correction (CCL art. 32): recorded when it became known, the detaining organ's written notice
 * (custody.notice, once), and the release. The case's own state (IN_CUSTODY and back) moves through
 * {@code CaseManagement.detain} / {@code release} in the same command.
 */
public final class CustodyRecord extends AggregateRoot {

    final UUID id;
    final CaseId caseId;
    final CustodyKind kind;
    final AgencyId detainingOrganId;
    final Instant detainedAt;
    final Instant recordedAt;
    HandoverId noticeHandoverId;
    Instant noticedAt;
    Instant releasedAt;
    int version;

    CustodyRecord(
            UUID id,
            CaseId caseId,
            CustodyKind kind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            Instant recordedAt,
            HandoverId noticeHandoverId,
            Instant noticedAt,
            Instant releasedAt,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.kind = kind;
        this.detainingOrganId = detainingOrganId;
        this.detainedAt = detainedAt;
        this.recordedAt = recordedAt;
        this.noticeHandoverId = noticeHandoverId;
        this.noticedAt = noticedAt;
        this.releasedAt = releasedAt;
        this.version = version;
    }

    /** Records a detention (its input is checked by the case's transition, which runs first). */
    public static CustodyRecord record(
            CaseId caseId, CustodyKind kind, AgencyId organ, Instant detainedAt, Instant now) {
        CustodyRecord r =
                new CustodyRecord(UUID.randomUUID(), caseId, kind, organ, detainedAt, now, null, null, null, 0);
        r.register(new CustodyRecorded(UUID.randomUUID(), r.id, caseId, kind, organ, detainedAt, now));
        return r;
    }

    /** The detaining organ's notice was delivered (once: 409 CUSTODY_NOTICE_ALREADY_GIVEN). */
    public void noticeGiven(HandoverId handover, Instant now) {
        if (noticeHandoverId != null) {
            throw TongxinException.conflict("CUSTODY_NOTICE_ALREADY_GIVEN");
        }
        noticeHandoverId = handover;
        noticedAt = now;
        register(new CustodyNoticeGiven(UUID.randomUUID(), id, caseId, handover, now));
    }

    /** Checks that a notice may still be given (before the handover is sent). */
    public void requireNoNotice() {
        if (noticeHandoverId != null) {
            throw TongxinException.conflict("CUSTODY_NOTICE_ALREADY_GIVEN");
        }
    }

    /** The subject was released (once: 409 CUSTODY_ALREADY_ENDED; not before the detention: 400). */
    public void release(Instant at, Instant now) {
        if (releasedAt != null) {
            throw TongxinException.conflict("CUSTODY_ALREADY_ENDED");
        }
        if (at == null) {
            throw TongxinException.invalid("releasedAt", "required");
        }
        if (at.isBefore(detainedAt)) {
            throw TongxinException.invalid("releasedAt", "beforeDetention");
        }
        releasedAt = at;
        register(new CustodyEnded(UUID.randomUUID(), id, caseId, at, now));
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public CustodyKind kind() {
        return kind;
    }

    public AgencyId detainingOrganId() {
        return detainingOrganId;
    }

    public Instant detainedAt() {
        return detainedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public HandoverId noticeHandoverId() {
        return noticeHandoverId;
    }

    public Instant noticedAt() {
        return noticedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public int version() {
        return version;
    }
}
