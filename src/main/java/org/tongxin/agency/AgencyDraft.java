package org.tongxin.agency;

import java.util.List;

/** The editable content of an agency, as a system administrator enters it. */
public record AgencyDraft(
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
        List<String> jurisdictions) {}
