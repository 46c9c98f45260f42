package org.tongxin.supervision.move.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.DocumentCarrier;
import org.tongxin.casefile.DocumentRoute;
import org.tongxin.identity.Participation;
import org.tongxin.supervision.move.PlaceChangeState;

/**
 * How the documents of a change of the place of execution travelled, for the case's one document rule: the consultation
 * letter from the executing county agency to the new place's agency; the decision notice to the subject through the
 * supervising parties, with copies to the new place's agency, the decision organ and (approved) the procuratorate and
 * police of the place at the time of the decision. The decision notice also travels in the file's handover and the
 * new agency's forwarding, which the exchange module reports itself.
 */
@Component
class PlaceChangeDocumentRoutes implements DocumentCarrier {

    static final String PLACE_CHANGE = "PLACE_CHANGE";
    private static final Set<Participation> SUPERVISING =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    private final PlaceChangeRepository records;
    private final CaseDirectory cases;

    PlaceChangeDocumentRoutes(PlaceChangeRepository records, CaseDirectory cases) {
        this.records = records;
        this.cases = cases;
    }

    @Override
    public List<DocumentRoute> routes(CaseId caseId) {
        List<DocumentRoute> routes = new ArrayList<>();
        for (PlaceChange c : records.ofCase(caseId)) {
            if (c.consultationDocumentId() != null) {
                routes.add(new DocumentRoute(
                        c.consultationDocumentId(),
                        PLACE_CHANGE,
                        c.id(),
                        "CONSULTATION",
                        c.formerCountyAgencyId(),
                        Set.of(c.newCountyAgencyId()),
                        SUPERVISING,
                        true,
                        false));
            }
            if (c.decisionDocumentId() != null) {
                Set<AgencyId> to = new LinkedHashSet<>();
                to.add(c.newCountyAgencyId());
                CaseFacts facts = cases.facts(caseId).orElse(null);
                if (facts != null && facts.decisionOrganId() != null) {
                    to.add(facts.decisionOrganId());
                }
                Set<Participation> audience = EnumSet.copyOf(SUPERVISING);
                if (c.state() != PlaceChangeState.NOT_APPROVED) {
                    audience.addAll(EnumSet.of(
                            Participation.DECISION_ORGAN,
                            Participation.COPIED_PROCURATORATE,
                            Participation.COPIED_POLICE));
                }
                routes.add(new DocumentRoute(
                        c.decisionDocumentId(),
                        PLACE_CHANGE,
                        c.id(),
                        "DECISION",
                        c.formerCountyAgencyId(),
                        to,
                        audience,
                        true,
                        false));
            }
        }
        return routes;
    }
}
