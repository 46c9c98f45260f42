package org.tongxin.agency;

/** A new agency joined Tongxin. */
public record AgencyRegistered(AgencyId agencyId, AgencyType type, AgencyLevel level, String divisionCode) {}
