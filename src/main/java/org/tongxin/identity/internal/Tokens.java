package org.tongxin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** API token material: 32 random bytes behind a recognisable prefix; only SHA-256 of the whole token is stored. */
final class Tokens {

    static final String PERSONAL_PREFIX = "txp_";
    static final String SYSTEM_PREFIX = "txs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String displayPrefix(String token) {
        return token.substring(0, Math.min(token.length(), 10));
    }

    static boolean wellFormed(String token) {
        return token != null
                && token.length() == 47
                && (token.startsWith(PERSONAL_PREFIX) || token.startsWith(SYSTEM_PREFIX))
                && token.substring(4).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
