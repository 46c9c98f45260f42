package org.tongxin.supervision.monitoring.internal;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.domain.AggregateRoot;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringApproved;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringEnded;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringProposed;
import org.tongxin.supervision.monitoring.MonitoringEvents.MonitoringRefused;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringPeriodId;
import org.tongxin.supervision.monitoring.MonitoringState;

/**
 * One period of electronic monitoring (电子定位, 《社区矫正法》第二十九条): proposed by the county agency on one of the
 * law's grounds, approved or refused by the head of the county judicial bureau, at most 3 months, then ended early or
 * renewed by a new approved period that starts where this one ends. A position is lawful only inside the time an
 * approved period covers (第三十四条): {@link #covers}. Refusals are coded; events are collected until saved.
 */
public final class MonitoringPeriod extends AggregateRoot {

    public static final int MAX_MONTHS = 3;
    static final int MAX_TEXT = 2000;
    static final int MAX_DEVICE = 64;

    final MonitoringPeriodId id;
    final CaseId caseId;
    MonitoringState state;
    final MonitoringGround ground;
    final String reason;
    final String deviceId;
    final int months;
    final MonitoringPeriodId renews;
    final AgencyId countyAgencyId;
    final AgencyId bureauId;
    final Instant proposedAt;
    final UUID proposedBy;
    Instant decidedAt;
    UUID decidedBy;
    String refusal;
    Instant startsAt;
    Instant endsAt;
    Instant endedAt;
    String endReason;
    int version;

    MonitoringPeriod(
            MonitoringPeriodId id,
            CaseId caseId,
            MonitoringState state,
            MonitoringGround ground,
            String reason,
            String deviceId,
            int months,
            MonitoringPeriodId renews,
            AgencyId countyAgencyId,
            AgencyId bureauId,
            Instant proposedAt,
            UUID proposedBy,
            Instant decidedAt,
            UUID decidedBy,
            String refusal,
            Instant startsAt,
            Instant endsAt,
            Instant endedAt,
            String endReason,
            int version) {
        this.id = id;
        this.caseId = caseId;
        this.state = state;
        this.ground = ground;
        this.reason = reason;
        this.deviceId = deviceId;
        this.months = months;
        this.renews = renews;
        this.countyAgencyId = countyAgencyId;
        this.bureauId = bureauId;
        this.proposedAt = proposedAt;
        this.proposedBy = proposedBy;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.refusal = refusal;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.endedAt = endedAt;
        this.endReason = endReason;
        this.version = version;
    }

    /**
     * Proposes a first period ({@code renewed} null) or the renewal of a running one. Field problems (400): ground,
     * reason, device, months 1–3. Rules (422): a renewal only of a period still running ({@code MONITORING_RENEWAL_NOT_RUNNING}).
     */
    public static MonitoringPeriod propose(
            CaseId caseId,
            MonitoringGround ground,
            String reason,
            String deviceId,
            Integer months,
            MonitoringPeriod renewed,
            AgencyId county,
            AgencyId bureau,
            Instant now,
            ActorRef actor) {
        FieldProblems problems = new FieldProblems();
        if (ground == null) {
            problems.add("ground", "required");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            problems.add("reason", "required");
        } else if (text.length() > MAX_TEXT) {
            problems.add("reason", "maxLength", MAX_TEXT);
        }
        String device = deviceId == null ? "" : deviceId.strip();
        if (device.isEmpty()) {
            problems.add("deviceId", "required");
        } else if (device.length() > MAX_DEVICE || !device.matches("[A-Za-z0-9._:-]+")) {
            problems.add("deviceId", "deviceId");
        }
        if (months == null) {
            problems.add("months", "required");
        } else if (months < 1 || months > MAX_MONTHS) {
            problems.add("months", "range", 1, MAX_MONTHS);
        }
        problems.throwIfAny();
        if (renewed != null && !renewed.runningAt(now)) {
            throw TongxinException.rule("MONITORING_RENEWAL_NOT_RUNNING");
        }
        MonitoringPeriod p = new MonitoringPeriod(
                MonitoringPeriodId.random(),
                caseId,
                MonitoringState.PROPOSED,
                ground,
                text,
                device,
                months,
                renewed == null ? null : renewed.id,
                county,
                bureau,
                now,
                actor.userId(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
        p.register(new MonitoringProposed(
                UUID.randomUUID(), caseId, p.id, ground, months, renewed != null, bureau, now, actor));
        return p;
    }

    /**
     * The bureau's head approves (PROPOSED → APPROVED). A first period starts now; a renewal starts where the renewed
     * period ends, which must still be running ({@code renewed}, 422 MONITORING_RENEWAL_NOT_RUNNING) and becomes RENEWED.
     */
    public void approve(MonitoringPeriod renewed, Instant now, ActorRef actor) {
        requireState(MonitoringState.PROPOSED, "MONITORING_NOT_PROPOSED");
        if (renews != null) {
            if (renewed == null || !renewed.id.equals(renews) || !renewed.runningAt(now)) {
                throw TongxinException.rule("MONITORING_RENEWAL_NOT_RUNNING");
            }
            renewed.state = MonitoringState.RENEWED;
            startsAt = renewed.endsAt;
        } else {
            startsAt = now;
        }
        endsAt = startsAt.atZone(LegalTime.ZONE).plusMonths(months).toInstant();
        state = MonitoringState.APPROVED;
        decidedAt = now;
        decidedBy = actor.userId();
        register(new MonitoringApproved(UUID.randomUUID(), caseId, id, months, startsAt, endsAt, now, actor));
    }

    /** The bureau's head refuses (PROPOSED → REFUSED), with the reason (400 when missing). */
    public void refuse(String why, Instant now, ActorRef actor) {
        requireState(MonitoringState.PROPOSED, "MONITORING_NOT_PROPOSED");
        refusal = requiredText("reason", why);
        state = MonitoringState.REFUSED;
        decidedAt = now;
        decidedBy = actor.userId();
        register(new MonitoringRefused(UUID.randomUUID(), caseId, id, now, actor));
    }

    /** The county agency ends a running period before its end (APPROVED → ENDED), with the reason. */
    public void end(String why, Instant now, ActorRef actor) {
        requireState(MonitoringState.APPROVED, "MONITORING_NOT_RUNNING");
        if (!runningAt(now)) {
            throw TongxinException.conflict("MONITORING_NOT_RUNNING");
        }
        endReason = requiredText("reason", why);
        state = MonitoringState.ENDED;
        endedAt = now;
        register(new MonitoringEnded(UUID.randomUUID(), caseId, id, now, actor));
    }

    /** Whether the period is approved and running at {@code at} (a renewal may still be proposed; it may be ended). */
    public boolean runningAt(Instant at) {
        return state == MonitoringState.APPROVED && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** Whether a position taken at {@code at} falls inside the time this period lawfully covered. */
    public boolean covers(Instant at) {
        if (startsAt == null || state == MonitoringState.PROPOSED || state == MonitoringState.REFUSED) {
            return false;
        }
        Instant end = endedAt != null ? endedAt : endsAt;
        return !at.isBefore(startsAt) && at.isBefore(end);
    }

    private void requireState(MonitoringState expected, String code) {
        if (state != expected) {
            throw TongxinException.conflict(code);
        }
    }

    private static String requiredText(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw TongxinException.invalid(field, "required");
        }
        if (t.length() > MAX_TEXT) {
            throw TongxinException.invalid(field, "maxLength", MAX_TEXT);
        }
        return t;
    }

    public MonitoringPeriodId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public MonitoringState state() {
        return state;
    }

    public MonitoringGround ground() {
        return ground;
    }

    public String reason() {
        return reason;
    }

    public String deviceId() {
        return deviceId;
    }

    public int months() {
        return months;
    }

    public MonitoringPeriodId renews() {
        return renews;
    }

    public AgencyId countyAgencyId() {
        return countyAgencyId;
    }

    public AgencyId bureauId() {
        return bureauId;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String refusal() {
        return refusal;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }

    public int version() {
        return version;
    }
}
