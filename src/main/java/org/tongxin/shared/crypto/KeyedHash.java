package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A keyed hash (HMAC) for exact-match search on encrypted fields and for tamper evidence: without the data key
 * nobody can compute or forge one. Each hash names the suite and key version it was made with (a three-byte prefix),
 * so a search computes the value under every live key ({@link #candidates}) and a verifier recomputes a stored hash
 * under the key it names ({@link #matches}).
 */
public interface KeyedHash {

    /** The hash under the current suite and newest key, prefixed with both. */
    byte[] hash(String purpose, byte[] data);

    /**
     * Every form the hash of {@code data} may have been stored in: under each key version of the key file and each
     * suite, and the unprefixed form written before hashes named their key. Search with {@code column = ANY(...)}.
     */
    List<byte[]> candidates(String purpose, byte[] data);

    /** Whether {@code stored} is the hash of {@code data}, recomputed under the suite and key version it names. */
    boolean matches(String purpose, byte[] data, byte[] stored);

    /** Whether a stored hash was made with the current suite and newest key (nothing to rotate). */
    boolean isCurrentHash(byte[] stored);

    default byte[] hash(String purpose, String value) {
        return hash(purpose, value.getBytes(StandardCharsets.UTF_8));
    }

    default List<byte[]> candidates(String purpose, String value) {
        return candidates(purpose, value.getBytes(StandardCharsets.UTF_8));
    }

    default boolean matches(String purpose, String value, byte[] stored) {
        return matches(purpose, value.getBytes(StandardCharsets.UTF_8), stored);
    }
}
