package org.tongxin.assistance;

import org.tongxin.agency.AgencyType;

/**
 * What a subject can be referred for, and the kind of department or organisation that provides it (CCL ch. 5):
 * education, civil affairs, human resources and social security, social organisations.
 */
public enum AssistanceService {

    SCHOOLING(AgencyType.EDUCATION_BUREAU),
    VOCATIONAL_EDUCATION(AgencyType.EDUCATION_BUREAU),
    SUBSISTENCE_ALLOWANCE(AgencyType.CIVIL_AFFAIRS_BUREAU),
    TEMPORARY_ASSISTANCE(AgencyType.CIVIL_AFFAIRS_BUREAU),
    HOUSING(AgencyType.CIVIL_AFFAIRS_BUREAU),
    JOB_TRAINING(AgencyType.HRSS_BUREAU),
    JOB_PLACEMENT(AgencyType.HRSS_BUREAU),
    SOCIAL_INSURANCE(AgencyType.HRSS_BUREAU),
    PSYCHOLOGICAL_COUNSELLING(AgencyType.SOCIAL_ORGANISATION),
    FAMILY_WORK(AgencyType.SOCIAL_ORGANISATION),
    VOLUNTEERS(AgencyType.SOCIAL_ORGANISATION);

    private final AgencyType provider;

    AssistanceService(AgencyType provider) {
        this.provider = provider;
    }

    /** The type of agency that provides the service. */
    public AgencyType provider() {
        return provider;
    }
}
