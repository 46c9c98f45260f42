package org.tongxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Marks a case-bound handler: open to every role that can hold a lawful role in a case (every role but the three
 * administrators, doc/security-requirements.md S5). Which case the caller may see, and what they may do in it, the façade decides
 * per case through the access-decision component (no lawful role → 404, lawful role without the right → 403).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('OFFICE_OFFICER', 'OFFICE_HEAD', 'COUNTY_OFFICER', 'COUNTY_HEAD', 'BUREAU_HEAD',"
        + " 'CITY_COORDINATOR', 'COURT_CLERK', 'JUDGE', 'PROSECUTOR', 'POLICE_OFFICER', 'PRISON_OFFICER',"
        + " 'ASSISTANCE_CASEWORKER', 'SOCIAL_WORKER')")
public @interface CaseUser {}
