package org.tongxin.calendar.internal;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates of the Chinese lunisolar calendar (农历) for the statutory holidays of provisional years.
 * <p>
 * ICU4J's {@link ChineseCalendar} gives the structure: which lunar month is the first, fifth or eighth of a year
 * (leap months follow from the solar terms). The day each month begins is then checked against the new moon as
 * Meeus computes it (<i>Astronomical Algorithms</i>, 2nd ed., ch. 49, accurate to well under a minute), because
 * ICU's lunar theory is off by several minutes and so misplaces new moons that fall close to midnight in Beijing:
 * ICU alone puts the Lunar New Year of 2027 on 7 February and of 2030 on 2 February, while the published calendars
 * (the new moons are at 23:56 on 6 February 2027 and 00:07 on 3 February 2030, China Standard Time) have 6 February
 * and 3 February.
 */
public final class LunarCalendar {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final double UNIX_EPOCH_JD = 2440587.5;

    private LunarCalendar() {}

    /** The first day of the lunar year that begins in {@code gregorianYear} (正月初一). */
    public static LocalDate newYear(int gregorianYear) {
        return date(gregorianYear, 1, 1);
    }

    /**
     * Day {@code day} of the (non-leap) lunar month {@code month} of the lunar year that begins in
     * {@code gregorianYear}: {@code date(2025, 8, 15)} is the Mid-Autumn Festival of 2025.
     */
    public static LocalDate date(int gregorianYear, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("No lunar date " + month + "/" + day);
        }
        // The Lunar New Year falls between 21 January and 20 February, so 20 January is still in the previous year.
        LocalDate probe = LocalDate.of(gregorianYear, 1, 20);
        boolean newYearSeen = false;
        for (int i = 0; i < 16; i++) {
            ChineseCalendar lunar = at(probe);
            int lunarMonth = lunar.get(Calendar.MONTH) + 1;
            boolean leap = lunar.get(Calendar.IS_LEAP_MONTH) == 1;
            LocalDate monthStart = probe.minusDays(lunar.get(Calendar.DAY_OF_MONTH) - 1L);
            newYearSeen |= lunarMonth == 1 && !leap;
            if (newYearSeen && lunarMonth == month && !leap) {
                return newMoonDay(monthStart).plusDays(day - 1L);
            }
            probe = monthStart.plusDays(30); // day 1 or 2 of the next month
        }
        throw new IllegalStateException("Lunar month " + month + " not found in " + gregorianYear);
    }

    private static ChineseCalendar at(LocalDate date) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE);
        calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L + 43_200_000L); // noon of that day
        return calendar;
    }

    /** The day (China Standard Time) of the new moon nearest to {@code approximate} (ICU's month start). */
    static LocalDate newMoonDay(LocalDate approximate) {
        double jd = approximate.toEpochDay() + UNIX_EPOCH_JD;
        long k = Math.round((jd - 2451550.09766) / 29.530588861);
        LocalDate precise = chinaDate(newMoon(k));
        // A correction is only ever about a new moon near midnight; anything else would be an error in this code.
        return Math.abs(precise.toEpochDay() - approximate.toEpochDay()) <= 1 ? precise : approximate;
    }

    /** Instant of the new moon number {@code k} (k = 0: 6 January 2000), in Terrestrial Time as a Julian Ephemeris Day. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
        double correction = -0.40720 * sin(mp)
                + 0.17241 * e * sin(m)
                + 0.01608 * sin(2 * mp)
                + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m)
                - 0.00514 * e * sin(mp + m)
                + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f)
                - 0.00057 * sin(mp + 2 * f)
                + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp)
                + 0.00042 * e * sin(m + 2 * f)
                + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m)
                - 0.00017 * sin(omega)
                - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f)
                + 0.00004 * sin(3 * m)
                + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f)
                - 0.00003 * sin(mp + m + 2 * f)
                + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f)
                - 0.00002 * sin(3 * mp + m)
                + 0.00002 * sin(4 * mp);
        double[] arguments = {
            299.77 + 0.107408 * k - 0.009173 * t2,
            251.88 + 0.016321 * k,
            251.83 + 26.651886 * k,
            349.42 + 36.412478 * k,
            84.66 + 18.206239 * k,
            141.74 + 53.303771 * k,
            207.14 + 2.453732 * k,
            154.84 + 7.306860 * k,
            34.52 + 27.261239 * k,
            207.19 + 0.121824 * k,
            291.34 + 1.844379 * k,
            161.72 + 24.198154 * k,
            239.56 + 25.513099 * k,
            331.55 + 3.592518 * k
        };
        double[] coefficients = {
            0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047, 0.000042,
            0.000040, 0.000037, 0.000035, 0.000023
        };
        double planetary = 0;
        for (int i = 0; i < arguments.length; i++) {
            planetary += coefficients[i] * sin(arguments[i]);
        }
        return jde + correction + planetary;
    }

    /** The China Standard Time date of an instant given in Terrestrial Time (Julian Ephemeris Day). */
    static LocalDate chinaDate(double jde) {
        double year = 2000 + (jde - 2451545.0) / 365.25;
        double universalTime = jde - deltaT(year) / 86_400.0;
        long millis = Math.round((universalTime - UNIX_EPOCH_JD) * 86_400_000.0);
        return Instant.ofEpochMilli(millis).atOffset(CHINA).toLocalDate();
    }

    /** ΔT = TT − UT in seconds, by the polynomials of Espenak and Meeus (NASA, 2006). */
    static double deltaT(double year) {
        if (year < 2005) {
            double t = year - 2000;
            return 63.86
                    + 0.3345 * t
                    - 0.060374 * t * t
                    + 0.0017275 * t * t * t
                    + 0.000651814 * t * t * t * t
                    + 0.00002373599 * t * t * t * t * t;
        }
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
