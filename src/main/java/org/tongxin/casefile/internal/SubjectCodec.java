package org.tongxin.casefile.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.KeyedHash;

/**
 * Encrypts the protected fields of a subject for storage (SECURITY.md S15), computes the keyed hashes that make
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
        return new CaseRepository.SubjectRow(id, s.name().strip(), s.gender(), s.ethnicity(), s.idType(),
                cipher.encrypt(idNumber, ID_NUMBER), idHash(idNumber), s.birthDate(), encrypt(s.phone(), PHONE),
                phoneHash(s.phone()), s.residenceDivision(), encrypt(s.residenceAddress(), ADDRESS), blank(s.guardianName()),
                blank(s.guardianRelation()), encrypt(s.guardianPhone(), GUARDIAN_PHONE), encrypt(s.health(), HEALTH), version);
    }

    /** The subject for a reader: protected fields only when allowed, identity masked for minors outside their team. */
    public SubjectView view(CaseRepository.SubjectRow s, boolean protectedVisible, boolean masked) {
        // The identity number is a protected field: none for a reader without them; masked for a minor's non-team reader.
        String idNumber = protectedVisible ? cipher.decrypt(s.idNumber(), ID_NUMBER) : null;
        return new SubjectView(s.id(), masked ? maskName(s.name()) : s.name(), masked, s.gender(), s.ethnicity(), s.idType(),
                masked && idNumber != null ? IdentityNumbers.mask(idNumber) : idNumber, masked ? null : s.birthDate(),
                protectedVisible && !masked ? decrypt(s.phone(), PHONE) : null, s.residenceDivision(),
                protectedVisible && !masked ? decrypt(s.residenceAddress(), ADDRESS) : null,
                masked ? null : s.guardianName(), masked ? null : s.guardianRelation(),
                protectedVisible && !masked ? decrypt(s.guardianPhone(), GUARDIAN_PHONE) : null,
                protectedVisible && !masked ? decrypt(s.health(), HEALTH) : null);
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
