package org.tongxin.shared.crypto;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The encrypted columns and keyed hashes a module keeps, declared by the module that owns the tables (a Spring bean per
 * module), so that {@code --tongxin.keys.rotate} seals every one of them anew with the newest key (doc/operations.md).
 * A test lists every binary column of the database and fails for one that is neither declared here nor named as
 * something else (doc/development.md).
 */
public interface EncryptedData {

    List<SealedColumn> sealedColumns();

    default List<HashedColumn> hashedColumns() {
        return List.of();
    }

    /**
     * A column of {@link FieldCipher} values. {@code context} is the context the module opens them with; when
     * {@code contextColumn} is set, the row's value of that column follows it (a per-row context).
     */
    record SealedColumn(String table, List<String> key, String column, String context, String contextColumn) {

        public static SealedColumn of(String table, List<String> key, String column, String context) {
            return new SealedColumn(table, key, column, context, null);
        }

        public String target() {
            return table + "." + column;
        }
    }

    /**
     * A column of {@link KeyedHash} values, recomputed from the decrypted value of the sealed column {@code source}
     * (opened with {@code sourceContext}) after {@code normalise}, as the module computes it when writing.
     */
    record HashedColumn(
            String table,
            List<String> key,
            String column,
            String purpose,
            String source,
            String sourceContext,
            UnaryOperator<String> normalise) {

        public String target() {
            return table + "." + column;
        }
    }
}
