package org.tongxin.shared.crypto;

import java.nio.file.Path;

/**
 * Field encryption outside the application context, for the Java migrations that seal values kept in plain text before
 * (db/migration): the same keys and formats as the application's {@link FieldCipher}.
 */
public final class FieldCiphers {

    private FieldCiphers() {}

    public static FieldCipher fromKeyFile(Path keyFile, CryptoSuite suite) {
        return new DataKeyCrypto(keyFile.toString(), suite);
    }
}
