package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts sensitive fields and files at rest (SECURITY.md S15). The {@code context} names the column (for example
 * {@code "identity_user.totp_secret"}) or the stored object and is bound to the ciphertext, so a value copied into
 * another column or row does not decrypt. The key lives outside the database ({@code TONGXIN_DATA_KEY_FILE}).
 */
public interface FieldCipher {

    /** Encrypts bytes (a file, a document) under the field key; the result starts with the suite's id. */
    byte[] encryptBytes(byte[] plain, String context);

    /** Decrypts what {@link #encryptBytes} (or {@link #encrypt}) sealed under the same context. */
    byte[] decryptBytes(byte[] sealed, String context);

    default byte[] encrypt(String plaintext, String context) {
        return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    default String decrypt(byte[] ciphertext, String context) {
        return new String(decryptBytes(ciphertext, context), StandardCharsets.UTF_8);
    }
}
