package org.tongxin.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.audit.AuditRecord;
import org.tongxin.audit.AuditVerification;
import org.tongxin.audit.internal.AuditQueries;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** The audit log through the API, for audit administrators only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Tag(name = "audit", description = "Search and verify the tamper-evident audit log")
class AuditApi {

    private final AuditReading reading;

    AuditApi(AuditReading reading) {
        this.reading = reading;
    }

    @GetMapping("/records")
    @Operation(
            operationId = "searchAuditRecords",
            summary = "Search audit records (dates are China Standard Time, inclusive)")
    PageResult<AuditRecord> records(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditCategory category,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return reading.search(
                new AuditSearch(from, to, actor, category, action, outcome, target),
                PageQuery.of(page, size, sort, AuditQueries.SORTABLE, "-id"),
                "api/searchAuditRecords");
    }

    @PostMapping("/verifications")
    @Operation(
            operationId = "verifyAuditLog",
            summary = "Check every record and seal; reports changed, missing or unexpected rows")
    AuditVerification verify() {
        return reading.verify("api/verifyAuditLog");
    }
}
