package org.tongxin.agency;

/** Administrative level of an organ or a division, from the top (NATIONAL: the central government, the country). */
public enum AgencyLevel {
    NATIONAL,
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP;

    public boolean isAbove(AgencyLevel other) {
        return ordinal() < other.ordinal();
    }
}
