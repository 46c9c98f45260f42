package org.tongxin.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One audited action. The acting user, agency, roles, time and correlation id are filled in by the log itself;
 * callers say what happened, to what, to whom ({@code subjects}: ids of every person the request showed), why
 * ({@code purpose}: the screen or API operation) and how it ended. {@code actorName} is only for events before
 * anyone is logged in (the username tried at a failed login). Never put secrets in {@code details}.
 */
public record AuditEntry(
        AuditCategory category,
        String action,
        AuditOutcome outcome,
        String targetType,
        String targetId,
        List<String> subjects,
        String purpose,
        Map<String, String> details,
        String actorName) {

    public AuditEntry {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        details = details == null ? Map.of() : new TreeMap<>(details);
    }

    public static Builder of(AuditCategory category, String action) {
        return new Builder(category, action);
    }

    /** Builder for readable call sites: {@code AuditEntry.of(ADMINISTRATION, "agency.create").target("agency", id)}. */
    public static final class Builder {
        private final AuditCategory category;
        private final String action;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private String targetType;
        private String targetId;
        private List<String> subjects = List.of();
        private String purpose;
        private final Map<String, String> details = new TreeMap<>();
        private String actorName;

        private Builder(AuditCategory category, String action) {
            this.category = category;
            this.action = action;
        }

        public Builder outcome(AuditOutcome value) {
            this.outcome = value;
            return this;
        }

        public Builder target(String type, Object id) {
            this.targetType = type;
            this.targetId = id == null ? null : id.toString();
            return this;
        }

        public Builder subjects(List<?> ids) {
            this.subjects = ids.stream().map(String::valueOf).toList();
            return this;
        }

        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        public Builder detail(String key, Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        public Builder actorName(String value) {
            this.actorName = value;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(
                    category, action, outcome, targetType, targetId, subjects, purpose, details, actorName);
        }
    }
}
