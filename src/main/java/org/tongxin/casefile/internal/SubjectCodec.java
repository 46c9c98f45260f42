package org.tongxin.casefile.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.SubjectField;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.KeyedHash;

/**
 * Encrypts the protected fields of a subject for storage (doc/security-requirements.md S15), computes the keyed hashes that make
 * them searchable, and decrypts or masks them for a reader.
 */
@Component
public class SubjectCodec {

    static final String ID_NUMBER = "casefile_subject.id_number";
    static final String PHONE = "casefile_subject.phone";
    static final String ADDRESS = "casefile_subject.residence_address";
    static final String GUARDIAN_PHONE = "casefile_subject.guardian_phone";
    static final String HEALTH = "casefile_subject.health";
    static final String OFFENCE = "casefile_case.offence_details";
    static final String PLAN = "casefile_plan.content";

    private final FieldCipher cipher;
    private final KeyedHash hash;

    SubjectCodec(FieldCipher cipher, KeyedHash hash) {
        this.cipher = cipher;
        this.hash = hash;
    }

    static final String ID_NUMBER_PURPOSE = "subject-id-number";
    static final String PHONE_PURPOSE = "subject-phone";

    /** The keyed hash a subject's identity number is stored with (newest key). */
    public byte[] idHash(String idNumber) {
        return hash.hash(ID_NUMBER_PURPOSE, IdentityNumbers.normalise(idNumber));
    }

    /** Every form the identity number's hash may be stored in (each live key version): search with all of them. */
    public List<byte[]> idHashes(String idNumber) {
        return hash.candidates(ID_NUMBER_PURPOSE, IdentityNumbers.normalise(idNumber));
    }

    public byte[] phoneHash(String phone) {
        return phone == null ? null : hash.hash(PHONE_PURPOSE, phoneDigits(phone));
    }

    static String phoneDigits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    public CaseRepository.SubjectRow encode(UUID id, SubjectData s, int version) {
        String idNumber = IdentityNumbers.normalise(s.idNumber());
        return new CaseRepository.SubjectRow(
                id,
                s.name().strip(),
                s.gender(),
                s.ethnicity(),
                s.idType(),
                cipher.encrypt(idNumber, ID_NUMBER),
                idHash(idNumber),
                s.birthDate(),
                encrypt(s.phone(), PHONE),
                phoneHash(s.phone()),
                s.residenceDivision(),
                encrypt(s.residenceAddress(), ADDRESS),
                blank(s.guardianName()),
                blank(s.guardianRelation()),
                encrypt(s.guardianPhone(), GUARDIAN_PHONE),
                encrypt(s.health(), HEALTH),
                version);
    }

    /** Tables whose rows state a subject: a case's own statement, and the values of a proposed change. */
    public static final String STATEMENT = "casefile_subject_statement";

    public static final String CHANGE = "casefile_subject_change";

    /** What a writer entered, as a statement for {@code table} (protected fields encrypted under that table's contexts). */
    public CaseRepository.StatedSubject state(SubjectData s, String table) {
        return new CaseRepository.StatedSubject(
                s.name().strip(),
                s.gender(),
                s.ethnicity(),
                s.idType(),
                s.birthDate(),
                encrypt(s.phone(), table + ".phone"),
                s.residenceDivision(),
                encrypt(s.residenceAddress(), table + ".residence_address"),
                blank(s.guardianName()),
                blank(s.guardianRelation()),
                encrypt(s.guardianPhone(), table + ".guardian_phone"),
                encrypt(s.health(), table + ".health"));
    }

    /**
     * The fields in which what a writer entered differs from the record: only what was entered counts (a field left
     * blank proposes nothing), compared as stored (trimmed; a phone by its digits).
     */
    public java.util.Set<SubjectField> differences(CaseRepository.SubjectRow record, SubjectData entered) {
        java.util.Set<SubjectField> differ = java.util.EnumSet.noneOf(SubjectField.class);
        Map<SubjectField, String> stored = values(record);
        Map<SubjectField, String> given = values(entered);
        given.forEach((field, value) -> {
            if (value != null && !value.equals(stored.get(field))) {
                differ.add(field);
            }
        });
        return differ;
    }

    /** The proposed values of the differing fields only, for a change (the others null). */
    public CaseRepository.StatedSubject proposed(SubjectData s, java.util.Set<SubjectField> fields) {
        CaseRepository.StatedSubject all = state(s, CHANGE);
        return new CaseRepository.StatedSubject(
                fields.contains(SubjectField.NAME) ? all.name() : null,
                fields.contains(SubjectField.GENDER) ? all.gender() : null,
                fields.contains(SubjectField.ETHNICITY) ? all.ethnicity() : null,
                fields.contains(SubjectField.ID_TYPE) ? all.idType() : null,
                fields.contains(SubjectField.BIRTH_DATE) ? all.birthDate() : null,
                fields.contains(SubjectField.PHONE) ? all.phone() : null,
                fields.contains(SubjectField.RESIDENCE_DIVISION) ? all.residenceDivision() : null,
                fields.contains(SubjectField.RESIDENCE_ADDRESS) ? all.residenceAddress() : null,
                fields.contains(SubjectField.GUARDIAN_NAME) ? all.guardianName() : null,
                fields.contains(SubjectField.GUARDIAN_RELATION) ? all.guardianRelation() : null,
                fields.contains(SubjectField.GUARDIAN_PHONE) ? all.guardianPhone() : null,
                fields.contains(SubjectField.HEALTH) ? all.health() : null);
    }

    /** The record with the proposed fields taken over (re-encrypted under the record's contexts), same version. */
    public CaseRepository.SubjectRow apply(
            CaseRepository.SubjectRow r, CaseRepository.StatedSubject p, java.util.Set<SubjectField> fields) {
        Map<SubjectField, String> v = values(p, CHANGE);
        String phone = fields.contains(SubjectField.PHONE) ? v.get(SubjectField.PHONE) : null;
        return new CaseRepository.SubjectRow(
                r.id(),
                fields.contains(SubjectField.NAME) ? p.name() : r.name(),
                fields.contains(SubjectField.GENDER) ? p.gender() : r.gender(),
                fields.contains(SubjectField.ETHNICITY) ? p.ethnicity() : r.ethnicity(),
                fields.contains(SubjectField.ID_TYPE) ? p.idType() : r.idType(),
                r.idNumber(),
                r.idNumberHash(),
                fields.contains(SubjectField.BIRTH_DATE) ? p.birthDate() : r.birthDate(),
                fields.contains(SubjectField.PHONE) ? encrypt(phone, PHONE) : r.phone(),
                fields.contains(SubjectField.PHONE) ? phoneHash(phone) : r.phoneHash(),
                fields.contains(SubjectField.RESIDENCE_DIVISION) ? p.residenceDivision() : r.residenceDivision(),
                fields.contains(SubjectField.RESIDENCE_ADDRESS)
                        ? encrypt(v.get(SubjectField.RESIDENCE_ADDRESS), ADDRESS)
                        : r.residenceAddress(),
                fields.contains(SubjectField.GUARDIAN_NAME) ? p.guardianName() : r.guardianName(),
                fields.contains(SubjectField.GUARDIAN_RELATION) ? p.guardianRelation() : r.guardianRelation(),
                fields.contains(SubjectField.GUARDIAN_PHONE)
                        ? encrypt(v.get(SubjectField.GUARDIAN_PHONE), GUARDIAN_PHONE)
                        : r.guardianPhone(),
                fields.contains(SubjectField.HEALTH) ? encrypt(v.get(SubjectField.HEALTH), HEALTH) : r.health(),
                r.version());
    }

    /** The record's values as text, decrypted, by field (for comparing and for the executing agency's decision). */
    public Map<SubjectField, String> values(CaseRepository.SubjectRow r) {
        Map<SubjectField, String> m = new java.util.EnumMap<>(SubjectField.class);
        put(m, SubjectField.NAME, r.name());
        put(m, SubjectField.GENDER, r.gender() == null ? null : r.gender().name());
        put(m, SubjectField.ETHNICITY, r.ethnicity());
        put(m, SubjectField.ID_TYPE, r.idType() == null ? null : r.idType().name());
        put(
                m,
                SubjectField.BIRTH_DATE,
                r.birthDate() == null ? null : r.birthDate().toString());
        put(m, SubjectField.PHONE, decrypt(r.phone(), PHONE));
        put(m, SubjectField.RESIDENCE_DIVISION, r.residenceDivision());
        put(m, SubjectField.RESIDENCE_ADDRESS, decrypt(r.residenceAddress(), ADDRESS));
        put(m, SubjectField.GUARDIAN_NAME, r.guardianName());
        put(m, SubjectField.GUARDIAN_RELATION, r.guardianRelation());
        put(m, SubjectField.GUARDIAN_PHONE, decrypt(r.guardianPhone(), GUARDIAN_PHONE));
        put(m, SubjectField.HEALTH, decrypt(r.health(), HEALTH));
        return m;
    }

    /** A statement's (or proposal's) values as text, decrypted under {@code table}'s contexts; fields it leaves out are absent. */
    public Map<SubjectField, String> values(CaseRepository.StatedSubject v, String table) {
        Map<SubjectField, String> m = new java.util.EnumMap<>(SubjectField.class);
        put(m, SubjectField.NAME, v.name());
        put(m, SubjectField.GENDER, v.gender() == null ? null : v.gender().name());
        put(m, SubjectField.ETHNICITY, v.ethnicity());
        put(m, SubjectField.ID_TYPE, v.idType() == null ? null : v.idType().name());
        put(
                m,
                SubjectField.BIRTH_DATE,
                v.birthDate() == null ? null : v.birthDate().toString());
        put(m, SubjectField.PHONE, decrypt(v.phone(), table + ".phone"));
        put(m, SubjectField.RESIDENCE_DIVISION, v.residenceDivision());
        put(m, SubjectField.RESIDENCE_ADDRESS, decrypt(v.residenceAddress(), table + ".residence_address"));
        put(m, SubjectField.GUARDIAN_NAME, v.guardianName());
        put(m, SubjectField.GUARDIAN_RELATION, v.guardianRelation());
        put(m, SubjectField.GUARDIAN_PHONE, decrypt(v.guardianPhone(), table + ".guardian_phone"));
        put(m, SubjectField.HEALTH, decrypt(v.health(), table + ".health"));
        return m;
    }

    private Map<SubjectField, String> values(SubjectData s) {
        Map<SubjectField, String> m = new java.util.EnumMap<>(SubjectField.class);
        put(m, SubjectField.NAME, blank(s.name()));
        put(m, SubjectField.GENDER, s.gender() == null ? null : s.gender().name());
        put(m, SubjectField.ETHNICITY, blank(s.ethnicity()));
        put(m, SubjectField.ID_TYPE, s.idType() == null ? null : s.idType().name());
        put(
                m,
                SubjectField.BIRTH_DATE,
                s.birthDate() == null ? null : s.birthDate().toString());
        put(m, SubjectField.PHONE, blank(s.phone()));
        put(m, SubjectField.RESIDENCE_DIVISION, blank(s.residenceDivision()));
        put(m, SubjectField.RESIDENCE_ADDRESS, blank(s.residenceAddress()));
        put(m, SubjectField.GUARDIAN_NAME, blank(s.guardianName()));
        put(m, SubjectField.GUARDIAN_RELATION, blank(s.guardianRelation()));
        put(m, SubjectField.GUARDIAN_PHONE, blank(s.guardianPhone()));
        put(m, SubjectField.HEALTH, blank(s.health()));
        return m;
    }

    private static void put(Map<SubjectField, String> m, SubjectField f, String value) {
        if (value != null) {
            m.put(f, f == SubjectField.PHONE || f == SubjectField.GUARDIAN_PHONE ? value.strip() : value);
        }
    }

    /** The subject of a case for a reader, from the case's own statement where it has one (else the record). */
    public SubjectView view(CaseRepository.CaseSubject subject, boolean protectedVisible, boolean masked) {
        CaseRepository.StatementRow st = subject.statement();
        if (st == null) {
            return view(subject.record(), protectedVisible, masked);
        }
        CaseRepository.SubjectRow r = subject.record();
        CaseRepository.StatedSubject v = st.stated();
        String idNumber = protectedVisible ? cipher.decrypt(r.idNumber(), ID_NUMBER) : null;
        boolean open = protectedVisible && !masked;
        return new SubjectView(
                r.id(),
                masked ? maskName(v.name()) : v.name(),
                masked,
                v.gender(),
                open ? v.ethnicity() : null,
                v.idType(),
                masked && idNumber != null ? IdentityNumbers.mask(idNumber) : idNumber,
                open ? v.birthDate() : null,
                open ? decrypt(v.phone(), STATEMENT + ".phone") : null,
                v.residenceDivision(),
                open ? decrypt(v.residenceAddress(), STATEMENT + ".residence_address") : null,
                open ? v.guardianName() : null,
                open ? v.guardianRelation() : null,
                open ? decrypt(v.guardianPhone(), STATEMENT + ".guardian_phone") : null,
                open ? decrypt(v.health(), STATEMENT + ".health") : null);
    }

    /**
     * The subject for a reader: protected fields only when allowed, identity masked for minors outside their team.
     * Personal details beyond who the person is (birth date, ethnicity, guardian) go with the protected fields: a reader
     * without them (an assisting department, the coordination office, the approving bureau) needs the name, the gender
     * and the district, and its own service's fields come through the referral's shared fields, not the case.
     */
    public SubjectView view(CaseRepository.SubjectRow s, boolean protectedVisible, boolean masked) {
        // The identity number is a protected field: none for a reader without them; masked for a minor's non-team
        // reader.
        String idNumber = protectedVisible ? cipher.decrypt(s.idNumber(), ID_NUMBER) : null;
        boolean open = protectedVisible && !masked;
        return new SubjectView(
                s.id(),
                masked ? maskName(s.name()) : s.name(),
                masked,
                s.gender(),
                open ? s.ethnicity() : null,
                s.idType(),
                masked && idNumber != null ? IdentityNumbers.mask(idNumber) : idNumber,
                open ? s.birthDate() : null,
                open ? decrypt(s.phone(), PHONE) : null,
                s.residenceDivision(),
                open ? decrypt(s.residenceAddress(), ADDRESS) : null,
                open ? s.guardianName() : null,
                open ? s.guardianRelation() : null,
                open ? decrypt(s.guardianPhone(), GUARDIAN_PHONE) : null,
                open ? decrypt(s.health(), HEALTH) : null);
    }

    public byte[] encrypt(String value, String context) {
        String v = blank(value);
        return v == null ? null : cipher.encrypt(v, context);
    }

    public String decrypt(byte[] value, String context) {
        return value == null ? null : cipher.decrypt(value, context);
    }

    /** 张三丰 → 张**: the first character and one star per other character. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
