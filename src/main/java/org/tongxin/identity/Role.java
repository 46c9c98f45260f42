package org.tongxin.identity;

import static org.tongxin.agency.AgencyType.BASIC_COURT;
import static org.tongxin.agency.AgencyType.CIVIL_AFFAIRS_BUREAU;
import static org.tongxin.agency.AgencyType.COMMUNITY_COMMITTEE;
import static org.tongxin.agency.AgencyType.COORDINATION_OFFICE;
import static org.tongxin.agency.AgencyType.CORRECTION_AGENCY;
import static org.tongxin.agency.AgencyType.DETENTION_CENTRE;
import static org.tongxin.agency.AgencyType.EDUCATION_BUREAU;
import static org.tongxin.agency.AgencyType.HRSS_BUREAU;
import static org.tongxin.agency.AgencyType.INTERMEDIATE_COURT;
import static org.tongxin.agency.AgencyType.JUDICIAL_BUREAU;
import static org.tongxin.agency.AgencyType.JUDICIAL_OFFICE;
import static org.tongxin.agency.AgencyType.POLICE_STATION;
import static org.tongxin.agency.AgencyType.PRISON;
import static org.tongxin.agency.AgencyType.PROCURATORATE;
import static org.tongxin.agency.AgencyType.PUBLIC_SECURITY;
import static org.tongxin.agency.AgencyType.SOCIAL_ORGANISATION;

import java.util.EnumSet;
import java.util.Set;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;

/**
 * What a staff member may do, and in which kinds of agency the role exists. The three administrator roles
 * (三权分立) exclude each other and every case role, and never read case content (doc/security-requirements.md S5).
 */
public enum Role {
    /** 司法所工作人员. */
    OFFICE_OFFICER(null, JUDICIAL_OFFICE),
    /** 司法所所长. */
    OFFICE_HEAD(null, JUDICIAL_OFFICE),
    /** 县级社区矫正机构工作人员. */
    COUNTY_OFFICER(AgencyLevel.COUNTY, CORRECTION_AGENCY, JUDICIAL_BUREAU),
    /** 县级社区矫正机构负责人. */
    COUNTY_HEAD(AgencyLevel.COUNTY, CORRECTION_AGENCY, JUDICIAL_BUREAU),
    /**
     * 县级司法行政部门负责人: the head of the county judicial bureau, who approves electronic monitoring (CCL art. 29) in the
     * cases of the county's agency that ask for it (participation APPROVING_BUREAU), and nothing else in them.
     */
    BUREAU_HEAD(AgencyLevel.COUNTY, JUDICIAL_BUREAU),
    /** 市级协调员 (community correction committee office, city agency). */
    CITY_COORDINATOR(AgencyLevel.CITY, COORDINATION_OFFICE, CORRECTION_AGENCY, JUDICIAL_BUREAU),
    /** 书记员. */
    COURT_CLERK(null, INTERMEDIATE_COURT, BASIC_COURT),
    /** 法官. */
    JUDGE(null, INTERMEDIATE_COURT, BASIC_COURT),
    /** 检察官. */
    PROSECUTOR(null, PROCURATORATE),
    /** 公安民警. */
    POLICE_OFFICER(null, PUBLIC_SECURITY, POLICE_STATION, DETENTION_CENTRE),
    /** 监狱、看守所民警. */
    PRISON_OFFICER(null, PRISON, DETENTION_CENTRE),
    /** 教育、民政、人社部门经办人. */
    ASSISTANCE_CASEWORKER(null, EDUCATION_BUREAU, CIVIL_AFFAIRS_BUREAU, HRSS_BUREAU),
    /** 社会工作者. */
    SOCIAL_WORKER(null, SOCIAL_ORGANISATION, COMMUNITY_COMMITTEE),
    /** 系统管理员: agencies, accounts, system settings. */
    SYSTEM_ADMIN(null),
    /** 安全管理员: roles, second factors, lockouts, system tokens. */
    SECURITY_ADMIN(null),
    /** 审计管理员: the audit log. */
    AUDIT_ADMIN(null),
    /**
     * 单位负责人: the head of an agency whose kind has no head role of its own (courts, procuratorates, police, prisons and
     * detention centres, the departments, social organisations, the coordination office, city and national correction
     * agencies). Requests system tokens for the agency; no case role by itself.
     */
    AGENCY_HEAD(null),
    /** 全国政策模型编辑: drafts and publishes the national baseline policy model, at a national agency. */
    NATIONAL_POLICY_EDITOR(AgencyLevel.NATIONAL, CORRECTION_AGENCY);

    public static final Set<Role> ADMINS =
            java.util.Collections.unmodifiableSet(EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN));

    /**
     * The roles that work cases: only a holder of one of them may use its agency's lawful role in a case (doc/security-requirements.md S7,
     * the roles of {@code @CaseUser}). Not the administrators (S5), and not a head of agency or a policy editor by that role
     * alone: they speak for their agency or edit the law's model, and read no case.
     */
    public static final Set<Role> CASE_ROLES = java.util.Collections.unmodifiableSet(EnumSet.complementOf(
            EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, AGENCY_HEAD, NATIONAL_POLICY_EDITOR)));

    /**
     * The heads of an agency: who may speak for it, e.g. request a system token for it. {@link #AGENCY_HEAD} fits exactly
     * the agencies none of the others fits.
     */
    public static final Set<Role> HEADS =
            java.util.Collections.unmodifiableSet(EnumSet.of(OFFICE_HEAD, COUNTY_HEAD, AGENCY_HEAD));

    /** The county agency's officers and its head. */
    public static final Set<Role> COUNTY =
            java.util.Collections.unmodifiableSet(EnumSet.of(COUNTY_OFFICER, COUNTY_HEAD));

    /** Who runs a case day by day: the county agency's officers and head, the judicial offices' officers and heads. */
    public static final Set<Role> CORRECTION_STAFF =
            java.util.Collections.unmodifiableSet(EnumSet.of(OFFICE_OFFICER, OFFICE_HEAD, COUNTY_OFFICER, COUNTY_HEAD));

    /** The names of a group of roles and of more roles, as navigation entries take them. */
    public static Set<String> names(Set<Role> group, Role... more) {
        Set<String> names = new java.util.TreeSet<>();
        group.forEach(r -> names.add(r.name()));
        for (Role r : more) {
            names.add(r.name());
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    private final AgencyLevel level;
    private final Set<AgencyType> agencyTypes;

    Role(AgencyLevel level, AgencyType... agencyTypes) {
        this.level = level;
        this.agencyTypes =
                agencyTypes.length == 0 ? EnumSet.allOf(AgencyType.class) : EnumSet.of(agencyTypes[0], agencyTypes);
    }

    public boolean isAdmin() {
        return ADMINS.contains(this);
    }

    /** Whether the role works cases (see {@link #CASE_ROLES}). */
    public boolean worksCases() {
        return CASE_ROLES.contains(this);
    }

    /** Whether a member of this agency can hold the role. */
    public boolean fits(AgencyView agency) {
        if (this == AGENCY_HEAD) {
            return HEADS.stream().filter(r -> r != AGENCY_HEAD).noneMatch(r -> r.fits(agency));
        }
        return agencyTypes.contains(agency.type()) && (level == null || level == agency.level());
    }

    /** Whether this is a head of an agency (see {@link #HEADS}). */
    public boolean isHead() {
        return HEADS.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
