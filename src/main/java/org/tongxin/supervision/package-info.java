/**
 * Daily supervision after the entry announcement (ADR 0021): reporting and contacts, visits, leave, change of the place
 * of execution, electronic monitoring with its positions API, lost contact and custody notices during correction. Each
 * process is an aggregate of its own that moves the case only through the transitions of {@code casefile}'s
 * {@code CaseManagement}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "identity", "agency", "calendar",
        "policy", "casefile", "obligation", "exchange", "document", "procedure" })
package org.tongxin.supervision;
