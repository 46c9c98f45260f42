package org.tongxin.shared.crypto;

/**
 * Encrypts sensitive fields at rest (SECURITY.md S15). The {@code context} names the column (for example
 * {@code "identity_user.totp_secret"}) and is bound to the ciphertext, so a value copied into another column does
 * not decrypt. The key lives outside the database ({@code TONGXIN_DATA_KEY_FILE}).
 */
public interface FieldCipher {

    byte[] encrypt(String plaintext, String context);

    String decrypt(byte[] ciphertext, String context);
}
