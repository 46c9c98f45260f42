package org.tongxin.audit;

/**
 * Kinds of audit record, with their minimum retention: security events at least 6 months (Cybersecurity Law art.
 * 21), personal-information access at least 3 years.
 */
public enum AuditCategory {
    /** Logins, logouts, lockouts, MFA. */
    SECURITY,
    /** Changes of users, roles, tokens, agencies and settings. */
    ADMINISTRATION,
    /** Reads (view, download, export, API) of a person's record. */
    PERSONAL_DATA,
    /** Changes of case data. */
    CASE_CHANGE,
    /** Use of the audit log itself (search, export, verification). */
    AUDIT
}
