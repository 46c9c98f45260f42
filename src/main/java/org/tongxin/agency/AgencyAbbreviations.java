package org.tongxin.agency;

import java.util.List;

/** Derives an organ's abbreviation (机关代字) for its document numbers from its name and kind (see {@link AgencyView#abbreviation}). */
final class AgencyAbbreviations {

    /** The parts of a name that name a place, longest first (a 街道 before its 道-less forms). */
    private static final List<String> PLACE_ENDINGS =
            List.of("街道", "自治州", "自治县", "省", "市", "区", "县", "旗", "乡", "镇", "村");

    /** Where the organ's own words begin: 社区 of 社区矫正, 人民 of 人民法院 and the like are not places. */
    private static final List<String> ORGAN_WORDS =
            List.of("社区矫正", "社区居民", "人民", "中级", "司法", "公安", "看守所", "监狱", "村民委员会", "民政", "教育", "人力资源");

    private AgencyAbbreviations() {}

    static String of(String nameZh, AgencyType type) {
        String name = nameZh == null ? "" : nameZh.strip();
        String place = place(name);
        return place + word(type, name);
    }

    /** The place at the start of the name up to its last place ending before the organ's own words; shortened. */
    static String place(String name) {
        int end = -1;
        int stop = name.length();
        String ending = null;
        for (int i = 0; i < name.length() && stop == name.length(); i++) {
            int at = i;
            if (ORGAN_WORDS.stream().anyMatch(w -> name.startsWith(w, at))) {
                stop = i;
                break;
            }
            for (String e : PLACE_ENDINGS) {
                if (i > 0 && name.startsWith(e, i)) {
                    end = i + e.length();
                    ending = e;
                    break;
                }
            }
        }
        if (end < 0) {
            String before = name.substring(0, stop);
            return before.isEmpty()
                    ? name.substring(0, Math.min(1, name.length()))
                    : before.substring(0, Math.min(2, before.length()));
        }
        String place = name.substring(0, end);
        String shorter = place.substring(0, place.length() - ending.length());
        return shorter.length() >= 2 ? shorter : place;
    }

    static String word(AgencyType type, String name) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case INTERMEDIATE_COURT -> "中法";
            case BASIC_COURT -> "法";
            case PROCURATORATE -> "检";
            case PUBLIC_SECURITY -> "公";
            case POLICE_STATION -> "派";
            case PRISON -> "狱";
            case DETENTION_CENTRE -> "看";
            case JUDICIAL_BUREAU -> "司";
            case CORRECTION_AGENCY -> "矫";
            case JUDICIAL_OFFICE -> "司所";
            case EDUCATION_BUREAU -> "教";
            case CIVIL_AFFAIRS_BUREAU -> "民";
            case HRSS_BUREAU -> "人社";
            case SOCIAL_ORGANISATION -> "社";
            case COMMUNITY_COMMITTEE -> name.contains("村") ? "村" : "居";
            case COORDINATION_OFFICE -> "矫委";
        };
    }
}
