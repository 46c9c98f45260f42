package org.tongxin.agency;

import static org.tongxin.agency.AgencyLevel.CITY;
import static org.tongxin.agency.AgencyLevel.COUNTY;
import static org.tongxin.agency.AgencyLevel.NATIONAL;
import static org.tongxin.agency.AgencyLevel.PROVINCE;
import static org.tongxin.agency.AgencyLevel.TOWNSHIP;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of organ that take part in community correction (doc/architecture.md §1), with the levels each can exist at.
 * Names are in the message bundle as {@code agency.type.<NAME>}.
 */
public enum AgencyType {
    /** 中级人民法院. */
    INTERMEDIATE_COURT(CITY),
    /** 基层人民法院. */
    BASIC_COURT(COUNTY),
    /** 人民检察院. */
    PROCURATORATE(CITY, COUNTY),
    /** 公安局 / 公安分局. */
    PUBLIC_SECURITY(CITY, COUNTY),
    /** 派出所. */
    POLICE_STATION(TOWNSHIP),
    /** 监狱. */
    PRISON(PROVINCE, CITY),
    /** 看守所. */
    DETENTION_CENTRE(CITY, COUNTY),
    /** 司法局. */
    JUDICIAL_BUREAU(CITY, COUNTY),
    /** 社区矫正机构 (city or county level; nationally the Ministry of Justice's 社区矫正管理局). */
    CORRECTION_AGENCY(NATIONAL, CITY, COUNTY),
    /** 司法所. */
    JUDICIAL_OFFICE(TOWNSHIP),
    /** 教育局. */
    EDUCATION_BUREAU(CITY, COUNTY),
    /** 民政局. */
    CIVIL_AFFAIRS_BUREAU(CITY, COUNTY),
    /** 人力资源和社会保障局. */
    HRSS_BUREAU(CITY, COUNTY),
    /** 社会组织 (social-work, counselling, volunteer organisations). */
    SOCIAL_ORGANISATION(CITY, COUNTY, TOWNSHIP),
    /** 村（居）民委员会. */
    COMMUNITY_COMMITTEE(TOWNSHIP),
    /** 社区矫正委员会办公室: the coordination office. */
    COORDINATION_OFFICE(CITY, COUNTY);

    private final Set<AgencyLevel> levels;

    AgencyType(AgencyLevel first, AgencyLevel... rest) {
        this.levels = EnumSet.of(first, rest);
    }

    public Set<AgencyLevel> levels() {
        return levels;
    }

    public boolean isCourt() {
        return this == INTERMEDIATE_COURT || this == BASIC_COURT;
    }

    /** Education, civil affairs and human resources & social security: the assisting departments. */
    public boolean isAssistingDepartment() {
        return this == EDUCATION_BUREAU || this == CIVIL_AFFAIRS_BUREAU || this == HRSS_BUREAU;
    }
}
