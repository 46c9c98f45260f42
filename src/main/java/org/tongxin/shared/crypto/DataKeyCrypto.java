package org.tongxin.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Field encryption and keyed hashes under the data keys of {@code TONGXIN_DATA_KEY_FILE} (generated under
 * {@code ./data} in embedded mode; format in {@link KeyRing}). Sub-keys are derived per key version, suite and
 * purpose, so no two uses share a key.
 *
 * <p>Formats (doc/adr/0023). A ciphertext is {@code [0x80|suite][version: 2 bytes][nonce 12][ciphertext+tag]}, the
 * three header bytes authenticated with the context; a keyed hash is {@code [0x80|suite][version: 2 bytes][HMAC]}.
 * Values written before versions existed — {@code [suite][nonce][ciphertext+tag]} and a bare 32-byte HMAC — belong to
 * key version 1 and stay readable and findable. New values use the configured suite and the newest key.
 *
 * <p>The file is read again when it changes (checked at most every few seconds) and whenever a value names a key
 * version not yet known, so that running instances learn a key added for rotation without a restart.
 */
@Component
class DataKeyCrypto implements FieldCipher, KeyedHash, DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeyCrypto.class);

    static final int HEADER_BYTES = 3;
    static final int MAC_BYTES = 32;
    private static final byte VERSIONED = (byte) 0x80;
    private static final long RECHECK_NANOS = 5_000_000_000L;

    private final Path file;
    private final CryptoSuite suite;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();
    private volatile KeyRing ring;
    private volatile long checkedAt;
    private volatile long modified;

    DataKeyCrypto(
            @Value("${tongxin.data-key-file}") String keyFile,
            @Value("${tongxin.crypto.suite:STANDARD}") CryptoSuite suite) {
        this.file = Path.of(keyFile);
        this.suite = suite;
        this.modified = lastModified();
        this.ring = KeyRing.read(file);
        this.checkedAt = System.nanoTime();
    }

    /** The keys in use now (re-read when the file changed). */
    KeyRing ring() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            checkedAt = now;
            long m = lastModified();
            if (m != modified) {
                reload();
            }
        }
        return ring;
    }

    /** Reads the key file again; a broken file keeps the keys already loaded (and says so). */
    synchronized KeyRing reload() {
        try {
            long m = lastModified();
            KeyRing fresh = KeyRing.read(file);
            if (!fresh.versions().equals(ring.versions())) {
                log.info("Data key file re-read: key versions {} (writing with {})", fresh.versions(), fresh.newest());
            }
            ring = fresh;
            modified = m;
        } catch (DataKeyException e) {
            log.error("The data key file could not be re-read; the keys loaded before stay in use: {}", e.getMessage());
        }
        checkedAt = System.nanoTime();
        return ring;
    }

    private long lastModified() {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** The key of a version, reading the file again once when the version is not (yet) known. */
    private byte[] master(int version) {
        return ring().key(version)
                .or(() -> reload().key(version))
                .orElseThrow(() -> new IllegalStateException("Data key version " + version
                        + " is not in the data key file " + file + " (TONGXIN_DATA_KEY_FILE)"));
    }

    private byte[] key(CryptoSuite s, int version, String purpose) {
        byte[] master = master(version);
        // Cached per key material too, so a key file replaced under the same version never serves a stale sub-key.
        return derived.computeIfAbsent(
                s.name() + '/' + version + '/' + purpose + '/' + fingerprint(master), k -> s.derive(master, purpose));
    }

    private static String fingerprint(byte[] master) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(master);
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] header(CryptoSuite s, int version) {
        return new byte[] {(byte) (VERSIONED | s.id()), (byte) (version >>> 8), (byte) version};
    }

    private static boolean versioned(byte first) {
        return (first & VERSIONED) != 0;
    }

    private static int version(byte[] value) {
        return ((value[1] & 0xFF) << 8) | (value[2] & 0xFF);
    }

    private static byte[] associated(String context, byte[] header) {
        byte[] c = context.getBytes(StandardCharsets.UTF_8);
        return header == null
                ? c
                : ByteBuffer.allocate(c.length + header.length)
                        .put(c)
                        .put(header)
                        .array();
    }

    // Encryption

    @Override
    public byte[] encryptBytes(byte[] plain, String context) {
        int version = ring().newest();
        byte[] header = header(suite, version);
        try {
            return suite.encrypt(key(suite, version, "field"), header, plain, associated(context, header));
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
            if (versioned(sealed[0])) {
                if (sealed.length < HEADER_BYTES) {
                    throw new GeneralSecurityException("Truncated header");
                }
                CryptoSuite written = CryptoSuite.byId((byte) (sealed[0] & ~VERSIONED));
                byte[] header = java.util.Arrays.copyOf(sealed, HEADER_BYTES);
                return written.decrypt(
                        key(written, version(sealed), "field"), HEADER_BYTES, sealed, associated(context, header));
            }
            CryptoSuite written = CryptoSuite.byId(sealed[0]);
            return written.decrypt(key(written, 1, "field"), 1, sealed, associated(context, null));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong data key or damaged value in " + context, e);
        }
    }

    @Override
    public boolean isCurrent(byte[] sealed) {
        return sealed != null
                && sealed.length >= HEADER_BYTES
                && sealed[0] == (byte) (VERSIONED | suite.id())
                && version(sealed) == ring().newest();
    }

    // What the rotation asks

    @Override
    public CryptoSuite suite() {
        return suite;
    }

    @Override
    public int writeVersion() {
        return reload().newest();
    }

    @Override
    public List<Integer> versions() {
        return ring().versions();
    }

    @Override
    public byte[] currentHeader() {
        return header(suite, ring().newest());
    }

    // Keyed hashes

    @Override
    public byte[] hash(String purpose, byte[] data) {
        return hash(suite, ring().newest(), purpose, data);
    }

    private byte[] hash(CryptoSuite s, int version, String purpose, byte[] data) {
        return ByteBuffer.allocate(HEADER_BYTES + MAC_BYTES)
                .put(header(s, version))
                .put(mac(s, version, purpose, data))
                .array();
    }

    private byte[] mac(CryptoSuite s, int version, String purpose, byte[] data) {
        try {
            return s.mac(key(s, version, "hash/" + purpose), data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Keyed hash failed", e);
        }
    }

    @Override
    public List<byte[]> candidates(String purpose, byte[] data) {
        KeyRing keys = ring();
        List<byte[]> all = new ArrayList<>();
        for (int version : keys.versions()) {
            for (CryptoSuite s : CryptoSuite.values()) {
                all.add(hash(s, version, purpose, data));
            }
        }
        if (keys.versions().contains(1)) {
            for (CryptoSuite s : CryptoSuite.values()) {
                all.add(mac(s, 1, purpose, data));
            }
        }
        return all;
    }

    @Override
    public boolean matches(String purpose, byte[] data, byte[] stored) {
        if (stored == null) {
            return false;
        }
        try {
            if (stored.length == HEADER_BYTES + MAC_BYTES && versioned(stored[0])) {
                CryptoSuite s = CryptoSuite.byId((byte) (stored[0] & ~VERSIONED));
                return MessageDigest.isEqual(stored, hash(s, version(stored), purpose, data));
            }
            if (stored.length == MAC_BYTES) {
                // Written before hashes named their suite: key version 1, under either suite.
                for (CryptoSuite s : CryptoSuite.values()) {
                    if (MessageDigest.isEqual(stored, mac(s, 1, purpose, data))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An unknown suite or a key version no longer in the file: the hash cannot be confirmed.
            return false;
        }
    }

    @Override
    public boolean isCurrentHash(byte[] stored) {
        return stored != null
                && stored.length == HEADER_BYTES + MAC_BYTES
                && stored[0] == (byte) (VERSIONED | suite.id())
                && version(stored) == ring().newest();
    }
}
