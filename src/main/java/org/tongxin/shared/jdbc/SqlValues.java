package org.tongxin.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tongxin.shared.error.TongxinException;

/**
 * What every repository's SQL does the same way: an instant to and from a {@code timestamptz} column (null stays
 * null), and the answer to an update guarded by the version the user read.
 */
public final class SqlValues {

    private SqlValues() {}

    /** The parameter for a {@code timestamptz} column. */
    public static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A {@code timestamptz} column of the current row. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * Checks what an {@code UPDATE … WHERE id = :id AND version = :version} changed: no row means that someone saved
     * the record after the user read it (409 {@code STALE_VERSION}; nothing is saved).
     */
    public static void requireUpdated(int rows) {
        if (rows == 0) {
            throw TongxinException.staleVersion();
        }
    }
}
