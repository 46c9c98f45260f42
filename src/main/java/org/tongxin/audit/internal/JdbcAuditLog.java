package org.tongxin.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.Actor;
import org.tongxin.shared.security.CurrentActor;
import org.tongxin.shared.web.CorrelationIdFilter;
import tools.jackson.databind.json.JsonMapper;

/** Appends audit records with their keyed hash; joins a writable transaction, else writes in its own. */
@Component
class JdbcAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditHashing hashing;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;

    JdbcAuditLog(
            JdbcClient jdbc,
            CurrentActor currentActor,
            AuditHashing hashing,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.hashing = hashing;
        this.clock = clock;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEntry entry) {
        boolean joinable = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        try {
            if (joinable) {
                write(entry);
            } else {
                ownTransaction.executeWithoutResult(status -> write(entry));
            }
        } catch (DataAccessException | TransactionException e) {
            // Fail closed: no record, no action (doc/security-requirements.md S12).
            log.error("Audit record {} could not be written; the audited action is refused", entry.action(), e);
            throw new TongxinException(HttpStatus.SERVICE_UNAVAILABLE, "AUDIT_UNAVAILABLE");
        }
    }

    private void write(AuditEntry entry) {
        Actor actor = currentActor.get();
        long id = jdbc.sql("SELECT nextval('audit_record_id_seq')")
                .query(Long.class)
                .single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String username = actor.username() != null ? actor.username() : truncate(entry.actorName(), 100);
        String roles =
                actor.roles().isEmpty() ? null : actor.roles().stream().sorted().collect(Collectors.joining(","));
        String details = json.writeValueAsString(new TreeMap<>(entry.details()));
        StoredRecord record = new StoredRecord(
                id,
                now,
                entry.category().name(),
                truncate(entry.action(), 64),
                entry.outcome().name(),
                actor.kind().name(),
                actor.userId(),
                username,
                actor.agencyId(),
                truncate(roles, 400),
                clientIp(),
                CorrelationIdFilter.current(),
                truncate(entry.targetType(), 40),
                truncate(entry.targetId(), 100),
                entry.subjects(),
                truncate(entry.purpose(), 200),
                details,
                null);
        byte[] hash = hashing.recordHash(record);
        jdbc.sql("""
            INSERT INTO audit_record (id, occurred_at, category, action, outcome, actor_kind, actor_user_id,
                actor_username, actor_agency_id, actor_roles, client_ip, correlation_id, target_type, target_id,
                subject_ids, purpose, details, row_hash)
            VALUES (:id, :at, :category, :action, :outcome, :kind, :userId, :username, :agencyId, :roles, :ip,
                :correlation, :targetType, :targetId, :subjects, :purpose, :details, :hash)\
            """)
                .param("id", id)
                .param("at", Timestamp.from(now))
                .param("category", record.category())
                .param("action", record.action())
                .param("outcome", record.outcome())
                .param("kind", record.actorKind())
                .param("userId", record.actorUserId())
                .param("username", record.actorUsername())
                .param("agencyId", record.actorAgencyId())
                .param("roles", record.actorRoles())
                .param("ip", record.clientIp())
                .param("correlation", record.correlationId())
                .param("targetType", record.targetType())
                .param("targetId", record.targetId())
                .param("subjects", record.subjectIds().toArray(String[]::new))
                .param("purpose", record.purpose())
                .param("details", details)
                .param("hash", hash)
                .update();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static Map<String, String> parseDetails(JsonMapper json, String text) {
        @SuppressWarnings("unchecked")
        Map<String, String> map = json.readValue(text, TreeMap.class);
        return map;
    }
}
