package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts sensitive fields and files at rest (doc/security-requirements.md S15). The {@code context} names the column (for example
 * {@code "identity_user.totp_secret"}) or the stored object and is bound to the ciphertext, so a value copied into
 * another column or row does not decrypt. The keys live outside the database ({@code TONGXIN_DATA_KEY_FILE}); every
 * ciphertext names the suite and the key version it was sealed with, so values of older suites and keys stay readable
 * and {@code --tongxin.keys.rotate} can seal them anew (doc/operations.md).
 */
public interface FieldCipher {

    /** Encrypts bytes (a file, a document) under the newest key; the result starts with its suite and key version. */
    byte[] encryptBytes(byte[] plain, String context);

    /** Decrypts what {@link #encryptBytes} (or {@link #encrypt}) sealed under the same context, with whichever key did. */
    byte[] decryptBytes(byte[] sealed, String context);

    /** Whether the value is sealed with the suite and key version new values get (nothing to rotate). */
    boolean isCurrent(byte[] sealed);

    default byte[] encrypt(String plaintext, String context) {
        return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    default String decrypt(byte[] ciphertext, String context) {
        return new String(decryptBytes(ciphertext, context), StandardCharsets.UTF_8);
    }

    /** {@link #encrypt}, keeping null as null (an optional text). */
    default byte[] seal(String plaintext, String context) {
        return plaintext == null ? null : encrypt(plaintext, context);
    }

    /** {@link #decrypt}, keeping null as null (an optional text). */
    default String open(byte[] sealed, String context) {
        return sealed == null ? null : decrypt(sealed, context);
    }

    /** The value sealed with the current suite and key: itself when it already is, else decrypted and encrypted anew. */
    default byte[] reseal(byte[] sealed, String context) {
        return isCurrent(sealed) ? sealed : encryptBytes(decryptBytes(sealed, context), context);
    }
}
