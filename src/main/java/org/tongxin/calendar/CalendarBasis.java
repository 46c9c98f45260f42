package org.tongxin.calendar;

import java.util.Optional;

/**
 * What a year's calendar is based on: {@link #OFFICIAL} the State Council's notice where one is entered, else the
 * prediction from the regulation (the calendar every deadline is counted with); {@link #REGULATION} always the
 * prediction from the holiday regulation in force that year, even for a year whose notice is known (to compare the
 * two, and to measure how good the predictions are).
 */
public enum CalendarBasis {
    OFFICIAL("official"),
    REGULATION("regulation");

    private final String parameter;

    CalendarBasis(String parameter) {
        this.parameter = parameter;
    }

    /** The value as the API writes it: {@code official} or {@code regulation}. */
    public String parameter() {
        return parameter;
    }

    /** The basis a request names, exactly as {@link #parameter()} writes it; empty for anything else. */
    public static Optional<CalendarBasis> parse(String value) {
        for (CalendarBasis basis : values()) {
            if (basis.parameter.equals(value)) {
                return Optional.of(basis);
            }
        }
        return Optional.empty();
    }
}
