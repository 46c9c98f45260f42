package org.tongxin.supervision.web;

import org.tongxin.obligation.ObligationView;

/**
 * A step of the law on the ledger as a supervision page shows it: the step's name from the policy model in force when it
 * opened (the law's words, never its id), the obligation with the organ that owes it and its due time.
 */
public record StepLine(ObligationView obligation, String name) {

    public static StepLine of(ObligationView obligation, String name) {
        return new StepLine(obligation, name);
    }

    /** Still to be done (open, paused or overdue). */
    public boolean pending() {
        return obligation.status().pending();
    }
}
