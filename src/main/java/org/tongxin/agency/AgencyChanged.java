package org.tongxin.agency;

/** An agency's details, place in the hierarchy, jurisdiction or active state changed. */
public record AgencyChanged(AgencyId agencyId, boolean active) {}
