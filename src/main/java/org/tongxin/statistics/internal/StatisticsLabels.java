package org.tongxin.statistics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.shared.error.TongxinException;

/**
 * What the statistics screens share: the districts of a scope with their names, an agency of the scope, the labels from
 * the message bundles, and the cells and rates of the tables.
 */
@Component
public class StatisticsLabels {

    private final AgencyDirectory agencies;
    private final MessageSource messages;

    StatisticsLabels(AgencyDirectory agencies, MessageSource messages) {
        this.agencies = agencies;
        this.messages = messages;
    }

    /** The districts of the scope with their names: every county of the city, or the one district. */
    public List<Slice> districtSlices(StatisticsScope.Scope scope, Collection<String> withFigures, Locale locale) {
        Set<String> codes = new java.util.TreeSet<>(withFigures);
        if (scope.city()) {
            agencies.divisionChildren(scope.cityCode()).forEach(d -> codes.add(Districts.district(d.code())));
        } else {
            codes.add(scope.district());
        }
        Map<String, String> names = agencies.divisions(codes).stream()
                .collect(Collectors.toMap(Division::code, d -> d.name(locale), (a, b) -> a));
        return codes.stream()
                .map(c -> new Slice(c, names.getOrDefault(c, c), 0))
                .toList();
    }

    /** A district's or the city's name by its division code. */
    public String districtName(String code, Locale locale) {
        return code == null
                ? null
                : agencies.division(code).map(d -> d.name(locale)).orElse(code);
    }

    public String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    /** The caller's lawful view of an agency: 404 for an agency outside the scope. */
    public AgencyView agencyInScope(StatisticsScope.Scope scope, UUID agencyId) {
        AgencyView agency = agencies.find(AgencyId.of(agencyId)).orElseThrow(TongxinException::notFound);
        if (!Districts.district(agency.divisionCode()).startsWith(scope.codePrefix())) {
            throw TongxinException.notFound();
        }
        return agency;
    }

    /** A rate in percent with one decimal; null when nothing fell due. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
