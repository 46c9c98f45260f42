/**
 * The obligation ledger: agency X owes step Y of case Z to agency W by due time T, computed from the policy model
 * and the working calendar. Clocks open, pause, resume, warn before the due date, turn overdue and escalate to the
 * organ one level up and then to the coordination office. Every agency's inbox is its open obligations; the
 * append-only history lets statistics see the ledger as of any past day.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "agency", "calendar", "policy", "casefile"})
package org.tongxin.obligation;
