package org.tongxin.supervision.missing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.ClusterLock;
import org.tongxin.supervision.missing.LostContacts;

/** Hourly, on one instance: announces the searches still on a month after contact was lost. */
@Component
class LostContactScan {

    private static final Logger log = LoggerFactory.getLogger(LostContactScan.class);

    private final LostContacts lostContacts;
    private final ClusterLock lock;

    LostContactScan(LostContacts lostContacts, ClusterLock lock) {
        this.lostContacts = lostContacts;
        this.lock = lock;
    }

    @Scheduled(cron = "${tongxin.supervision.lost-contact-cron:0 7 * * * *}", zone = "Asia/Shanghai")
    void scan() {
        lock.runExclusively("supervision-lost-contact-month", () -> {
            int announced = lostContacts.announceMonthsElapsed();
            if (announced > 0) {
                log.info("Lost contact: {} subjects still missing a month on", announced);
            }
        });
    }
}
