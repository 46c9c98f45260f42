package org.tongxin.procedure.internal;

import org.springframework.stereotype.Component;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.policy.Organ;

/**
 * Fills the organs a step names with this case's agencies: "the decision organ" of a case is the court that decided
 * it, "the county agency" the agency of its place of execution (during an assessment: the assessing agency), a step
 * entrusted to the judicial office goes to the assigned office or else stays with the county agency.
 */
@Component
public class Organs {

    /** The agency filling {@code organ} in the case, or null when the case has none (yet). */
    public AgencyId resolve(CaseFacts c, Organ organ) {
        if (organ == null) {
            return null;
        }
        return switch (organ) {
            case DECISION_ORGAN, COURT -> c.decisionOrganId();
            case ASSESSING_AGENCY, COUNTY_AGENCY -> c.countyAgencyId();
            case JUDICIAL_OFFICE -> c.officeId() != null ? c.officeId() : c.countyAgencyId();
            case PROCURATORATE -> c.procuratorateId();
            case POLICE -> c.policeId();
            case PRISON, DETENTION_CENTRE -> c.handoverInstitutionId();
            case SUBJECT, NEW_COUNTY_AGENCY, SOCIAL_ORGANISATION, COORDINATION_OFFICE, ASSISTING_DEPARTMENT, NAMED_AGENCY -> null;
        };
    }
}
