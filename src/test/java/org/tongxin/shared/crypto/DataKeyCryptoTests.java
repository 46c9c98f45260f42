package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SECURITY.md S15: AES-GCM (or SM4-GCM) under a key outside the database; HMAC for exact-match search. */
class DataKeyCryptoTests {

    @TempDir
    Path dir;

    DataKeyCrypto crypto(CryptoSuite suite) throws Exception {
        Path key = dir.resolve("data.key");
        if (!Files.exists(key)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(key, Base64.getEncoder().encodeToString(bytes));
        }
        return new DataKeyCrypto(key.toString(), suite);
    }

    @Test
    void encryptsSoThatThePlaintextIsNotInTheCiphertextAndDecryptsBack() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealed = crypto.encrypt("110101199003077777", "case_subject.id_number");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("110101199003077777");
        assertThat(crypto.decrypt(sealed, "case_subject.id_number")).isEqualTo("110101199003077777");
        assertThat(crypto.encrypt("same", "c")).isNotEqualTo(crypto.encrypt("same", "c"));
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealed = crypto.encrypt("13800138000", "subject.phone");
        assertThatThrownBy(() -> crypto.decrypt(sealed, "subject.address")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSmSuiteWorksAndOldValuesStayReadableAfterSwitching() throws Exception {
        DataKeyCrypto standard = crypto(CryptoSuite.STANDARD);
        DataKeyCrypto sm = crypto(CryptoSuite.SM);
        byte[] old = standard.encrypt("旧值", "c");
        byte[] fresh = sm.encrypt("新值", "c");
        assertThat(fresh[0]).isEqualTo((byte) 2);
        assertThat(sm.decrypt(old, "c")).isEqualTo("旧值");
        assertThat(sm.decrypt(fresh, "c")).isEqualTo("新值");
        assertThat(sm.hash("search", "x")).hasSize(32).isNotEqualTo(standard.hash("search", "x"));
    }

    @Test
    void keyedHashesAreStablePerPurposeAndDifferBetweenPurposes() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        assertThat(crypto.hash("id-number", "110101199003077777")).isEqualTo(crypto.hash("id-number", "110101199003077777"));
        assertThat(crypto.hash("id-number", "x")).isNotEqualTo(crypto.hash("phone", "x"));
    }

    @Test
    void aMissingOrShortKeyFileStopsWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> new DataKeyCrypto(dir.resolve("absent.key").toString(), CryptoSuite.STANDARD))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("TONGXIN_DATA_KEY_FILE");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[8]));
        assertThatThrownBy(() -> new DataKeyCrypto(shortKey.toString(), CryptoSuite.STANDARD))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("too short");
    }
}
