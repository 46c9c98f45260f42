package org.tongxin.agency;

/** Filters of the agency directory; null means "any". {@code text} matches code and names. */
public record AgencyQuery(
        String text, AgencyType type, AgencyLevel level, AgencyId parentId, String divisionCode, Boolean active) {

    public static AgencyQuery all() {
        return new AgencyQuery(null, null, null, null, null, null);
    }
}
