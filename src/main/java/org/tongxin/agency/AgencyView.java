package org.tongxin.agency;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What other modules and the pages know of an agency. */
public record AgencyView(AgencyId id, String code, String nameZh, String nameEn, AgencyType type, AgencyLevel level,
        AgencyId parentId, String divisionCode, String creditCode, String address, String phone, boolean active,
        List<String> jurisdictions, int version, Instant createdAt, Instant updatedAt) {

    /** The name in the reader's language (Chinese when no English name is kept). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
    }

    public String localName() {
        return name(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
