package org.tongxin.shared.crypto;

import java.util.List;

/** What the key rotation needs to know of the data keys: which suite and key version new values get, and all versions. */
public interface DataKeys {

    CryptoSuite suite();

    /** The key version new values and hashes are written with (the newest in the key file, read again first). */
    int writeVersion();

    List<Integer> versions();

    /** The three bytes that start every value and hash written now: {@code [0x80|suite][version: 2 bytes]}. */
    byte[] currentHeader();
}
