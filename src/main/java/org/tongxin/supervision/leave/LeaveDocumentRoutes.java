package org.tongxin.supervision.leave;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.DocumentCarrier;
import org.tongxin.casefile.DocumentRoute;
import org.tongxin.identity.Participation;

/**
 * How leave approval notices travelled, for the case's one document rule: issued by the approving agency (which opens
 * its own notice, also when it is the agency one level up) to the case's supervising parties (executing agency and
 * assigned office), who hand it to the subject.
 */
@Component
class LeaveDocumentRoutes implements DocumentCarrier {

    static final String LEAVE = "LEAVE";
    private static final Set<Participation> SUPERVISING =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private final LeaveRepository leaves;

    LeaveDocumentRoutes(LeaveRepository leaves) {
        this.leaves = leaves;
    }

    @Override
    public List<DocumentRoute> routes(CaseId caseId) {
        return leaves.ofCase(caseId).stream()
                .filter(l -> l.noticeDocumentId() != null)
                .map(l -> new DocumentRoute(
                        l.noticeDocumentId(),
                        LEAVE,
                        l.id().value(),
                        l.kind().name(),
                        l.decidedByAgency() == null ? l.approvingAgency() : l.decidedByAgency(),
                        Set.of(),
                        SUPERVISING,
                        true,
                        false))
                .toList();
    }
}
