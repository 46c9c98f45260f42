package org.tongxin.supervision;

/**
 * Who approves a leave, by its length and the policy settings ({@code PolicySettings.Leave}; IM art. 26): the judicial
 * office only where the county agency entrusted it and the leave is short; the county agency by default; the agency one
 * level up (with notice to the procuratorate) beyond the county's limit per approval or in total within the window.
 */
public enum LeaveApprover {
    JUDICIAL_OFFICE,
    COUNTY_AGENCY,
    SUPERIOR_AGENCY
}
