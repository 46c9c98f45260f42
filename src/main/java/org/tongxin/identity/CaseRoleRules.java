package org.tongxin.identity;

/**
 * The {@code @PreAuthorize} rules of the case endpoints, in one place so every module's controllers name the same
 * roles for the same work. They decide only who may ask; whether the caller's agency has a lawful role in the case
 * (404) and the right to the action (403) is decided by {@link CaseAccess} in the module that owns the case.
 */
public final class CaseRoleRules {

    /** Decision organs: courts, and the police where they approve temporary execution. */
    public static final String DECIDERS = "hasAnyRole('COURT_CLERK', 'JUDGE', 'POLICE_OFFICER')";
    /** The county community correction agency. */
    public static final String COUNTY = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD')";
    /** The county agency and the judicial offices it entrusts (team, plan, announcement). */
    public static final String CASE_TEAM =
            "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'OFFICE_OFFICER', 'OFFICE_HEAD')";
    /** Prisons, detention centres and police handing a subject over. */
    public static final String INSTITUTION = "hasAnyRole('PRISON_OFFICER', 'POLICE_OFFICER')";
    /** Whoever records a subject's arrival: the county agency, or the institution handing them over. */
    public static final String ARRIVAL =
            "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'PRISON_OFFICER', 'POLICE_OFFICER')";
    /** The head of the county judicial bureau (approval of electronic monitoring, CCL art. 29). */
    public static final String BUREAU_HEAD = "hasRole('BUREAU_HEAD')";
    /** Heads of an owing organ (waivers). */
    public static final String HEADS = "hasAnyRole('COUNTY_HEAD', 'OFFICE_HEAD', 'JUDGE')";
    /** Every role that can take part in a case: all but the three administrators (doc/security-requirements.md S5). */
    public static final String CASE_STAFF =
            "hasAnyRole('OFFICE_OFFICER', 'OFFICE_HEAD', 'COUNTY_OFFICER', 'COUNTY_HEAD', 'BUREAU_HEAD',"
                    + " 'CITY_COORDINATOR', 'COURT_CLERK', 'JUDGE', 'PROSECUTOR', 'POLICE_OFFICER', 'PRISON_OFFICER',"
                    + " 'ASSISTANCE_CASEWORKER', 'SOCIAL_WORKER')";

    private CaseRoleRules() {}
}
