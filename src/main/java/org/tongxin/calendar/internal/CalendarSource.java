package org.tongxin.calendar.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where official years come from: the database in the application, fixed data in unit tests. */
public interface CalendarSource {

    /** The official year of a region ("CN" or a GB/T 2260 code), if one was entered. */
    Optional<StoredYear> find(String region, int year);

    /** Every official year of a region, oldest first. */
    List<StoredYear> findAll(String region);

    /** The GB/T 2260 codes of the regions that have their own extras (any year). */
    Set<String> regions();
}
