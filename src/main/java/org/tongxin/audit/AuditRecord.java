package org.tongxin.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored audit record as the audit administrator sees it. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        AuditCategory category,
        String action,
        AuditOutcome outcome,
        String actorKind,
        UUID actorUserId,
        String actorUsername,
        UUID actorAgencyId,
        String actorRoles,
        String clientIp,
        String correlationId,
        String targetType,
        String targetId,
        List<String> subjects,
        String purpose,
        Map<String, String> details) {}
