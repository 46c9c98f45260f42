package org.tongxin.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One set of algorithms for field encryption and keyed hashing. {@code STANDARD} is AES-256-GCM with HMAC-SHA256;
 * {@code SM} is SM4-GCM with HMAC-SM3 for deployments assessed under GB/T 39786 (密评). Every ciphertext and every
 * keyed hash names its suite and key version ({@link DataKeyCrypto}), so a deployment can switch suites and rotate
 * keys and still read and find what it wrote before.
 */
public enum CryptoSuite {
    STANDARD((byte) 1, "AES", "AES/GCM/NoPadding", "HmacSHA256", 32, null),
    SM((byte) 2, "SM4", "SM4/GCM/NoPadding", "HMACSM3", 16, new BouncyCastleProvider());

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte id;
    private final String keyAlgorithm;
    private final String transformation;
    private final String mac;
    private final int keyBytes;
    private final java.security.Provider provider;

    CryptoSuite(
            byte id,
            String keyAlgorithm,
            String transformation,
            String mac,
            int keyBytes,
            java.security.Provider provider) {
        this.id = id;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.mac = mac;
        this.keyBytes = keyBytes;
        this.provider = provider;
    }

    byte id() {
        return id;
    }

    static CryptoSuite byId(byte id) {
        for (CryptoSuite suite : values()) {
            if (suite.id == id) {
                return suite;
            }
        }
        throw new IllegalArgumentException("Unknown cipher suite " + id);
    }

    /** Derives this suite's key for one purpose from the master key (HKDF-SHA256). */
    byte[] derive(byte[] master, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(
                master,
                ("tongxin/" + name()).getBytes(StandardCharsets.UTF_8),
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[keyBytes];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /** {@code header}, a fresh nonce, then the ciphertext with its tag; the header is authenticated with the data. */
    byte[] encrypt(byte[] key, byte[] header, byte[] plaintext, byte[] associated) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher cipher = cipher();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
                .put(header)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** Opens what {@link #encrypt} sealed behind a header of {@code headerLength} bytes. */
    byte[] decrypt(byte[] key, int headerLength, byte[] message, byte[] associated) throws GeneralSecurityException {
        if (message.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("Sealed value too short");
        }
        byte[] nonce = Arrays.copyOfRange(message, headerLength, headerLength + NONCE_BYTES);
        Cipher cipher = cipher();
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        return cipher.doFinal(message, headerLength + NONCE_BYTES, message.length - headerLength - NONCE_BYTES);
    }

    byte[] mac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac m = provider == null ? Mac.getInstance(mac) : Mac.getInstance(mac, provider);
        m.init(new SecretKeySpec(key, mac));
        return m.doFinal(data);
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
    }
}
