package org.tongxin.calendar;

/**
 * Why a day of a predicted year is off or worked. Only {@link #STATUTORY} is certain; which working day makes up a
 * weekend holiday is the notice's choice, and the breaks and adjusted working days are the prediction.
 */
public enum ForecastReason {
    /** A statutory holiday (放假办法第二条). */
    STATUTORY,
    /** The working day that makes up a statutory holiday falling on a Saturday or Sunday (补假, art. 6). */
    MAKE_UP,
    /** A weekday off in exchange for a weekend day worked, joining a holiday to a weekend (调休放假, predicted). */
    BRIDGE,
    /** A Saturday or Sunday inside a holiday break. */
    WEEKEND,
    /** A Saturday or Sunday worked in exchange for a bridge day (调休上班, predicted). */
    ADJUSTED
}
