/**
 * What-if simulation (issue 14): a synthetic caseload generated from a seed runs through the real procedure steps, the
 * ledger's rules and the working calendar on a simulated clock, in memory and apart from live cases, under two policy
 * versions or staffing plans side by side; runs are kept with their parameters and seed so they can be repeated exactly,
 * with their figures per agency and month (doc/simulation.md, ADR 0046).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "agency", "calendar", "policy", "obligation", "casefile"})
package org.tongxin.simulation;
