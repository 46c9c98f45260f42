/**
 * Assessment, rewards and sanctions (ADR 0021, 0035): the graduated-response engine configured by the policy model, the
 * county agency's commendations, reprimands and warnings, and its proposals to other organs — revocation of probation or
 * parole with or without an arrest request, custody of a temporary-execution subject (收监执行), a public-security
 * penalty — carried by handovers, with the receiver's statutory clocks and the decisions that move the case.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "agency",
            "policy",
            "casefile",
            "obligation",
            "exchange",
            "procedure",
            "document",
            "supervision",
            "supervision :: missing"
        })
package org.tongxin.assessment;
