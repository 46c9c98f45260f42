package org.tongxin.statistics.internal;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;

/**
 * Whose figures a user sees: the city coordinator the whole city (every district whose code starts with the city's
 * first four digits), a county agency's staff and the heads of its judicial offices their own county. Asking for a district outside it answers 404, as if it
 * did not exist (doc/security-requirements.md S7).
 */
@Component
public class StatisticsScope {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    /** The part of the division code that all districts in view share; {@code district} is set when narrowed to one. */
    public record Scope(String prefix, String cityCode, String district) {

        public boolean city() {
            return district == null;
        }

        /** The code every district in view starts with: the city's four digits, or the one district's six. */
        public String codePrefix() {
            return district == null ? prefix : district;
        }

        /**
         * The districts in view as a range of codes, {@code scopeFrom} to {@code scopeTo} (the prefix, then the prefix
         * filled with nines to six digits), for {@code district BETWEEN :scopeFrom AND :scopeTo}. For codes of six digits
         * this is the same as {@code LIKE 'prefix%'}, but a range can use the district indexes under row-level
         * security, where {@code LIKE} cannot: its operator is not leak-proof, so PostgreSQL may evaluate it only after
         * the policy, row by row (a city's monthly report read every case of the country).
         */
        public Map<String, String> bounds() {
            String code = codePrefix();
            return Map.of("scopeFrom", code, "scopeTo", code + "9".repeat(Math.max(0, 6 - code.length())));
        }
    }

    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;

    StatisticsScope(CurrentUser currentUser, AgencyDirectory agencies) {
        this.currentUser = currentUser;
        this.agencies = agencies;
    }

    /** The caller's scope, narrowed to {@code district} when given (400 when malformed, 404 when outside). */
    public Scope of(String district) {
        Scope own = own();
        if (district == null || district.isBlank()) {
            return own;
        }
        if (!DISTRICT.matcher(district).matches()) {
            throw TongxinException.invalid("district", "statistics.district");
        }
        if (!district.startsWith(own.codePrefix()) || district.equals(own.cityCode()) && !own.city()) {
            throw TongxinException.notFound();
        }
        if (district.equals(own.cityCode())) {
            return own;
        }
        return new Scope(own.prefix(), own.cityCode(), district);
    }

    public Scope own() {
        TongxinPrincipal user = currentUser.get();
        AgencyView agency = agencies.find(user.agency()).orElseThrow(TongxinException::notFound);
        String district = Districts.district(agency.divisionCode());
        String cityCode = district.substring(0, 4) + "00";
        if (user.has(Role.CITY_COORDINATOR)) {
            return new Scope(district.substring(0, 4), cityCode, null);
        }
        if (user.has(Role.COUNTY_HEAD) || user.has(Role.COUNTY_OFFICER) || user.has(Role.OFFICE_HEAD)) {
            return new Scope(district.substring(0, 4), cityCode, district);
        }
        throw TongxinException.notFound();
    }
}
