package org.tongxin.audit.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Maps stored audit rows. */
final class AuditStore {

    private AuditStore() {}

    static StoredRecord map(ResultSet rs, int n) throws SQLException {
        return new StoredRecord(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("category"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("actor_kind"),
                rs.getObject("actor_user_id", UUID.class),
                rs.getString("actor_username"),
                rs.getObject("actor_agency_id", UUID.class),
                rs.getString("actor_roles"),
                rs.getString("client_ip"),
                rs.getString("correlation_id"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                strings(rs.getArray("subject_ids")),
                rs.getString("purpose"),
                rs.getString("details"),
                rs.getBytes("row_hash"));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((Long[]) array.getArray());
    }
}
