package org.tongxin.shared.crypto;

/**
 * A keyed hash (HMAC) for exact-match search on encrypted fields and for tamper evidence: without the data key
 * nobody can compute or forge one.
 */
public interface KeyedHash {

    byte[] hash(String purpose, byte[] data);

    default byte[] hash(String purpose, String value) {
        return hash(purpose, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
