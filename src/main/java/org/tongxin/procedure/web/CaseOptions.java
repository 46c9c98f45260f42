package org.tongxin.procedure.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.casefile.Ethnicity;

/** The choices the case forms offer: agencies of the right kind, divisions near the user, ethnic groups. */
@Component
class CaseOptions {

    private final AgencyDirectory agencies;

    CaseOptions(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** A value and its label in the reader's language. */
    record Option(String value, String label) {}

    /** County-level community correction agencies (places of execution, assessing agencies). */
    List<AgencyView> countyAgencies() {
        return agencies.listActive().stream()
                .filter(a -> a.type() == AgencyType.CORRECTION_AGENCY && a.level() == AgencyLevel.COUNTY)
                .sorted(Comparator.comparing(AgencyView::code))
                .toList();
    }

    /** Who may be entrusted with an assessment: county agencies and social organisations (CCL art. 18). */
    List<AgencyView> assessingAgencies() {
        List<AgencyView> list = new ArrayList<>(countyAgencies());
        agencies.listActive().stream()
                .filter(a -> a.type() == AgencyType.SOCIAL_ORGANISATION)
                .sorted(Comparator.comparing(AgencyView::code))
                .forEach(list::add);
        return list;
    }

    /** Who hands a temporary-execution subject over: prisons, detention centres, public security. */
    List<AgencyView> institutions() {
        return agencies.listActive().stream()
                .filter(a -> a.type() == AgencyType.PRISON
                        || a.type() == AgencyType.DETENTION_CENTRE
                        || a.type() == AgencyType.PUBLIC_SECURITY)
                .sorted(Comparator.comparing(AgencyView::code))
                .toList();
    }

    /** The judicial offices of a county agency. */
    List<AgencyView> offices(AgencyId county) {
        return agencies.children(county).stream()
                .filter(a -> a.type() == AgencyType.JUDICIAL_OFFICE && a.active())
                .toList();
    }

    /** The code of the user's city: the residence picker offers its districts and townships (null when none). */
    String city(AgencyId mine) {
        Optional<Division> city = agencies.find(mine).flatMap(a -> agencies.division(a.divisionCode()));
        while (city.isPresent()
                && city.get().level() != AgencyLevel.CITY
                && city.get().parentCode() != null) {
            city = agencies.division(city.get().parentCode());
        }
        return city.filter(d -> d.level() == AgencyLevel.CITY)
                .map(Division::code)
                .orElse(null);
    }

    /** The ethnic groups of GB/T 3304 in the reader's language. */
    List<Option> ethnicities() {
        Locale locale = LocaleContextHolder.getLocale();
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, String[]> e : Ethnicity.all().entrySet()) {
            options.add(new Option(e.getKey(), Ethnicity.name(e.getKey(), locale)));
        }
        return options;
    }
}
