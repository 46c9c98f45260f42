package org.tongxin.coordination;

import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;

/**
 * The one rule of who sees and who manages a joint meeting, for the meeting's and its decisions' façades alike: its
 * convenor, its attendees and the agencies its decisions name see it (404 for anyone else; row-level security repeats
 * the rule); the convenor's city coordinators manage it (403 for the others who see it). A case it names must be one
 * the caller sees.
 */
@Component
class MeetingAccess {

    private final MeetingRepository meetings;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;

    MeetingAccess(MeetingRepository meetings, CaseDirectory cases, CurrentUser currentUser) {
        this.meetings = meetings;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    /** The meeting when the caller's agency sees it, else 404. */
    MeetingView seen(MeetingId id) {
        AgencyId mine = currentUser.get().agency();
        return meetings.find(id).filter(m -> m.seenBy(mine)).orElseThrow(TongxinException::notFound);
    }

    /** Whether the caller may manage the meeting (its convenor's coordinator). */
    boolean manages(MeetingView meeting) {
        TongxinPrincipal me = currentUser.get();
        return me.has(Role.CITY_COORDINATOR) && meeting.convenor().equals(me.agency());
    }

    /** The meeting when the caller manages it: 404 when it does not see it, 403 when it sees but does not manage it. */
    MeetingView managed(MeetingId id) {
        MeetingView m = seen(id);
        if (!manages(m)) {
            throw TongxinException.forbidden("MEETING_CONVENOR_ONLY");
        }
        return m;
    }

    /** Whether the caller sees a case it puts on an agenda or names in a decision (the case's own rule). */
    boolean sees(CaseId caseId) {
        try {
            return cases.access(caseId).visible();
        } catch (TongxinException e) {
            return false;
        }
    }
}
