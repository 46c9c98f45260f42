package org.tongxin.supervision.minors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseEvents.CaseRegistered;

/**
 * Registration of a minor opens the minors' steps (CCL art. 52). Runs after the registration committed, from the event
 * publication registry, as the system; idempotent ({@link MinorsSteps#openAtRegistration}).
 */
@Component
class MinorsProcedure {

    private static final Logger log = LoggerFactory.getLogger(MinorsProcedure.class);

    private final MinorsSteps minors;

    MinorsProcedure(MinorsSteps minors) {
        this.minors = minors;
    }

    @ApplicationModuleListener
    void on(CaseRegistered event) {
        int open = minors.openAtRegistration(event.caseId(), event.occurredAt());
        if (open > 0) {
            log.info("Case {}: {} minors' steps open on registration", event.caseId(), open);
        }
    }
}
