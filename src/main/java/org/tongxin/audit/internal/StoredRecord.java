package org.tongxin.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit row exactly as stored (details as canonical JSON text). */
record StoredRecord(
        long id,
        Instant occurredAt,
        String category,
        String action,
        String outcome,
        String actorKind,
        UUID actorUserId,
        String actorUsername,
        UUID actorAgencyId,
        String actorRoles,
        String clientIp,
        String correlationId,
        String targetType,
        String targetId,
        List<String> subjectIds,
        String purpose,
        String details,
        byte[] rowHash) {}
