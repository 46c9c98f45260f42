package org.tongxin.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data keys of one key file: one or more versioned master keys, the newest used for writing, all of them for
 * reading (doc/operations.md). One line per key, {@code <version>:<Base64 of at least 32 random bytes>}; a line
 * without a version is version 1, so the single-key files written before versions existed keep their meaning.
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class KeyRing {

    /** Key versions fit in the two bytes of the ciphertext header and the hash prefix. */
    public static final int MAX_VERSION = 0xFFFF;

    private final TreeMap<Integer, byte[]> keys;

    private KeyRing(TreeMap<Integer, byte[]> keys) {
        this.keys = keys;
    }

    /** Reads and checks a key file; a {@link DataKeyException} names what is wrong. */
    public static KeyRing read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DataKeyException(
                    "Cannot read the data key file " + file + " (TONGXIN_DATA_KEY_FILE): " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static KeyRing parse(String text, String source) {
        TreeMap<Integer, byte[]> keys = new TreeMap<>();
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            int version;
            String encoded;
            if (colon < 0) {
                version = 1;
                encoded = line;
            } else {
                try {
                    version = Integer.parseInt(line.substring(0, colon).strip());
                } catch (NumberFormatException e) {
                    throw new DataKeyException(
                            "Line " + lineNumber + " of the data key file " + source
                                    + " does not start with a key version (write <version>:<Base64 key>).",
                            e);
                }
                encoded = line.substring(colon + 1).strip();
            }
            if (version < 1 || version > MAX_VERSION) {
                throw new DataKeyException(
                        "Line " + lineNumber + " of the data key file " + source + " names key version " + version
                                + ": versions run from 1 to " + MAX_VERSION + ".",
                        null);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new DataKeyException(
                        "The data key file " + source + " is not Base64 at line " + lineNumber
                                + " (create a key with `openssl rand -base64 32`).",
                        e);
            }
            if (key.length < 32) {
                throw new DataKeyException(
                        "The data key in " + source + " (line " + lineNumber + ") is too short: it must hold at "
                                + "least 32 random bytes, Base64-encoded (e.g. `openssl rand -base64 32`).",
                        null);
            }
            if (keys.put(version, key) != null) {
                throw new DataKeyException(
                        "The data key file " + source + " holds key version " + version + " twice.", null);
            }
        }
        if (keys.isEmpty()) {
            throw new DataKeyException(
                    "The data key file " + source + " holds no key (create one with `openssl rand -base64 32`).", null);
        }
        return new KeyRing(keys);
    }

    /** The version new values are written with: the highest in the file. */
    public int newest() {
        return keys.lastKey();
    }

    public List<Integer> versions() {
        return List.copyOf(keys.keySet());
    }

    Optional<byte[]> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }
}
