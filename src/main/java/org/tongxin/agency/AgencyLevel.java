package org.tongxin.agency;

/** Administrative level of an organ or a division, from the top. */
public enum AgencyLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP;

    public boolean isAbove(AgencyLevel other) {
        return ordinal() < other.ordinal();
    }
}
