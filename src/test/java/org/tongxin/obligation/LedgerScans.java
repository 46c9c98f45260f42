package org.tongxin.obligation;

import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Lets a test run the ledger's clock now (at the test clock's time) instead of waiting for the scheduler, under the
 * same cluster lock the scheduler takes, so that the two never scan at once.
 */
@Component
public class LedgerScans {

    private final ObligationClock clock;
    private final ClusterLock lock;

    LedgerScans(ObligationClock clock, ClusterLock lock) {
        this.clock = clock;
        this.lock = lock;
    }

    /** One scan; waits (briefly, bounded) while a scheduled scan holds the lock. */
    public void scanNow() {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (lock.runExclusively("obligation-clock", clock::scanNow)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The ledger clock stayed busy");
    }
}
