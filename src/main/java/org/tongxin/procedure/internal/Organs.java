package org.tongxin.procedure.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.policy.Organ;

/**
 * Fills the organs a step names with this case's agencies: "the decision organ" of a case is the court that decided
 * it, "the county agency" the agency of its place of execution (during an assessment: the assessing agency), a step
 * entrusted to the judicial office goes to the assigned office or else stays with the county agency; the agency one
 * level up, the county judicial bureau, the intermediate court and the education department are found from the place
 * of execution, the detaining organ from the case's custody. Organs that only the process opening the step knows
 * (the new place of a move, the unit a procuratorial opinion addresses, a department a referral names) and the
 * persons (subject, guardian, everyone) resolve to null: the process names them itself.
 */
@Component
public class Organs {

    private final AgencyDirectory agencies;

    Organs(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The agency filling {@code organ} in the case, or null when the case has none (yet) or the process must name it. */
    public AgencyId resolve(CaseFacts c, Organ organ) {
        if (organ == null) {
            return null;
        }
        return switch (organ) {
            case DECISION_ORGAN -> c.decisionOrganId();
            case COURT -> court(c.decisionOrganId());
            case ASSESSING_AGENCY, COUNTY_AGENCY -> c.countyAgencyId();
            case JUDICIAL_OFFICE -> c.officeId() != null ? c.officeId() : c.countyAgencyId();
            case PROCURATORATE -> c.procuratorateId();
            case POLICE -> c.policeId();
            case PRISON, DETENTION_CENTRE -> c.handoverInstitutionId();
            case DETAINING_ORGAN -> c.detainingOrganId();
            case SUPERIOR_AGENCY -> superior(c.countyAgencyId());
            case COUNTY_JUDICIAL_BUREAU -> serving(c.countyAgencyId(), AgencyType.JUDICIAL_BUREAU, AgencyLevel.COUNTY);
            case INTERMEDIATE_COURT -> serving(c.countyAgencyId(), AgencyType.INTERMEDIATE_COURT, AgencyLevel.CITY);
            case EDUCATION_DEPARTMENT -> {
                AgencyId county = serving(c.countyAgencyId(), AgencyType.EDUCATION_BUREAU, AgencyLevel.COUNTY);
                yield county != null
                        ? county
                        : serving(c.countyAgencyId(), AgencyType.EDUCATION_BUREAU, AgencyLevel.CITY);
            }
            case SUBJECT,
                    GUARDIAN,
                    EVERY_PARTY,
                    NEW_COUNTY_AGENCY,
                    NEW_PROCURATORATE,
                    NEW_POLICE,
                    ADDRESSED_UNIT,
                    COMPETENT_DEPARTMENT,
                    SOCIAL_ORGANISATION,
                    COORDINATION_OFFICE,
                    ASSISTING_DEPARTMENT,
                    NAMED_AGENCY -> null;
        };
    }

    /** The decision organ when it is a court (a prison administration or police approval has none). */
    private AgencyId court(AgencyId decisionOrgan) {
        return decisionOrgan == null
                ? null
                : agencies.find(decisionOrgan)
                        .filter(a -> a.type().isCourt())
                        .map(AgencyView::id)
                        .orElse(null);
    }

    /** The nearest community correction agency above the county agency (the city's). */
    private AgencyId superior(AgencyId county) {
        if (county == null) {
            return null;
        }
        return agencies.ancestors(county).stream()
                .filter(a -> a.type() == AgencyType.CORRECTION_AGENCY && a.active())
                .map(AgencyView::id)
                .findFirst()
                .orElse(null);
    }

    /** The active agency of a type and level serving the county agency's division. */
    private AgencyId serving(AgencyId county, AgencyType type, AgencyLevel level) {
        if (county == null) {
            return null;
        }
        return agencies.find(county)
                .map(a -> agencies.serving(type, level, a.divisionCode()))
                .filter(l -> !l.isEmpty())
                .map(List::getFirst)
                .map(AgencyView::id)
                .orElse(null);
    }
}
