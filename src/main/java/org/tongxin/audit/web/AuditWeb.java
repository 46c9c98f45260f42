package org.tongxin.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.audit.AuditRecord;
import org.tongxin.audit.internal.AuditQueries;
import org.tongxin.shared.web.NavigationEntry;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** The audit administrator's pages: search, export (CSV) and verification. Nobody else sees them. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditWeb {

    private final AuditQueries queries;
    private final AuditReading reading;

    AuditWeb(AuditQueries queries, AuditReading reading) {
        this.queries = queries;
        this.reading = reading;
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
        AuditSearch search = new AuditSearch(from, to, actor, category, action, outcome, target);
        PageResult<AuditRecord> result =
                reading.search(search, PageQuery.of(page, 50, sort, AuditQueries.SORTABLE, "-id"), "audit/search");
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
        String base = search.url("/audit");
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
        AuditFilter filter =
                reading.export(new AuditSearch(from, to, actor, category, action, outcome, target), "audit/export");
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
        model.addAttribute("result", reading.verify("audit/verify"));
        return "audit/verify";
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry auditLogEntry() {
            return new NavigationEntry("nav.audit", "/audit", 90, Set.of("AUDIT_ADMIN"), "home.tile.audit");
        }
    }
}
