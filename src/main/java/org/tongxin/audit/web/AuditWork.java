package org.tongxin.audit.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditRecord;
import org.tongxin.audit.internal.AuditQueries;
import org.tongxin.shared.security.CurrentActor;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.WorkSection;

/**
 * The audit log's part of the work page, for the audit administrator only: when the hash chain was last checked and what
 * the check found (the newest {@code audit.verify} record, which {@link AuditReading} writes), and the way to check it now.
 */
@Component
class AuditWork implements WorkSection {

    private static final AuditFilter CHECKS = new AuditFilter(null, null, null, null, "audit.verify", null, null);

    private final AuditQueries queries;
    private final CurrentActor actor;
    private final MessageSource messages;
    private final Formats formats;

    AuditWork(AuditQueries queries, CurrentActor actor, MessageSource messages, Formats formats) {
        this.queries = queries;
        this.actor = actor;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Part> sections() {
        if (!actor.get().roles().contains("AUDIT_ADMIN")) {
            return List.of();
        }
        List<AuditRecord> last =
                queries.search(CHECKS, new PageQuery(0, 1, "id", true)).items();
        Item item;
        if (last.isEmpty()) {
            item = new Item(
                    text("work.audit.never"),
                    text("work.audit.never.help"),
                    null,
                    null,
                    Urgency.OPEN,
                    text("work.audit.state.never"),
                    "/audit/verify",
                    text("work.audit.check"));
        } else {
            AuditRecord r = last.getFirst();
            boolean intact = "true".equals(r.details().get("intact"));
            item = new Item(
                    text("work.audit.last"),
                    text(
                            intact ? "work.audit.intact" : "work.audit.broken",
                            r.details().getOrDefault("problems", "0")),
                    r.occurredAt(),
                    text("work.audit.checkedAt", formats.dateTime(r.occurredAt())),
                    intact ? Urgency.INFO : Urgency.OVERDUE,
                    text(intact ? "work.audit.state.intact" : "work.audit.state.broken"),
                    "/audit/verify",
                    text("work.audit.check"));
        }
        return List.of(new Part(
                "audit",
                Kind.DUTIES,
                text("work.audit.title"),
                text("work.audit.intro"),
                1,
                0,
                0,
                List.of(item),
                "/audit",
                text("work.audit.all"),
                null));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
