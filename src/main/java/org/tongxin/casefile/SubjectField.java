package org.tongxin.casefile;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A field of a subject's record that a new case's statement may state differently (the identity number never: it is
 * what makes the person the same). Names in Chinese and English for the timeline, which stores its texts.
 */
public enum SubjectField {
    NAME("姓名", "name"),
    GENDER("性别", "gender"),
    ETHNICITY("民族", "ethnic group"),
    ID_TYPE("证件类型", "identity document type"),
    BIRTH_DATE("出生日期", "date of birth"),
    PHONE("联系电话", "phone"),
    RESIDENCE_DIVISION("居住地区划", "residence division"),
    RESIDENCE_ADDRESS("居住地址", "residence address"),
    GUARDIAN_NAME("监护人", "guardian"),
    GUARDIAN_RELATION("与监护人关系", "guardian's relation"),
    GUARDIAN_PHONE("监护人电话", "guardian's phone"),
    HEALTH("健康状况", "health");

    private final String nameZh;
    private final String nameEn;

    SubjectField(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The fields' Chinese names, in the record's order, joined for a sentence. */
    public static String listZh(Collection<SubjectField> fields) {
        return fields.stream().sorted().map(SubjectField::nameZh).collect(Collectors.joining("、"));
    }

    public static String listEn(Collection<SubjectField> fields) {
        return fields.stream().sorted().map(SubjectField::nameEn).collect(Collectors.joining(", "));
    }
}
