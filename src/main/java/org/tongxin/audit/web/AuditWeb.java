package org.tongxin.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.audit.AuditRecord;
import org.tongxin.audit.AuditVerification;
import org.tongxin.audit.internal.AuditQueries;
import org.tongxin.audit.internal.AuditVerifier;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.NavigationEntry;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** The audit administrator's pages: search, export (CSV) and verification. Nobody else sees them. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditWeb {

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditLog audit;

    AuditWeb(AuditQueries queries, AuditVerifier verifier, AuditLog audit) {
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String search(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditCategory category,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        AuditFilter filter = filter(from, to, actor, category, action, outcome, target);
        PageQuery query = PageQuery.of(page, 50, sort, AuditQueries.SORTABLE, "-id");
        PageResult<AuditRecord> result = queries.search(filter, query);
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.search")
                .purpose("audit/search")
                .detail("filter", describe(from, to, actor, category, action, outcome, target)));
        model.addAttribute("page", result);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", actor);
        model.addAttribute("category", category);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("target", target);
        model.addAttribute("categories", AuditCategory.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        String base = UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("from", opt(from))
                .queryParamIfPresent("to", opt(to))
                .queryParamIfPresent("actor", opt(actor))
                .queryParamIfPresent("category", opt(category))
                .queryParamIfPresent("action", opt(action))
                .queryParamIfPresent("outcome", opt(outcome))
                .queryParamIfPresent("target", opt(target))
                .build()
                .toUriString();
        model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?"));
        model.addAttribute("exportUrl", base.replaceFirst("^/audit", "/audit/export"));
        return "audit/search";
    }

    @GetMapping("/audit/export")
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditCategory category,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) String target,
            HttpServletResponse response)
            throws IOException {
        AuditFilter filter = filter(from, to, actor, category, action, outcome, target);
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.export")
                .purpose("audit/export")
                .detail("filter", describe(from, to, actor, category, action, outcome, target)));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tongxin-audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        AuditQueries.csvLine(
                out,
                List.of(
                        "id",
                        "occurred_at",
                        "category",
                        "action",
                        "outcome",
                        "actor_kind",
                        "actor_username",
                        "actor_user_id",
                        "actor_agency_id",
                        "actor_roles",
                        "client_ip",
                        "correlation_id",
                        "target_type",
                        "target_id",
                        "subject_ids",
                        "purpose",
                        "details"));
        queries.export(filter, r -> {
            try {
                AuditQueries.csvLine(
                        out,
                        List.of(
                                String.valueOf(r.id()),
                                r.occurredAt().toString(),
                                r.category().name(),
                                r.action(),
                                r.outcome().name(),
                                r.actorKind(),
                                str(r.actorUsername()),
                                str(r.actorUserId()),
                                str(r.actorAgencyId()),
                                str(r.actorRoles()),
                                str(r.clientIp()),
                                str(r.correlationId()),
                                str(r.targetType()),
                                str(r.targetId()),
                                String.join(" ", r.subjects()),
                                str(r.purpose()),
                                r.details().toString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/audit/verify")
    String verifyPage() {
        return "audit/verify";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        AuditVerification result = verifier.verify();
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.verify")
                .purpose("audit/verify")
                .detail("intact", result.intact())
                .detail("problems", result.problems().size()));
        model.addAttribute("result", result);
        return "audit/verify";
    }

    static AuditFilter filter(
            LocalDate from,
            LocalDate to,
            String actor,
            AuditCategory category,
            String action,
            AuditOutcome outcome,
            String target) {
        FieldProblems problems = new FieldProblems();
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("to", "notBefore");
        }
        if (actor != null && actor.length() > 100) {
            problems.add("actor", "maxLength", 100);
        }
        if (action != null && action.length() > 64) {
            problems.add("action", "maxLength", 64);
        }
        if (target != null && target.length() > 100) {
            problems.add("target", "maxLength", 100);
        }
        problems.throwIfAny();
        Instant start = from == null ? null : from.atStartOfDay(LegalTime.ZONE).toInstant();
        Instant end =
                to == null ? null : to.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant();
        return new AuditFilter(start, end, actor, category, action, outcome, target);
    }

    static String describe(Object... parts) {
        return java.util.Arrays.toString(parts);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static java.util.Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                ? java.util.Optional.empty()
                : java.util.Optional.of(value);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry auditLogEntry() {
            return new NavigationEntry("nav.audit", "/audit", 90, Set.of("AUDIT_ADMIN"), "home.tile.audit");
        }
    }
}
