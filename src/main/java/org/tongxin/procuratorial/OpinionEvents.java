package org.tongxin.procuratorial;

import java.time.Instant;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.shared.security.ActorRef;

/** Events of procuratorial supervision: ids, kinds and the reply's outcome; never the opinion's or reply's words. */
public final class OpinionEvents {

    private OpinionEvents() {}

    /** The procuratorate issued an opinion or suggestion to an agency of the case. */
    public record OpinionIssued(
            UUID eventId,
            CaseId caseId,
            UUID opinionId,
            OpinionKind kind,
            AgencyId procuratorateId,
            AgencyId addressedAgencyId,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        @Override
        public String timelineKind() {
            return "procuratorial.issued." + kind.name();
        }
    }

    /** The addressed unit replied in writing: adopted, or not with its reasons. */
    public record OpinionReplied(
            UUID eventId,
            CaseId caseId,
            UUID opinionId,
            boolean adopted,
            boolean onTime,
            Instant occurredAt,
            ActorRef actor)
            implements TimelineEntry {
        @Override
        public String timelineKind() {
            return adopted ? "procuratorial.replied.adopted" : "procuratorial.replied.declined";
        }
    }
}
