package org.tongxin.shared.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * For the Java migrations that encrypt a column kept in plain text before (doc/adr/0024): seals every non-null value
 * of {@code table.plain} into {@code table.sealed} with the column's context, in the migration's transaction. The
 * migration then drops the plain column.
 */
public final class PlainTextSealing {

    private PlainTextSealing() {}

    /**
     * @param key the primary key columns; @param context the context the application opens the value with
     * ({@code "table.column"} of the plain column). Returns how many values were sealed.
     */
    public static int seal(
            Connection c,
            FieldCipher cipher,
            String table,
            List<String> key,
            String plain,
            String sealed,
            String context)
            throws SQLException {
        String keys = String.join(", ", key);
        String match = String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT " + keys + ", " + plain + " FROM " + table + " WHERE " + plain + " IS NOT NULL");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[key.size() + 1];
                for (int i = 0; i <= key.size(); i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET " + sealed + " = ? WHERE " + match)) {
            for (Object[] row : rows) {
                u.setBytes(1, cipher.encrypt((String) row[key.size()], context));
                for (int i = 0; i < key.size(); i++) {
                    u.setObject(i + 2, row[i]);
                }
                u.addBatch();
            }
            u.executeBatch();
        }
        return rows.size();
    }
}
