package org.tongxin.agency;

import java.util.Locale;
import org.tongxin.shared.web.Languages;

/** An administrative division: GB/T 2260 code (6 digits) or township (9 digits). */
public record Division(String code, String nameZh, String nameEn, AgencyLevel level, String parentCode) {

    public String name(Locale locale) {
        return Languages.pickOrChinese(locale, nameZh, nameEn);
    }

    public String localName() {
        return name(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** True when {@code other} is this division or lies inside it. */
    public boolean contains(String other) {
        return other != null && other.startsWith(significantPrefix());
    }

    String significantPrefix() {
        return switch (level) {
            case NATIONAL -> "";
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code.substring(0, 6);
            case TOWNSHIP -> code;
        };
    }
}
