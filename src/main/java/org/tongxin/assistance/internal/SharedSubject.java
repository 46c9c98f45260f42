package org.tongxin.assistance.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tongxin.assistance.SharedField;
import org.tongxin.casefile.CaseViews.SubjectView;

/**
 * The subject as a service's department may see it: the one projection of {@link SharedField} that the referral page,
 * the API and the referral letter all read, so that what the page says is shared is what the letter prints. Values
 * stay typed (the gender as its enum, the age in years); each reader words them. {@link SharedField#REFERRAL_NOTE} is
 * not the subject's: it is the referral's own text, which the caller adds.
 */
public final class SharedSubject {

    private SharedSubject() {}

    /**
     * The values of {@code fields} for {@code subject} on {@code today}, in the fields' order; a field the subject has no
     * value for maps to null. {@code divisionName} names a residence division code.
     */
    public static Map<SharedField, Object> of(
            Set<SharedField> fields, SubjectView subject, LocalDate today, Function<String, String> divisionName) {
        Map<SharedField, Object> values = new LinkedHashMap<>();
        for (SharedField f : fields) {
            if (f == SharedField.REFERRAL_NOTE) {
                continue;
            }
            String division =
                    subject.residenceDivision() == null ? null : divisionName.apply(subject.residenceDivision());
            values.put(
                    f,
                    switch (f) {
                        case NAME -> subject.name();
                        case GENDER -> subject.gender();
                        case BIRTH_DATE -> subject.birthDate();
                        case AGE ->
                            subject.birthDate() == null
                                    ? null
                                    : Period.between(subject.birthDate(), today).getYears();
                        case ID_NUMBER -> subject.idNumber();
                        case PHONE -> subject.phone();
                        case RESIDENCE_ADDRESS -> join(division, subject.residenceAddress());
                        case RESIDENCE_DISTRICT -> division;
                        case GUARDIAN ->
                            subject.guardianName() == null
                                    ? null
                                    : join(
                                            subject.guardianName(),
                                            subject.guardianRelation() == null
                                                    ? null
                                                    : "（" + subject.guardianRelation() + "）",
                                            subject.guardianPhone());
                        case REFERRAL_NOTE -> throw new IllegalStateException("the referral's own text");
                    });
        }
        return values;
    }

    /** The non-blank parts joined by a space; null when there is none. */
    static String join(String... parts) {
        String joined =
                Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
