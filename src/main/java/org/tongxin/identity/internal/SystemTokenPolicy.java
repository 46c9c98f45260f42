package org.tongxin.identity.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongxin.identity.Role;

/**
 * Who must agree before a system token may carry a role, decided per role (doc/adr/0018-two-person-rules.md). A role
 * that can read personal data needs two people: requested by a head of the agency the token acts for, issued by the
 * security administrator. A role that reads none keeps the security administrator's one-step issue. Administrator
 * roles and the agency head's own role are never given to a machine. The switch has no default: a new role does not
 * compile until someone decides its line.
 */
public enum SystemTokenPolicy {

    /** Requested by a head of the agency, issued by the security administrator; scoped to named operations. */
    TWO_PERSON,
    /** Issued by the security administrator alone. */
    ONE_STEP,
    /** No system token carries it. */
    NEVER;

    public static SystemTokenPolicy of(Role role) {
        return switch (role) {
            // Case roles: each reads subjects' records (names, identity numbers, addresses, health) in its cases.
            case OFFICE_OFFICER, OFFICE_HEAD, COUNTY_OFFICER, COUNTY_HEAD -> TWO_PERSON;
            // The county judicial bureau's head sees the cases whose approval is asked of it (CCL art. 29).
            case BUREAU_HEAD -> TWO_PERSON;
            case COURT_CLERK, JUDGE, PROSECUTOR, POLICE_OFFICER, PRISON_OFFICER -> TWO_PERSON;
            // Referrals carry the fields a department's service needs (an identity number for assistance, a phone).
            case ASSISTANCE_CASEWORKER, SOCIAL_WORKER -> TWO_PERSON;
            // Coordination views, statistics drill-downs and cases a conflict or meeting brings to the office.
            case CITY_COORDINATOR -> TWO_PERSON;
            // The national baseline of the procedures: law as data, no person in it.
            case NATIONAL_POLICY_EDITOR -> ONE_STEP;
            // Speaking for the agency (requesting tokens) is a person's duty; administrators' roles stay with people.
            case AGENCY_HEAD, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> NEVER;
        };
    }

    /** The strictest line over several roles: NEVER before TWO_PERSON before ONE_STEP. */
    public static SystemTokenPolicy of(Collection<Role> roles) {
        Set<SystemTokenPolicy> lines = roles.stream().map(SystemTokenPolicy::of).collect(Collectors.toSet());
        return lines.contains(NEVER) ? NEVER : lines.contains(TWO_PERSON) ? TWO_PERSON : ONE_STEP;
    }

    /** The roles of this line, e.g. those the one-step form offers. */
    public static Set<Role> roles(SystemTokenPolicy line) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(r -> of(r) == line).forEach(roles::add);
        return roles;
    }
}
