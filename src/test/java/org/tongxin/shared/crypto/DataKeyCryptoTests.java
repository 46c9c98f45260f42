package org.tongxin.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doc/security-requirements.md S15: AES-GCM (or SM4-GCM) under a key outside the database; HMAC for exact-match search. */
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
        assertThat(fresh[0]).as("SM, versioned").isEqualTo((byte) 0x82);
        assertThat(sm.decrypt(old, "c")).isEqualTo("旧值");
        assertThat(sm.decrypt(fresh, "c")).isEqualTo("新值");
        assertThat(sm.hash("search", "x")).hasSize(35).isNotEqualTo(standard.hash("search", "x"));
    }

    @Test
    void keyedHashesAreStablePerPurposeAndDifferBetweenPurposes() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        assertThat(crypto.hash("id-number", "110101199003077777"))
                .isEqualTo(crypto.hash("id-number", "110101199003077777"));
        assertThat(crypto.hash("id-number", "x")).isNotEqualTo(crypto.hash("phone", "x"));
    }

    @Test
    void bytesAreSealedSoThatNoPlaintextRemainsAndComeBackExactly() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] file =
                ("%PDF-1.7 BT (110101199003077777) Tj ET " + "x".repeat(5_000)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] sealed = crypto.encryptBytes(file, "document_content.content:1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("110101199003077777")
                .doesNotContain("%PDF");
        assertThat(sealed).hasSize(3 + 12 + file.length + 16);
        assertThat(crypto.decryptBytes(sealed, "document_content.content:1")).isEqualTo(file);
        assertThat(crypto.encryptBytes(file, "c")).isNotEqualTo(crypto.encryptBytes(file, "c"));
    }

    @Test
    void sealedBytesDoNotOpenUnderAnotherContextOrWhenDamaged() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealed = crypto.encryptBytes(new byte[] {1, 2, 3}, "document_content.content:1");
        assertThatThrownBy(() -> crypto.decryptBytes(sealed, "document_content.content:2"))
                .isInstanceOf(IllegalStateException.class);
        byte[] damaged = sealed.clone();
        damaged[damaged.length - 1] ^= 1;
        assertThatThrownBy(() -> crypto.decryptBytes(damaged, "document_content.content:1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> crypto.decryptBytes(new byte[0], "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> crypto.decryptBytes(new byte[] {9, 1, 2}, "c"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyAndBinaryContentRoundTripInBothSuites() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        for (CryptoSuite suite : CryptoSuite.values()) {
            DataKeyCrypto crypto = crypto(suite);
            assertThat(crypto.decryptBytes(crypto.encryptBytes(binary, "c"), "c"))
                    .isEqualTo(binary);
            assertThat(crypto.decryptBytes(crypto.encryptBytes(new byte[0], "c"), "c"))
                    .isEmpty();
        }
    }

    @Test
    void stringsAndBytesShareOneFormatSoExistingValuesStayReadable() throws Exception {
        DataKeyCrypto crypto = crypto(CryptoSuite.STANDARD);
        byte[] sealedString = crypto.encrypt("地址：城东区", "c");
        assertThat(crypto.decryptBytes(sealedString, "c")).isEqualTo("地址：城东区".getBytes(StandardCharsets.UTF_8));
        assertThat(crypto.decrypt(crypto.encryptBytes("电话".getBytes(StandardCharsets.UTF_8), "c"), "c"))
                .isEqualTo("电话");
    }

    @Test
    void aMissingOrShortKeyFileStopsWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> new DataKeyCrypto(dir.resolve("absent.key").toString(), CryptoSuite.STANDARD))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("TONGXIN_DATA_KEY_FILE");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[8]));
        assertThatThrownBy(() -> new DataKeyCrypto(shortKey.toString(), CryptoSuite.STANDARD))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("too short");
    }

    // Key versions and suites (doc/adr/0023)

    static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    DataKeyCrypto crypto(String fileText, CryptoSuite suite) throws Exception {
        Path file = dir.resolve("ring-" + System.nanoTime() + ".key");
        Files.writeString(file, fileText);
        return new DataKeyCrypto(file.toString(), suite);
    }

    @Test
    void valuesAndHashesWrittenBeforeKeysHadVersionsStayReadableAndFindableAsVersionOne() throws Exception {
        String first = key();
        byte[] master = Base64.getDecoder().decode(first);
        // What the single-key format wrote: [suite][nonce][ciphertext+tag], the column as associated data; a bare HMAC.
        byte[] legacy = CryptoSuite.STANDARD.encrypt(
                CryptoSuite.STANDARD.derive(master, "field"),
                new byte[] {1},
                "110101199003077777".getBytes(StandardCharsets.UTF_8),
                "c".getBytes(StandardCharsets.UTF_8));
        byte[] legacyHash = CryptoSuite.STANDARD.mac(
                CryptoSuite.STANDARD.derive(master, "hash/id"), "110101199003077777".getBytes(StandardCharsets.UTF_8));
        DataKeyCrypto crypto = crypto(first + "\n2:" + key() + "\n", CryptoSuite.SM);
        assertThat(crypto.decrypt(legacy, "c")).isEqualTo("110101199003077777");
        assertThat(crypto.isCurrent(legacy)).isFalse();
        assertThat(crypto.candidates("id", "110101199003077777"))
                .anySatisfy(h -> assertThat(h).isEqualTo(legacyHash));
        assertThat(crypto.matches("id", "110101199003077777", legacyHash)).isTrue();
        assertThat(crypto.matches("id", "110101199003077778", legacyHash)).isFalse();
    }

    @Test
    void theNewestKeyWritesEveryKeyReadsAndResealingMovesAValueToTheNewest() throws Exception {
        String one = key();
        DataKeyCrypto old = crypto("1:" + one, CryptoSuite.STANDARD);
        DataKeyCrypto both = crypto("# rotated 2026-12\n1:" + one + "\n2:" + key() + "\n", CryptoSuite.STANDARD);
        byte[] written = old.encrypt("青云路8号", "casefile_subject.residence_address");
        assertThat(written[0]).isEqualTo((byte) 0x81);
        assertThat(new byte[] {written[1], written[2]}).as("key version 1").containsExactly(0, 1);
        assertThat(both.decrypt(written, "casefile_subject.residence_address")).isEqualTo("青云路8号");
        assertThat(both.isCurrent(written)).isFalse();
        byte[] resealed = both.reseal(written, "casefile_subject.residence_address");
        assertThat(new byte[] {resealed[1], resealed[2]}).as("key version 2").containsExactly(0, 2);
        assertThat(both.isCurrent(resealed)).isTrue();
        assertThat(both.reseal(resealed, "casefile_subject.residence_address")).isSameAs(resealed);
        assertThat(both.decrypt(resealed, "casefile_subject.residence_address")).isEqualTo("青云路8号");
        assertThatThrownBy(() -> old.decrypt(resealed, "casefile_subject.residence_address"))
                .as("a key version the file does not hold")
                .isInstanceOf(IllegalStateException.class);
        byte[] headerChanged = resealed.clone();
        headerChanged[2] = 1;
        assertThatThrownBy(() -> both.decrypt(headerChanged, "casefile_subject.residence_address"))
                .as("the header is authenticated")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesNameTheirSuiteAndKeySoASearchFindsValuesOfEveryLiveKeyAndSuite() throws Exception {
        String one = key();
        String two = key();
        DataKeyCrypto standardOld = crypto("1:" + one, CryptoSuite.STANDARD);
        DataKeyCrypto smNew = crypto("1:" + one + "\n2:" + two, CryptoSuite.SM);
        byte[] before = standardOld.hash("subject-phone", "13800138000");
        byte[] after = smNew.hash("subject-phone", "13800138000");
        assertThat(before).hasSize(35).startsWith(0x81, 0, 1);
        assertThat(after).hasSize(35).startsWith(0x82, 0, 2);
        assertThat(smNew.candidates("subject-phone", "13800138000"))
                .as("one per key version and suite, and the legacy forms")
                .hasSize(6)
                .anySatisfy(h -> assertThat(h).isEqualTo(before))
                .anySatisfy(h -> assertThat(h).isEqualTo(after));
        assertThat(smNew.matches("subject-phone", "13800138000", before)).isTrue();
        assertThat(smNew.matches("subject-phone", "13800138000", after)).isTrue();
        assertThat(smNew.isCurrentHash(after)).isTrue();
        assertThat(smNew.isCurrentHash(before)).isFalse();
        DataKeyCrypto withoutOne = crypto("2:" + two, CryptoSuite.SM);
        assertThat(withoutOne.matches("subject-phone", "13800138000", before))
                .as("a removed key confirms nothing")
                .isFalse();
    }

    @Test
    void aKeyAddedToTheFileIsLearntWhenAValueNamesIt() throws Exception {
        String one = key();
        Path file = dir.resolve("live.key");
        Files.writeString(file, one);
        DataKeyCrypto running = new DataKeyCrypto(file.toString(), CryptoSuite.STANDARD);
        String withTwo = one + "\n2:" + key() + "\n";
        DataKeyCrypto rotating = crypto(withTwo, CryptoSuite.STANDARD);
        byte[] fresh = rotating.encrypt("新钥匙写的", "c");
        Files.writeString(file, withTwo);
        assertThat(running.decrypt(fresh, "c")).isEqualTo("新钥匙写的");
        assertThat(running.isCurrent(running.encrypt("x", "c"))).isTrue();
        assertThat(running.encrypt("x", "c")[2])
                .as("writes with the newest key once it knows it")
                .isEqualTo((byte) 2);
    }

    @Test
    void aMalformedKeyFileIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> KeyRing.parse("1:" + key() + "\n1:" + key(), "f"))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("version 1 twice");
        assertThatThrownBy(() -> KeyRing.parse("x:" + key(), "f")).hasMessageContaining("Line 1");
        assertThatThrownBy(() -> KeyRing.parse("0:" + key(), "f")).hasMessageContaining("versions run from 1");
        assertThatThrownBy(() -> KeyRing.parse("# nothing\n", "f")).hasMessageContaining("holds no key");
        assertThat(KeyRing.parse(key() + "\n\n7:" + key() + "\n", "f").versions())
                .containsExactly(1, 7);
        assertThat(KeyRing.parse(key() + "\n7:" + key(), "f").newest()).isEqualTo(7);
    }
}
