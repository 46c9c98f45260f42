package org.tongxin.calendar;

import java.time.LocalDate;

/** Consecutive days of one holiday as a notice states them ("10月1日至7日放假"); {@code to} null means one day. */
public record HolidayRange(LocalDate from, LocalDate to, String nameZh, String nameEn) {

    public LocalDate last() {
        return to == null ? from : to;
    }
}
