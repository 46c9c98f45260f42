package org.tongxin.calendar;

import java.time.Instant;

/** An official year as administrators see it: the notice, when and by whom it was entered, how many days it has. */
public record PublishedYear(
        String region,
        int year,
        String notice,
        Instant publishedAt,
        String publishedBy,
        int version,
        long holidays,
        long workingDays) {}
