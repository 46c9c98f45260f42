package org.tongxin.agency;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.tongxin.shared.web.Languages;

/** What other modules and the pages know of an agency. */
public record AgencyView(
        AgencyId id,
        String code,
        String nameZh,
        String nameEn,
        AgencyType type,
        AgencyLevel level,
        AgencyId parentId,
        String divisionCode,
        String creditCode,
        String address,
        String phone,
        boolean active,
        List<String> jurisdictions,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** The name in the reader's language (Chinese when no English name is kept). */
    public String name(Locale locale) {
        return Languages.pickOrChinese(locale, nameZh, nameEn);
    }

    /**
     * The organ's abbreviation (机关代字) in its document numbers (GB/T 9704: 发文机关代字〔年份〕序号): the place of its
     * name without 区/县/市/街道/乡/镇 (kept when only one character would remain) and one or two characters for the
     * kind of organ: 城东区社区矫正管理局 → 城东矫, 城东区人民法院 → 城东法, A市中级人民法院 → A市中法.
     */
    public String abbreviation() {
        return AgencyAbbreviations.of(nameZh, type);
    }

    public String localName() {
        return name(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
