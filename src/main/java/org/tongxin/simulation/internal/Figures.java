package org.tongxin.simulation.internal;

/**
 * What a run records per agency and month: obligations opened, fulfilled (on time and late), breaches (steps whose due
 * time passed that month without the step done), the backlog at the month's end (steps pending), steps completed per
 * officer, cases entering and ending correction (county agencies), and subjects who lost contact.
 */
public final class Figures {

    public static final int OPENED = 0;
    public static final int FULFILLED = 1;
    public static final int ON_TIME = 2;
    public static final int LATE = 3;
    public static final int BREACHES = 4;
    public static final int BACKLOG = 5;
    public static final int ENTRIES = 6;
    public static final int TERMINATIONS = 7;
    public static final int LOST_CONTACTS = 8;
    static final int FIELDS = 9;

    private final long[][][] values;

    Figures(int agencies, int months) {
        values = new long[agencies][months][FIELDS];
    }

    void add(int agency, int month, int field, long amount) {
        if (agency >= 0 && month >= 0 && month < values[agency].length) {
            values[agency][month][field] += amount;
        }
    }

    void set(int agency, int month, int field, long value) {
        values[agency][month][field] = value;
    }

    public long get(int agency, int month, int field) {
        return values[agency][month][field];
    }

    public int agencies() {
        return values.length;
    }

    public int months() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The sum of a field over every agency and month. */
    public long total(int field) {
        long sum = 0;
        for (long[][] agency : values) {
            for (long[] month : agency) {
                sum += month[field];
            }
        }
        return sum;
    }
}
