package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.shared.crypto.EncryptedData;
import org.tongxin.support.IntegrationTest;

/**
 * Every binary column of the database is an encrypted value or keyed hash that its module declares for the key
 * rotation ({@link EncryptedData}), or is named here with the reason it is neither. A table added later with an
 * encrypted column that no module declares fails this test, so the rotation never leaves it under an old key
 * (doc/development.md).
 */
@IntegrationTest
class EncryptedColumnsIntegrationTests {

    static final Map<String, String> NOT_ROTATED = Map.of(
            "audit_record.row_hash", "the audit chain is never rewritten: the verifier uses the key each hash names",
            "audit_seal.batch_hash", "the audit chain is never rewritten",
            "audit_seal.previous_hash", "the audit chain is never rewritten",
            "audit_seal.seal_hash", "the audit chain is never rewritten",
            "identity_token.token_hash", "SHA-256 of a random token: no data key involved",
            "identity_known_device.device_hash", "SHA-256 of a random device cookie: no data key involved",
            "spring_session_attributes.attribute_bytes", "session attributes; sessions end within 12 hours");

    @Autowired
    List<EncryptedData> declarations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBinaryColumnIsDeclaredForTheKeyRotationOrNamedWithItsReason() {
        Set<String> declared = new TreeSet<>();
        declarations.forEach(d -> {
            d.sealedColumns().forEach(c -> declared.add(c.target()));
            d.hashedColumns().forEach(h -> declared.add(h.target()));
        });
        List<String> binary = jdbc.sql("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type = 'bytea' ORDER BY 1\
            """).query(String.class).list();
        assertThat(binary)
                .contains(
                        "casefile_subject.id_number_enc", "coordination_conflict.point_enc", "document_content.sealed");
        List<String> problems = new ArrayList<>();
        for (String column : binary) {
            if (!declared.contains(column) && !NOT_ROTATED.containsKey(column)) {
                problems.add(column
                        + " is neither declared for the key rotation (EncryptedData) nor named as something else");
            }
        }
        for (String column : declared) {
            if (!binary.contains(column)) {
                problems.add(column + " is declared for the key rotation but is no binary column of the database");
            }
        }
        assertThat(problems).isEmpty();
    }
}
