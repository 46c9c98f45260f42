/**
 * Statistics: read models built from the events of the other modules (cases, the obligation ledger, handovers,
 * referrals, joint meetings and conflicts) into its own tables, and what is made of them: agency scorecards and the
 * annual assessment (考核), the city dashboard with drill-down, the coordinator's one screen of what holds cases up,
 * and the official monthly report (月报), reproducible for any past month. Indicators are a small registry
 * ({@link org.tongxin.statistics.Indicator}): a new one is an event handler and a line there.
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
            "document",
            "assistance",
            "coordination"
        })
package org.tongxin.statistics;
