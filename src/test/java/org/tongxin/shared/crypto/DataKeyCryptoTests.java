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
    void bytesAreSealedSoThatNoPlaintextRemainsAndComeBackExactly() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] file = ("%PDF-1.7 BT (110101199003077777) Tj ET " + "x".repeat(5_000)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] sealed = crypto.encryptBytes(file, "document_content.content:1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("110101199003077777").doesNotContain("%PDF");
        assertThat(sealed).hasSize(1 + 12 + file.length + 16);
        assertThat(crypto.decryptBytes(sealed, "document_content.content:1")).isEqualTo(file);
        assertThat(crypto.encryptBytes(file, "c")).isNotEqualTo(crypto.encryptBytes(file, "c"));
    }

    @Test
    void sealedBytesDoNotOpenUnderAnotherContextOrWhenDamaged() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealed = crypto.encryptBytes(new byte[] { 1, 2, 3 }, "document_content.content:1");
        assertThatThrownBy(() -> crypto.decryptBytes(sealed, "document_content.content:2"))
                .isInstanceOf(IllegalStateException.class);
        byte[] damaged = sealed.clone();
        damaged[damaged.length - 1] ^= 1;
        assertThatThrownBy(() -> crypto.decryptBytes(damaged, "document_content.content:1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> crypto.decryptBytes(new byte[0], "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> crypto.decryptBytes(new byte[] { 9, 1, 2 }, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyAndBinaryContentRoundTripInBothSuites() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        for (CryptoSuite suite : CryptoSuite.values()) {
            DataKeyCrypto crypto = crypto(suite);
            assertThat(crypto.decryptBytes(crypto.encryptBytes(binary, "c"), "c")).isEqualTo(binary);
            assertThat(crypto.decryptBytes(crypto.encryptBytes(new byte[0], "c"), "c")).isEmpty();
        }
    }

    @Test
    void stringsAndBytesShareOneFormatSoExistingValuesStayReadable() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealedString = crypto.encrypt("地址：城东区", "c");
        assertThat(crypto.decryptBytes(sealedString, "c")).isEqualTo("地址：城东区".getBytes(StandardCharsets.UTF_8));
        assertThat(crypto.decrypt(crypto.encryptBytes("电话".getBytes(StandardCharsets.UTF_8), "c"), "c")).isEqualTo("电话");
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
