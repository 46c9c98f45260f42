package org.tongxin.assistance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The subject's fields a department or organisation may see for a referral (doc/security-requirements.md S8: field-level
 * need-to-know). {@link #FOR_SERVICE} is the configuration: one line per service, shown on the referral page as
 * "fields shared with the department". Offence details and location data are never shared with an assisting agency.
 */
public enum SharedField {
    NAME("name"),
    GENDER("gender"),
    BIRTH_DATE("birthDate"),
    AGE("age"),
    ID_NUMBER("idNumber"),
    PHONE("phone"),
    RESIDENCE_ADDRESS("residenceAddress"),
    RESIDENCE_DISTRICT("residenceDistrict"),
    GUARDIAN("guardian"),
    REFERRAL_NOTE("referralNote");

    private final String key;

    SharedField(String key) {
        this.key = key;
    }

    /** The field's name in the API's {@code sharedSubject} object. */
    public String key() {
        return key;
    }

    /** What each service's department sees of the subject. */
    public static final Map<AssistanceService, Set<SharedField>> FOR_SERVICE;

    static {
        Map<AssistanceService, Set<SharedField>> m = new EnumMap<>(AssistanceService.class);
        // Benefits are granted to an identified person at an address: identity number and residence needed.
        Set<SharedField> benefits = EnumSet.of(NAME, GENDER, BIRTH_DATE, ID_NUMBER, PHONE, RESIDENCE_ADDRESS);
        m.put(AssistanceService.SUBSISTENCE_ALLOWANCE, benefits);
        m.put(AssistanceService.TEMPORARY_ASSISTANCE, benefits);
        m.put(AssistanceService.HOUSING, benefits);
        m.put(AssistanceService.SOCIAL_INSURANCE, benefits);
        // Training and placement need to reach the person and know roughly where they live, not who they are on paper.
        Set<SharedField> work = EnumSet.of(NAME, GENDER, AGE, PHONE, RESIDENCE_DISTRICT);
        m.put(AssistanceService.JOB_TRAINING, work);
        m.put(AssistanceService.JOB_PLACEMENT, work);
        m.put(AssistanceService.VOCATIONAL_EDUCATION, work);
        // Counselling and family work need the referring officer's account of the situation.
        Set<SharedField> counselling = EnumSet.of(NAME, PHONE, REFERRAL_NOTE);
        m.put(AssistanceService.PSYCHOLOGICAL_COUNSELLING, counselling);
        m.put(AssistanceService.FAMILY_WORK, counselling);
        m.put(AssistanceService.VOLUNTEERS, EnumSet.of(NAME, PHONE, RESIDENCE_DISTRICT));
        // A school place for a minor is arranged with the guardian.
        m.put(AssistanceService.SCHOOLING, EnumSet.of(NAME, AGE, GUARDIAN));
        for (AssistanceService service : AssistanceService.values()) {
            if (!m.containsKey(service)) {
                throw new IllegalStateException("No shared fields configured for " + service);
            }
            m.put(service, Collections.unmodifiableSet(EnumSet.copyOf(m.get(service))));
        }
        FOR_SERVICE = Collections.unmodifiableMap(m);
    }

    public static Set<SharedField> of(AssistanceService service) {
        return FOR_SERVICE.get(service);
    }
}
