package org.tongxin.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Field encryption and keyed hashes under the data key named by {@code TONGXIN_DATA_KEY_FILE} (generated under
 * {@code ./data} in embedded mode). The file holds 32 random bytes, Base64-encoded. Sub-keys are derived per
 * purpose, so no two uses share a key.
 */
@Component
class DataKeyCrypto implements FieldCipher, KeyedHash {

    private final byte[] master;
    private final CryptoSuite suite;
    private final Map<CryptoSuite, Map<String, byte[]>> keys = new EnumMap<>(CryptoSuite.class);

    DataKeyCrypto(@Value("${tongxin.data-key-file}") String keyFile,
            @Value("${tongxin.crypto.suite:STANDARD}") CryptoSuite suite) {
        this.master = readKey(Path.of(keyFile));
        this.suite = suite;
        for (CryptoSuite s : CryptoSuite.values()) {
            keys.put(s, new ConcurrentHashMap<>());
        }
    }

    static byte[] readKey(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < 32) {
                throw new DataKeyException("The data key in " + file + " is too short: it must hold at least 32 random "
                        + "bytes, Base64-encoded (e.g. `openssl rand -base64 32`).", null);
            }
            return key;
        } catch (IOException e) {
            throw new DataKeyException("Cannot read the data key file " + file + " (TONGXIN_DATA_KEY_FILE): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DataKeyException("The data key file " + file + " is not Base64 (create one with `openssl rand -base64 32`).", e);
        }
    }

    private byte[] key(CryptoSuite s, String purpose) {
        return keys.get(s).computeIfAbsent(purpose, p -> s.derive(master, p));
    }

    @Override
    public byte[] encryptBytes(byte[] plain, String context) {
        try {
            return suite.encrypt(key(suite, "field"), plain, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    @Override
    public byte[] decryptBytes(byte[] sealed, String context) {
        if (sealed == null || sealed.length == 0) {
            throw new IllegalStateException("Decryption failed: empty value in " + context);
        }
        try {
            CryptoSuite written = CryptoSuite.byId(sealed[0]);
            return written.decrypt(key(written, "field"), sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong data key or damaged value in " + context, e);
        }
    }

    @Override
    public byte[] hash(String purpose, byte[] data) {
        try {
            return suite.mac(key(suite, "hash/" + purpose), data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Keyed hash failed", e);
        }
    }
}
