package org.tongxin.audit;

import java.time.Instant;

/** Filters of an audit search; null means "any". {@code target} matches the target id or any subject id. */
public record AuditFilter(
        Instant from,
        Instant to,
        String actor,
        AuditCategory category,
        String action,
        AuditOutcome outcome,
        String target) {}
