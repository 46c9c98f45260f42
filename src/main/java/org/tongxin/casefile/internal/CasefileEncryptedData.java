package org.tongxin.casefile.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.shared.crypto.EncryptedData;

/** The case file's encrypted fields and keyed hashes, for the key rotation (doc/operations.md). */
@Component
class CasefileEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> subject = List.of("id");
        return List.of(
                SealedColumn.of("casefile_subject", subject, "id_number_enc", SubjectCodec.ID_NUMBER),
                SealedColumn.of("casefile_subject", subject, "phone_enc", SubjectCodec.PHONE),
                SealedColumn.of("casefile_subject", subject, "residence_address_enc", SubjectCodec.ADDRESS),
                SealedColumn.of("casefile_subject", subject, "guardian_phone_enc", SubjectCodec.GUARDIAN_PHONE),
                SealedColumn.of("casefile_subject", subject, "health_enc", SubjectCodec.HEALTH),
                SealedColumn.of("casefile_case", List.of("id"), "offence_details_enc", SubjectCodec.OFFENCE),
                SealedColumn.of("casefile_plan", List.of("case_id", "number"), "content_enc", SubjectCodec.PLAN),
                stated(SubjectCodec.STATEMENT, "case_id", "phone"),
                stated(SubjectCodec.STATEMENT, "case_id", "residence_address"),
                stated(SubjectCodec.STATEMENT, "case_id", "guardian_phone"),
                stated(SubjectCodec.STATEMENT, "case_id", "health"),
                stated(SubjectCodec.CHANGE, "id", "phone"),
                stated(SubjectCodec.CHANGE, "id", "residence_address"),
                stated(SubjectCodec.CHANGE, "id", "guardian_phone"),
                stated(SubjectCodec.CHANGE, "id", "health"),
                stated(SubjectCodec.CHANGE, "id", "rejection_reason"),
                SealedColumn.of(
                        "casefile_supervision_level", List.of("id"), "note_enc", "casefile_supervision_level.note"),
                SealedColumn.of("casefile_sealed_query", List.of("id"), "reason_enc", "casefile_sealed_query.reason"));
    }

    /** A statement's or a proposed change's field: encrypted under "table.field" (SubjectCodec#state). */
    private static SealedColumn stated(String table, String key, String field) {
        return SealedColumn.of(table, List.of(key), field + "_enc", table + "." + field);
    }

    @Override
    public List<HashedColumn> hashedColumns() {
        return List.of(
                new HashedColumn(
                        "casefile_subject",
                        List.of("id"),
                        "id_number_hash",
                        SubjectCodec.ID_NUMBER_PURPOSE,
                        "id_number_enc",
                        SubjectCodec.ID_NUMBER,
                        IdentityNumbers::normalise),
                new HashedColumn(
                        "casefile_subject",
                        List.of("id"),
                        "phone_hash",
                        SubjectCodec.PHONE_PURPOSE,
                        "phone_enc",
                        SubjectCodec.PHONE,
                        SubjectCodec::phoneDigits));
    }
}
