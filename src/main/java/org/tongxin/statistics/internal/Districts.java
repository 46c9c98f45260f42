package org.tongxin.statistics.internal;

import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;

/**
 * The county-level division (six digits of the division code) an agency belongs to: how figures are placed on the
 * map of districts and how jurisdiction is applied to them. A city-level agency keeps the city's code.
 */
@Component
public class Districts {

    /** For an agency the directory does not know (never expected): counted, but in no district. */
    static final String UNKNOWN = "000000";

    private final AgencyDirectory agencies;

    Districts(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    public String of(AgencyId agency) {
        return agency == null
                ? UNKNOWN
                : agencies.find(agency)
                        .map(AgencyView::divisionCode)
                        .map(Districts::district)
                        .orElse(UNKNOWN);
    }

    public static String district(String divisionCode) {
        return divisionCode == null || divisionCode.length() < 6 ? UNKNOWN : divisionCode.substring(0, 6);
    }
}
