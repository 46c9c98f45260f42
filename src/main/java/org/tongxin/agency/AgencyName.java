package org.tongxin.agency;

import java.util.Locale;

/** An agency as responses name it: its id and its name in the reader's language. */
public record AgencyName(AgencyId id, String name) {

    public static AgencyName of(AgencyView agency, Locale locale) {
        return new AgencyName(agency.id(), agency.name(locale));
    }
}
