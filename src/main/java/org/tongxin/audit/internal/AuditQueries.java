package org.tongxin.audit.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.audit.AuditRecord;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import tools.jackson.databind.json.JsonMapper;

/** Searches and exports the audit log for audit administrators. */
@Component
public class AuditQueries {

    public static final Set<String> SORTABLE = Set.of("time", "id");
    public static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public PageResult<AuditRecord> search(AuditFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM audit_record" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditRecord> items = jdbc
                .sql("SELECT * FROM audit_record" + where + " ORDER BY id " + (page.descending() ? "DESC" : "ASC")
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AuditStore::map)
                .list()
                .stream()
                .map(this::view)
                .toList();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Streams matching records, newest first, at most {@link #EXPORT_LIMIT}; returns how many were written. */
    @Transactional(readOnly = true)
    public int export(AuditFilter filter, Consumer<AuditRecord> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        int[] count = {0};
        jdbc.sql("SELECT * FROM audit_record" + where + " ORDER BY id DESC LIMIT " + EXPORT_LIMIT)
                .params(params)
                .query(rs -> {
                    sink.accept(view(AuditStore.map(rs, count[0])));
                    count[0]++;
                });
        return count[0];
    }

    private static String where(AuditFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(f.to()));
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" AND actor_username = :actor");
            params.put("actor", f.actor().trim());
        }
        if (f.category() != null) {
            where.append(" AND category = :category");
            params.put("category", f.category().name());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" AND action LIKE :action");
            params.put(
                    "action",
                    f.action().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.outcome() != null) {
            where.append(" AND outcome = :outcome");
            params.put("outcome", f.outcome().name());
        }
        if (f.target() != null && !f.target().isBlank()) {
            where.append(" AND (target_id = :target OR subject_ids @> ARRAY[CAST(:target AS text)])");
            params.put("target", f.target().trim());
        }
        return where.toString();
    }

    private AuditRecord view(StoredRecord r) {
        return new AuditRecord(
                r.id(),
                r.occurredAt(),
                AuditCategory.valueOf(r.category()),
                r.action(),
                AuditOutcome.valueOf(r.outcome()),
                r.actorKind(),
                r.actorUserId(),
                r.actorUsername(),
                r.actorAgencyId(),
                r.actorRoles(),
                r.clientIp(),
                r.correlationId(),
                r.targetType(),
                r.targetId(),
                r.subjectIds(),
                r.purpose(),
                JdbcAuditLog.parseDetails(json, r.details()));
    }

    /** Writes one CSV line (RFC 4180 quoting; formula-leading cells defused for spreadsheet users). */
    public static void csvLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            out.write('"');
            out.write(cell.replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }
}
