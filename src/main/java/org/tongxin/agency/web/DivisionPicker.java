package org.tongxin.agency.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.Division;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;

/**
 * The district → township picker that replaces a box for a GB/T 2260 code on every form that asks where someone lives
 * ({@code agency/division-picker :: picker}): two drop-down lists over the divisions this module knows, the townships
 * loaded with htmx when the district changes, and the chosen code posted under the field's name (the township's, or
 * the district's when no township is chosen). Templates read it as {@code @divisionPicker}.
 */
@Controller("divisionPicker")
public class DivisionPicker {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}");

    private final AgencyDirectory agencies;

    DivisionPicker(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The districts and counties of a city, by code. */
    public List<Division> districts(String cityCode) {
        if (cityCode == null || !CODE.matcher(cityCode).matches()) {
            return List.of();
        }
        return agencies.divisionChildren(cityCode).stream()
                .filter(d -> d.level() == AgencyLevel.COUNTY)
                .toList();
    }

    /** The townships and streets of a district or county. */
    public List<Division> townships(String districtCode) {
        if (districtCode == null || !CODE.matcher(districtCode).matches()) {
            return List.of();
        }
        return agencies.divisionChildren(districtCode).stream()
                .filter(d -> d.level() == AgencyLevel.TOWNSHIP)
                .toList();
    }

    /** A division by code, or null. */
    public Division division(String code) {
        return code == null ? null : agencies.division(code).orElse(null);
    }

    /** The district a chosen code lies in: itself when it is a district, its parent when it is a township. */
    public String districtOf(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return null;
        }
        Optional<Division> division = agencies.division(code);
        if (division.isEmpty()) {
            return null;
        }
        return division.get().level() == AgencyLevel.TOWNSHIP
                ? division.get().parentCode()
                : division.get().code();
    }

    /**
     * The township options of a district, for htmx to put into the township list when the district changes
     * ({@code tx-district}: the chosen district, empty for none; {@code selected}: the code to keep selected).
     */
    @AnyAuthenticatedUser
    @GetMapping("/divisions/townships")
    String townships(
            @RequestParam(name = "tx-district", required = false) String district,
            @RequestParam(required = false) String selected,
            Model model) {
        String code = district == null || district.isBlank() ? null : district.strip();
        if (code != null
                && (!CODE.matcher(code).matches()
                        || agencies.division(code)
                                .map(d -> d.level() != AgencyLevel.COUNTY)
                                .orElse(true))) {
            throw TongxinException.invalid("tx-district", "unknownDivision");
        }
        model.addAttribute("pickerDistrict", code);
        model.addAttribute("pickerSelected", selected);
        return "agency/division-picker :: townshipOptions";
    }
}
