package org.tongxin.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of counted indicators: each is a key in {@code statistics_monthly}, a group for the pages, and a name
 * and a definition in the message bundles ({@code indicator.<key>} and {@code indicator.<key>.definition}). A new
 * indicator (sanctions, revocations, reoffending) is a line here and a handler that counts it from its event.
 */
public enum Indicator {
    CASE_DECIDED("case.decided", Group.CASES),
    CASE_RECEIVED("case.received", Group.CASES),
    SUBJECT_FAILED_TO_REPORT("subject.failed-to-report", Group.CASES),
    SUBJECT_LOST_CONTACT("subject.lost-contact", Group.CASES),
    OBLIGATION_OPENED("obligation.opened", Group.OBLIGATIONS),
    /** Obligations whose due time fell in the month (counted when fulfilled in time or when they turned overdue). */
    OBLIGATION_DUE("obligation.due", Group.OBLIGATIONS),
    OBLIGATION_ON_TIME("obligation.on-time", Group.OBLIGATIONS),
    OBLIGATION_OVERDUE("obligation.overdue", Group.OBLIGATIONS),
    OBLIGATION_FULFILLED_LATE("obligation.fulfilled-late", Group.OBLIGATIONS),
    OBLIGATION_ESCALATED("obligation.escalated", Group.OBLIGATIONS),
    HANDOVER_RECEIVED("handover.received", Group.HANDOVERS),
    HANDOVER_RECEIPTED("handover.receipted", Group.HANDOVERS),
    /** Counted for the sender whose bundle was rejected; dimensions are the problem kinds and the items concerned. */
    HANDOVER_REJECTED("handover.rejected", Group.HANDOVERS),
    HANDOVER_LATE("handover.late", Group.HANDOVERS),
    REFERRAL_MADE("referral.made", Group.ASSISTANCE),
    REFERRAL_ACCEPTED("referral.accepted", Group.ASSISTANCE),
    REFERRAL_DECLINED("referral.declined", Group.ASSISTANCE),
    REFERRAL_COMPLETED("referral.completed", Group.ASSISTANCE),
    ASSISTANCE_DELIVERED("assistance.delivered", Group.ASSISTANCE),
    MEETING_CONVENED("meeting.convened", Group.COORDINATION),
    MEETING_HELD("meeting.held", Group.COORDINATION),
    DECISION_RECORDED("decision.recorded", Group.COORDINATION),
    DECISION_DONE("decision.done", Group.COORDINATION),
    DECISION_DONE_LATE("decision.done-late", Group.COORDINATION),
    CONFLICT_RAISED("conflict.raised", Group.COORDINATION),
    CONFLICT_ESCALATED("conflict.escalated", Group.COORDINATION),
    CONFLICT_RESOLVED("conflict.resolved", Group.COORDINATION);

    /** How the pages group indicators. */
    public enum Group {
        CASES,
        OBLIGATIONS,
        HANDOVERS,
        ASSISTANCE,
        COORDINATION
    }

    private final String key;
    private final Group group;

    Indicator(String key, Group group) {
        this.key = key;
        this.group = group;
    }

    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    /** Message key of the name. */
    public String labelKey() {
        return "indicator." + key;
    }

    /** Message key of the definition shown next to the figure. */
    public String definitionKey() {
        return "indicator." + key + ".definition";
    }

    public static Optional<Indicator> ofKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    public static List<Indicator> of(Group group) {
        return Arrays.stream(values()).filter(i -> i.group == group).toList();
    }
}
