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

    /** The service's name in Chinese, as on the referral letter and the timeline. */
    public String nameZh() {
        return switch (this) {
            case SCHOOLING -> "就学安置";
            case VOCATIONAL_EDUCATION -> "职业教育";
            case SUBSISTENCE_ALLOWANCE -> "最低生活保障";
            case TEMPORARY_ASSISTANCE -> "临时救助";
            case HOUSING -> "住房救助";
            case JOB_TRAINING -> "职业技能培训";
            case JOB_PLACEMENT -> "就业安置";
            case SOCIAL_INSURANCE -> "社会保险";
            case PSYCHOLOGICAL_COUNSELLING -> "心理辅导";
            case FAMILY_WORK -> "家庭关系辅导";
            case VOLUNTEERS -> "志愿帮扶";
        };
    }

    /** The service's name in English. */
    public String nameEn() {
        return switch (this) {
            case SCHOOLING -> "Schooling";
            case VOCATIONAL_EDUCATION -> "Vocational education";
            case SUBSISTENCE_ALLOWANCE -> "Subsistence allowance";
            case TEMPORARY_ASSISTANCE -> "Temporary assistance";
            case HOUSING -> "Housing assistance";
            case JOB_TRAINING -> "Job training";
            case JOB_PLACEMENT -> "Job placement";
            case SOCIAL_INSURANCE -> "Social insurance";
            case PSYCHOLOGICAL_COUNSELLING -> "Psychological counselling";
            case FAMILY_WORK -> "Family work";
            case VOLUNTEERS -> "Volunteers";
        };
    }
}
